"""The staff menu for the staff layout: which items this person's roles give them."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from redress.casework.access import AUDITORS, INTERNAL_READERS
from redress.domain.workflow import COMPLAINTS_TEAM
from redress.reports.access import REPORT_READERS


def staff(request: HttpRequest) -> dict[str, Any]:
    """`staff_menu`: (key, text, url) for each item, empty until someone is signed in."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_verified():
        return {"staff_menu": []}
    if user.is_external:
        return {"staff_menu": [("mine", "My cases", reverse("casework:home"))]}
    roles = user.roles
    menu = []
    if roles & INTERNAL_READERS:
        menu += [
            ("queues", "Work queues", reverse("casework:queue")),
            ("search", "Search", reverse("casework:search")),
        ]
    if roles & COMPLAINTS_TEAM:
        menu.append(("triage", "Triage", reverse("triage:inbox")))
        menu.append(("letters", "Letters", reverse("letters:index")))
    if roles & REPORT_READERS:
        menu += [
            ("dashboard", "Dashboard", reverse("reports:dashboard")),
            ("reports", "Annual report", reverse("reports:annual")),
        ]
    if roles & AUDITORS:
        menu.append(("audit", "Audit log", reverse("casework:audit")))
    return {"staff_menu": menu}
