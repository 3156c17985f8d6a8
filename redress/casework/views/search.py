"""Search across the cases a member of council staff may see (never offered to external people)."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from redress.accounts.access import local_today, staff_view
from redress.cases.selectors import search_cases
from redress.casework.access import INTERNAL_READERS
from redress.domain.workflow import Stage


@require_safe
@staff_view(INTERNAL_READERS)
def search(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()[:200]
    page = None
    error = ""
    if "q" in request.GET and not text:
        error = "Enter a reference, a name or words from the complaint"
    elif text:
        page = Paginator(search_cases(request.user, text, today=local_today()), 25).get_page(
            request.GET.get("page")
        )
    return render(
        request,
        "casework/search.html",
        {"nav": "search", "q": text, "page": page, "error": error, "Stage": Stage},
    )
