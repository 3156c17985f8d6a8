"""The managers' dashboard against a handful of cases whose figures are known."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from redress.cases.models import Case
from redress.cases.tests.factories import received_case
from redress.domain.findings import Finding, FindingStage
from redress.domain.workflow import Action
from redress.reports.dashboard import build_dashboard
from redress.reports.tests.dataset import act, find

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 18)  # a Wednesday: the week is 16 to 22 March


def rows(table):
    return [(row.label, [cell.text(0) for cell in row.cells]) for row in table.rows]


@pytest.fixture
def cases():
    overdue = received_case(date(2026, 3, 9))  # acknowledgement due 16 March, not sent
    act(overdue, Action.ACCEPT_STATUTORY, date(2026, 3, 9))
    received_case(date(2026, 3, 12))  # acknowledgement due 19 March: this week
    received_case(date(2026, 3, 18))  # acknowledgement due 25 March
    answered = received_case(date(2026, 1, 5))
    act(answered, Action.ACKNOWLEDGE, date(2026, 1, 5))
    act(answered, Action.ACCEPT_STATUTORY, date(2026, 1, 5))
    find(answered, FindingStage.STAGE1, date(2026, 1, 12), Finding.NOT_UPHELD)
    act(answered, Action.RESPOND_STAGE1, date(2026, 1, 12))  # in time; the window is open
    late = received_case(date(2025, 11, 3))
    act(late, Action.ACKNOWLEDGE, date(2025, 11, 3))
    act(late, Action.ACCEPT_STATUTORY, date(2025, 11, 3))
    find(late, FindingStage.STAGE1, date(2025, 11, 28), Finding.UPHELD)
    act(late, Action.RESPOND_STAGE1, date(2025, 11, 28))  # due 17 November: late
    act(late, Action.CLOSE, date(2025, 12, 31))


def test_the_dashboard_counts_open_due_overdue_and_waiting_cases(cases):
    dashboard = build_dashboard(Case.objects.all(), TODAY)

    assert (dashboard.open_total, dashboard.due_this_week, dashboard.overdue) == (4, 1, 1)
    assert dashboard.waiting == 1
    assert rows(dashboard.open_by_stage) == [
        ("Received, awaiting triage", ["2"]),
        ("Stage 1: local resolution", ["1"]),
        ("Stage 1: responded", ["1"]),
        ("All open cases", ["4"]),
    ]


def test_the_dashboard_compares_this_quarter_with_the_last(cases):
    dashboard = build_dashboard(Case.objects.all(), TODAY)

    assert [column.heading for column in dashboard.timeliness.columns] == [
        "Responses Jan to Mar 2026",
        "In time Jan to Mar 2026",
        "Responses Oct to Dec 2025",
        "In time Oct to Dec 2025",
    ]
    assert rows(dashboard.timeliness)[0] == ("Stage 1 response", ["1", "100%", "1", "0%"])


def test_the_dashboard_shows_twelve_months_of_what_was_received(cases):
    months = rows(build_dashboard(Case.objects.all(), TODAY).months)

    assert len(months) == 12
    assert months[0] == ("April 2025", ["0", "0"])
    assert months[7] == ("November 2025", ["1", "1"])
    assert months[9] == ("January 2026", ["1", "1"])
    assert months[11] == ("March 2026", ["1", "3"])


def test_the_dashboard_takes_a_fixed_number_of_queries(cases):
    with CaptureQueriesContext(connection) as queries:
        build_dashboard(Case.objects.all(), TODAY)

    assert len(queries.captured_queries) == 3
