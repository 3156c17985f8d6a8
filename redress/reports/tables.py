"""Report tables: figures with what they reveal, small-number suppression, and formatting.

Every output (the page, the PDF, the spreadsheet and the CSV) is drawn from the same `Table`
objects after `suppress()` has run, so a figure hidden in one is hidden in all.

Suppression (domain.md §5.2: no personal data; an assumption for anonymity):
- Primary: a figure is hidden when any count it reveals is above zero and below the threshold.
  A count reveals itself; "in time" also reveals how many were not in time (its complement); a
  percentage reveals its numerator, denominator and their difference; an average reveals how
  many cases it is over; a sum of money reveals how many payments it adds up.
- Secondary: in a table with a total row or total column, a line with exactly one hidden figure
  could be worked out by subtracting the others from the total. The smallest other non-zero
  figure in that line is hidden too ("not shown"), repeated until no line has a single hidden
  figure. Figures that follow a hidden figure (its percentage) are hidden with it.
Zero is shown: it identifies nobody.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum


class Kind(StrEnum):
    COUNT = "count"
    PERCENT = "percent"
    AVERAGE = "average"
    MONEY = "money"  # pence
    TEXT = "text"


class Hidden(StrEnum):
    SMALL = "small"
    SECONDARY = "secondary"


NOT_APPLICABLE = "Not applicable"
NOT_SHOWN = "not shown"


@dataclass(eq=False)
class Cell:
    kind: Kind
    value: int | Decimal | str | None  # None: not applicable
    reveals: tuple[int, ...] = ()
    follows: "Cell | None" = None
    hidden: Hidden | None = None

    @property
    def is_number(self) -> bool:
        return self.kind is not Kind.TEXT and self.value is not None and self.hidden is None

    def text(self, threshold: int) -> str:
        """The figure as the page, PDF and CSV show it."""
        if self.hidden is Hidden.SMALL:
            return f"fewer than {threshold}"
        if self.hidden is Hidden.SECONDARY:
            return NOT_SHOWN
        if self.value is None:
            return NOT_APPLICABLE
        return format_value(self.kind, self.value)


def format_value(kind: Kind, value: int | Decimal | str) -> str:
    if kind is Kind.COUNT:
        return f"{int(value):,}"
    if kind is Kind.PERCENT:
        return f"{Decimal(value).quantize(Decimal(1), ROUND_HALF_UP)}%"
    if kind is Kind.AVERAGE:
        return f"{Decimal(value).quantize(Decimal('0.1'), ROUND_HALF_UP)}"
    if kind is Kind.MONEY:
        pounds = (Decimal(int(value)) / 100).quantize(Decimal("0.01"))
        return f"£{pounds:,}"
    return str(value)


def count(n: int | None) -> Cell:
    return Cell(Kind.COUNT, n or 0, reveals=(n or 0,))


def part(n: int | None, whole: int | None) -> Cell:
    """A count that is part of another shown count: it also reveals the rest of the whole."""
    n, whole = n or 0, whole or 0
    return Cell(Kind.COUNT, n, reveals=(n, whole - n))


def percent(numerator: int | None, denominator: int | None, follows: Cell | None = None) -> Cell:
    numerator, denominator = numerator or 0, denominator or 0
    if not denominator:
        return Cell(Kind.PERCENT, None)
    value = Decimal(numerator) * 100 / Decimal(denominator)
    return Cell(
        Kind.PERCENT,
        value,
        reveals=(numerator, denominator, denominator - numerator),
        follows=follows,
    )


def average(total: int | Decimal | None, n: int | None) -> Cell:
    if not n:
        return Cell(Kind.AVERAGE, None)
    return Cell(Kind.AVERAGE, Decimal(total or 0) / Decimal(n), reveals=(n,))


def money(pence: int | None, payments: int | None) -> Cell:
    return Cell(Kind.MONEY, pence or 0, reveals=(payments or 0,))


def text(value: str) -> Cell:
    return Cell(Kind.TEXT, value)


def not_applicable(kind: Kind = Kind.COUNT) -> Cell:
    return Cell(kind, None)


@dataclass
class Column:
    heading: str
    kind: Kind = Kind.COUNT
    numeric: bool = True

    def __post_init__(self) -> None:
        self.numeric = self.kind is not Kind.TEXT


@dataclass
class Row:
    label: str
    cells: list[Cell]
    is_total: bool = False


@dataclass
class Table:
    """One table of the report: what the rows are (`row_heading`), the columns and the rows.

    `total_row`: the last row is the sum of the others in every count and money column.
    `total_column`: the index of a column that is the sum of the columns in `summed_columns`.
    """

    key: str
    title: str
    row_heading: str
    columns: list[Column]
    rows: list[Row]
    description: str = ""
    notes: list[str] = field(default_factory=list)
    total_row: bool = False
    total_column: int | None = None
    summed_columns: Sequence[int] = ()

    @property
    def has_hidden(self) -> bool:
        return any(cell.hidden for row in self.rows for cell in row.cells)

    @property
    def has_secondary(self) -> bool:
        return any(cell.hidden is Hidden.SECONDARY for row in self.rows for cell in row.cells)

    def lines(self) -> list[tuple[list[Cell], Cell]]:
        """Every (members, total) group a reader could subtract within."""
        groups: list[tuple[list[Cell], Cell]] = []
        if self.total_row and self.rows:
            body, total = self.rows[:-1], self.rows[-1]
            for index, column in enumerate(self.columns):
                if column.kind in (Kind.COUNT, Kind.MONEY):
                    groups.append(([row.cells[index] for row in body], total.cells[index]))
        if self.total_column is not None:
            for row in self.rows:
                members = [row.cells[i] for i in self.summed_columns]
                groups.append((members, row.cells[self.total_column]))
        return groups


def _small(cell: Cell, threshold: int) -> bool:
    return any(0 < n < threshold for n in cell.reveals)


def suppress(table: Table, threshold: int) -> Table:
    """Hide small numbers, then whatever would let a reader work them out (see module doc)."""
    cells = [cell for row in table.rows for cell in row.cells]
    for cell in cells:
        if cell.kind is not Kind.TEXT and cell.value is not None and _small(cell, threshold):
            cell.hidden = Hidden.SMALL
    changed = True
    while changed:
        changed = False
        for members, total in table.lines():
            if total.hidden:
                continue
            if sum(1 for cell in members if cell.hidden) != 1:
                continue
            candidates = [cell for cell in members if not cell.hidden and cell.value]
            if candidates:
                smallest = min(candidates, key=lambda cell: Decimal(cell.value or 0))
                smallest.hidden = Hidden.SECONDARY
                changed = True
        for cell in cells:
            if cell.follows is not None and cell.follows.hidden and not cell.hidden:
                cell.hidden = cell.follows.hidden
                changed = True
    if table.has_secondary:
        table.notes.append(
            f"“{NOT_SHOWN.capitalize()}”: withheld so that a number below {threshold} cannot be "
            "worked out from the total."
        )
    return table
