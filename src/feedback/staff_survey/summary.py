"""The staff survey beside patient feedback on the dashboards: "I would recommend my
organisation as a place to work" (item 8) and "... happy with the standard of care" (item 9)
over the windows, trust-wide or for one directorate, suppressed exactly as the results pages
(the same groups through the same `suppress`), in one grouped query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from feedback.db import trust_today
from feedback.extensions import db
from feedback.staff_survey.models import StaffPulseResponse, StaffSurveyWindow
from feedback.staff_survey.results import directorate_key, item_tallies, read_tallies
from feedback.staff_survey.suppression import Figure, Hidden, Tally, suppress
from feedback.staff_survey.windows import RESULTS_AFTER_DAYS

RECOMMEND, CARE = "item_8", "item_9"
TREND_ITEMS = (RECOMMEND, CARE)
RECOMMEND_WORDS = "Would recommend as a place to work"
CARE_WORDS = "Would be happy with the standard of care"
NO_RESPONSES = Figure(0, None, Hidden.NO_RESPONSES)


@dataclass(frozen=True)
class TrendPoint:
    window_name: str
    opens_on: date
    recommend: Figure  # % agree or strongly agree, with the number answering
    care: Figure


def staff_trend(
    directorate_id: int | None = None,
    up_to: date | None = None,
    windows: int = 8,
    today: date | None = None,
) -> list[TrendPoint]:
    """The last `windows` final windows opening by `up_to`, oldest first: the trust's figures,
    or one directorate's (hidden where the results pages hide them)."""
    today = today or trust_today()
    columns = [StaffPulseResponse.directorate_id, StaffPulseResponse.directorate_not_said]
    query = (
        select(
            StaffSurveyWindow.id,
            StaffSurveyWindow.name,
            StaffSurveyWindow.opens_on,
            *columns,
            *item_tallies(TREND_ITEMS),
        )
        .join(StaffSurveyWindow, StaffSurveyWindow.id == StaffPulseResponse.window_id)
        .where(StaffSurveyWindow.closes_on <= today - timedelta(days=RESULTS_AFTER_DAYS))
        .group_by(
            StaffSurveyWindow.id, StaffSurveyWindow.name, StaffSurveyWindow.opens_on, *columns
        )
    )
    if up_to is not None:
        query = query.where(StaffSurveyWindow.opens_on <= up_to)
    found: dict[int, tuple[str, date, dict[str, dict[str, Tally]]]] = {}
    for row in db.session.execute(query):
        window_id, name, opens_on, directorate, not_said = row[:5]
        groups = found.setdefault(window_id, (name, opens_on, {}))[2]
        tallies = read_tallies(row[5:], TREND_ITEMS)
        key = directorate_key(directorate, bool(not_said))
        before = groups.get(key, dict.fromkeys(TREND_ITEMS, Tally()))
        groups[key] = {item: before[item] + tallies[item] for item in TREND_ITEMS}
    wanted = None if directorate_id is None else directorate_key(directorate_id, False)
    points = []
    for name, opens_on, groups in sorted(found.values(), key=lambda found: found[1]):
        figures = {}
        for item in TREND_ITEMS:
            trust, by_group = suppress({key: tallies[item] for key, tallies in groups.items()})
            figures[item] = trust if wanted is None else by_group.get(wanted, NO_RESPONSES)
        points.append(TrendPoint(name, opens_on, figures[RECOMMEND], figures[CARE]))
    return points[-windows:]
