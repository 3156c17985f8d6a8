"""The council's colour and logo on the public pages, from settings.

GOV.UK Frontend 6 reads its brand colour from the `--govuk-brand-colour` custom property, so the
colour is one small stylesheet (`brand.css`) rather than a rebuild of the compiled CSS. White text
sits on the brand colour (notification banners), so a colour under 4.5:1 against white is refused
by `manage.py check`.
"""

import hashlib
import re
from functools import cache
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register
from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse

from redress.intake.wording import day_and_date, file_size, long_date

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MINIMUM_CONTRAST = 4.5


def _luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(colour: str) -> float:
    """WCAG 2 contrast ratio of `colour` (#rrggbb) against white."""
    return 1.05 / (_luminance(colour) + 0.05)


def brand_stylesheet(colour: str) -> str:
    return (
        f":root{{--govuk-brand-colour:{colour};}}\n"
        f".govuk-generic-header{{border-bottom:10px solid {colour};}}\n"
        ".app-header__logo{height:2.5rem;width:auto;margin-right:.5rem;vertical-align:middle;}\n"
    )


def brand_version() -> str:
    source = f"{settings.REDRESS_BRAND_COLOUR}|{brand_stylesheet(settings.REDRESS_BRAND_COLOUR)}"
    return hashlib.sha256(source.encode()).hexdigest()[:12]


PUBLIC_PAGES = (
    "core:home",
    "core:privacy",
    "core:accessibility",
    "core:cookies",
    "core:contact",
    "intake:brand_css",
    "intake:complaint_start",
    "intake:young_person_start",
    "intake:feedback_start",
    "intake:track_start",
)


@cache
def public_urls() -> dict[str, str]:
    """The addresses every public page links to, worked out once: reversing them on every page
    costs more than anything else in the page's header and footer."""
    return {name: reverse(name) for name in PUBLIC_PAGES}


def branding(request: HttpRequest) -> dict[str, Any]:
    """Template context for the public pages: the council's logo (if any), the brand
    stylesheet's version, and how dates are written."""
    logo = settings.REDRESS_COUNCIL_LOGO
    return {
        "council_logo": static(logo) if logo else "",
        "brand_version": brand_version(),
        "long_date": long_date,
        "day_and_date": day_and_date,
        "file_size": file_size,
        "public_urls": public_urls(),
    }


@register()
def brand_colour_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    colour = settings.REDRESS_BRAND_COLOUR
    if not HEX_COLOUR.match(colour):
        return [
            Error(
                f"REDRESS_BRAND_COLOUR {colour!r} is not a colour like #1d70b8",
                id="intake.E001",
            )
        ]
    ratio = contrast_with_white(colour)
    if ratio < MINIMUM_CONTRAST:
        return [
            Error(
                f"REDRESS_BRAND_COLOUR {colour} has a contrast of {ratio:.2f}:1 with white "
                f"text; WCAG 2.2 AA needs at least {MINIMUM_CONTRAST}:1",
                id="intake.E002",
            )
        ]
    return []
