"""Making Data Count charts for a unit's page, drawn from the stored XmR points."""

from __future__ import annotations

from feedback.dashboard.charts import Chart, Series, line_chart, nice_top
from feedback.dashboard.tables import Table
from feedback.dashboard.warnings import (
    ASSURANCE_WORDS,
    MEASURE_UNITS,
    RULE_WORDS,
    VARIATION_WORDS,
    UnitSeries,
)

LEGEND = [
    ("common", "Circle: common cause variation"),
    ("improvement", "Square: special cause, improvement"),
    ("concern", "Triangle: special cause, concern"),
    ("limit", "Dashed lines: process limits; thin line: the mean"),
]


def _table(entry: UnitSeries) -> Table:
    unit = MEASURE_UNITS[entry.measure]
    table = Table(
        f"spc-{entry.measure}".replace("_", "-"),
        f"{entry.name}: process control",
        [
            "Month",
            f"Value{' %' if unit else ''}",
            "Mean",
            "Lower limit",
            "Upper limit",
            "Variation",
            "Rules",
        ],
        numeric=frozenset({1, 2, 3, 4}),
    )
    for p in entry.points:
        table.add(
            p.month.strftime("%b %Y"),
            round(p.value, 1),
            round(p.mean, 1),
            round(p.lower_limit, 1),
            round(p.upper_limit, 1),
            VARIATION_WORDS[p.variation],
            "; ".join(RULE_WORDS[r] for r in p.rules.split(",") if r),
        )
    return table


def _summary(entry: UnitSeries) -> str:
    latest = entry.points[-1]
    words = VARIATION_WORDS[latest.variation]
    text = (
        f"{len(entry.points)} months. In {latest.month:%B %Y} the value was "
        f"{latest.value:.1f}{MEASURE_UNITS[entry.measure]}, against a mean of {latest.mean:.1f} "
        f"and limits of {latest.lower_limit:.1f} to {latest.upper_limit:.1f}: {words}."
    )
    if entry.series.assurance:
        text += f" {ASSURANCE_WORDS[entry.series.assurance]}."
    return text


def spc_chart(entry: UnitSeries) -> Chart | None:
    if not entry.points:
        return None
    points = entry.points
    months = [p.month for p in points]
    series = [
        Series("Mean", [p.mean for p in points], colour="grey", thin=True),
        Series(
            "Upper limit", [p.upper_limit for p in points], colour="grey", thin=True, dashed=True
        ),
        Series(
            "Lower limit", [p.lower_limit for p in points], colour="grey", thin=True, dashed=True
        ),
    ]
    if entry.series.target_percent is not None:
        series.append(
            Series("Target", [entry.series.target_percent] * len(points), colour="green", thin=True)
        )
    series.append(
        Series(
            entry.name,
            [p.value for p in points],
            colour="dark",
            marks=[p.variation for p in points],
        )
    )
    # % positive reads against the whole scale; a response rate of 8% would vanish on it.
    values = [p.upper_limit for p in points] + [p.value for p in points]
    top = 100 if entry.measure == "fft_percent_positive" else nice_top(values)
    chart = line_chart(
        f"spc-{entry.measure}".replace("_", "-"),
        f"{entry.name}: process control chart",
        months,
        series,
        summary=_summary(entry),
        table=_table(entry),
        unit=MEASURE_UNITS[entry.measure],
        top=top,
    )
    chart.legend = LEGEND + [("target", "Green line: the target")] * (
        entry.series.target_percent is not None
    )
    return chart
