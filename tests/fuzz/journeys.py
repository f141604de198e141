"""Walking a questionnaire with generated answers: each page gets bad input, or sometimes a
good answer to go on, until the journey is sent or the walk has gone far enough."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from flask.testing import FlaskClient
from hypothesis import strategies as st

from feedback.surveys.schema import NOT_SURE, Question, Questionnaire, QuestionType
from tests.fuzz.sending import assert_html_refusal, changed, send, stored_counts
from tests.fuzz.strategies import any_text, nasty_text

GOOD_TEXT = {
    QuestionType.FREE_TEXT: "The staff were kind",
    QuestionType.SHORT_TEXT: "Pat Example",
    QuestionType.EMAIL: "pat@example.com",
    QuestionType.UK_PHONE: "07700 900123",
}
# Each page is answered until a draw is taken (about one in three is good): enough for most
# walks to reach the end of the longest questionnaire here.
MOST_ANSWERS = 60


def good_answer(question: Question) -> dict[str, Any]:
    """An answer the page takes, to move the walk on to the pages after it."""
    if question.type == QuestionType.PAST_DATE:
        return {"answer-day": "3", "answer-month": "4", "answer-year": "1990"}
    if question.type == QuestionType.SERVICE:
        return {"answer": NOT_SURE}
    if question.type == QuestionType.MULTIPLE_CHOICE:
        return {"answer": [question.options[0].value]}
    if question.options:
        return {"answer": question.options[0].value}
    return {"answer": GOOD_TEXT[question.type]}


def _option_or_text(question: Question) -> st.SearchStrategy[str]:
    values = sorted(question.option_values()) or ["yes"]
    return st.one_of(st.sampled_from(values), nasty_text)


def answers_for(question: Question) -> st.SearchStrategy[dict[str, Any]]:
    """Form data for one question's page: missing, doubled, the wrong type, or nasty text."""
    date_part = st.one_of(nasty_text, st.integers(-(10**12), 10**12).map(str))
    return st.one_of(
        st.just({}),
        any_text.map(lambda text: {"answer": text}),
        st.lists(_option_or_text(question), min_size=2, max_size=4).map(lambda v: {"answer": v}),
        st.fixed_dictionaries({f"answer-{part}": date_part for part in ("day", "month", "year")}),
        st.just(good_answer(question)),
        st.builds(
            lambda good, extra: {**good, **extra},
            st.just(good_answer(question)),
            st.dictionaries(nasty_text, nasty_text, max_size=3),
        ),
    )


def walk(
    client: FlaskClient,
    base: str,
    questionnaire: Questionnaire,
    draw: Callable[[st.SearchStrategy[Any]], Any],
    query: str = "",
) -> dict[str, int]:
    """Answer page after page with drawn data; returns what the walk stored in all. `query`
    goes on the start page's address (an invite: ?invite=...)."""
    before_walk = stored_counts()
    start = client.get(f"{base}/{query}")
    assert start.status_code == 200, start.status_code
    question = questionnaire.next_question({}, after=None)
    before: dict[str, int] | None = None
    for _answer in range(MOST_ANSWERS):
        assert question is not None
        data = draw(answers_for(question))
        # A refusal changed nothing, so the counts before it are the counts before the next
        # answer too: counting every table again after each refusal was a fifth of the walk.
        before = before or stored_counts()
        response = send(client, "POST", f"{base}/{question.id}", data=data)
        if response.status_code != 302:
            assert_html_refusal(response)
            assert changed(before) == {}, (question.id, data)
            continue  # the next draw answers this page again
        before = None
        path = urlsplit(response.headers["Location"]).path
        if path.endswith("/check"):
            response = send(client, "POST", f"{base}/check")
            assert response.status_code == 302, response.status_code
            path = urlsplit(response.headers["Location"]).path
        if path.endswith("/thank-you"):
            assert client.get(path).status_code == 200
            break
        question = questionnaire.question(path.rsplit("/", 1)[-1])
    return changed(before_walk)
