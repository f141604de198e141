"""What the texts say, in every language: each fits in two SMS parts with the longest place
name, keeps STOP and the digits 1-6 the reader understands, and is really translated. And
the part counter itself, against hand-counted GSM-7 and UCS-2 cases."""

from __future__ import annotations

import re

import pytest

from feedback.i18n import SUPPORTED_CODES
from feedback.sms import texts
from feedback.sms.reading import Action, State, read_reply
from feedback.sms.segments import is_gsm, parts

LANGUAGES = [code for code in SUPPORTED_CODES if code != "en"]
PLACE = "Mental Health Services for Old"  # as long as a place gets: texts.LONGEST_PLACE
# One option in a text: an ASCII digit, a space, its words up to the comma or full stop
# (Latin, Urdu, Gujarati and Gurmukhi punctuation).
OPTION = re.compile(r"(?<!\S)([1-6]) ([^,\u060c.\u06d4\u0964]+)")


def _all_texts(language: str) -> dict[str, str]:
    return {
        "invite": texts.invite(language, PLACE),
        "follow_up": texts.follow_up(language),
        "reask": texts.reask(language),
        "thanks": texts.thanks(language),
        "opt_out_confirmation": texts.opt_out_confirmation(language),
    }


def test_the_place_in_the_tests_is_the_longest_a_text_carries():
    assert len(PLACE) == texts.LONGEST_PLACE == 30


@pytest.mark.parametrize("language", SUPPORTED_CODES)
def test_every_text_fits_in_two_parts_with_the_longest_place(app, language):
    for name, text in _all_texts(language).items():
        assert parts(text) <= 2, f"{language} {name}: {parts(text)} parts: {text}"
    invite = texts.invite(language, PLACE)
    assert PLACE in invite
    if not is_gsm(invite):  # two parts: 2 x 67 UTF-16 units, counted here independently
        assert len(invite.encode("utf-16-le")) // 2 <= 2 * 67, invite


@pytest.mark.parametrize("language", SUPPORTED_CODES)
@pytest.mark.parametrize("name", ["invite", "reask"])
def test_the_options_keep_ascii_digits_1_to_6_in_order_and_the_reader_understands_them(
    app, language, name
):
    text = _all_texts(language)[name]
    options = OPTION.findall(text)
    assert [digit for digit, _words in options] == ["1", "2", "3", "4", "5", "6"], text
    assert not re.search(r"(?![0-9])\d", text), "digits in another script"
    for digit, words in options:
        # The words printed beside each number, sent back alone, are read as that number.
        reading = read_reply(words.strip(), State.AWAITING_RATING, language)
        assert (reading.action, reading.rating) == (Action.RATING, int(digit)), (language, words)
        assert read_reply(digit, State.AWAITING_RATING, language).rating == int(digit)


@pytest.mark.parametrize("language", SUPPORTED_CODES)
def test_every_invite_keeps_stop_in_latin_letters_and_stop_is_read_as_an_opt_out(app, language):
    invite = texts.invite(language, PLACE)
    assert re.search(r"(?<![A-Za-z])STOP(?![A-Za-z])", invite), invite
    assert read_reply("STOP", State.AWAITING_RATING, language).action == Action.OPT_OUT


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_is_translated(app, language):
    english = _all_texts("en")
    for name, text in _all_texts(language).items():
        assert text != english[name], f"{language} {name} is still the English text"
    assert not is_gsm(texts.invite(language, PLACE))  # each uses letters beyond GSM-7


def test_urdu_is_urdu_and_starts_in_urdu_so_a_phone_lays_it_out_right_to_left(app):
    invite = texts.invite("ur", PLACE)
    assert invite != texts.invite("en", PLACE)
    # The first strong character decides a text's direction on a phone: an Urdu word.
    first_letter = next(ch for ch in invite if ch.isalpha())
    assert "\u0600" <= first_letter <= "\u06ff"
    assert all("\u0600" <= ch <= "\u06ff" for ch in texts.thanks("ur") if ch.isalpha())


@pytest.mark.parametrize("language", SUPPORTED_CODES)
def test_a_longer_place_name_is_cut_to_the_limit_and_still_fits(app, language):
    invite = texts.invite(language, "Mental Health Services for Older People, Bradgate Unit")
    assert PLACE in invite and "Older" not in invite
    assert parts(invite) <= 2
    assert is_gsm(texts.invite("en", "Mental Health Services for Older People"))  # no "…"


# --- The part counter, against hand counts -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 1),
        ("a" * 160, 1),  # GSM-7: 160 in one part
        ("a" * 161, 2),  # then 153 a part
        ("a" * 306, 2),  # 153 x 2
        ("a" * 307, 3),
        ("a" * 459, 3),  # 153 x 3
        ("a" * 159 + "^", 2),  # an extension character counts 2: 161
        ("a" * 158 + "^", 1),  # 160
        ("{}" * 40, 1),  # 80 extension characters of 2 units each: 160
        ("{}" * 40 + "a", 2),  # 161
        ("€" * 80, 1),  # € is in the extension table: 2 each, 160
        ("€" * 81, 2),  # 162
        ("£" * 160, 1),  # £ is in the basic table: 1 each
        ("£" * 161, 2),
        ("£" * 80 + "€" * 40, 1),  # 80 + 80 = 160
        ("ب" * 70, 1),  # UCS-2: 70 in one part
        ("ب" * 71, 2),  # then 67 a part
        ("ب" * 134, 2),  # 67 x 2
        ("ب" * 135, 3),
        ("a" * 69 + "ą", 1),  # one Polish letter makes it UCS-2: 70
        ("a" * 70 + "ą", 2),  # 71
        ("😀" * 35, 1),  # an emoji is 2 UTF-16 units: 70
        ("a" * 69 + "😀", 2),  # 71 units
        ("😀" * 67, 2),  # 134
        ("😀" * 67 + "a", 3),  # 135
    ],
)
def test_parts_counts_as_a_phone_network_does(text, expected):
    assert parts(text) == expected


def test_gsm_7_covers_the_basic_table_and_the_extension_table():
    assert is_gsm("Don't know? £5 @ Ward 5: ok! [x] {y} ~ | \\ ^ €")
    assert not is_gsm("ą") and not is_gsm("😀") and not is_gsm("…") and not is_gsm("\u2018")


# A trust's real address is about this long, with a 12-character web_token.
LINK = "https://feedback.leicspart.nhs.uk/text/" + "x" * 12


@pytest.mark.parametrize("language", SUPPORTED_CODES)
def test_the_web_form_link_is_added_only_where_it_still_fits_in_two_parts(app, language):
    for name in ("invite", "follow_up"):
        text = _all_texts(language)[name]
        linked = texts.with_web_link(language, text, LINK)
        assert parts(linked) <= 2, f"{language} {name}: {linked}"
        assert linked == text or (linked.startswith(text + " ") and linked.endswith(LINK))
    # Where the invite has no room, the follow-up question carries the link.
    invite = texts.with_web_link(language, _all_texts(language)["invite"], LINK)
    follow_up = texts.with_web_link(language, _all_texts(language)["follow_up"], LINK)
    assert LINK in invite or LINK in follow_up, language
    assert texts.with_web_link(language, "Hello", None) == "Hello"


def test_english_invites_carry_the_link(app):
    assert texts.with_web_link("en", texts.invite("en", PLACE), LINK).endswith(
        f"Or answer online: {LINK}"
    )
