// The SMS-style form (templates/sms/chat.html), enhanced. Without this file the form posts,
// the page reloads at #latest, and the live region there already holds our answer. With it,
// a reply is sent without reloading: the new messages go into the same live region (so a
// screen reader says our answer), and focus stays in the reply box for the next one.

const live = document.getElementById("latest");
// The parts of the page a reply changes; the live region itself is kept, only refilled.
const PARTS = ["app-chat-errors", "app-chat-earlier", "app-chat-reply"];
let sending = false;

const focusAfterReply = () => {
  const summary = document.querySelector("#app-chat-errors .nhsuk-error-summary");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
    return;
  }
  (document.getElementById("reply") || document.getElementById("app-chat-ended"))?.focus();
};

// Put the page the server sent back in place of this one's changing parts; false (nothing
// changed) if it is not a chat page, such as an error page.
const swapIn = (html) => {
  const next = new DOMParser().parseFromString(html, "text/html");
  const nextLive = next.getElementById("latest");
  const complete = PARTS.every((id) => next.getElementById(id) && document.getElementById(id));
  if (!live || !nextLive || !complete) return false;
  for (const id of PARTS) {
    document.getElementById(id).replaceWith(document.adoptNode(next.getElementById(id)));
  }
  live.replaceChildren(...[...nextLive.childNodes].map((node) => document.adoptNode(node)));
  document.title = next.title;
  return true;
};

// On a ward tablet, our thanks arrives in a swapped-in part: go back to the kiosk's start
// after its notice's seconds, as a full page load would (js/init.js) for the next person.
const returnWhenThanked = () => {
  const notice = document.getElementById("app-return-notice");
  if (!notice || notice.dataset.timing) return;
  notice.dataset.timing = "yes";
  const timer = window.setTimeout(
    () => window.location.assign(notice.dataset.returnUrl),
    Number(notice.dataset.returnSeconds) * 1000,
  );
  const stay = document.getElementById("app-return-stay");
  stay.hidden = false;
  stay.addEventListener("click", () => {
    window.clearTimeout(timer);
    notice.hidden = true;
  });
};

document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.id !== "app-chat-form") return;
  event.preventDefault();
  if (sending) return; // a double tap: the first send is on its way
  sending = true;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "text/html" },
    });
    if (!swapIn(await response.text())) throw new Error("The reply did not come back as a page");
    focusAfterReply();
    returnWhenThanked();
  } catch {
    // Send it the plain way: the form's key makes a second send of the same reply harmless.
    form.submit();
  } finally {
    sending = false;
  }
});

// Back at #latest after a plain post: start from our answer; the reply box is the next Tab.
if (live && window.location.hash === "#latest" && !document.querySelector(".nhsuk-error-summary")) {
  live.focus();
}
