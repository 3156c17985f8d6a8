"""Pages every deployment has: the public start page, the health check, the error pages."""

import logging

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


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
