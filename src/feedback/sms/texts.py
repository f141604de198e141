"""What the texts say, in the invite's language. Every invite must fit in two SMS parts, in
every language (a non-Latin script drops a part to 67 characters), so the words are short and
the place is the ward's or team's short name."""

from __future__ import annotations

from flask_babel import force_locale
from flask_babel import gettext as _

from feedback.sms.segments import parts

LONGEST_PLACE = 30
MOST_PARTS = 2


def _place(name: str) -> str:
    # "Belvoir Ward, Bradgate Unit" -> "Belvoir Ward": the first part is what people know.
    short = name.split(",")[0].split("(")[0].strip()
    # Cut without an ellipsis: "…" is not in the GSM alphabet and would cost the text a part.
    return short if len(short) <= LONGEST_PLACE else short[:LONGEST_PLACE].rstrip()


def invite(language: str, place: str) -> str:
    with force_locale(language):
        return _(
            "%(place)s: how was your care? Reply 1 Very good, 2 Good, 3 Neither, 4 Poor, "
            "5 Very poor, 6 Don't know. Reply STOP to opt out.",
            place=_place(place),
        )


def follow_up(language: str) -> str:
    with force_locale(language):
        return _("Thank you. In your own words, what was good or what could we do better?")


def reask(language: str) -> str:
    with force_locale(language):
        return _(
            "Sorry, we did not understand. Please reply with one number: 1 Very good, 2 Good, "
            "3 Neither, 4 Poor, 5 Very poor, 6 Don't know."
        )


def thanks(language: str) -> str:
    with force_locale(language):
        return _("Thank you for your feedback. It helps us improve care.")


def opt_out_confirmation(language: str) -> str:
    with force_locale(language):
        return _("You will not get any more feedback texts from us.")


def with_web_link(language: str, text: str, link: str | None) -> str:
    """The text with the chat-style web form's address, if both still fit in two parts.

    English fits it in the invite; a non-Latin script has no room there (67 characters a part),
    so the gateway offers the link with the follow-up question instead, where it often fits."""
    if not link:
        return text
    with force_locale(language):
        offer = _("Or answer online: %(link)s", link=link)
    linked = f"{text} {offer}"
    return linked if parts(linked) <= MOST_PARTS else text
