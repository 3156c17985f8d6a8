"""Signing in: password first (django-axes counts failures), then a code from an authenticator app
or a recovery code. Someone with no authenticator yet sets one up on first sign-in by scanning a QR
code, and is shown their recovery codes once.

Between the two steps the person is not signed in: the session holds only who passed the password
step, and when, for a few minutes.
"""

import time
from typing import Any

import django_otp
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from redress.accounts import mfa
from redress.accounts.forms import CodeForm, SignInForm
from redress.accounts.models import User
from redress.accounts.selectors import active_user

PENDING_USER = "redress_pending_user"
PENDING_SINCE = "redress_pending_since"
PENDING_NEXT = "redress_pending_next"
ENROLMENT_DEVICE = "redress_enrolment_device"
NEW_RECOVERY_CODES = "redress_new_recovery_codes"
PENDING_SECONDS = 600


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("casework:home")


def _pending_user(request: HttpRequest) -> User | None:
    since = request.session.get(PENDING_SINCE, 0)
    if time.time() - since > PENDING_SECONDS:
        return None
    user_id = request.session.get(PENDING_USER)
    return active_user(user_id) if user_id else None


@never_cache
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = SignInForm(data)
    next_url = request.POST.get("next") or request.GET.get("next")
    if form.is_valid():
        user = authenticate(
            request=request,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
        )
        if user is None:
            form.add_error(None, "Enter a correct username and password")
            form.add_error("username", "Enter a correct username and password")
        else:
            request.session.cycle_key()
            request.session[PENDING_USER] = user.pk
            request.session[PENDING_SINCE] = time.time()
            request.session[PENDING_NEXT] = _safe_next(request, next_url)
            step = "sign_in_code" if mfa.has_authenticator(user) else "sign_in_set_up"
            return redirect(f"casework:{step}")
    return render(request, "accounts/sign_in.html", {"form": form, "next": next_url or ""})


def _finish(request: HttpRequest, user: User, device: Any) -> None:
    next_url = request.session.get(PENDING_NEXT) or reverse("casework:home")
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    django_otp.login(request, device)
    request.session[PENDING_NEXT] = next_url


def _restart(request: HttpRequest) -> HttpResponse:
    return redirect("casework:sign_in")


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_code(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        return _restart(request)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        device = mfa.mfa_verify(user=user, code=form.cleaned_data["code"])
        if device is None:
            form.add_error("code", "The security code is not right: check it and try again")
        else:
            _finish(request, user, device)
            return redirect(request.session.pop(PENDING_NEXT))
    return render(request, "accounts/code.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_set_up(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        return _restart(request)
    enrolment = mfa.mfa_start_enrolment(user=user, device_id=request.session.get(ENROLMENT_DEVICE))
    request.session[ENROLMENT_DEVICE] = enrolment.device_id
    form = CodeForm(
        request.POST if request.method == "POST" else None,
        help_text="The 6-digit code your authenticator app shows for this service",
    )
    if form.is_valid():
        codes = mfa.mfa_confirm_enrolment(
            user=user, device_id=enrolment.device_id, token=form.cleaned_data["code"].strip()
        )
        if codes is None:
            form.add_error("code", "The security code is not right: check the app and try again")
        else:
            device = mfa.confirmed_authenticator(user)
            _finish(request, user, device)
            request.session.pop(ENROLMENT_DEVICE, None)
            request.session[NEW_RECOVERY_CODES] = codes
            return redirect("casework:recovery_codes")
    return render(
        request,
        "accounts/set_up.html",
        {"form": form, "enrolment": enrolment, "issuer": mfa.issuer(), "person": user},
    )


@never_cache
@require_http_methods(["GET"])
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """Shown once, straight after setting up an authenticator."""
    codes = request.session.pop(NEW_RECOVERY_CODES, None)
    if not codes or not request.user.is_authenticated:
        return redirect("casework:home")
    next_url = request.session.pop(PENDING_NEXT, None) or reverse("casework:home")
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next_url": next_url})


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("casework:signed_out")


@require_http_methods(["GET"])
def signed_out(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signed_out.html")


def locked_out(
    request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any
) -> HttpResponse:
    """django-axes calls this when a username is locked after too many wrong passwords."""
    return render(request, "accounts/locked_out.html", status=429)
