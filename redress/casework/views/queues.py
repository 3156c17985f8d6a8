"""The landing page, the work queues, and an external person's list of their own cases."""

from datetime import date
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from redress.accounts.access import forbidden, local_today, staff_view
from redress.accounts.selectors import current_appointments
from redress.cases.selectors import QueueFilter, queue_counts, queue_for
from redress.casework.access import ANY_ROLE, INTERNAL_READERS
from redress.casework.deadlines import status_of
from redress.casework.labels import rule_label
from redress.core.calendar import working_calendar
from redress.domain.roles import Role
from redress.domain.workflow import FINISHED_STAGES, Stage

PAGE_SIZE = 25
QUEUES = {
    "all": "All open cases",
    "mine": "My cases",
    "team": "My team's cases",
    "unassigned": "Unassigned",
    "due": "Due soon",
    "overdue": "Overdue",
    "waiting": "Waiting on the complainant",
}
SORTS = {
    "due": "Next deadline, soonest first",
    "-due": "Next deadline, latest first",
    "received": "Received, oldest first",
    "-received": "Received, newest first",
    "reference": "Reference",
}
OPEN_STAGES = [s for s in Stage if s not in FINISHED_STAGES]


@require_safe
@staff_view(ANY_ROLE)
def home(request: HttpRequest) -> HttpResponse:
    """Council staff land on their queue; external people on the cases they are appointed to."""
    user = request.user
    if not user.is_external:
        return redirect("casework:queue") if user.roles & INTERNAL_READERS else forbidden(request)
    today = local_today()
    appointments = current_appointments(user, today=today)
    return render(
        request,
        "casework/my_cases.html",
        {"appointments": appointments, "nav": "mine", "Role": Role},
    )


def _within(request: HttpRequest, today: date) -> tuple[int, date]:
    try:
        days = max(1, min(60, int(request.GET.get("within", "5"))))
    except ValueError:
        days = 5
    return days, working_calendar().add_working_days(today, days)


@require_safe
@staff_view(INTERNAL_READERS)
def queue(request: HttpRequest) -> HttpResponse:
    today = local_today()
    calendar = working_calendar()
    view = request.GET.get("view", "all")
    view = view if view in QUEUES else "all"
    stages = tuple(s for s in request.GET.getlist("stage") if s in Stage.__members__.values())
    sort = request.GET.get("sort", "due")
    sort = sort if sort in SORTS else "due"
    within, within_due = _within(request, today)
    cases = queue_for(
        request.user,
        QueueFilter(view=view, stages=stages, within_due=within_due, sort=sort),
        today=today,
    )
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "case": case,
            "status": status_of(case.next_due_on, today=today, calendar=calendar),
            "deadline": rule_label(case.next_due_rule) if case.next_due_rule else "",
            "stage": Stage(case.stage).label,
        }
        for case in page.object_list
    ]
    base = {"view": view, "stage": list(stages), "sort": sort, "within": within}

    def link(**changes: object) -> str:
        return "?" + urlencode({**base, **changes, "page": changes.get("page", 1)}, doseq=True)

    return render(
        request,
        "casework/queue.html",
        {
            "nav": "queues",
            "queues": QUEUES,
            "view": view,
            "counts": queue_counts(request.user, today=today),
            "rows": rows,
            "page": page,
            "stages": OPEN_STAGES,
            "chosen_stages": stages,
            "sorts": SORTS,
            "sort": sort,
            "within": within,
            "within_due": within_due,
            "link": link,
            "today": today,
        },
    )
