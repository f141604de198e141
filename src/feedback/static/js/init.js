// Start the NHS.UK components, then the behaviour of our own pages.
// The version must match NHSUK_FRONTEND_VERSION in the Makefile (a test checks it).
import { initAll } from "/assets/nhsuk-frontend-10.6.1.min.js";

initAll();

// A page restored from the back-forward cache could show the previous person's answers on a
// shared tablet: fetch it again instead (the server sends them back to the start).
window.addEventListener("pageshow", (event) => {
  if (event.persisted && document.body.classList.contains("app-patient")) {
    window.location.reload();
  }
});

// Thank-you page on a ward tablet: go back to the start for the next person, unless the
// person asks to stay (WCAG 2.2.1: a time limit the user can turn off).
const returnNotice = document.getElementById("app-return-notice");
if (returnNotice) {
  const seconds = Number(returnNotice.dataset.returnSeconds);
  const returnTimer = window.setTimeout(
    () => window.location.assign(returnNotice.dataset.returnUrl),
    seconds * 1000,
  );
  const stay = document.getElementById("app-return-stay");
  stay.hidden = false;
  stay.addEventListener("click", () => {
    window.clearTimeout(returnTimer);
    returnNotice.hidden = true;
  });
}

// Ward tablet question pages: after a spell with no touch or key press, warn, and clear the
// answers unless the person asks for more time (WCAG 2.2.1 Timing Adjustable).
const timeout = document.getElementById("app-timeout");
if (timeout) {
  const idleMs = Number(timeout.dataset.idleSeconds) * 1000;
  const warningMs = Number(timeout.dataset.warningSeconds) * 1000;
  const extend = document.getElementById("app-timeout-extend");
  const reset = document.getElementById("app-timeout-reset");
  let idleTimer;
  let clearTimer;
  let lastFocus = null;
  let madeInert = [];

  // aria-modal alone does not stop Tab or a screen reader reaching the page behind the
  // warning (WCAG 2.4.11 Focus Not Obscured): make everything else inert while it shows.
  const setPageBehindInert = (inert) => {
    if (!inert) {
      for (const element of madeInert) element.inert = false;
      madeInert = [];
      return;
    }
    for (let element = timeout; element.parentElement && element !== document.body; element = element.parentElement) {
      for (const sibling of element.parentElement.children) {
        if (sibling !== element && !sibling.inert && sibling.tagName !== "SCRIPT") {
          sibling.inert = true;
          madeInert.push(sibling);
        }
      }
    }
  };
  const focusable = () => [...timeout.querySelectorAll("button, [href], input:not([type=hidden])")];

  const startIdle = () => {
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(warn, idleMs);
  };
  const warn = () => {
    lastFocus = document.activeElement;
    timeout.hidden = false;
    setPageBehindInert(true);
    extend.focus();
    clearTimer = window.setTimeout(() => reset.submit(), warningMs);
  };
  const stayLonger = () => {
    window.clearTimeout(clearTimer);
    setPageBehindInert(false);
    timeout.hidden = true;
    if (lastFocus && lastFocus.focus) lastFocus.focus();
    startIdle();
  };

  extend.addEventListener("click", stayLonger);
  timeout.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      stayLonger();
    } else if (event.key === "Tab") {
      // Keep focus in the warning: from its last control Tab goes to its first, and back.
      const controls = focusable();
      const edge = event.shiftKey ? controls[0] : controls[controls.length - 1];
      if (document.activeElement === edge) {
        event.preventDefault();
        (event.shiftKey ? controls[controls.length - 1] : controls[0]).focus();
      }
    }
  });
  for (const kind of ["pointerdown", "keydown", "input", "scroll"]) {
    document.addEventListener(kind, () => { if (timeout.hidden) startIdle(); }, { passive: true });
  }
  startIdle();
}
