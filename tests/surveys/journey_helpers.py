"""Walking the FFT journey through the test client, as a person would."""

from __future__ import annotations

from flask.testing import FlaskClient


def answer(client: FlaskClient, base: str, question: str, value: str | None, **kwargs):  # type: ignore[no-untyped-def]
    data = {"answer": value} if value is not None else {}
    return client.post(f"{base}/{question}", data=data, **kwargs)


def complete_fft(
    client: FlaskClient,
    base: str,
    rating: str = "1",
    comment: str = "Kind staff",
    about_you: dict[str, str] | None = None,
):  # type: ignore[no-untyped-def]
    """Answer every page from the first, and return the final response (a redirect)."""
    assert client.get(f"{base}/").status_code == 200
    assert answer(client, base, "rating", rating).status_code == 302
    assert answer(client, base, "reason", comment).status_code == 302
    assert answer(client, base, "respondent", "patient").status_code == 302
    if about_you is None:
        return answer(client, base, "about_you", "no")
    answer(client, base, "about_you", "yes")
    last = None
    for question in ("age_band", "sex", "ethnicity", "disability"):
        last = answer(client, base, question, about_you.get(question))
    return last
