"""Migration 0012: open clocks recomputed under issue 12's rules (stage 2 from the request; the
complainant's windows from their receipt of the response)."""

import importlib
from datetime import date

import pytest
from django.apps import apps

from redress.cases.models import Case, Clock
from redress.cases.tests.factories import received_case
from redress.cases.tests.test_services import finding, take
from redress.domain.findings import Finding, FindingStage
from redress.domain.rules import Rule
from redress.domain.workflow import Action, Anchor

migration = importlib.import_module("redress.cases.migrations.0012_clocks_under_issue_12_rules")
pytestmark = pytest.mark.django_db


def stage2_case(received: date) -> Case:
    case = received_case(received)
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))
    finding(case, FindingStage.STAGE1, Finding.NOT_UPHELD, date(2026, 3, 30))
    take(case, Action.RESPOND_STAGE1, date(2026, 4, 1))
    return take(case, Action.REQUEST_STAGE2, date(2026, 4, 20))


def test_a_stage_2_clock_counted_from_the_agreed_statement_counts_from_the_request() -> None:
    case = stage2_case(date(2026, 3, 18))
    # As the old baseline left it: day 0 the statement agreed on 28 April (E20: due 4 June)
    Clock.objects.filter(case=case, rule=Rule.STAGE2_RESPONSE).update(
        anchor_date=date(2026, 4, 28), due_date=date(2026, 6, 4)
    )
    Case.objects.filter(pk=case.pk).update(next_due_on=date(2026, 6, 4))

    migration.reanchor(apps, None)

    clock = Clock.objects.get(case=case, rule=Rule.STAGE2_RESPONSE)
    assert (clock.anchor_date, clock.due_date) == (date(2026, 4, 20), date(2026, 5, 27))
    case.refresh_from_db()
    assert (case.next_due_on, case.next_due_rule) == (date(2026, 5, 27), Rule.STAGE2_RESPONSE)


def test_a_stage_2_case_waiting_for_its_statement_gets_the_clock_it_lacked() -> None:
    case = stage2_case(date(2026, 3, 18))
    Clock.objects.filter(case=case, rule=Rule.STAGE2_RESPONSE).delete()

    migration.reanchor(apps, None)

    clock = Clock.objects.get(case=case, rule=Rule.STAGE2_RESPONSE)
    assert (clock.anchor_date, clock.working_days, clock.due_date) == (
        date(2026, 4, 20),
        25,
        date(2026, 5, 27),
    )


def test_an_open_window_counts_from_the_complainants_receipt() -> None:
    case = received_case(date(2026, 3, 18))
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))
    finding(case, FindingStage.STAGE1, Finding.NOT_UPHELD, date(2026, 3, 30))
    take(case, Action.RESPOND_STAGE1, date(2026, 4, 1))
    Clock.objects.filter(case=case, rule=Rule.STAGE2_REQUEST_WINDOW).update(anchor_type="action")

    migration.reanchor(apps, None)

    window = Clock.objects.get(case=case, rule=Rule.STAGE2_REQUEST_WINDOW)
    assert (window.anchor_type, window.anchor_date) == (
        Anchor.COMPLAINANT_RECEIVED,
        date(2026, 4, 1),  # sent by email, the baseline for responses whose delivery is unknown
    )
