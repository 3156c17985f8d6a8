"""Template context every Jinja2 page gets: who runs the service and what it is called."""

from django.conf import settings
from django.http import HttpRequest

from redress.core.council import active_profile

DEFAULT_SERVICE_NAME = "Children's social care complaints"


def council(request: HttpRequest) -> dict[str, str]:
    profile = active_profile()
    return {
        "council_name": profile.name,
        "team_name": profile.team_name,
        "service_name": getattr(settings, "REDRESS_SERVICE_NAME", DEFAULT_SERVICE_NAME),
    }
