"""Charts drawn on the server as SVG: no JavaScript, no inline styles (the CSP allows neither),
the same markup in the page and the PDF.

Each chart has a title and a text description (`<title>` and `<desc>`, and shown beside it), and
its data table sits next to it on the page. A hidden (suppressed) figure is never drawn: its bar
or point is left out and its label says why, so a chart cannot reveal what the table hides.
"""

import textwrap
from dataclasses import dataclass
from decimal import Decimal
from itertools import count as counter
from xml.sax.saxutils import escape

from markupsafe import Markup

from redress.reports.sections import Chart, Report
from redress.reports.tables import Cell, Row, Table

FONT = "Arial, Helvetica, sans-serif"
TEXT = "#0b0c0c"
AXIS = "#505a5f"
GRID = "#b1b4b6"
# GOV.UK colours with at least 3:1 contrast against white, told apart by marker shape as well.
SERIES = ["#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#912b88"]
MARKERS = ["circle", "square", "diamond", "triangle", "circle", "square"]
WIDTH = 480
_ids = counter(1)


@dataclass(frozen=True)
class DrawnChart:
    title: str
    description: str
    svg: Markup


def _number(cell: Cell) -> Decimal | None:
    if not cell.is_number or cell.value is None:
        return None
    return Decimal(cell.value)


def _nice_maximum(value: Decimal) -> Decimal:
    if value <= 0:
        return Decimal(1)
    magnitude = Decimal(10) ** (len(str(int(value))) - 1)
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _text(x: float, y: float, content: str, **attributes: object) -> str:
    extra = " ".join(f'{name.replace("_", "-")}="{value}"' for name, value in attributes.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="15" fill="{TEXT}" '
        f"{extra}>{escape(content)}</text>"
    )


def _svg(width: int, height: int, title: str, description: str, body: list[str]) -> Markup:
    uid = next(_ids)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="chart-title-{uid} chart-desc-{uid}" '
        f'class="app-chart__svg">'
        f'<title id="chart-title-{uid}">{escape(title)}</title>'
        f'<desc id="chart-desc-{uid}">{escape(description)}</desc>' + "".join(body) + "</svg>"
    )


def bar_chart(table: Table, chart: Chart, threshold: int) -> DrawnChart:
    """One horizontal bar per row, from the chart's column; the total row is left out."""
    rows = [row for row in table.rows if chart.include_total or not row.is_total]
    cells = [row.cells[chart.column] for row in rows]
    values = [_number(cell) for cell in cells]
    top = _nice_maximum(max((v for v in values if v is not None), default=Decimal(0)))
    if chart.unit == "%":
        top = Decimal(100)
    label_width, bar_left, bar_width = 196, 206, 200
    body: list[str] = []
    y = 8.0
    for row, cell, value in zip(rows, cells, values, strict=True):
        lines = textwrap.wrap(row.label, 24) or [""]
        height = max(30, 18 * len(lines) + 12)
        for n, line in enumerate(lines):
            body.append(_text(label_width, y + 20 + 18 * n, line, text_anchor="end"))
        shown = cell.text(threshold)
        if value is not None:
            length = float(value / top) * bar_width if top else 0
            body.append(
                f'<rect x="{bar_left}" y="{y + 6:.1f}" width="{length:.1f}" height="20" '
                f'fill="{SERIES[0]}"/>'
            )
            body.append(_text(bar_left + length + 6, y + 20, shown))
        else:
            body.append(_text(bar_left + 6, y + 20, shown, fill=AXIS, font_style="italic"))
        y += height
    body.insert(
        0,
        f'<line x1="{bar_left}" y1="4" x2="{bar_left}" y2="{y:.1f}" stroke="{AXIS}" '
        f'stroke-width="1"/>',
    )
    description = _bar_description(rows, cells, values, threshold)
    return DrawnChart(
        table.title, description, _svg(WIDTH, int(y) + 8, table.title, description, body)
    )


def _bar_description(
    rows: list[Row], cells: list[Cell], values: list[Decimal | None], threshold: int
) -> str:
    drawn = [
        (v, row.label, cell)
        for v, row, cell in zip(values, rows, cells, strict=True)
        if v is not None
    ]
    if not drawn:
        return "Bar chart with no figures that can be shown."
    value, label, cell = max(drawn, key=lambda item: item[0])
    hidden = len(rows) - len(drawn)
    text = f"Bar chart of {len(rows)} bars. " + (
        f"The largest is {label}: {cell.text(threshold)}." if value else "Every bar is zero."
    )
    if hidden:
        text += f" {hidden} not drawn because the figure is withheld or does not apply."
    return text + " The figures are in the table."


def line_chart(table: Table, threshold: int) -> DrawnChart:
    """One line per row across the columns (years); withheld figures leave a gap."""
    years = [column.heading for column in table.columns]
    series = [(row.label, [_number(cell) for cell in row.cells]) for row in table.rows]
    highest = max((v for _, values in series for v in values if v is not None), default=Decimal(0))
    top = _nice_maximum(highest / 4) * 4  # four whole steps up the axis
    left, right, plot_top, plot_bottom = 48, WIDTH - 28, 16, 236
    step = (right - left) / max(1, len(years) - 1)
    body: list[str] = []
    for tick in range(5):
        value = top * tick / 4
        y = plot_bottom - (plot_bottom - plot_top) * tick / 4
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{GRID}" '
            f'stroke-width="1"/>'
        )
        body.append(_text(left - 8, y + 5, f"{value.normalize():,f}", text_anchor="end"))
    for index, year in enumerate(years):
        body.append(_text(left + step * index, plot_bottom + 22, year, text_anchor="middle"))

    def point(index: int, value: Decimal) -> tuple[float, float]:
        y = plot_bottom - float(value / top) * (plot_bottom - plot_top) if top else plot_bottom
        return left + step * index, y

    legend_y = plot_bottom + 48
    for number, (label, values) in enumerate(series):
        colour, marker = SERIES[number % len(SERIES)], MARKERS[number % len(MARKERS)]
        segment: list[str] = []
        for index, value in enumerate(values):
            if value is None:
                if len(segment) > 1:
                    body.append(_polyline(segment, colour))
                segment = []
                continue
            x, y = point(index, value)
            segment.append(f"{x:.1f},{y:.1f}")
            body.append(_marker(marker, x, y, colour))
        if len(segment) > 1:
            body.append(_polyline(segment, colour))
        ly = legend_y + 24 * number
        body.append(f'<line x1="{left}" y1="{ly - 5}" x2="{left + 28}" y2="{ly - 5}" '
                    f'stroke="{colour}" stroke-width="3"/>')  # fmt: skip
        body.append(_marker(marker, left + 14, ly - 5, colour))
        body.append(_text(left + 38, ly, label))
    height = legend_y + 24 * len(series)
    description = _line_description(years, series, table, threshold)
    return DrawnChart(table.title, description, _svg(WIDTH, height, table.title, description, body))


def _polyline(points: list[str], colour: str) -> str:
    return f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" stroke-width="3"/>'


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{colour}"/>'
    if shape == "diamond":
        points = f"{x:.1f},{y - 7:.1f} {x + 7:.1f},{y:.1f} {x:.1f},{y + 7:.1f} {x - 7:.1f},{y:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if shape == "triangle":
        points = f"{x:.1f},{y - 7:.1f} {x + 7:.1f},{y + 6:.1f} {x - 7:.1f},{y + 6:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>'


def _line_description(
    years: list[str], series: list[tuple[str, list[Decimal | None]]], table: Table, threshold: int
) -> str:
    if not years:
        return "Line chart with no years."
    parts = []
    for row in table.rows:
        first, last = row.cells[0], row.cells[-1]
        parts.append(
            f"{row.label}: {first.text(threshold)} in {years[0]}, "
            f"{last.text(threshold)} in {years[-1]}"
        )
    return f"Line chart, {years[0]} to {years[-1]}. " + "; ".join(parts) + "."


def draw(table: Table, chart: Chart, threshold: int) -> DrawnChart | None:
    """The chart, or None when every figure it would draw is withheld or does not apply."""
    columns = range(len(table.columns)) if chart.kind == "line" else [chart.column]
    if not any(_number(row.cells[i]) is not None for row in table.rows for i in columns):
        return None
    if chart.kind == "line":
        return line_chart(table, threshold)
    return bar_chart(table, chart, threshold)


def report_charts(report: Report) -> dict[str, DrawnChart]:
    """Every section's chart that has something to draw, by section key."""
    drawn = {}
    for section, table in report.tables():
        if section.chart is not None:
            chart = draw(table, section.chart, report.threshold)
            if chart is not None:
                drawn[section.key] = chart
    return drawn
