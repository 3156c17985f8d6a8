"""Pages every deployment has: the public start page and the pages its footer links to, the
health check, the error pages."""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from redress.core.calendar import working_calendar
from redress.core.council import active_profile
from redress.core.timescales import timescales_from

logger = logging.getLogger(__name__)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The start page, with the active profile's timescales and the dates they give today."""
    profile = active_profile()
    timescales = timescales_from(timezone.localdate(), profile, working_calendar())
    return render(request, "core/home.html", {"profile": profile, "timescales": timescales})


def _information_page(template: str) -> object:
    @require_safe
    def view(request: HttpRequest) -> HttpResponse:
        context = {"profile": active_profile(), "draft_hours": settings.REDRESS_DRAFT_HOURS}
        return render(request, template, context)

    view.__name__ = template.rsplit("/", 1)[-1].removesuffix(".html")
    return view


privacy = _information_page("core/privacy.html")
accessibility = _information_page("core/accessibility.html")
cookies = _information_page("core/cookies.html")
contact = _information_page("core/contact.html")


@never_cache
@require_safe
def health(request: HttpRequest) -> HttpResponse:
    """For load balancers and monitoring: 200 "ok" when the app can reach its database."""
    try:
        connection.ensure_connection()
    except DatabaseError:
        logger.exception("Health check: the database cannot be reached")
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """handler500. Django's default renders 500.html without the request, so the page would
    lose the council's name and the CSP nonce; this passes it, and falls back to plain text
    if even the branded page cannot be rendered."""
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("The branded 500 page could not be rendered")
        return HttpResponseServerError(
            "Sorry, there is a problem with the service. Try again later.",
            content_type="text/plain",
        )
