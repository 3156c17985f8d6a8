"""The Jinja2 environment: our templates first, then the GOV.UK Frontend macros."""

from typing import Any

from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader

from redress.domain.service_areas import service_area_label


def environment(**options: Any) -> Environment:
    options["loader"] = ChoiceLoader(
        [
            options["loader"],
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    env = Environment(**options, extensions=["jinja2.ext.do"])
    env.globals.update(
        {
            "static": static,
            "url": reverse,
            "get_messages": get_messages,
            "service_area_label": service_area_label,
        }
    )
    return env
