"""Demo local surveys: a ward's team survey in two versions, one that has closed, a carers'
event evaluation and a CAMHS transition before-and-after pair with linked codes."""

from __future__ import annotations

import random
import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.local_surveys.definitions import check_files
from feedback.local_surveys.models import LocalQuestionnaire
from feedback.local_surveys.pairs import record_local_response
from feedback.local_surveys.publishing import publish
from feedback.organisation.services import list_locations
from feedback.surveys.models import ResponseMode
from feedback.surveys.schema import load_questionnaire
from feedback.surveys.services import get_response_by_key, month_start
from feedback.surveys.submission import Submission

EXAMPLES = Path(__file__).parent / "examples"
WARD_COMMENTS = [
    "The garden is the best part of the day.",
    "Night staff are kind but the doors bang.",
    "It would help to have somewhere quiet to sit with my family.",
    "Cleaner than the last ward I was on.",
    "More activities at the weekend, please.",
    "",
    "",
]
CARER_COMMENTS = ["More time for questions.", "Hold one in the evening for working carers.", ""]
TRANSITION_WORRIES = [
    "Meeting new people I do not know.",
    "Will I still see my worker until I move?",
    "",
    "",
]


def _files(name: str, opens_on: date | None, closes_on: date | None, **replace: str) -> dict:
    files = {p.name: p.read_text() for p in sorted((EXAMPLES / name).glob("*.toml"))}
    text = files["questionnaire.toml"]
    for key, day in (("opens_on", opens_on), ("closes_on", closes_on)):
        if day is None:
            continue
        text = re.sub(rf"^{key} = .*$", f"{key} = {day.isoformat()}", text, flags=re.MULTILINE)
    for old, new in replace.items():
        text = text.replace(old, new)
    files["questionnaire.toml"] = text
    return files


def _respond(
    engine_id: str, version: int, answers: dict, location_id: int | None, day: date, key: str
) -> str | None:
    """One response through the local survey handler, dated `day`; returns a pair's code."""
    questionnaire = load_questionnaire(engine_id, version=version)
    code = record_local_response(
        Submission(key, questionnaire, answers, location_id, ResponseMode.ELECTRONIC_HOME, None)
    )
    db.session.flush()
    response = get_response_by_key(key)
    response.submitted_at = datetime.combine(day, time(14, 0), tzinfo=UTC)
    response.submitted_on, response.submitted_month = day, month_start(day)
    return code


def _ward_answers(rng: random.Random) -> dict:
    return {
        "sleep": rng.choices(["always", "sometimes", "never"], [5, 4, 1])[0],
        "clean": rng.choice(["very_clean", "fairly_clean", "fairly_clean", "not_clean", ""]),
        "improve": rng.sample(["quiet_space", "activities", "garden", "food"], rng.randint(0, 2)),
        "comment": rng.choice(WARD_COMMENTS),
    }


def _ward_surveys(rng: random.Random, today: date, wards: list[int]) -> int:
    opens = today - timedelta(days=20)
    publish(check_files(_files("ward-environment", opens, today + timedelta(days=10))), "upload")
    written = 0
    for number in range(14):
        day = opens + timedelta(days=number % 8)
        key = f"demo-ward-v1-{number}"
        _respond("ward-environment", 1, _ward_answers(rng), wards[number % len(wards)], day, key)
        written += 1
    # The team reworded a question after the first week: a new version, the old answers kept.
    reworded = {
        "version = 1": "version = 2",
        "Is the ward quiet enough for you to sleep at night?": "Can you sleep well at night?",
    }
    publish(
        check_files(_files("ward-environment", opens, today + timedelta(days=10), **reworded)),
        "upload",
    )
    for number in range(16):
        day = min(opens + timedelta(days=9 + number % 10), today)
        key = f"demo-ward-v2-{number}"
        _respond("ward-environment", 2, _ward_answers(rng), wards[number % len(wards)], day, key)
        written += 1
    autumn = {
        'id = "ward-environment"': 'id = "ward-environment-autumn"',
        "Our ward: your surroundings": "Our ward in the autumn: your surroundings",
    }
    closed = today - timedelta(days=60)
    files = _files("ward-environment", closed - timedelta(days=27), closed, **autumn)
    publish(check_files(files), "upload")
    for number in range(11):
        day = closed - timedelta(days=number * 2)
        key = f"demo-ward-autumn-{number}"
        _respond("ward-environment-autumn", 1, _ward_answers(rng), wards[0], day, key)
        written += 1
    return written


def _carers_event(rng: random.Random, today: date) -> int:
    publish(check_files(_files("carers-event", None, None)), "upload")
    event_day = today - timedelta(days=12)
    for number in range(15):
        answers = {
            "useful": rng.choices(["very", "quite", "not"], [6, 3, 1])[0],
            "again": rng.choice(["yes", "yes", "no", ""]),
            "better": rng.choice(CARER_COMMENTS),
        }
        _respond("carers-event", 1, answers, None, event_day, f"demo-carers-{number}")
    return 15


def _transition_pair(rng: random.Random, today: date) -> int:
    publish(check_files(_files("camhs-transition", None, None)), "upload")
    codes = []
    for number in range(14):
        answers = {
            "ready": rng.choices(["very", "a_bit", "not"], [1, 3, 3])[0],
            "know_who": rng.choice(["yes", "no", "not_sure"]),
            "worries": rng.choice(TRANSITION_WORRIES),
        }
        day = today - timedelta(days=90 - number * 3)
        codes.append(
            _respond("camhs-transition-before", 1, answers, None, day, f"demo-pre-{number}")
        )
    for number in range(9):
        # Seven kept their code; two lost it (their answers still count, unlinked).
        code = f"{codes[number][:4]} {codes[number][4:]}" if number < 7 else ""
        answers = {
            "pair_code": code,
            "ready": rng.choices(["very", "a_bit", "not"], [4, 3, 1])[0],
            "know_who": rng.choice(["yes", "yes", "not_sure"]),
            "worries": rng.choice(TRANSITION_WORRIES),
        }
        day = today - timedelta(days=30 - number * 2)
        _respond("camhs-transition-after", 1, answers, None, day, f"demo-post-{number}")
    return 23


def seed_local_surveys_demo(today: date) -> int:
    """Publish the demo's local surveys with their responses once; returns the responses."""
    if db.session.scalar(select(func.count()).select_from(LocalQuestionnaire)):
        return 0
    wards = [location.id for location in list_locations(include_retired=False)[:3]]
    if not wards:
        return 0
    rng = random.Random(16)
    written = _ward_surveys(rng, today, wards)
    written += _carers_event(rng, today)
    written += _transition_pair(rng, today)
    db.session.flush()
    return written
