"""Two-factor sign-in: TOTP devices (an authenticator app) and single-use recovery codes.

django-otp gives the models; enrolment and verification are ours. A person has one confirmed TOTP
device and one set of recovery codes. Codes are throttled by django-otp (each failure doubles the
wait) and a TOTP code is refused a second time (replay protection).
"""

from dataclasses import dataclass

import segno
from django.conf import settings
from django.db import transaction
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from redress.accounts.models import User

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


@dataclass(frozen=True)
class Enrolment:
    device_id: int
    secret: str  # base32, for typing into an app that cannot scan
    qr_svg: str  # an inline SVG of the otpauth:// URL


def has_authenticator(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def _base32(device: TOTPDevice) -> str:
    from base64 import b32encode

    return b32encode(device.bin_key).decode()


@transaction.atomic
def mfa_start_enrolment(*, user: User, device_id: int | None = None) -> Enrolment:
    """The unconfirmed device being set up (reused if `device_id` is still valid)."""
    device = None
    if device_id is not None:
        device = TOTPDevice.objects.filter(pk=device_id, user=user, confirmed=False).first()
    if device is None:
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(scale=5, title="QR code for your authenticator app")
    return Enrolment(device_id=device.pk, secret=_base32(device), qr_svg=svg)


@transaction.atomic
def mfa_confirm_enrolment(*, user: User, device_id: int, token: str) -> list[str] | None:
    """Confirm the device if `token` is right: returns new recovery codes, or None."""
    device = TOTPDevice.objects.filter(pk=device_id, user=user, confirmed=False).first()
    if device is None or not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return mfa_new_recovery_codes(user=user)


@transaction.atomic
def mfa_new_recovery_codes(*, user: User) -> list[str]:
    """Replace the person's recovery codes with a fresh set; each works once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def mfa_verify(*, user: User, code: str) -> Device | None:
    """The device that accepts `code` (app first, then a recovery code), or None."""
    code = "".join(code.split()).lower()
    for model in (TOTPDevice, StaticDevice):
        for device in model.objects.filter(user=user, confirmed=True):
            if device.verify_token(code):
                return device
    return None


def issuer() -> str:
    return getattr(settings, "OTP_TOTP_ISSUER", "Redress")


def confirmed_authenticator(user: User) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=True)


@transaction.atomic
def mfa_reset(*, user: User) -> int:
    """Remove every authenticator and recovery code: the person enrols again at next sign-in."""
    removed = TOTPDevice.objects.filter(user=user).delete()[0]
    return removed + StaticDevice.objects.filter(user=user).delete()[0]
