"""NHS England's monthly FFT return: one CSV per care setting, raw counts, no suppression.

Counted straight from the month's responses in one grouped query, so the return never
depends on when the summary job last ran. A response with no rating is not counted.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import case, func, select

from feedback.db import utc_now
from feedback.extensions import db
from feedback.metrics.calendar import month_end
from feedback.metrics.models import EligibleCount, FftReturnSent
from feedback.organisation.models import CareSetting, Location, Trust
from feedback.surveys.models import Response, ResponseMode

RATING_HEADERS = (
    "1 Very Good",
    "2 Good",
    "3 Neither Good nor Poor",
    "4 Poor",
    "5 Very Poor",
    "6 Dont Know",
)
MODE_HEADERS = {
    ResponseMode.SMS: "Mode SMS",
    ResponseMode.ELECTRONIC_DISCHARGE: "Mode Electronic Discharge",
    ResponseMode.ELECTRONIC_HOME: "Mode Electronic Home",
    ResponseMode.PAPER_DISCHARGE: "Mode Paper Discharge",
    ResponseMode.PAPER_HOME: "Mode Paper Home",
    ResponseMode.TELEPHONE: "Mode Telephone",
    ResponseMode.ONLINE: "Mode Online",
    ResponseMode.OTHER: "Mode Other",
}
HEADERS = (
    "Period",
    "Org Code",
    "Site Code",
    "Ward or Service Code",
    "Ward or Service Name",
    *RATING_HEADERS,
    "Total Responses",
    "Total Eligible",
    *MODE_HEADERS.values(),
)
SETTING_FILES = {
    CareSetting.INPATIENT: "inpatient",
    CareSetting.MENTAL_HEALTH: "mental-health",
    CareSetting.COMMUNITY: "community",
}
SETTING_LABELS = {
    CareSetting.INPATIENT: "Inpatient (by ward)",
    CareSetting.MENTAL_HEALTH: "Mental health (by service grouping)",
    CareSetting.COMMUNITY: "Community (by service category)",
}


@dataclass
class ReturnRow:
    site_code: str
    unit_code: str
    unit_name: str
    ratings: list[int]
    eligible: int | None
    modes: dict[ResponseMode, int]

    @property
    def total(self) -> int:
        return sum(self.ratings)


def _counts(month: date) -> dict[int, tuple[list[int], dict[ResponseMode, int]]]:
    columns = [func.sum(case((Response.fft_rating == r, 1), else_=0)) for r in range(1, 7)]
    columns += [func.sum(case((Response.mode == mode, 1), else_=0)) for mode in ResponseMode]
    query = (
        select(Response.location_id, *columns)
        .where(
            Response.questionnaire == "fft",
            Response.submitted_on.between(month, month_end(month)),
            Response.fft_rating.is_not(None),
        )
        .group_by(Response.location_id)
    )
    counts = {}
    for location_id, *values in db.session.execute(query):
        ratings = [int(v) for v in values[:6]]
        modes = dict(zip(ResponseMode, (int(v) for v in values[6:]), strict=True))
        counts[location_id] = (ratings, modes)
    return counts


def return_rows(month: date) -> dict[CareSetting, list[ReturnRow]]:
    """Each setting's rows: inpatient wards one by one; other settings by their grouping."""
    counts = _counts(month)
    eligible = dict(
        db.session.execute(
            select(EligibleCount.location_id, EligibleCount.eligible).where(
                EligibleCount.month == month
            )
        ).all()
    )
    rows: dict[CareSetting, dict[str, ReturnRow]] = {setting: {} for setting in CareSetting}
    for location in db.session.scalars(select(Location).order_by(Location.code)):
        in_use = location.retired_at is None or location.retired_at.date() >= month
        if location.id not in counts and location.id not in eligible and not in_use:
            continue
        ratings, modes = counts.get(location.id, ([0] * 6, dict.fromkeys(ResponseMode, 0)))
        if location.setting == CareSetting.INPATIENT:
            key, site, code, name = (
                location.code,
                location.site_code or "",
                location.code,
                location.name,
            )
        else:
            name = location.return_grouping or location.service.name
            key, site, code = name, "", ""
        row = rows[location.setting].get(key)
        if row is None:
            rows[location.setting][key] = ReturnRow(
                site, code, name, list(ratings), eligible.get(location.id), dict(modes)
            )
            continue
        row.ratings = [a + b for a, b in zip(row.ratings, ratings, strict=True)]
        row.modes = {mode: row.modes[mode] + modes[mode] for mode in ResponseMode}
        if location.id in eligible:
            row.eligible = (row.eligible or 0) + eligible[location.id]
    return {
        setting: sorted(units.values(), key=lambda r: (r.site_code, r.unit_name))
        for setting, units in rows.items()
    }


def render_csv(month: date, setting: CareSetting, rows: list[ReturnRow]) -> str:
    trust = db.session.scalar(select(Trust).order_by(Trust.id).limit(1))
    org_code = trust.code if trust else ""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(
            [
                month.strftime("%Y-%m"),
                org_code,
                row.site_code,
                row.unit_code,
                row.unit_name,
                *row.ratings,
                row.total,
                "" if row.eligible is None else row.eligible,
                *(row.modes[mode] for mode in MODE_HEADERS),
            ]
        )
    return buffer.getvalue()


def file_name(month: date, setting: CareSetting) -> str:
    return f"fft-return-{month:%Y-%m}-{SETTING_FILES[setting]}.csv"


def write_return(month: date, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for setting, rows in return_rows(month).items():
        path = folder / file_name(month, setting)
        path.write_text(render_csv(month, setting, rows), encoding="utf-8", newline="")
        written.append(path)
    return written


def due_date(month: date, working_day: int) -> date:
    """The return is due on a set working day of the following month (England's calendar)."""
    import holidays

    first = month_end(month) + timedelta(days=1)
    bank_holidays = holidays.country_holidays("GB", subdiv="ENG", years=first.year)
    day, counted = first, 0
    while True:
        if day.weekday() < 5 and day not in bank_holidays:
            counted += 1
            if counted == working_day:
                return day
        day += timedelta(days=1)


def sent_returns(month: date) -> dict[str, FftReturnSent]:
    return {
        sent.setting: sent
        for sent in db.session.scalars(select(FftReturnSent).where(FftReturnSent.month == month))
    }


def record_sent(month: date, setting: CareSetting, csv_text: str, sent_by: str) -> FftReturnSent:
    """Keep the copy that was sent; sending again (a resubmission) replaces it."""
    sent = db.session.scalar(
        select(FftReturnSent).where(
            FftReturnSent.month == month, FftReturnSent.setting == setting.value
        )
    )
    if sent is None:
        sent = FftReturnSent(month=month, setting=setting.value)
        db.session.add(sent)
    sent.csv_text, sent.sent_by, sent.sent_at = csv_text, sent_by, utc_now()
    return sent
