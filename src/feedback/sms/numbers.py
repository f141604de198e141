"""UK mobile numbers: read as people type them, kept as E.164, matched by a keyed hash."""

from __future__ import annotations

import hashlib
import hmac

import phonenumbers
from flask import current_app


class NumberError(ValueError):
    """Not a number the platform may text; the message is for the person who sent it."""


def uk_mobile(text: str | None) -> str:
    """The number in E.164 (+447700900123), or NumberError saying what is wrong with it."""
    raw = (text or "").strip()
    if not raw:
        raise NumberError("Enter a mobile number")
    try:
        number = phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException as error:
        raise NumberError("Enter a UK mobile number, like 07700 900123") from error
    if number.country_code != 44:
        raise NumberError("Enter a UK mobile number, like 07700 900123")
    if _is_drama_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if not phonenumbers.is_valid_number(number):
        raise NumberError("Enter a UK mobile number, like 07700 900123")
    if phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE:
        raise NumberError("This is not a mobile number: texts can only go to mobiles")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _is_drama_number(number: phonenumbers.PhoneNumber) -> bool:
    """Ofcom's range for drama and training, 07700 900000 to 900999: it never reaches a
    person, so trainers and tests use it (libphonenumber calls it invalid)."""
    return (
        str(number.national_number).startswith("7700900") and len(str(number.national_number)) == 10
    )


def number_hash(e164: str) -> str:
    """A keyed hash, so an opt-out still matches after the number itself is deleted, and a
    copy of the database alone cannot be turned back into numbers by trying every mobile."""
    key = (current_app.config.get("SMS_NUMBER_KEY") or current_app.config["SECRET_KEY"]).encode()
    return hmac.new(key, e164.encode(), hashlib.sha256).hexdigest()


def masked(e164: str | None) -> str:
    """For staff pages: enough to tell two apart, not enough to call."""
    if not e164:
        return "deleted"
    return f"{e164[:5]} ••• {e164[-3:]}"
