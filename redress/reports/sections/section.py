"""What a section is (its table's builder, and the chart drawn from it), the parts sections
are grouped in, and the helpers their tables are made with."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from redress.reports.sections.context import ReportContext
from redress.reports.tables import Cell, Column, Kind, Row, Table, count, money, not_applicable


@dataclass(frozen=True)
class Chart:
    """A chart drawn from a section's table: a bar per row (`column` gives the values), or a
    line per row across the columns (`kind="line"`)."""

    kind: str  # "bar" or "line"
    column: int = 0
    unit: str = ""
    include_total: bool = False


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    description: str
    build: Callable[[ReportContext], Table]
    chart: Chart | None = None

    def table(self, ctx: ReportContext) -> Table:
        """The section's table, with the key, title and description the section declares."""
        table = self.build(ctx)
        table.key, table.title, table.description = self.key, self.title, self.description
        return table


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    sections: Sequence[Section]


def section_table(*, total: str = "", **kwargs: Any) -> Table:
    """A section's table (`Section.table` gives it the section's key, title and description);
    with `total`, a total row so labelled is added under the rows."""
    if total:
        rows = kwargs["rows"]
        rows.append(total_row(rows, len(kwargs["columns"]), total))
        kwargs["total_row"] = True
    return Table(key="", title="", **kwargs)


def counts_table(
    row_heading: str, heading: str, counts: list[tuple[str, int]], total: str
) -> Table:
    """A table of one column of counts, one row each, and their total."""
    rows = [Row(label, [count(n)]) for label, n in counts]
    return section_table(row_heading=row_heading, columns=[Column(heading)], rows=rows, total=total)


def total_row(rows: list[Row], columns: int, label: str = "Total") -> Row:
    """A total row: the sum of the rows' numbers in each count or money column."""
    cells: list[Cell] = []
    for index in range(columns):
        first = rows[0].cells[index] if rows else count(0)
        values = [row.cells[index].value for row in rows]
        if first.kind is Kind.COUNT:
            cells.append(count(sum(int(v or 0) for v in values)))
        elif first.kind is Kind.MONEY:
            payments = sum(row.cells[index].reveals[0] for row in rows)
            cells.append(money(sum(int(v or 0) for v in values), payments))
        else:
            cells.append(not_applicable(first.kind))
    return Row(label, cells, is_total=True)
