"""The annual report (page, PDF, spreadsheet, CSV of each table) and the managers' dashboard.

Thin views: the period from the query string, the visible cases, one builder, one renderer.
"""

from datetime import date
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from redress.accounts.access import local_today
from redress.cases.selectors import cases_visible_to
from redress.core.council import active_profile
from redress.reports.access import report_view
from redress.reports.charts import draw, report_charts
from redress.reports.dashboard import build_dashboard
from redress.reports.exports import (
    filename,
    report_pdf,
    report_title,
    report_xlsx,
    table_csv,
)
from redress.reports.forms import RangeForm, YearForm
from redress.reports.periods import Period, last_complete_financial_year
from redress.reports.sections import Report, build_report

RANGE_FIELDS = ("start_day", "start_month", "start_year", "end_day", "end_month", "end_year")


def _chosen(request: HttpRequest, today: date) -> tuple[Period | None, YearForm, RangeForm]:
    """The period the query string asks for (or the last complete financial year), and the two
    forms that choose it, bound when they were used."""
    if any(name in request.GET for name in RANGE_FIELDS):
        ranged = RangeForm(request.GET)
        return (ranged.period() if ranged.is_valid() else None), YearForm(today=today), ranged
    if "year" in request.GET:
        yearly = YearForm(request.GET, today=today)
        return (yearly.period() if yearly.is_valid() else None), yearly, RangeForm()
    default = last_complete_financial_year(today)
    return default, YearForm(initial={"year": default.start.year}, today=today), RangeForm()


def _query(period: Period) -> str:
    if period.is_financial_year:
        return urlencode({"year": period.start.year})
    parts = {}
    for name, day in (("start", period.start), ("end", period.end)):
        parts |= {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}
    return urlencode(parts)


def _report(request: HttpRequest) -> Report | None:
    today = local_today()
    period, _, _ = _chosen(request, today)
    if period is None:
        return None
    return build_report(cases_visible_to(request.user, today=today), period, today)


@require_safe
@report_view
def annual_report(request: HttpRequest) -> HttpResponse:
    today = local_today()
    period, yearly, ranged = _chosen(request, today)
    report = None
    if period is not None:
        report = build_report(cases_visible_to(request.user, today=today), period, today)
    form = yearly if yearly.errors else ranged
    charts = {}
    if report is not None:
        charts = report_charts(report)
    return render(
        request,
        "reports/annual_report.html",
        {
            "nav": "reports",
            "report": report,
            "title": report_title(report) if report else "Annual report",
            "charts": charts,
            "year_form": yearly,
            "range_form": ranged,
            "form": form,
            "query": _query(period) if period else "",
        },
    )


def _download(content: bytes | str, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
@report_view
def annual_report_pdf(request: HttpRequest) -> HttpResponse:
    report = _report(request)
    if report is None:
        return redirect(f"{request.path.removesuffix('.pdf')}/?{request.GET.urlencode()}")
    pdf = report_pdf(report, active_profile().name)
    return _download(pdf, "application/pdf", filename(report, "pdf"))


@require_safe
@report_view
def annual_report_xlsx(request: HttpRequest) -> HttpResponse:
    report = _report(request)
    if report is None:
        return redirect(f"{request.path.removesuffix('.xlsx')}/?{request.GET.urlencode()}")
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _download(
        report_xlsx(report, active_profile().name), content_type, filename(report, "xlsx")
    )


@require_safe
@report_view
def annual_report_csv(request: HttpRequest, key: str) -> HttpResponse:
    report = _report(request)
    if report is None:
        raise Http404("Choose a valid period first")
    try:
        table = report.table(key)
    except KeyError:
        raise Http404("No such table") from None
    return _download(
        table_csv(table, report.threshold), "text/csv; charset=utf-8", filename(report, "csv", key)
    )


@require_safe
@report_view
def dashboard(request: HttpRequest) -> HttpResponse:
    today = local_today()
    figures = build_dashboard(cases_visible_to(request.user, today=today), today)
    chart = draw(figures.months, figures.months_chart, 0)
    return render(
        request,
        "reports/dashboard.html",
        {"nav": "dashboard", "dash": figures, "months_chart": chart},
    )
