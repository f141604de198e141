"""Reading an SMS reply as the FFT text conversation does: a table of real-looking replies,
then properties checked on thousands of generated ones. No app is needed."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedback.sms import reading_words as words
from feedback.sms.reading import Action, Reading, State, _definition_labels, _fold, read_reply

R, C, A, X = (
    State.AWAITING_RATING,
    State.AWAITING_COMMENT,
    State.AFTER_REASK,
    State.EXPIRED,
)
OPT_OUT = Reading(None, "", True, Action.OPT_OUT)
NONE = Reading(None, "", False, Action.NONE)


def rating(value: int, comment: str = "") -> Reading:
    return Reading(value, comment, False, Action.RATING)


def reask(text: str) -> Reading:
    return Reading(None, text, False, Action.REASK)


def comment(text: str) -> Reading:
    return Reading(None, text, False, Action.COMMENT)


CASES: list[tuple[str | None, State, str, Reading]] = [
    # The examples.
    ("2", R, "en", rating(2)),
    (" 2.", R, "en", rating(2)),
    ("2 but the wait was long", R, "en", rating(2, "but the wait was long")),
    ("2. Lovely staff", R, "en", rating(2, "Lovely staff")),
    ("Good", R, "en", rating(2)),
    ("v good!!", R, "en", rating(1)),
    ("Very good, thank you", R, "en", rating(1, "thank you")),
    ("two", R, "en", rating(2)),
    ("\uff12", R, "en", rating(2)),  # full-width 2
    ("2\ufe0f\u20e3", R, "en", rating(2)),  # keycap emoji
    ("\u06f2", R, "ur", rating(2)),  # Extended Arabic-Indic 2, as Urdu writes it
    # Digits, scripts and separators.
    ("2\u20e3", R, "en", rating(2)),  # keycap without the variation selector
    ("5\ufe0f\u20e3 rude receptionist", R, "en", rating(5, "rude receptionist")),
    ("\u0662", R, "ur", rating(2)),  # Arabic-Indic 2
    ("\u0aeb", R, "gu", rating(5)),  # Gujarati 5
    ("\u0a69", R, "pa", rating(3)),  # Gurmukhi 3
    ("\u06f4", R, "en", rating(4)),  # any script, whatever the invite's language
    ("1", R, "en", rating(1)),
    ("6", R, "en", rating(6)),
    ("5 - very slow to be seen", R, "en", rating(5, "very slow to be seen")),
    ("3: ok I suppose", R, "en", rating(3, "ok I suppose")),
    ("4) food was cold", R, "en", rating(4, "food was cold")),
    ("(2)", R, "en", rating(2)),
    ("2 :)", R, "en", rating(2, ":)")),
    ("2\nThe nurses were lovely", R, "en", rating(2, "The nurses were lovely")),
    ("  \u200b2 thanks\u200b ", R, "en", rating(2, "thanks")),
    ("1... lovely staff", R, "en", rating(1, "lovely staff")),
    ("2\u2019", R, "en", rating(2)),  # punctuation alone is no comment
    ("2 :) good", R, "en", rating(2, ":) good")),
    ('2 "lovely"', R, "en", rating(2, '"lovely"')),
    ("1 - excellent care", R, "en", rating(1, "excellent care")),
    ("3 ok", R, "en", rating(3)),
    ("Good.\nStop texting me", R, "en", rating(2, "Stop texting me")),  # a rating first
    # The option's words, short forms and repeats.
    ("1 Very good", R, "en", rating(1)),
    ("2 Good. Staff lovely", R, "en", rating(2, "Staff lovely")),
    ("Good 2", R, "en", rating(2)),
    ("2 good staff", R, "en", rating(2, "good staff")),
    ("Don't know", R, "en", rating(6)),
    ("Don\u2019t know", R, "en", rating(6)),
    ("dont know", R, "en", rating(6)),
    ("not sure", R, "en", rating(6)),
    ("I do not know", R, "en", rating(6)),
    ("Neither good nor poor", R, "en", rating(3)),
    ("Neither good nor bad.", R, "en", rating(3)),
    ("ok", R, "en", rating(3)),
    ("OK thanks", R, "en", rating(3, "thanks")),
    ("excellent", R, "en", rating(1)),
    ("Excellent!! Thank you all", R, "en", rating(1, "Thank you all")),
    ("VERY GUD", R, "en", rating(1)),
    ("v.good", R, "en", rating(1)),
    ("Poor", R, "en", rating(4)),
    ("very poor, waited 5 hours", R, "en", rating(5, "waited 5 hours")),
    ("Bad", R, "en", rating(4)),
    ("Terrible.", R, "en", rating(5)),
    ("Brilliant, thanks to all on ward 4", R, "en", rating(1, "thanks to all on ward 4")),
    ("1 - amazing", R, "en", rating(1)),  # the same rating twice
    ("Great", R, "en", reask("Great")),  # between two options: asked, not guessed
    ("It was good", R, "en", reask("It was good")),  # the rating must open the message
    ("Good but slow", R, "en", rating(2, "but slow")),
    ("Good\nStaff were kind", R, "en", rating(2, "Staff were kind")),
    ("Five", R, "en", rating(5)),
    ("six.", R, "en", rating(6)),
    # Not a rating: asked once more, the text kept.
    ("1 or 2", R, "en", reask("1 or 2")),
    ("1-2", R, "en", reask("1-2")),
    ("10", R, "en", reask("10")),
    ("0", R, "en", reask("0")),
    ("7", R, "en", reask("7")),
    ("5 stars", R, "en", reask("5 stars")),
    ("5*", R, "en", reask("5*")),
    ("5-star care", R, "en", reask("5-star care")),
    ("4/5", R, "en", reask("4/5")),
    ("5 out of 5", R, "en", reask("5 out of 5")),
    ("not good", R, "en", reask("not good")),
    ("not bad", R, "en", reask("not bad")),
    ("\U0001f44d", R, "en", reask("\U0001f44d")),
    ("\U0001f44d 2", R, "en", reask("\U0001f44d 2")),
    ("Ward 5 were lovely", R, "en", reask("Ward 5 were lovely")),
    ("2nd floor was noisy", R, "en", reask("2nd floor was noisy")),
    ("", R, "en", reask("")),
    ("   ", R, "en", reask("")),
    (None, R, "en", reask("")),
    ("2.5", R, "en", reask("2.5")),
    ("2,5", R, "pl", reask("2,5")),
    ("Good morning", R, "en", reask("Good morning")),
    ("Poor communication from the doctors", R, "en", reask("Poor communication from the doctors")),
    ("One of the nurses was rude", R, "en", reask("One of the nurses was rude")),
    ("Six hours in A&E", R, "en", reask("Six hours in A&E")),
    ("2 hours wait", R, "en", reask("2 hours wait")),
    ("2 of the nurses were rude", R, "en", reask("2 of the nurses were rude")),
    ("1 nurse was rude", R, "en", reask("1 nurse was rude")),
    ("1 poor", R, "en", reask("1 poor")),
    ("Good 5", R, "en", reask("Good 5")),
    ("Good or bad", R, "en", reask("Good or bad")),
    ("2 ok", R, "en", reask("2 ok")),  # 2 is Good, OK is 3
    ("one or two", R, "en", reask("one or two")),
    ("Good-natured staff", R, "en", reask("Good-natured staff")),
    ("1\ufe0f\u20e30\ufe0f\u20e3", R, "en", reask("1\ufe0f\u20e30\ufe0f\u20e3")),
    # After the one re-ask: never a third ask.
    ("1 or 2", A, "en", comment("1 or 2")),
    ("   ", A, "en", NONE),
    ("", A, "en", NONE),
    ("3", A, "en", rating(3)),
    ("Good", A, "en", rating(2)),
    (" Lovely staff ", A, "en", comment("Lovely staff")),
    # Awaiting the comment: text is the comment, numbers and all.
    ("5 stars for the nurses", C, "en", comment("5 stars for the nurses")),
    ("2", C, "en", comment("2")),
    ("", C, "en", NONE),
    ("  Lovely staff  ", C, "en", comment("Lovely staff")),
    ("Stop the noise at night", C, "en", comment("Stop the noise at night")),
    ("end it all", C, "en", comment("end it all")),  # urgent: must reach a person
    # Expired: nothing answered.
    ("2", X, "en", NONE),
    ("Lovely care", X, "pl", NONE),
    ("STOP", X, "en", OPT_OUT),
    # Opt-outs, in every state.
    ("STOP", R, "en", OPT_OUT),
    ("stop", C, "en", OPT_OUT),
    ("Stop please", R, "en", OPT_OUT),
    ("STOP.", A, "en", OPT_OUT),
    ("stop!!", R, "en", OPT_OUT),
    ("UNSUBSCRIBE", R, "en", OPT_OUT),
    ("opt out", R, "en", OPT_OUT),
    ("optout", C, "en", OPT_OUT),
    ("Opt-Out", R, "en", OPT_OUT),
    ("please stop", R, "en", OPT_OUT),
    ("stop texting me", C, "en", OPT_OUT),
    ("No more texts!", R, "en", OPT_OUT),
    ("  Stop \U0001f6d1 ", R, "en", OPT_OUT),
    ("Stop it", R, "en", OPT_OUT),
    ("stop the texts please", A, "en", OPT_OUT),
    ("Please can you stop sending me these", R, "en", OPT_OUT),
    ("Stop please, my mum passed away", C, "en", OPT_OUT),
    ("wrong number", R, "en", OPT_OUT),
    ("STOP\n2", R, "en", OPT_OUT),
    ("\uff33\uff54\uff4f\uff50", R, "en", OPT_OUT),  # full-width letters
    ("STOP STOP STOP", R, "en", OPT_OUT),
    ("I don't want these texts", C, "en", OPT_OUT),
    ("STOP", R, "pl", OPT_OUT),
    ("Stop prosz\u0119", R, "pl", OPT_OUT),
    ("rezygnuj\u0119", R, "pl", OPT_OUT),
    ("Rezygnuje z ankiety", C, "pl", OPT_OUT),
    ("wypisz mnie", R, "pl", OPT_OUT),
    ("Wypisz.", R, "pl", OPT_OUT),
    ("STOP", R, "ur", OPT_OUT),
    ("بند کریں", R, "ur", OPT_OUT),
    ("سٹاپ", R, "ur", OPT_OUT),
    ("બંધ કરો", R, "gu", OPT_OUT),
    ("ਬੰਦ ਕਰੋ", R, "pa", OPT_OUT),
    # Near misses: not opt-outs.
    ("told me to stop complaining", R, "en", reask("told me to stop complaining")),
    ("the staff never stop", C, "en", comment("the staff never stop")),
    ("Stop the noise at night", R, "en", reask("Stop the noise at night")),
    ("Stop all the noise", R, "en", reask("Stop all the noise")),
    ("Stopped by the nurses station", R, "en", reask("Stopped by the nurses station")),
    ("stop-start care", C, "en", comment("stop-start care")),
    ("Cancel", R, "en", reask("Cancel")),
    ("Quit", A, "en", comment("Quit")),
    ("2 stop", R, "en", rating(2, "stop")),
    ("rezygnuj\u0119", R, "en", reask("rezygnuj\u0119")),  # Polish words only for Polish
    # Polish.
    ("dwa", R, "pl", rating(2)),
    ("jeden", R, "pl", rating(1)),
    ("Bardzo dobrze", R, "pl", rating(1)),
    ("Dobrze, dzi\u0119kuj\u0119", R, "pl", rating(2, "dzi\u0119kuj\u0119")),
    ("\u0179le", R, "pl", rating(4)),
    ("zle", R, "pl", rating(4)),
    ("bardzo zle, dlugo czekalem", R, "pl", rating(5, "dlugo czekalem")),
    ("Ani dobrze, ani \u017ale", R, "pl", rating(3)),
    ("W porz\u0105dku", R, "pl", rating(3)),
    ("w porzadku", R, "pl", rating(3)),
    ("Nie wiem", R, "pl", rating(6)),
    ("Niedobrze", R, "pl", reask("Niedobrze")),
    ("Dobrze ale d\u0142ugo", R, "pl", rating(2, "ale d\u0142ugo")),
    ("Good", R, "pl", rating(2)),  # English is always understood
    ("Dobrze", R, "en", reask("Dobrze")),
    ("dwa", R, "fr", reask("dwa")),  # an unknown language is read as English
    ("Dobrze", R, "pl-PL", rating(2)),
    # Urdu.
    ("بہت اچھا", R, "ur", rating(1)),
    ("اچھا", R, "ur", rating(2)),
    ("بہت اچھا تھا", R, "ur", rating(1)),  # "it was very good"
    ("اچھا نہیں تھا", R, "ur", reask("اچھا نہیں تھا")),  # "it was not good"
    ("معلوم نہیں", R, "ur", rating(6)),
    ("ٹھیک ہے", R, "ur", rating(3)),
    ("خراب، بہت انتظار کرنا پڑا", R, "ur", rating(4, "بہت انتظار کرنا پڑا")),
    ("دو", R, "ur", rating(2)),
    ("bohat acha", R, "ur", rating(1)),
    ("\u06f5 ستارے", R, "ur", reask("\u06f5 ستارے")),  # 5 stars
    ("\u0628\u0647\u062a \u0627\u0686\u0647\u0627", R, "ur", rating(1)),  # Arabic keyboard
    # Gujarati.
    ("ખૂબ સારું", R, "gu", rating(1)),
    ("સારું", R, "gu", rating(2)),
    ("ખબર નથી", R, "gu", rating(6)),
    ("બે", R, "gu", rating(2)),
    ("સારું નથી", R, "gu", reask("સારું નથી")),  # "not good"
    # Punjabi.
    ("ਬਹੁਤ ਚੰਗਾ", R, "pa", rating(1)),
    ("ਮਾੜਾ", R, "pa", rating(4)),
    ("ਪਤਾ ਨਹੀਂ", R, "pa", rating(6)),
    ("ਠੀਕ ਹੈ", R, "pa", rating(3)),
    ("ਦੋ", R, "pa", rating(2)),
]


@pytest.mark.parametrize(("message", "state", "language", "expected"), CASES)
def test_reads_the_reply(message: str | None, state: State, language: str, expected: Reading):
    assert read_reply(message, state, language) == expected


def test_the_table_is_large_enough():
    assert len(CASES) >= 80


def test_state_may_be_given_as_text():
    assert read_reply("2", "awaiting_rating", "en") == rating(2)
    assert read_reply("2", " AFTER_REASK ", "en") == rating(2)


def test_an_unknown_state_is_a_programming_error():
    with pytest.raises(ValueError, match="Unknown state 'waiting'"):
        read_reply("2", "waiting", "en")


def test_the_comment_keeps_the_persons_characters():
    decomposed = "Dobrze, piele\u0328gniarki mi\u0142e"  # e + combining ogonek, not NFC
    assert read_reply(decomposed, R, "pl") == rating(2, "piele\u0328gniarki mi\u0142e")
    assert read_reply("Z\u0301le", R, "pl") == rating(4)  # matched after NFC


def test_very_long_messages_are_kept_whole():
    long = "The nurses were kind. " * 120
    assert len(long) > 2000
    assert read_reply("2 " + long, R, "en") == rating(2, long.strip())
    assert read_reply(long, C, "en") == comment(long.strip())
    assert read_reply(long, A, "en") == comment(long.strip())
    urdu = "بہت اچھا، " + "نرسیں بہت مہربان تھیں\u06d4 " * 150  # Urdu full stop
    assert read_reply(urdu, R, "ur") == rating(1, urdu[len("بہت اچھا، ") :].strip())


def test_no_word_means_two_options():
    """A folded word may belong to one option only, across English and each language."""
    for code in ("ur", "gu", "pa", "pl"):
        seen: dict[str, int] = {}
        for source in (
            _definition_labels("en"),
            words.OPTION_WORDS["en"],
            words.NUMBER_WORDS["en"],
            _definition_labels(code),
            words.OPTION_WORDS[code],
            words.NUMBER_WORDS[code],
        ):
            for value, phrases in source.items():
                for phrase in phrases:
                    folded = _fold(phrase)
                    assert seen.setdefault(folded, value) == value, (code, phrase)


def test_every_definition_label_is_read_in_its_language():
    for code in ("en", "ur", "gu", "pa", "pl"):
        for value, labels in _definition_labels(code).items():
            for label in labels:
                assert read_reply(label, R, code) == rating(value), (code, label)
                assert read_reply(f"{label}. Kind staff", A, code) == rating(value, "Kind staff")


# --- Properties ----------------------------------------------------------------------------

DIGITS = {  # 0-9 in the scripts people reply in
    "ascii": "0123456789",
    "full-width": "".join(chr(0xFF10 + i) for i in range(10)),
    "arabic-indic": "".join(chr(0x0660 + i) for i in range(10)),
    "extended arabic-indic": "".join(chr(0x06F0 + i) for i in range(10)),
    "gujarati": "".join(chr(0x0AE6 + i) for i in range(10)),
    "gurmukhi": "".join(chr(0x0A66 + i) for i in range(10)),
}
KEYCAPS = [f"{d}\ufe0f\u20e3" for d in "0123456789"] + [f"{d}\u20e3" for d in "123456"]
PIECES = [
    *"".join(DIGITS.values()),
    *KEYCAPS,
    *"\U0001f44d\U0001f600\u2b50\U0001f6d1\u2764\ufe0f\U0001f3f4",
    *".,-:;!?)(/*%'\"\u2019\u060c\u06d4\u0964",
    *[" ", "  ", "\n", "\t", "\u00a0", "\u200b", "\u200d", "\ufeff"],
    "stop", "STOP", "Stop ", "please", "unsubscribe", "opt out", "no more", "the", "texts",
    "good", "Very good", "v good", "poor", "ok", "don't know", "not", "or", "and", "but",
    "stars", "hours", "one", "two", "six", "dwa", "dobrze", "\u017ale", "rezygnuj\u0119",
    "اچھا", "بہت", "خراب", "تھا", "نہیں", "સારું", "ખૂબ", "ਚੰਗਾ", "ਬੰਦ ਕਰੋ", "e\u0301",
    "Ward", "nurses", "lovely", "2nd", "10", "2.5", "x",
]  # fmt: skip
LANGUAGES = ["en", "ur", "gu", "pa", "pl", "fr", "", "PL", "ur-PK"]
STATES = st.sampled_from(list(State)) | st.sampled_from([s.value for s in State])

pieced = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=14).map("".join)
long_messages = st.builds(
    lambda head, filler, times: head + filler * times,
    pieced,
    st.sampled_from(["lovely ", "x", "\U0001f600", " ", "\n", "اچھا ", "2 ", "\u200b"]),
    st.integers(min_value=400, max_value=1200),
)
messages = pieced | st.text() | long_messages


def _strip(text: str) -> str:
    """The person's text without the whitespace and invisible characters at its ends."""
    invisible = "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    invisible += "\u2060\u2066\u2067\u2068\u2069\ufeff"
    previous = None
    while previous != text:
        previous, text = text, text.strip().strip(invisible)
    return text


many = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
some = settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@many
@given(message=messages, state=STATES, language=st.sampled_from(LANGUAGES))
def test_any_message_reads_within_the_rules(message: str, state: str, language: str):
    result = read_reply(message, state, language)
    state = State(state)
    assert result.rating is None or result.rating in range(1, 7)
    assert result.opt_out == (result.action == Action.OPT_OUT)
    assert (result.rating is not None) == (result.action == Action.RATING)
    assert result.comment == _strip(result.comment)
    # The person's words are never invented: the comment is the end of what they wrote.
    assert _strip(message).endswith(result.comment)
    if state == State.EXPIRED:
        assert result.action in (Action.OPT_OUT, Action.NONE) and result.comment == ""
    if state == State.AWAITING_RATING:
        assert result.action != Action.COMMENT
    if state == State.AFTER_REASK:
        assert result.action != Action.REASK
    if state == State.AWAITING_COMMENT:
        assert result.action not in (Action.RATING, Action.REASK)
    if result.action in (Action.REASK, Action.COMMENT):
        assert result.comment == _strip(message)  # nothing a person writes is lost
    if result.action == Action.NONE and state != State.EXPIRED:
        assert _strip(message) == ""


@some
@given(message=messages, language=st.sampled_from(LANGUAGES))
def test_an_opt_out_is_one_in_every_state(message: str, language: str):
    opt_outs = {read_reply(message, state, language).opt_out for state in State}
    assert len(opt_outs) == 1


FOLLOWERS = ["please", "now", "thanks", "it", "that", "texting", "sending", "contacting me"]


@some
@given(
    follower=st.sampled_from(FOLLOWERS),
    separator=st.sampled_from([" ", ".", "!", ",", "\n", " \U0001f6d1"]),
    rest=st.text(),
    state=STATES,
    language=st.sampled_from(LANGUAGES),
)
def test_stop_then_a_follower_is_an_opt_out(follower, separator, rest, state, language):
    """ "STOP " + please/now/thanks/it/that/texting..., then anything at all."""
    assert read_reply(f"STOP {follower}{separator}{rest}", state, language) == OPT_OUT


@some
@given(
    separator=st.sampled_from([".", "!", "!!", ",", "\n", " \U0001f6d1", " - ", "  "]),
    rest=st.text(),
    state=STATES,
    language=st.sampled_from(LANGUAGES),
)
def test_stop_on_its_own_is_an_opt_out(separator, rest, state, language):
    """STOP, then punctuation, an emoji or a line break: whatever comes after."""
    message = f"STOP{separator}{rest}" if separator.strip() else "STOP" + separator
    assert read_reply(message, state, language) == OPT_OUT


ORDINARY = ["complaining", "the noise at night", "waiting", "nurses were", "staff", "being"]


@some
@given(
    start=st.sampled_from(ORDINARY),
    rest=st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    state=STATES,
    language=st.sampled_from(LANGUAGES),
)
def test_stop_then_ordinary_words_is_not_an_opt_out(start, rest, state, language):
    message = f"STOP {start}{rest}"
    result = read_reply(message, state, language)
    assert not result.opt_out
    if State(state) == State.AWAITING_COMMENT:
        assert result == comment(_strip(message))


COMMENTS = ["lovely staff", "the wait was long", "but slow", "Kind nurses", "food cold"]


@some
@given(
    value=st.integers(min_value=1, max_value=6),
    script=st.sampled_from([*DIGITS, "keycap"]),
    separator=st.sampled_from([" ", ". ", ", ", " - ", ": ", "! ", ") ", "\n", "... "]),
    start=st.sampled_from(COMMENTS),
    rest=st.text(alphabet="abcdefghij klmnop.,!?'\U0001f600\u0105\u0119", max_size=30),
    state=st.sampled_from([State.AWAITING_RATING, State.AFTER_REASK]),
    language=st.sampled_from(LANGUAGES),
)
def test_a_digit_at_the_start_is_the_rating(value, script, separator, start, rest, state, language):
    digit = f"{value}\ufe0f\u20e3" if script == "keycap" else DIGITS[script][value]
    result = read_reply(f"{digit}{separator}{start}{rest}", state, language)
    assert result == rating(value, _strip(start + rest))


@some
@given(
    start=st.sampled_from(["Ward", "The nurses on", "Bay", "Room", "we waited"]),
    digit=st.sampled_from("".join(DIGITS.values())),
    rest=st.text(max_size=30),
    state=st.sampled_from([State.AWAITING_RATING, State.AFTER_REASK]),
    language=st.sampled_from(LANGUAGES),
)
def test_a_number_later_in_the_text_is_never_a_rating(start, digit, rest, state, language):
    message = f"{start} {digit}{rest}"
    result = read_reply(message, state, language)
    assert result.rating is None
    assert result.action in (Action.REASK, Action.COMMENT, Action.OPT_OUT)


@some
@given(
    value=st.integers(min_value=0, max_value=9),
    rest=st.text(max_size=20),
    language=st.sampled_from(LANGUAGES),
)
def test_every_script_reads_its_digits_alike(value, rest, language):
    """The same reply written with any script's digits, or a keycap, reads the same."""

    def reading_of(message: str) -> tuple[int | None, Action, str | None]:
        result = read_reply(message, R, language)  # a re-ask keeps the text, digit and all
        return result.rating, result.action, result.comment if result.rating else None

    expected = reading_of(f"{value}{rest}")
    for digits in DIGITS.values():
        assert reading_of(f"{digits[value]}{rest}") == expected
    assert reading_of(f"{value}\ufe0f\u20e3{rest}") == expected


@some
@given(message=messages, language=st.sampled_from(LANGUAGES))
def test_nfc_and_nfd_read_alike(message: str, language: str):
    nfc = unicodedata.normalize("NFC", message)
    nfd = unicodedata.normalize("NFD", message)
    first, second = read_reply(nfc, R, language), read_reply(nfd, R, language)
    assert (first.rating, first.action) == (second.rating, second.action)
