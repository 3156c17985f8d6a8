"""The report as files: a PDF for a Cabinet paper, a spreadsheet with a sheet per table, and a
CSV of any table. All are written from the same suppressed tables as the page, so every figure
reads the same everywhere, and a withheld figure is withheld everywhere.
"""

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from redress.core.pdf import tagged_pdf
from redress.reports.charts import report_charts
from redress.reports.sections import Report, Section
from redress.reports.tables import Cell, Kind, Table

PDF_CSS = Path(__file__).with_name("pdf.css")
NUMBER_FORMATS = {
    Kind.COUNT: "#,##0",
    Kind.PERCENT: "0%",
    Kind.AVERAGE: "0.0",
    Kind.MONEY: '"£"#,##0.00',
}


def report_title(report: Report) -> str:
    return f"Children's social care complaints: annual report {report.period.label}"


def filename(report: Report, extension: str, key: str = "") -> str:
    stem = f"complaints-annual-report-{report.period.slug()}"
    return f"{stem}{'-' + key if key else ''}.{extension}"


# --- CSV ------------------------------------------------------------------------------------


def table_csv(table: Table, threshold: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([table.row_heading, *(column.heading for column in table.columns)])
    for row in table.rows:
        writer.writerow([row.label, *(cell.text(threshold) for cell in row.cells)])
    for note in table.notes:
        writer.writerow([note])
    return out.getvalue()


# --- Spreadsheet ----------------------------------------------------------------------------


def _sheet_name(number: int, title: str, taken: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", "", f"{number} {title}")[:31]
    taken.add(name)
    return name


def _xlsx_value(cell: Cell, threshold: int) -> object:
    if not cell.is_number or cell.value is None:
        return cell.text(threshold)
    if cell.kind is Kind.PERCENT:
        return float(Decimal(cell.value) / 100)
    if cell.kind is Kind.MONEY:
        return float(Decimal(int(cell.value)) / 100)
    if cell.kind is Kind.AVERAGE:
        return float(cell.value)
    return int(cell.value)


def report_xlsx(report: Report, council: str) -> bytes:
    book = Workbook()
    contents = book.active
    contents.title = "Contents"
    bold = Font(bold=True)
    contents.append([report_title(report)])
    contents["A1"].font = Font(bold=True, size=14)
    contents.append([council])
    contents.append([f"Period: {report.period.long_label}"])
    contents.append([_suppression_note(report)])
    contents.append([])
    contents.append(["Sheet", "Table", "What it shows"])
    for cell in contents[6]:
        cell.font = bold
    taken: set[str] = set()
    for number, (section, table) in enumerate(report.tables(), start=1):
        sheet = book.create_sheet(_sheet_name(number, table.title, taken))
        contents.append([sheet.title, table.title, table.description])
        _write_table(sheet, section, table, report.threshold)
    contents.column_dimensions["A"].width = 34
    contents.column_dimensions["B"].width = 48
    contents.column_dimensions["C"].width = 100
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write_table(sheet, section: Section, table: Table, threshold: int) -> None:  # type: ignore[no-untyped-def]
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([table.description])
    sheet.append([])
    sheet.append([table.row_heading, *(column.heading for column in table.columns)])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in table.rows:
        sheet.append([row.label, *(_xlsx_value(cell, threshold) for cell in row.cells)])
        written = sheet[sheet.max_row]
        for index, cell in enumerate(row.cells, start=1):
            target = written[index]
            if cell.is_number:
                target.number_format = NUMBER_FORMATS[cell.kind]
            else:
                target.alignment = Alignment(horizontal="right", wrap_text=True)
            if cell.kind is Kind.TEXT:
                target.alignment = Alignment(wrap_text=True, vertical="top")
        if row.is_total:
            for target in written:
                target.font = Font(bold=True)
    for note in table.notes:
        sheet.append([note])
    sheet.column_dimensions["A"].width = 48
    for index, column in enumerate(table.columns, start=2):
        wide = column.kind is Kind.TEXT
        sheet.column_dimensions[get_column_letter(index)].width = 70 if wide else 18
    del section


def _suppression_note(report: Report) -> str:
    return (
        f"To protect the people involved, numbers from 1 to {report.threshold - 1} are shown as "
        f"“fewer than {report.threshold}”, and so are figures worked out from them."
        if report.threshold > 1
        else "No numbers are withheld."
    )


# --- PDF ------------------------------------------------------------------------------------


def report_html_for_pdf(report: Report, council: str) -> str:
    charts = report_charts(report)
    return render_to_string(
        "reports/annual_report_pdf.html",
        {
            "report": report,
            "title": report_title(report),
            "council": council,
            "charts": charts,
            "suppression_note": _suppression_note(report),
            "css": PDF_CSS.read_text(),
            "slug": slugify,
        },
    )


def report_pdf(report: Report, council: str) -> bytes:
    """A tagged PDF/UA-1 of the whole report."""
    return tagged_pdf(report_html_for_pdf(report, council))
