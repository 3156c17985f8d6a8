"""The public side's own request state: which forms this browser has in progress or has sent,
who the client is for rate limits, and who is signed in to track a complaint.

Forms in progress are remembered in a signed cookie that lasts until the browser closes, not in
the session: the session expires after a short idle time (a staff security setting), and a parent
who spends an hour writing about what happened must not lose it. The cookie only holds random
keys; the answers stay on the server.
"""

import json
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from redress.intake.services import hashed

FORMS_COOKIE = "redress_forms"
FORMS_SALT = "redress.intake.forms"
TRACKING = "redress_tracking"
TRACKING_PENDING = "redress_tracking_pending"


def _forms(request: HttpRequest) -> dict[str, str]:
    if not hasattr(request, "_redress_forms"):
        raw = request.get_signed_cookie(FORMS_COOKIE, default=None, salt=FORMS_SALT)
        try:
            value = json.loads(raw) if raw else {}
        except ValueError:
            value = {}
        request._redress_forms = value if isinstance(value, dict) else {}  # type: ignore[attr-defined]
    return request._redress_forms  # type: ignore[attr-defined, no-any-return]


def _key(request: HttpRequest, name: str) -> UUID | None:
    try:
        return UUID(_forms(request)[name])
    except (KeyError, ValueError):
        return None


def draft_key(request: HttpRequest, journey: str) -> UUID | None:
    return _key(request, journey)


def sent_key(request: HttpRequest, journey: str) -> UUID | None:
    return _key(request, f"sent:{journey}")


def remember(response: HttpResponse, request: HttpRequest, **changes: str | None) -> None:
    """Save changes to the forms cookie on `response` (None forgets a key)."""
    forms = dict(_forms(request))
    for name, value in changes.items():
        name = name.replace("__", ":")
        if value is None:
            forms.pop(name, None)
        else:
            forms[name] = value
    request._redress_forms = forms  # type: ignore[attr-defined]
    response.set_signed_cookie(
        FORMS_COOKIE,
        json.dumps(forms, separators=(",", ":")),
        salt=FORMS_SALT,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def client_address(request: HttpRequest) -> str:
    """The client's address; behind `REDRESS_TRUSTED_PROXIES` proxies, the one they saw."""
    proxies = settings.REDRESS_TRUSTED_PROXIES
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return str(request.META.get("REMOTE_ADDR", ""))


def client_key(request: HttpRequest) -> str:
    return hashed("client", client_address(request))


# --- Track my complaint: who is signed in ---------------------------------------------------


def sign_in(request: HttpRequest, case_id: int, now: datetime) -> None:
    request.session.cycle_key()  # a new session id once the code is proved: no fixation
    request.session.pop(TRACKING_PENDING, None)
    until = now + timedelta(minutes=settings.REDRESS_TRACKING_SIGNED_IN_MINUTES)
    request.session[TRACKING] = {"case": case_id, "until": until.isoformat()}


def signed_in_case_id(request: HttpRequest) -> int | None:
    state: Any = request.session.get(TRACKING)
    if not isinstance(state, dict):
        return None
    if datetime.fromisoformat(state["until"]) <= timezone.now():
        request.session.pop(TRACKING, None)
        return None
    return int(state["case"])


def sign_out(request: HttpRequest) -> None:
    request.session.pop(TRACKING, None)
    request.session.pop(TRACKING_PENDING, None)


def remember_code_request(request: HttpRequest, reference: str, email: str) -> None:
    request.session[TRACKING_PENDING] = {"reference": reference, "email": email}


def pending_code_request(request: HttpRequest) -> dict[str, str] | None:
    pending = request.session.get(TRACKING_PENDING)
    return pending if isinstance(pending, dict) else None
