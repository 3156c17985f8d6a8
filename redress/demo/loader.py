"""Loading the demo council: its people, a year of cases played through the services, then a few
days of its complaints mailbox.

The load is one transaction: it either all happens or none of it does. The demo staff are its
marker: when they exist, the demo is loaded and loading again changes nothing.
"""

import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from random import Random

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction

from redress.accounts.models import Team, User, role_group
from redress.cases.models import Case
from redress.core.calendar import working_calendar
from redress.core.council import active_profile
from redress.demo.people import DEMO_PASSWORD, SERVICE_TEAMS, STAFF
from redress.demo.plans import plan_year
from redress.demo.runner import Runner
from redress.demo.scenarios import CORE, WEIGHTED, Scenario
from redress.domain.profiles import CouncilProfile
from redress.domain.roles import Role
from redress.mailbox.demo import load_demo_inbox

DEFAULT_CASES = 300  # a year of a mid-sized council's children's social care complaints
DEFAULT_SEED = 1989  # the Children Act


@dataclass(frozen=True)
class LoadedDemo:
    cases: int
    stages: dict[str, int]
    seconds: float


def demo_is_loaded() -> bool:
    return User.objects.filter(username__in=[person.username for person in STAFF]).exists()


def choose_scenarios(cases: int, seed: int) -> list[Scenario]:
    """Every core scenario first (as many as fit), then the year's mix, drawn by weight."""
    chosen = list(CORE[:cases])
    rng = Random(f"redress-demo:{seed}:mix")
    rest = max(0, cases - len(CORE))
    chosen += rng.choices(
        [scenario for scenario, _ in WEIGHTED], weights=[w for _, w in WEIGHTED], k=rest
    )
    return chosen


def create_people(profile: CouncilProfile) -> tuple[dict[str, User], dict[str, Team]]:
    """The demo staff, in every role, with one shared password, and their teams."""
    teams = {
        name: Team.objects.get_or_create(name=name)[0]
        for name in (profile.team_name, *SERVICE_TEAMS)
    }
    password = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow by design
    users = {}
    for person in STAFF:
        administrator = person.role is Role.ADMINISTRATOR
        user = User.objects.create(
            username=person.username,
            first_name=person.first_name,
            last_name=person.last_name,
            email=person.email,
            password=password,
            is_external=person.is_external,
            is_council_officer=not person.is_external,
            is_staff=administrator,
            is_superuser=administrator,
        )
        user.groups.add(role_group(person.role))
        if person.team is not None:  # COMPLAINTS_TEAM stands for the profile's complaints team
            user.teams.add(teams[person.team or profile.team_name])
        users[person.username] = user
    return users, teams


@transaction.atomic
def load_demo(
    *,
    cases: int = DEFAULT_CASES,
    seed: int = DEFAULT_SEED,
    today: date,
    scenarios: list[Scenario] | None = None,
) -> LoadedDemo:
    """Create the demo people and `cases` cases received in the year before `today`.

    `scenarios` replaces the year's mix with exactly these stories (the tests play each one).
    """
    scenarios = scenarios or choose_scenarios(cases, seed)
    if not scenarios:
        raise ValueError("The demo needs at least one case")
    started = time.perf_counter()
    profile = active_profile()
    calendar = working_calendar()
    users, teams = create_people(profile)
    plans = plan_year(
        scenarios=scenarios,
        seed=seed,
        today=today,
        profile=profile,
        calendar=calendar,
        grace=settings.REDRESS_AUTO_CLOSE_GRACE_WORKING_DAYS,
    )
    Runner(users=users, teams=teams, profile=profile, calendar=calendar).run(plans)
    cases_loaded = Case.objects.filter(pk__in=[plan.case_id for plan in plans])
    newest = cases_loaded.order_by("-received_on", "-pk").values_list("reference", flat=True)
    load_demo_inbox(today=today, quoting=newest[0])
    stages = Counter(cases_loaded.values_list("stage", flat=True))
    return LoadedDemo(len(plans), dict(stages), time.perf_counter() - started)
