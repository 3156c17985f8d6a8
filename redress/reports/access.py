"""Who may see the annual report and the dashboard: council staff who manage or oversee the
complaints service (domain.md §1.2, §5.1). External people never, whatever roles they hold."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse

from redress.accounts.access import forbidden, staff_view
from redress.domain.roles import Role

REPORT_READERS = frozenset(
    {Role.COMPLAINTS_MANAGER, Role.DIRECTOR, Role.AUDITOR, Role.ADMINISTRATOR}
)


def report_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in with both factors, holding a report role, and not from outside the council."""

    @wraps(view)
    def council_staff_only(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_external:
            return forbidden(request)
        return view(request, *args, **kwargs)

    return staff_view(REPORT_READERS)(council_staff_only)
