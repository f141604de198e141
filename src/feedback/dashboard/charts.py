"""Charts drawn on the server as SVG: no charting script in the browser, nothing to download,
and the same picture printed. Each chart carries a sentence for screen readers and a table of
its data, and never relies on colour alone (lines are dashed or solid, points have shapes,
every status is also written in words)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup, escape

from feedback.dashboard.tables import Table

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 30, 16, 40
# NHS identity colours; each line also differs by dash pattern, each point by shape.
COLOURS = {"blue": "#005eb8", "dark": "#212b32", "grey": "#4c6272", "green": "#007f3b"}
# Making Data Count's meanings: improvement blue, concern orange, common cause grey (the
# orange is darkened so that it keeps 3:1 contrast on white).
VARIATION_COLOURS = {"improvement": "#005eb8", "concern": "#b35900", "common_cause": "#768692"}


@dataclass
class Series:
    name: str
    values: Sequence[float | None]  # one per month; None leaves a gap
    colour: str = "blue"
    dashed: bool = False
    thin: bool = False  # reference lines: a mean or a limit
    marks: Sequence[str | None] | None = None  # per point: a variation, drawn by shape


@dataclass
class Chart:
    id: str
    title: str
    summary: str
    svg: Markup
    table: Table
    legend: list[tuple[str, str]] = field(default_factory=list)  # (swatch class, words)


def _x(index: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span * index / (count - 1) if count > 1 else span / 2)


def _y(value: float, top: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top) if top else HEIGHT - BOTTOM


def nice_top(values: Sequence[float | None], at_least: float = 1) -> float:
    """A round axis top just above the largest value."""
    largest = max([v for v in values if v is not None] + [at_least])
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if largest <= step * 4:
            return step * -(-largest // step)
    return largest


def _path(values: Sequence[float | None], top: float) -> str:
    """An SVG path; a missing month lifts the pen so no line is drawn across it."""
    parts, pen_down = [], False
    for i, value in enumerate(values):
        if value is None:
            pen_down = False
            continue
        command = "L" if pen_down else "M"
        parts.append(f"{command}{_x(i, len(values)):.1f},{_y(value, top):.1f}")
        pen_down = True
    return " ".join(parts)


def _marker(x: float, y: float, mark: str | None, colour: str) -> str:
    if mark == "improvement":  # a square
        return f'<rect x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9" fill="{colour}"/>'
    if mark == "concern":  # a triangle
        return (
            f'<path d="M{x:.1f},{y - 6:.1f} L{x + 6:.1f},{y + 4.5:.1f} '
            f'L{x - 6:.1f},{y + 4.5:.1f} Z" fill="{colour}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>'


def _axes(months: Sequence[date], top: float, unit: str) -> list[str]:
    out = []
    for step in range(5):
        value = top * step / 4
        y = _y(value, top)
        label = f"{value:g}{unit}"
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            'class="app-chart__grid"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>'
        )
    every = max(1, -(-len(months) // 8))
    for i, month in enumerate(months):
        if i % every and i != len(months) - 1:
            continue
        out.append(
            f'<text x="{_x(i, len(months)):.1f}" y="{HEIGHT - BOTTOM + 18}" '
            f'text-anchor="middle">{month.strftime("%b %y")}</text>'
        )
    return out


def _break_line(months: Sequence[date], at: date | None, label: str) -> list[str]:
    if at is None or not months or not months[0] < at <= months[-1]:
        return []
    index = next(i for i, m in enumerate(months) if m >= at)
    x = (_x(index - 1, len(months)) + _x(index, len(months))) / 2
    return [
        f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" '
        'class="app-chart__break"/>'
        f'<text x="{x + 4:.1f}" y="{TOP + 12}" class="app-chart__note">{escape(label)}</text>'
    ]


def line_chart(
    chart_id: str,
    title: str,
    months: Sequence[date],
    series: Sequence[Series],
    *,
    summary: str,
    table: Table,
    unit: str = "%",
    top: float | None = None,
    break_at: date | None = None,
    break_label: str = "",
) -> Chart:
    top = top or nice_top([v for s in series for v in s.values])
    body = _axes(months, top, unit) + _break_line(months, break_at, break_label)
    for s in series:
        colour = COLOURS.get(s.colour, s.colour)
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        width = 1.5 if s.thin else 2.5
        body.append(
            f'<path d="{_path(s.values, top)}" fill="none" stroke="{colour}" '
            f'stroke-width="{width}"{dash}/>'
        )
        if s.thin:
            continue
        for i, value in enumerate(s.values):
            if value is None:
                continue
            mark = s.marks[i] if s.marks else None
            point_colour = VARIATION_COLOURS.get(mark or "", colour) if s.marks else colour
            body.append(_marker(_x(i, len(months)), _y(value, top), mark, point_colour))
    legend = [
        ("dashed" if s.dashed else "solid", f"{'Dashed' if s.dashed else 'Solid'} line: {s.name}")
        for s in series
        if not s.thin
    ]
    return Chart(chart_id, title, summary, _svg(chart_id, title, body), table, legend)


def _svg(
    chart_id: str, title: str, body: list[str], width: int = WIDTH, height: int = HEIGHT
) -> Markup:
    return Markup(  # noqa: S704 - every value inside is a number or passed through escape()
        f'<svg class="app-chart__svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" '
        f'aria-labelledby="{chart_id}-title" aria-describedby="{chart_id}-summary" '
        f'focusable="false"><title id="{chart_id}-title">{escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    before: int | None = None  # the comparison period, drawn as a thin outline bar


BAR_HEIGHT, BAR_GAP, LABEL_WIDTH = 18, 14, 250


def bar_chart(
    chart_id: str, title: str, bars: Sequence[Bar], *, summary: str, table: Table
) -> Chart:
    """Horizontal bars (long theme names read better down the page than along an axis)."""
    top = nice_top([b.value for b in bars] + [b.before for b in bars if b.before is not None])
    row = BAR_HEIGHT * 2 + BAR_GAP
    height = max(row * len(bars) + TOP + 8, 60)
    plot = WIDTH - LABEL_WIDTH - RIGHT - 40
    body = []
    for i, bar in enumerate(bars):
        y = TOP + i * row
        width = plot * bar.value / top if top else 0
        body.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT - 4}" text-anchor="end">'
            f"{escape(_short(bar.label))}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{COLOURS["blue"]}"/>'
            f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + BAR_HEIGHT - 4}">{bar.value}</text>'
        )
        if bar.before is not None:
            before = plot * bar.before / top if top else 0
            body.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + BAR_HEIGHT + 2}" width="{before:.1f}" '
                f'height="{BAR_HEIGHT - 6}" fill="none" stroke="{COLOURS["grey"]}" '
                'stroke-width="1.5" stroke-dasharray="4 2"/>'
                f'<text x="{LABEL_WIDTH + before + 6:.1f}" y="{y + 2 * BAR_HEIGHT - 6}" '
                f'class="app-chart__note">{bar.before} before</text>'
            )
    return Chart(chart_id, title, summary, _svg(chart_id, title, body, WIDTH, height), table)


def _short(label: str, limit: int = 36) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


# The map of targets: a cell per service and target, a colour and a letter-word in each.
RAG_CELL = {
    "green": ("#007f3b", "light", "On"),
    "amber": ("#ffb81c", "dark", "Close"),
    "red": ("#d5281b", "light", "Off"),
    "too_little_data": ("#e8edee", "dark", "Few data"),
    "no_baseline": ("#e8edee", "dark", "No base"),
    None: ("#ffffff", "dark", "None"),
}
CELL_W, CELL_H, ROW_LABEL = 92, 30, 230


def target_grid(
    chart_id: str,
    title: str,
    rows: Sequence[str],
    columns: Sequence[str],
    cells: dict[tuple[int, int], str | None],
    *,
    summary: str,
    table: Table,
) -> Chart:
    header = 60
    width = ROW_LABEL + CELL_W * len(columns) + RIGHT
    height = header + CELL_H * len(rows) + 8
    body = []
    for j, column in enumerate(columns):
        x = ROW_LABEL + j * CELL_W + CELL_W / 2
        for k, line in enumerate(_wrap(column)):
            body.append(
                f'<text x="{x:.1f}" y="{14 + 13 * k}" text-anchor="middle" '
                f'class="app-chart__note">{escape(line)}</text>'
            )
    for i, row in enumerate(rows):
        y = header + i * CELL_H
        body.append(
            f'<text x="{ROW_LABEL - 8}" y="{y + CELL_H / 2 + 4:.1f}" text-anchor="end">'
            f"{escape(_short(row, 32))}</text>"
        )
        for j in range(len(columns)):
            fill, ink, word = RAG_CELL.get(cells.get((i, j)), RAG_CELL[None])
            x = ROW_LABEL + j * CELL_W
            body.append(
                f'<rect x="{x + 2}" y="{y + 2}" width="{CELL_W - 4}" height="{CELL_H - 4}" '
                f'fill="{fill}" stroke="#aeb7bd"/>'
                f'<text x="{x + CELL_W / 2:.1f}" y="{y + CELL_H / 2 + 4:.1f}" '
                f'text-anchor="middle" class="app-chart__ink-{ink}">{word}</text>'
            )
    return Chart(chart_id, title, summary, _svg(chart_id, title, body, width, height), table)


def _wrap(text: str, width: int = 14, lines: int = 3) -> list[str]:
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = [*out[: lines - 1], _short(" ".join(out[lines - 1 :]), width)]
    return out
