"""Local questionnaires for tests: the shipped examples, with the dates a test needs."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from feedback.db import trust_today
from feedback.extensions import db
from feedback.local_surveys.definitions import check_files
from feedback.local_surveys.publishing import Published, publish

EXAMPLES = Path(__file__).parents[2] / "src" / "feedback" / "local_surveys" / "examples"


def example_files(name: str) -> dict[str, str]:
    return {path.name: path.read_text() for path in sorted((EXAMPLES / name).glob("*.toml"))}


def with_dates(text: str, opens_on: date | None, closes_on: date | None) -> str:
    for key, day in (("opens_on", opens_on), ("closes_on", closes_on)):
        text = re.sub(rf"^{key} = .*\n", "", text, flags=re.MULTILINE)
        if day is not None:
            text = text.replace('\ntitle = "', f'\n{key} = {day.isoformat()}\ntitle = "', 1)
    return text


def open_now(name: str = "ward-environment", **replace: str) -> dict[str, str]:
    """The example's files, open from a week ago to a week ahead, with text replaced."""
    files = example_files(name)
    today = trust_today()
    text = with_dates(files["questionnaire.toml"], today - timedelta(7), today + timedelta(7))
    for old, new in replace.items():
        text = text.replace(old, new)
    files["questionnaire.toml"] = text
    return files


def publish_example(name: str = "ward-environment", **replace: str) -> Published:
    published = publish(check_files(open_now(name, **replace)), "upload")
    db.session.commit()
    return published


def walk(client, base: str, answers: list[tuple[str, str | list[str] | None]]):  # type: ignore[no-untyped-def]
    """Answer each (question, value) in turn from the start page; the last response."""
    assert client.get(f"{base}/").status_code == 200
    last = None
    for question, value in answers:
        data = {} if value is None else {"answer": value}
        last = client.post(f"{base}/{question}", data=data)
        assert last.status_code == 302, (question, last.status_code)
    return last
