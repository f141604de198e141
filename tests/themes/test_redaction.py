"""Personal details out, useful detail kept."""

from __future__ import annotations

import pytest

from feedback.themes.redaction import is_nhs_number, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Email me at jo.smith@example.com please", "Email me at [email] please"),
        ("Call 0116 225 6000 or 07700 900123", "Call [phone] or [phone]"),
        ("My number is +44 7123 456789.", "My number is [phone]."),
        ("NHS number 943 476 5919", "NHS number [nhs_number]"),
        ("I live at LE1 7RH", "I live at [postcode]"),
        ("DOB 01/02/1980, on Ward 5", "[dob], on Ward 5"),
        ("Nurse Jo Smith was rude; Smith shouted", "Nurse [name] was rude; [name] shouted"),
        ("Call 111 or 999, or Samaritans on 116 123", "Call 111 or 999, or Samaritans on 116 123"),
        ("Given 10 mg at 10:30 on Kirby Ward", "Given 10 mg at 10:30 on Kirby Ward"),
    ],
)
def test_redaction(text, expected):
    assert redact(text, names=["Jo Smith"]) == expected


def test_ten_digits_that_fail_the_check_are_not_nhs_numbers():
    assert is_nhs_number("9434765919")
    assert not is_nhs_number("9434765918")
    assert redact("Order 1234567890") == "Order 1234567890"
