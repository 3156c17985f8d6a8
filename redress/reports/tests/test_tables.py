"""Small-number suppression and formatting: no database, table-driven."""

from decimal import Decimal

import pytest

from redress.reports.tables import (
    Column,
    Kind,
    Row,
    Table,
    average,
    count,
    format_value,
    money,
    part,
    percent,
    suppress,
)


def column_table(*values: int) -> Table:
    rows = [Row(f"Row {i}", [count(v)]) for i, v in enumerate(values)]
    rows.append(Row("Total", [count(sum(values))], is_total=True))
    return Table("t", "T", "Row", [Column("N")], rows, total_row=True)


def texts(table: Table, threshold: int = 5) -> list[str]:
    return [cell.text(threshold) for row in table.rows for cell in row.cells]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # nothing small: nothing hidden
        ((10, 20, 30), ["10", "20", "30", "60"]),
        # one small figure: the next smallest goes too, or the total would give it away
        ((3, 20, 30), ["fewer than 5", "not shown", "30", "53"]),
        # two small figures protect each other
        ((3, 4, 30), ["fewer than 5", "fewer than 5", "30", "37"]),
        # zero is shown, and is no protection
        ((3, 0, 30), ["fewer than 5", "0", "not shown", "33"]),
        # a small total hides itself; its parts are small too
        ((1, 2, 0), ["fewer than 5", "fewer than 5", "0", "fewer than 5"]),
    ],
)
def test_a_small_number_cannot_be_worked_out_from_a_total(values, expected):
    assert texts(suppress(column_table(*values), 5)) == expected


def test_secondary_suppression_follows_rows_and_columns_until_nothing_can_be_worked_out():
    # A 2x2 table with row and column totals: hiding one cell forces a rectangle of four.
    rows = [
        Row("A", [count(3), count(10), count(13)]),
        Row("B", [count(20), count(30), count(50)]),
        Row("Total", [count(23), count(40), count(63)], is_total=True),
    ]
    table = Table(
        "t", "T", "Row", [Column("X"), Column("Y"), Column("Total")], rows,
        total_row=True, total_column=2, summed_columns=(0, 1),
    )  # fmt: skip

    suppress(table, 5)

    assert texts(table) == [
        "fewer than 5", "not shown", "13",
        "not shown", "not shown", "50",
        "23", "40", "63",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (count(4), "fewer than 5"),
        (count(5), "5"),
        (count(0), "0"),
        (part(20, 22), "fewer than 5"),  # 2 of 22 not in time
        (part(20, 40), "20"),
        (percent(3, 40), "fewer than 5"),
        (percent(38, 40), "fewer than 5"),  # the other 2 would be revealed
        (percent(30, 40), "75%"),
        (percent(0, 0), "Not applicable"),
        (average(30, 4), "fewer than 5"),  # an average over few cases describes them
        (average(31, 6), "5.2"),
        (money(30000, 1), "fewer than 5"),  # one payment's amount
        (money(123456, 7), "£1,234.56"),
    ],
)
def test_each_kind_of_figure_hides_what_it_would_reveal(cell, expected):
    table = Table("t", "T", "Row", [Column("N", cell.kind)], [Row("Row", [cell])])
    assert texts(suppress(table, 5)) == [expected]


def test_a_percentage_goes_with_the_count_it_is_worked_out_from():
    in_time = count(30)
    rows = [
        Row("A", [count(3), percent(3, 40)]),
        Row("B", [in_time, percent(30, 40, in_time)]),
        Row("Total", [count(33), percent(33, 80)], is_total=True),
    ]
    table = Table("t", "T", "Row", [Column("N"), Column("%", Kind.PERCENT)], rows, total_row=True)

    assert texts(suppress(table, 5)) == [
        "fewer than 5", "fewer than 5", "not shown", "not shown", "33", "41%",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        (Kind.COUNT, 1234567, "1,234,567"),
        (Kind.PERCENT, Decimal("12.5"), "13%"),  # half rounds up, as people expect
        (Kind.AVERAGE, Decimal("9.85"), "9.9"),
        (Kind.MONEY, 45000, "£450.00"),
    ],
)
def test_figures_are_written_as_a_reader_expects(kind, value, expected):
    assert format_value(kind, value) == expected
