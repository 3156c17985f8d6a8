"""The PDF, the spreadsheet and the CSV files open, and hold the same figures as the page."""

import csv
import io
import re
import subprocess
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from redress.cases.tests.factories import staff
from redress.domain.roles import Role
from redress.reports.sections import SECTIONS_BY_KEY
from redress.reports.tables import Kind, format_value
from redress.reports.tests.dataset import build

pytestmark = pytest.mark.django_db

QUERY = "?year=2025"
Rows = list[list[str]]


class TableReader(HTMLParser):
    """The report tables on a page: table key -> rows of cell texts, the label first."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, Rows] = {}
        self._key: str | None = None
        self._in_body = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "table" and (found.get("id") or "").startswith("table-"):
            self._key = (found["id"] or "").removeprefix("table-")
            self.tables[self._key] = []
        elif self._key and tag == "tbody":
            self._in_body = True
        elif self._key and self._in_body and tag == "tr":
            self.tables[self._key].append([])
        elif self._key and self._in_body and tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None and self._key:
            self.tables[self._key][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tbody":
            self._in_body = False
        elif tag == "table":
            self._key = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture
def downloads(signed_in, settings):
    """The page's tables, and a signed-in client to download the files (while the clock is
    held, so the session stays fresh)."""
    settings.REDRESS_REPORT_SUPPRESSION_THRESHOLD = 2  # some figures shown, some withheld
    with time_machine.travel(date(2026, 5, 1), tick=False):
        build()
        client = signed_in(staff(Role.COMPLAINTS_MANAGER))
        reader = TableReader()
        reader.feed(client.get(reverse("reports:annual") + QUERY).text)
        yield {
            "tables": reader.tables,
            "get": lambda name, **kwargs: client.get(reverse(name, kwargs=kwargs) + QUERY),
        }


def _spreadsheet_text(cell) -> str:  # type: ignore[no-untyped-def]
    value = cell.value
    if isinstance(value, str):
        return value
    kinds = {"0%": Kind.PERCENT, "0.0": Kind.AVERAGE, '"£"#,##0.00': Kind.MONEY}
    kind = kinds.get(cell.number_format, Kind.COUNT)
    if kind is Kind.PERCENT:
        return format_value(kind, Decimal(str(value)) * 100)
    if kind is Kind.MONEY:
        return format_value(kind, int((Decimal(str(value)) * 100).to_integral_value()))
    return format_value(kind, Decimal(str(value)) if kind is Kind.AVERAGE else int(value))


def test_the_spreadsheet_and_csv_files_hold_the_same_figures_as_the_page(downloads):
    tables = downloads["tables"]
    assert list(tables) == list(SECTIONS_BY_KEY)
    assert tables["contacts"][1] == ["Complaints under the corporate procedure", "2"]
    assert tables["contacts"][2] == ["Not accepted as complaints", "fewer than 2"]

    response = downloads["get"]("reports:annual_xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    sheets = book.worksheets[1:]  # after the contents

    assert book.worksheets[0]["A1"].value == (
        "Children's social care complaints: annual report 2025/26"
    )
    assert len(sheets) == len(downloads["tables"])
    for sheet, (key, rows) in zip(sheets, downloads["tables"].items(), strict=True):
        assert sheet["A1"].value == SECTIONS_BY_KEY[key].title
        written = [
            [row[0].value, *(_spreadsheet_text(cell) for cell in row[1:])]
            for row in sheet.iter_rows(min_row=5, max_row=4 + len(rows))
        ]
        assert written == rows, key
    # Numbers are numbers, so the council can total and chart them.
    contacts = book.worksheets[2]
    assert (contacts["B5"].value, contacts["B5"].number_format) == (5, "#,##0")

    for key in (
        "contacts",
        "statutory_timeliness",
        "remedy_payments",
        "statutory_matters_corporate",
    ):
        response = downloads["get"]("reports:annual_csv", key=key)
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert response["Content-Disposition"].endswith(
            f'complaints-annual-report-2025-04-01_2026-03-31-{key}.csv"'
        )
        assert rows[1 : 1 + len(tables[key])] == tables[key], key


def test_the_pdf_is_tagged_and_holds_the_same_figures_as_the_page(downloads, tmp_path):
    response = downloads["get"]("reports:annual_pdf")
    path = tmp_path / "report.pdf"
    path.write_bytes(response.content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())

    assert response["Content-Type"] == "application/pdf"
    details = " ".join(info.stdout.split())
    assert "Tagged: yes" in details
    assert "Title: Children's social care complaints: annual report 2025/26" in details
    for key, rows in downloads["tables"].items():
        if key == "learning":
            continue  # free text, wrapped across lines; checked below
        for label, *cells in rows:
            if key == "statutory_matters_corporate":
                cells = cells[:-1]  # the reason recorded: free text, wrapped; checked below
            # A long label wraps onto the next line, after the figures: match on its first word.
            start = re.escape(label.split()[0])
            figures = re.escape(" ".join(cells))
            assert re.search(rf"{start}[^|]{{0,80}}?{figures}", flat), (key, label, cells)
    assert "pathway plans were late" in flat
    assert "Alex" not in flat
    assert "contact centre, not the social work service" in flat
    assert "[removed] complains about how the finance team paid her" in flat
    assert "Fisher" not in flat
