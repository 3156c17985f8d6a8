"""The council profile this deployment runs, chosen by `settings.REDRESS_COUNCIL_PROFILE`."""

from functools import cache

from django.conf import settings

from redress.domain.profiles import CouncilProfile, load_profile


def active_profile() -> CouncilProfile:
    return profile_named(settings.REDRESS_COUNCIL_PROFILE)


@cache
def profile_named(slug: str) -> CouncilProfile:
    return load_profile(slug)
