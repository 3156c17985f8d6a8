"""The demo data: every stage, role and finding; real clocks; idempotent; the same every time."""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from redress.accounts.models import User
from redress.cases.models import Case, CaseEvent, Clock, PointFinding
from redress.cases.services import FindingInput, case_take_action
from redress.cases.tests.factories import received_case
from redress.core.calendar import working_calendar
from redress.demo.loader import choose_scenarios, load_demo
from redress.demo.plans import plan_year
from redress.demo.scenarios import CORE, WEIGHTED, Scenario
from redress.domain.facts import ActionRequest
from redress.domain.findings import Finding, FindingStage
from redress.domain.profiles import available_profiles, load_profile
from redress.domain.roles import EXTERNAL_ROLES, Role
from redress.domain.rules import Rule
from redress.domain.service_areas import ServiceArea
from redress.domain.workflow import Action, Stage

TODAY = date(2026, 3, 31)
SMALL = 40


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", f"--cases={SMALL}", f"--today={TODAY}", *args, stdout=out)
    return out.getvalue()


def empty_database() -> None:
    """Delete every row the project's apps hold, inside the test's transaction (rolled back after).

    Plain DELETEs: case events refuse deletion through the ORM, and TRUNCATE is refused on
    PostgreSQL while deferred foreign-key checks are pending.
    """
    tables = [
        model._meta.db_table
        for app in ("mailbox", "accounts", "cases", "core")
        for model in apps.get_app_config(app).get_models(include_auto_created=True)
    ]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


def cases_and_events() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    cases = Case.objects.order_by("reference").values_list(
        "reference", "stage", "received_on", "route", "ombudsman_status"
    )
    events = CaseEvent.objects.order_by("pk").values_list("case__reference", "action", "on")
    return list(cases), list(events)


@dataclass(frozen=True)
class Demo:
    output: str
    loaded: tuple[list[tuple[object, ...]], list[tuple[object, ...]]]


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: pytest.FixtureDef) -> Iterator[Demo]:
    """One small load into the empty test database, shared by the module's tests and rolled
    back when the module ends."""
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        outer = transaction.atomic()
        outer.__enter__()
        try:
            output = load()
            yield Demo(output, cases_and_events())
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


pytestmark = pytest.mark.django_db


def test_a_small_load_reports_what_it_loaded(demo: Demo) -> None:
    assert f"Loaded {SMALL} demo cases received in the year to 31 March 2026" in demo.output
    assert Case.objects.count() == SMALL


def test_every_case_stores_a_reporting_service_area(demo: Demo) -> None:
    stored = set(Case.objects.values_list("service_area", flat=True))
    assert stored <= {area.value for area in ServiceArea}
    assert len(stored) >= 8  # the demo's services come under most of the reporting areas


def test_every_stage_appears(demo: Demo) -> None:
    stages = Counter(Case.objects.values_list("stage", flat=True))

    assert {stage for stage in Stage if stages[stage] == 0} == set()


def test_every_role_has_a_demo_user(demo: Demo) -> None:
    for role in Role:
        people = User.objects.filter(groups__name=role.value)
        assert people.exists(), f"no demo user is a {role.label}"
        assert all(person.is_external == (role in EXTERNAL_ROLES) for person in people)
    administrator = User.objects.get(groups__name=Role.ADMINISTRATOR)
    assert administrator.is_staff
    assert administrator.is_superuser
    assert administrator.check_password("redress-demo")


def test_findings_of_every_kind_exist(demo: Demo) -> None:
    found = set(PointFinding.objects.values_list("finding", flat=True))

    assert {
        Finding.UPHELD,
        Finding.PARTIALLY_UPHELD,
        Finding.NOT_UPHELD,
        Finding.UNABLE_TO_DETERMINE,
        Finding.RESOLVED,
        Finding.WITHDRAWN,
    } <= found


def test_some_clocks_were_breached_and_some_are_overdue_today(demo: Demo) -> None:
    breached = Clock.objects.filter(met=False)
    overdue = Clock.objects.overdue_on(TODAY)

    assert breached.filter(rule=Rule.STAGE1_RESPONSE).exists()
    assert all(clock.completed_on > clock.effective_due_date for clock in breached)
    assert overdue.filter(rule=Rule.STAGE1_RESPONSE, case__stage=Stage.STAT_S1).exists()
    assert overdue.filter(rule=Rule.STAGE2_RESPONSE, case__stage=Stage.S2_INVESTIGATING).exists()


def test_cases_were_received_in_the_year_before_today_and_acted_on_before_it(demo: Demo) -> None:
    received = Case.objects.values_list("received_on", flat=True)
    action_dates = CaseEvent.objects.values_list("on", flat=True)

    assert min(received) > TODAY - timedelta(days=366)
    assert max(received) <= TODAY
    assert max(action_dates) <= TODAY


def test_staff_act_on_working_days_in_date_order(demo: Demo) -> None:
    calendar = working_calendar()
    events = list(CaseEvent.objects.order_by("pk").values_list("on", "action"))

    assert [on for on, _ in events] == sorted(on for on, _ in events)
    assert {action for on, action in events if not calendar.is_working_day(on)} <= {"receive"}


def test_references_follow_the_order_of_receipt(demo: Demo) -> None:
    references = list(
        Case.objects.order_by("received_at", "pk").values_list("reference", flat=True)
    )

    assert references == sorted(references, key=lambda reference: reference.split("-")[1:])


def test_a_second_run_changes_nothing(demo: Demo) -> None:
    tables = set(connection.introspection.table_names())
    models = [model for model in apps.get_models() if model._meta.db_table in tables]

    def snapshot() -> tuple[dict[str, int], int | None]:
        counts = {model._meta.label: model.objects.count() for model in models}
        return counts, CaseEvent.objects.order_by("-pk").values_list("pk", flat=True).first()

    before = snapshot()
    output = load()

    assert output.strip() == f"Demo data already loaded: {SMALL} cases"
    assert snapshot() == before


def test_two_loads_of_empty_databases_are_identical(demo: Demo) -> None:
    empty_database()
    load()

    assert cases_and_events() == demo.loaded
    assert len(demo.loaded[0]) == SMALL


def test_a_different_seed_places_the_cases_differently() -> None:
    profile, calendar = load_profile("statutory"), working_calendar()

    def receipts(seed: int) -> list[object]:
        scenarios = choose_scenarios(SMALL, seed)
        plans = plan_year(
            scenarios=scenarios,
            seed=seed,
            today=TODAY,
            profile=profile,
            calendar=calendar,
            grace=5,
        )
        return [plan.received_at for plan in plans]

    assert receipts(1989) == receipts(1989)
    assert receipts(1989) != receipts(7)


def test_every_scenario_of_the_year_plays_through_the_services() -> None:
    """The weighted scenarios a small load may not draw, each played once (the load checks that
    each case ends at its scenario's stage)."""
    core = {scenario.name for scenario in CORE}
    extra = [scenario for scenario, _ in WEIGHTED if scenario.name not in core]
    empty_database()

    loaded = load_demo(scenarios=extra, today=TODAY)

    assert loaded.cases == len(extra) > 0


def scenarios_with(*actions: Action) -> list[Scenario]:
    return [scenario for scenario in CORE if any(step.do in actions for step in scenario.steps)]


# Profiles whose anchors or guards differ from the statutory baseline the other tests run on, each
# with the core scenarios that exercise the difference. The other profiles differ only in numbers
# of working days, which every timing reads from the profile.
DIFFERENT_PROFILES = {
    # the council's stage 3 response counts from the panel date; `make run`'s profile
    "lancashire": (Action.HOLD_PANEL, Action.ISSUE_PANEL_REPORT, Action.ISSUE_LA_RESPONSE),
    # the stage 2 clock starts at the request
    "norfolk": (Action.REQUEST_STAGE2, Action.ACCEPT_STATUTORY_STAGE2),
    # extensions need the complainant's agreement; corporate clocks count from receipt
    "customer-relations": (Action.EXTEND_STAGE1, Action.EXTEND_STAGE2, Action.ACCEPT_CORPORATE),
}


def test_the_profiles_tested_exist() -> None:
    assert set(DIFFERENT_PROFILES) <= set(available_profiles())


@pytest.mark.parametrize("profile", DIFFERENT_PROFILES)
def test_scenarios_play_under_council_profiles_that_count_differently(
    profile: str, settings: pytest.FixtureDef
) -> None:
    settings.REDRESS_COUNCIL_PROFILE = profile  # type: ignore[attr-defined]
    scenarios = scenarios_with(*DIFFERENT_PROFILES[profile])
    empty_database()

    loaded = load_demo(scenarios=scenarios, today=TODAY)

    assert loaded.cases == len(scenarios) > 0
    assert Case.objects.filter(profile=profile).count() == len(scenarios)


def test_choosing_scenarios_puts_the_core_first_then_draws_the_same_mix_each_time() -> None:
    chosen = choose_scenarios(100, 1989)

    assert chosen[: len(CORE)] == list(CORE)
    assert chosen == choose_scenarios(100, 1989)
    assert choose_scenarios(5, 1989) == list(CORE[:5])


def test_the_command_refuses_where_demo_data_is_not_allowed(settings: pytest.FixtureDef) -> None:
    settings.REDRESS_ALLOW_DEMO_DATA = False  # type: ignore[attr-defined]  # as in production

    before = Case.objects.count()

    with pytest.raises(CommandError, match="never in production"):
        load()
    assert Case.objects.count() == before


def test_production_settings_never_allow_demo_data() -> None:
    from config.settings import base

    assert base.REDRESS_ALLOW_DEMO_DATA is False
    assert (
        "REDRESS_ALLOW_DEMO_DATA = True"
        not in Path(base.__file__).with_name("production.py").read_text()
    )


def test_sign_in_details_list_every_demo_account_with_its_role(demo: Demo) -> None:
    out = StringIO()
    call_command("demo_sign_in_details", stdout=out)
    text = out.getvalue()

    assert "http://127.0.0.1:8000/" in text
    assert "http://127.0.0.1:8000/admin/" in text
    assert "redress-demo" in text
    for user in User.objects.all():
        assert user.username in text


def test_sign_in_details_before_the_demo_is_loaded_say_how_to_load_it() -> None:
    empty_database()
    out = StringIO()
    call_command("demo_sign_in_details", stdout=out)

    assert "run `make demo`" in out.getvalue()


# Regression tests for two service gaps the demo found (fixed in 072c43b): the demo's reopened and
# resumed cases, and every case the sweep closes, rely on them.


def test_a_reopened_complaint_gets_a_fresh_stage1_clock() -> None:
    case = received_case(date(2026, 3, 2))

    def take(action: Action, on: date, **request: object) -> None:
        case_take_action(
            case_id=case.pk,
            action=action,
            request=ActionRequest(on=on, **request),  # type: ignore[arg-type]
            by=None,
        )

    take(Action.ACCEPT_STATUTORY, date(2026, 3, 3))
    take(Action.WITHDRAW, date(2026, 3, 5), reason="Withdrawn by phone")
    take(Action.REOPEN, date(2026, 5, 1), reason="Withdrawn by mistake")
    take(Action.ACCEPT_STATUTORY, date(2026, 5, 1))

    clock = Clock.objects.running().get(case=case, rule=Rule.STAGE1_RESPONSE)
    assert clock.anchor_date == date(2026, 5, 1)
    assert clock.due_date > date(2026, 5, 1)


def test_closing_after_the_complainants_window_lapsed_is_not_a_missed_deadline() -> None:
    case = received_case(date(2026, 3, 2))
    point = case.points.get()

    def take(action: Action, on: date, **options: object) -> None:
        case_take_action(
            case_id=case.pk,
            action=action,
            request=ActionRequest(on=on, **options),  # type: ignore[arg-type]
            by=None,
            **({"findings": [finding]} if action is Action.RESPOND_STAGE1 else {}),
        )

    finding = FindingInput(point_id=point.pk, stage=FindingStage.STAGE1, finding=Finding.UPHELD)
    take(Action.ACCEPT_STATUTORY, date(2026, 3, 3))
    take(Action.RESPOND_STAGE1, date(2026, 3, 13))
    take(Action.CLOSE, date(2026, 4, 21), reason="No request for stage 2 came in time")

    window = Clock.objects.get(case=case, rule=Rule.STAGE2_REQUEST_WINDOW)
    assert window.met is not False
