"""Who may open which staff page: signed in with both factors, and holding a role the page allows.

Every staff view is wrapped in `staff_view(roles)`. The roles it allows are kept on the view
(`view.allowed_roles`), so the authorisation matrix test can check every URL against them. A page
that forgets the decorator has no `allowed_roles`, and that test fails.
"""

from collections.abc import Callable, Iterable
from datetime import date
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from redress.accounts.models import User
from redress.domain.roles import EXTERNAL_ROLES, Role

View = Callable[..., HttpResponse]


def is_signed_in(request: HttpRequest) -> bool:
    """Signed in with a password and a second factor (django-otp's `is_verified`)."""
    user = request.user
    return bool(user.is_authenticated and user.is_active and user.is_verified())


def forbidden(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/forbidden.html", status=403)


def staff_view(roles: Iterable[Role]) -> Callable[[View], View]:
    """Allow signed-in people holding any of `roles`; send others to sign in, or refuse (403)."""
    allowed = frozenset(roles)

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not is_signed_in(request):
                return redirect_to_login(request.get_full_path())
            if not allowed & request.user.roles:
                return forbidden(request)
            return view(request, *args, **kwargs)

        wrapped.allowed_roles = allowed  # type: ignore[attr-defined]
        return wrapped

    return decorator


def roles_on_case(user: User, appointed_roles: Iterable[str]) -> frozenset[Role]:
    """What `user` may do on one case: council staff act in their own roles; external people
    only in the roles of their current appointments on this case (`appointed_roles`)."""
    if not user.is_external:
        return user.roles - EXTERNAL_ROLES
    return frozenset(Role(role) for role in appointed_roles)


def local_today() -> date:
    return timezone.localdate()
