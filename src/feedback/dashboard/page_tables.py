"""The tables and charts of a unit's dashboard page, built from its overview. Every chart's
"show the data" table is also an export, so what is drawn can be checked and downloaded."""

from __future__ import annotations

from feedback.dashboard.charts import Bar, Chart, Series, bar_chart, line_chart, target_grid
from feedback.dashboard.overview import NEW_QUESTION_FROM, UnitOverview
from feedback.dashboard.tables import Table
from feedback.staff_survey.summary import CARE_WORDS, RECOMMEND_WORDS
from feedback.targets.models import MEASURE_LABELS, RAG_LABELS
from feedback.targets.services import StatusRow


def _rag_words(status: StatusRow | None) -> str:
    return RAG_LABELS[status.rag] if status else "Not computed"


def children_table(page: UnitOverview) -> Table:
    level = page.children[0].unit.words if page.children else "unit"
    table = Table(
        "breakdown",
        f"Each {level}",
        [
            level.capitalize(),
            "Responses",
            "Eligible",
            "Response rate %",
            "% positive",
            "% negative",
            "Complaints received",
            "Complaints answered",
            "% answered on time",
            "Compliments",
        ],
        numeric=frozenset(range(1, 10)),
    )
    for row in page.children:
        c = row.complaints
        table.add(
            row.unit.name,
            row.fft.total,
            row.fft.eligible,
            row.fft.response_rate,
            row.fft.fft_percent_positive,
            row.fft.fft_percent_negative,
            c.complaints_received if c else None,
            c.responded if c else None,
            c.percent_on_time if c else None,
            c.compliments if c else None,
        )
    return table


def targets_table(page: UnitOverview) -> Table:
    table = Table(
        "targets",
        "Targets",
        ["Target", "Measure", "Period", "Figure %", "Goal %", "Status", "Owner then", "Counted"],
        numeric=frozenset({3, 4}),
    )
    for entry in page.targets:
        for status in reversed(entry.history):
            table.add(
                entry.target.name,
                MEASURE_LABELS[entry.target.measure],
                status.period_start.strftime("%b %Y"),
                status.percent,
                status.threshold,
                _rag_words(status),
                status.owner,
                f"{status.numerator} of {status.denominator}",
            )
    return table


def themes_table(page: UnitOverview) -> Table:
    compared = page.comparison is not None
    columns = ["Theme", "Group", "Comments", "Positive", "Negative"]
    if compared:
        columns += ["Comments before", "Change", "Negative before", "Negative change"]
    table = Table("themes", "Top themes", columns, numeric=frozenset(range(2, 9)))
    for row in page.themes:
        cells = [row.name, row.group, row.comments, row.positive, row.negative]
        if compared:
            cells += [row.comments_before, row.change, row.negative_before, row.negative_change]
        table.add(*cells)
    return table


def rising_table(page: UnitOverview) -> Table:
    table = Table(
        "rising-negative",
        "Negative themes that rose most",
        ["Theme", "Negative comments", "Before", "Rise"],
        numeric=frozenset({1, 2, 3}),
    )
    for row in page.rising_negative:
        table.add(row.name, row.negative, row.negative_before, row.negative_change)
    return table


def trend_table(page: UnitOverview) -> Table:
    table = Table(
        "trend",
        "Month by month",
        [
            "Month",
            "Question",
            "Responses",
            "Old-question responses",
            "Eligible",
            "Response rate %",
            "% positive",
            "% negative",
            "Complaints received",
            "Compliments",
        ],
        numeric=frozenset(range(2, 10)),
    )
    for m in page.trend:
        table.add(
            m.month.strftime("%b %Y"),
            "Old (before April 2020)" if m.is_legacy else "2020 question",
            m.fft.total,
            m.fft.legacy_responses,
            m.fft.eligible,
            m.fft.response_rate,
            m.fft.fft_percent_positive,
            m.fft.fft_percent_negative,
            m.complaints.complaints_received if m.complaints else None,
            m.complaints.compliments if m.complaints else None,
        )
    return table


def target_map_table(page: UnitOverview) -> Table:
    table = Table(
        "target-map",
        "Targets by service",
        ["Service", "Target", "Latest period", "Figure %", "Goal %", "Status"],
        numeric=frozenset({3, 4}),
    )
    for cell in page.target_map:
        s = cell.status
        table.add(
            cell.service.name,
            cell.target_name,
            s.period_start.strftime("%b %Y") if s else None,
            s.percent if s else None,
            s.threshold if s else None,
            _rag_words(s),
        )
    return table


STAFF_NOTE = (
    "A dash means not shown: fewer than 10 staff answered, or it would let a smaller group be "
    "worked out. % agree or strongly agree, of the staff who answered."
)


def staff_table(page: UnitOverview) -> Table:
    table = Table(
        "staff-pulse",
        "Staff pulse survey by window",
        [
            "Survey window",
            f"{RECOMMEND_WORDS} %",
            "Recommend: number answering",
            f"{CARE_WORDS} %",
            "Care: number answering",
        ],
        numeric=frozenset({1, 2, 3, 4}),
        note=STAFF_NOTE,
    )
    for point in page.staff or []:
        table.add(
            point.window_name,
            point.recommend.percent,
            point.recommend.answered,
            point.care.percent,
            point.care.answered,
        )
    return table


def _describe_staff(page: UnitOverview) -> str:
    last = (page.staff or [])[-1]
    where = "in this directorate " if page.unit.level == "directorate" else ""
    if last.recommend.percent is None and last.care.percent is None:
        return (
            f"{last.window_name}: not shown {where}(fewer than 10 staff answered, or it would "
            "reveal a smaller group)."
        )
    parts = []
    for figure, words in (
        (last.recommend, "would recommend the trust as a place to work"),
        (last.care, "would be happy with the standard of care"),
    ):
        if figure.percent is not None:
            parts.append(f"{figure.percent}% of {figure.answered} {words}")
    return f"{last.window_name}, staff {where}who answered: " + "; ".join(parts) + "."


def staff_chart(page: UnitOverview) -> Chart | None:
    if not page.staff:
        return None
    return line_chart(
        "chart-staff",
        "Staff who would recommend the trust as a place to work, and its care",
        [point.opens_on for point in page.staff],
        [
            Series(RECOMMEND_WORDS, [p.recommend.percent for p in page.staff]),
            Series(CARE_WORDS, [p.care.percent for p in page.staff], colour="dark", dashed=True),
        ],
        summary=_describe_staff(page),
        table=staff_table(page),
        top=100,
    )


def all_tables(page: UnitOverview) -> dict[str, Table]:
    tables = [trend_table(page), themes_table(page), rising_table(page)]
    if page.staff is not None:
        tables.append(staff_table(page))
    if page.children:
        tables.insert(0, children_table(page))
    if page.targets:
        tables.append(targets_table(page))
    if page.target_map:
        tables.append(target_map_table(page))
    return {t.slug: t for t in tables}


def _describe_trend(page: UnitOverview) -> str:
    rated = [m for m in page.trend if m.fft.total]
    if not rated:
        return "No FFT responses in these months."
    first, last = rated[0], rated[-1]
    best = max(rated, key=lambda m: m.fft.fft_percent_positive or 0)
    worst = min(rated, key=lambda m: m.fft.fft_percent_positive or 0)
    return (
        f"% positive went from {first.fft.fft_percent_positive}% in "
        f"{first.month:%B %Y} to {last.fft.fft_percent_positive}% in {last.month:%B %Y}. "
        f"Highest {best.fft.fft_percent_positive}% ({best.month:%B %Y}), lowest "
        f"{worst.fft.fft_percent_positive}% ({worst.month:%B %Y})."
    )


def positive_chart(page: UnitOverview) -> Chart:
    months = [m.month for m in page.trend]
    return line_chart(
        "chart-positive",
        "FFT % positive and % negative by month",
        months,
        [
            Series("% positive", [m.fft.fft_percent_positive for m in page.trend]),
            Series(
                "% negative",
                [m.fft.fft_percent_negative for m in page.trend],
                colour="dark",
                dashed=True,
            ),
        ],
        summary=_describe_trend(page),
        table=trend_table(page),
        top=100,
        break_at=NEW_QUESTION_FROM,
        break_label="New FFT question",
    )


def rate_chart(page: UnitOverview) -> Chart:
    months = [m.month for m in page.trend]
    new = [None if m.is_legacy else m.fft.response_rate for m in page.trend]
    old = [m.fft.response_rate if m.is_legacy else None for m in page.trend]
    known = [m for m in page.trend if m.fft.response_rate is not None]
    if known:
        summary = (
            f"The response rate was {known[-1].fft.response_rate}% in {known[-1].month:%B %Y}"
            f" ({known[-1].fft.rate_responses} responses from {known[-1].fft.eligible} eligible)."
        )
        if any(m.is_legacy for m in known):
            summary += " Months before April 2020 count answers to the old FFT question."
    else:
        summary = "No eligible counts for these months, so no response rate."
    series = [Series("Response rate, 2020 question", new)]
    if any(v is not None for v in old):
        series.append(Series("Response rate, old question", old, colour="grey", dashed=True))
    return line_chart(
        "chart-rate",
        "Response rate by month",
        months,
        series,
        summary=summary,
        table=trend_table(page),
        break_at=NEW_QUESTION_FROM,
        break_label="New FFT question",
    )


def themes_chart(page: UnitOverview) -> Chart:
    bars = [Bar(r.name, r.comments, r.comments_before) for r in page.themes]
    if bars:
        top = page.themes[0]
        summary = f"The most common theme was {top.name}, in {top.comments} comments"
        if top.change is not None:
            summary += f" ({top.change:+d} on {page.comparison.label})"  # type: ignore[union-attr]
        summary += "."
    else:
        summary = "No comments with themes in this period."
    return bar_chart(
        "chart-themes", "Top themes in comments", bars, summary=summary, table=themes_table(page)
    )


def target_map_chart(page: UnitOverview) -> Chart | None:
    if not page.target_map:
        return None
    services = list(dict.fromkeys(cell.service.name for cell in page.target_map))
    names = page.target_map_names
    cells = {
        (services.index(c.service.name), names.index(c.target_name)): (
            c.status.rag.value if c.status else None
        )
        for c in page.target_map
    }
    off = sum(1 for c in page.target_map if c.status and c.status.rag.value == "red")
    summary = (
        f"{_count(len(services), 'service')} and {_count(len(names), 'target')}: {off} "
        f"{'is' if off == 1 else 'are'} off target in the latest period."
    )
    return target_grid(
        "chart-target-map",
        "Targets by service (latest period)",
        services,
        names,
        cells,
        summary=summary,
        table=target_map_table(page),
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
