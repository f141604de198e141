"""Demo FFT history: two years of responses with the variety a real trust has, eligible counts
for every location and month, and the old question's results for 2019/20.

Problems left in on purpose, for the dashboards to find: Belvoir Ward's experience dips for
four months, ending three months ago; the Agnes Unit and the Beacon Unit have only a handful
of responses a month; one month of Stewart House's discharges was under-counted (a response
rate over 100%). The counts come in through the API: the patient record system's first key
was revoked when its supplier changed, and a new key under the same name sends them now.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from feedback.auth.api_clients import create_api_client
from feedback.extensions import db
from feedback.metrics.calendar import add_months, month_start, months_between
from feedback.metrics.models import LEGACY_COLUMNS, EligibleCount, LegacyFftMonth
from feedback.organisation.models import Location
from feedback.surveys.models import Response, ResponseMode
from feedback.surveys.schema import load_questionnaire
from feedback.surveys.services import create_response

M = ResponseMode
WARD_MODES = (
    [M.ELECTRONIC_DISCHARGE, M.PAPER_DISCHARGE, M.SMS, M.ELECTRONIC_HOME],
    [50, 28, 12, 10],
)
TEAM_MODES = (
    [M.SMS, M.ELECTRONIC_HOME, M.TELEPHONE, M.PAPER_HOME, M.ONLINE, M.OTHER],
    [48, 24, 10, 10, 6, 2],
)
# Monthly (discharges or contacts, response rate) by location; the rest get the default.
SHAPE = {
    "AGNES": (9, 0.35),
    "BEACON": (7, 0.4),
    "HYNCA": (620, 0.05),
    "CAMHS-CITY": (480, 0.04),
    "CN-HINCK": (900, 0.035),
}
WARD_SHAPE = (38, 0.22)
GOOD = [50, 26, 8, 6, 4, 6]
DIP = [22, 22, 14, 20, 16, 6]
LANGUAGES = (["en", "ur", "gu", "pa", "pl"], [90, 3, 3, 2, 2])
COMMENTS = {
    "good": [
        "Staff were kind and listened to me.",
        "The nurses explained my care plan clearly and gave me a copy.",
        "Everyone was friendly and the ward was clean.",
        "My key worker always rang back when she said she would.",
        "The occupational therapist helped me get ready to go home.",
        "They treated my dad with dignity and kept us informed.",
        "The healthcare assistants went above and beyond, nothing was too much trouble.",
        "I was seen on time and the nurse took time to explain my medication.",
        "Really good food and plenty of choice, even for my diet.",
        "The activities coordinator got me out in the garden every day.",
        "Thank you for looking after my mum, you made a horrible time bearable.",
        "My son's CAMHS worker really understood him and he trusts her.",
        "Easy to get an appointment and the clinic was close to home.",
        "The district nurses are always cheerful and professional.",
        "Brilliant, thank you.",
        "They involved me as his carer in every decision.",
    ],
    "mixed": [
        "Good care but the food could be better and it was noisy at night.",
        "Helpful staff, though it was hard to get through on the phone.",
        "Waited a long time to see a doctor but the nurses were great.",
        "The staff are lovely but there is nothing to do in the evenings.",
        "Care was fine but parking at the hospital is a nightmare.",
        "Nice ward but I had to keep asking for my tablets.",
        "OK overall, the letters about appointments were confusing.",
        "n/a",
    ],
    "poor": [
        "Nobody told us about the discharge plan until the day itself.",
        "Too few staff at night, and nobody came when I rang the bell.",
        "My appointment was cancelled twice without an explanation.",
        "The ward was dirty and the toilets were not cleaned.",
        "Agency staff did not know my son or his care plan.",
        "I waited eight months for therapy and heard nothing in between.",
        "The doctor did not listen and talked over me.",
        "Nobody answered the phone at the crisis line in the evening.",
        "The food was cold and there was no choice for halal meals.",
        "The ward was so noisy at night that I could not sleep at all.",
        "Staff were rude and made me feel like a nuisance.",
        "We were never told what medication he was on or why it changed.",
    ],
}
# A handful of comments that need someone today, as real ones do now and then.
URGENT_COMMENTS = [
    "I don't want to be here anymore and nobody on the ward listens.",
    "Since coming home I have started cutting again and I'm scared.",
    "A member of staff grabbed my brother by the arm and pushed him against the wall.",
    "The man in the next room keeps threatening to hurt me when staff aren't looking.",
    "My mum was left in a wet bed for hours before anyone came.",
]


def _comment(rng: random.Random, rating: int) -> str:
    if rng.random() < 0.35:
        return ""
    kind = "good" if rating <= 2 else "mixed" if rating in (3, 6) else "poor"
    if kind == "poor" and rng.random() < 0.004:
        return rng.choice(URGENT_COMMENTS)
    return rng.choice(COMMENTS[kind])


def _answers(rng: random.Random, rating: int | None) -> dict[str, str]:
    answers = {"reason": _comment(rng, rating or 3)}
    if rating is not None:
        answers["rating"] = str(rating)
    respondent = rng.choices(
        ["patient", "carer", "family_or_friend", "staff_helping", None], [62, 14, 12, 5, 7]
    )[0]
    if respondent:
        answers["respondent"] = respondent
    return answers


def dip_months(today: date) -> list[date]:
    """The four months, ending three months ago, when Belvoir Ward's experience dipped."""
    return [add_months(month_start(today), -n) for n in (6, 5, 4, 3)]


def _ratings_for(location: Location, month: date, today: date) -> list[int]:
    return DIP if location.code == "BRAD-BEL" and month in dip_months(today) else GOOD


def _responses_for_month(
    rng: random.Random, location: Location, month: date, count: int, today: date
) -> int:
    modes, weights = WARD_MODES if location.is_inpatient else TEAM_MODES
    days = [(month + timedelta(days=d)) for d in range(31)]
    days = [d for d in days if d.month == month.month and d <= today]
    made = 0
    for index in range(count):
        day = rng.choice(days)
        language = rng.choices(*LANGUAGES)[0]
        easy_read = rng.random() < (0.6 if location.code == "AGNES" else 0.06)
        questionnaire = load_questionnaire("fft", language, easy_read)
        rating = rng.choices([1, 2, 3, 4, 5, 6], _ratings_for(location, month, today))[0]
        moment = datetime.combine(day, time(rng.randrange(8, 21), rng.randrange(60)), tzinfo=UTC)
        create_response(
            questionnaire=questionnaire,
            answers=_answers(rng, None if rng.random() < 0.03 else rating),
            location_id=location.id,
            mode=rng.choices(modes, weights)[0],
            idempotency_key=f"demo-{location.code}-{month:%Y%m}-{index}",
            submitted_at=moment,
        )
        made += 1
    return made


def seed_fft_history(today: date, months: int = 24) -> int:
    """Load the history once; returns how many responses were made (0 if already there)."""
    if db.session.scalar(select(func.count(Response.id))):
        return 0
    rng = random.Random(2020)
    locations = list(db.session.scalars(select(Location).order_by(Location.code)))
    first = month_start(today - timedelta(days=30 * months))
    made = 0
    for month in months_between(first, today):
        for location in locations:
            eligible, rate = SHAPE.get(location.code, WARD_SHAPE)
            eligible = max(1, round(eligible * rng.uniform(0.8, 1.2)))
            # The response rate creeps up over the two years, as the improvement plan asks.
            growth = 1 + 0.3 * (month - first).days / 730
            count = max(0, round(eligible * rate * growth * rng.uniform(0.7, 1.3)))
            if month == month_start(today):
                count = count * today.day // 31  # the month so far
            made += _responses_for_month(rng, location, month, count, today)
            if month < month_start(today):
                if location.code == "STEWART" and month == dip_months(today)[0]:
                    eligible = 3  # a mis-keyed count: more responses than discharges
                db.session.add(
                    EligibleCount(
                        location_id=location.id,
                        month=month,
                        eligible=eligible,
                        source="Demo patient record system",
                    )
                )
        db.session.flush()
    _legacy_year(rng, locations)
    _api_keys(today, first)
    return made


def _api_keys(today: date, first: date) -> None:
    """The systems that send counts and text invites, as the API keys page shows them."""
    at_six = time(6, 0, tzinfo=UTC)
    changed = datetime.combine(add_months(month_start(today), -7), at_six)
    sent = datetime.combine(month_start(today), at_six)  # the monthly counts, on the 1st
    keys = (
        ("Demo patient record system", datetime.combine(first, at_six), changed, changed),
        ("Demo patient record system", changed, None, sent),
        ("Demo appointment system (text invites)", changed, None, sent - timedelta(hours=5)),
    )
    for name, created, revoked, used in keys:
        client, _key = create_api_client(name, created_by="admin@example.nhs.uk")
        client.created_at, client.revoked_at, client.last_used_at = created, revoked, used


def _legacy_year(rng: random.Random, locations: list[Location]) -> None:
    """2019/20 on the old question, with its eligible counts, for the response-rate baseline."""
    for month in months_between(date(2019, 4, 1), date(2020, 3, 1)):
        for location in locations:
            eligible, rate = SHAPE.get(location.code, WARD_SHAPE)
            eligible = max(1, round(eligible * rng.uniform(0.8, 1.2)))
            responses = round(eligible * rate * 0.7 * rng.uniform(0.6, 1.2))
            split = rng.choices(range(6), [55, 25, 7, 5, 4, 4], k=responses)
            db.session.add(
                LegacyFftMonth(
                    location_id=location.id,
                    month=month,
                    imported_by="Demo: 2019/20 FFT export",
                    **{name: split.count(i) for i, name in enumerate(LEGACY_COLUMNS)},
                )
            )
            db.session.add(
                EligibleCount(
                    location_id=location.id, month=month, eligible=eligible, source="Demo 2019/20"
                )
            )
