"""Demo staff pulse surveys: the windows of the last two years (January, April, July) and the
next one, a few hundred responses each, and some comments.

The answers carry what the trust worries about, for the results pages to find: disabled staff,
and Black staff, are less positive about making suggestions and improvements, about care being
the top priority and about recommending the trust (items 5 to 8). Some groups are small (Mixed
ethnic groups, students, agency staff), so the pages show suppression at work.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import func, insert, select

from feedback.extensions import db
from feedback.organisation.services import list_directorates
from feedback.staff_survey.models import StaffPulseComment, StaffPulseResponse, StaffSurveyWindow
from feedback.staff_survey.submission import ITEMS, NOT_SAID, new_comment_id
from feedback.staff_survey.windows import QUARTER_OF_MONTH, save_window

YEARS_BACK = 2
# How often each answer is given, before the disparities (item 1 ... item 9).
POSITIVE = (0.55, 0.62, 0.66, 0.70, 0.72, 0.56, 0.74, 0.58, 0.66)
GAP_ITEMS = ("item_5", "item_6", "item_7", "item_8")
DISABLED_GAP, BLACK_GAP = 0.16, 0.14
STAFF_GROUPS = {
    "nursing": 30,
    "clinical_support": 20,
    "admin_clerical": 15,
    "allied_health": 10,
    "medical_dental": 6,
    "scientific_technical": 6,
    "estates_ancillary": 4,
    "bank": 4,
    "agency": 2,
    "students": 1,
    "healthcare_science": 0.5,
    NOT_SAID: 1.5,
    None: 1,
}
ETHNICITY = {"white": 70, "asian": 16, "black": 7, "mixed": 2, "other": 1.5, NOT_SAID: 2.5, None: 1}
DISABILITY = {"yes": 18, "no": 74, NOT_SAID: 5, None: 3}
COMMENTS = (
    "Really supportive team on the ward, but we are stretched thin on nights and weekends.",
    "I put forward an idea about handovers months ago and never heard anything back.",
    "Proud of the care we give, even when we are short-staffed.",
    "The new electronic record takes time away from patients. Typing up notes after every "
    "visit means I finish late most days.",
    "Flexible working has made a huge difference to me as a carer.",
    "I don't feel listened to when I raise concerns about workload.",
    "As a disabled member of staff I waited over six months for reasonable adjustments.",
    "Car parking at the Bradgate Unit makes every shift start badly.",
    "Training is good but I can never get released from the rota to go.",
    "Colleagues from Black and minority ethnic backgrounds are not getting the same chances "
    "to progress here.",
    "Bank staff are not always told what is going on in the team.",
    "Our team lead is brilliant and always makes time for us.",
    "Wellbeing sessions are nice but what we need is more staff.",
    "Too many meetings, not enough time with the people we support.",
)


def _windows(today: date) -> list[tuple[date, date]]:
    """Each quarter's window from two years back, opening on the first weekday from the 3rd
    for three weeks; ending with the first one still to come."""
    found = []
    for year in range(today.year - YEARS_BACK, today.year + 2):
        for month in sorted(QUARTER_OF_MONTH):
            opens = date(year, month, 3)
            while opens.weekday() >= 5:
                opens += timedelta(days=1)
            closes = opens + timedelta(days=20)
            if closes < today - timedelta(days=365 * YEARS_BACK):
                continue
            found.append((opens, closes))
            if closes >= today:
                return found
    return found


def _pick(rng: random.Random, weights: dict) -> object:  # type: ignore[type-arg]
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _answer(rng: random.Random, chance: float) -> int | None:
    if rng.random() < 0.03:
        return None  # skipped
    if rng.random() < chance:
        return 5 if rng.random() < 0.4 else 4
    return rng.choices((1, 2, 3), weights=(15, 35, 50))[0]


def _response(rng: random.Random, window: StaffSurveyWindow, directorates, drift: float) -> dict:  # type: ignore[no-untyped-def,type-arg]
    where = rng.random()
    directorate_id, not_said = None, False
    if where < 0.03:
        not_said = True
    elif where < 0.95:
        directorate_id = rng.choices(directorates, weights=(40, 35, 20)[: len(directorates)])[0]
    disability = _pick(rng, DISABILITY)
    ethnicity = _pick(rng, ETHNICITY)
    answers = {}
    for item, chance in zip(ITEMS, POSITIVE, strict=True):
        if item in GAP_ITEMS:
            chance -= DISABLED_GAP if disability == "yes" else 0
            chance -= BLACK_GAP if ethnicity == "black" else 0
        answers[item] = _answer(rng, min(max(chance + drift, 0.05), 0.95))
    return {
        "window_id": window.id,
        **answers,
        "directorate_id": directorate_id,
        "directorate_not_said": not_said,
        "staff_group": _pick(rng, STAFF_GROUPS),
        "ethnicity": ethnicity,
        "disability": disability,
    }


def seed_staff_survey_demo(today: date) -> int:
    """Load the demo windows and responses once; returns how many responses (0 if there)."""
    if db.session.scalar(select(func.count()).select_from(StaffSurveyWindow)):
        return 0
    directorates = [d.id for d in list_directorates()][:3]
    if not directorates:
        return 0
    rng = random.Random(2026)
    made = 0
    for number, (opens, closes) in enumerate(_windows(today)):
        window = save_window(opens, closes, today)
        if opens > today:
            continue  # still to come: the public link says when it opens
        drift = 0.01 * number - 0.03  # slowly getting better
        rows = [_response(rng, window, directorates, drift) for _ in range(rng.randint(300, 450))]
        db.session.execute(insert(StaffPulseResponse), rows)
        made += len(rows)
        for text in rng.sample(COMMENTS, 6):
            db.session.add(
                StaffPulseComment(
                    id=new_comment_id(), window_id=window.id, text=text, language="en"
                )
            )
        db.session.flush()
    return made
