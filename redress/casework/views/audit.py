"""The audit log for the auditor: every change and every view of a case, and a CSV export."""

import csv
import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from redress.accounts.access import local_today, staff_view
from redress.cases.selectors import audit_log
from redress.casework.access import AUDITORS
from redress.core.fields import DateBoxesField

CSV_COLUMNS = ["at", "case", "by", "kind", "what", "from_stage", "to_stage", "details"]


def _day(request: HttpRequest, name: str):  # type: ignore[no-untyped-def]
    field = DateBoxesField(what="the date", required=False)
    try:
        return field.clean([request.GET.get(f"{name}_{p}", "") for p in ("day", "month", "year")])
    except Exception:
        return None


@require_safe
@staff_view(AUDITORS)
def audit(request: HttpRequest) -> HttpResponse:
    today = local_today()
    since = _day(request, "since") or today.replace(day=1)
    until = _day(request, "until") or today
    rows = audit_log(since=since, until=until)
    return render(
        request,
        "casework/audit.html",
        {
            "nav": "audit",
            "rows": rows[-200:][::-1],
            "total": len(rows),
            "since": since,
            "until": until,
        },
    )


@require_safe
@staff_view(AUDITORS)
def audit_export(request: HttpRequest) -> HttpResponse:
    since, until = _day(request, "since"), _day(request, "until")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="redress-audit-log.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for row in audit_log(since=since, until=until):
        by = row["by"]
        writer.writerow(
            [
                row["at"].isoformat(),
                row["case"],
                by.get_username() if by else "system",  # type: ignore[attr-defined]
                row["kind"],
                row["what"],
                row["from_stage"],
                row["to_stage"],
                json.dumps(row["details"], sort_keys=True),
            ]
        )
    return response
