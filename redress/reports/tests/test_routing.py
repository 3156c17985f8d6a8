"""Children Act matters taken through the corporate procedure: which decisions count, how their
reasons are shown, scoped to the reader's cases and suppressed like every other table."""

from datetime import date

import pytest

from redress.cases.models import Case
from redress.cases.services import point_route
from redress.cases.tests.factories import staff
from redress.domain.facts import Route
from redress.domain.roles import Role
from redress.domain.workflow import Action
from redress.reports.periods import financial_year
from redress.reports.queries.routing import CorporateRoute, corporate_routes
from redress.reports.sections import build_report
from redress.reports.tests.dataset import act, receive
from redress.reports.tests.test_annual_report import NA, shown

pytestmark = pytest.mark.django_db

YEAR = financial_year(2025)
KEY = "statutory_matters_corporate"
ALLOWANCE = "About a payment the finance team makes"
CONTACT_CENTRE = "About the contact centre"


@pytest.fixture
def decisions():
    manager = staff(Role.COMPLAINTS_MANAGER)
    cases = {}
    # Two complaints about a child in care sent corporate for the same reason (once with stray
    # spaces), and one sent there before the year began.
    for key, on, reason in [
        ("first", date(2025, 6, 2), ALLOWANCE),
        ("second", date(2025, 9, 1), f"  {ALLOWANCE} "),
        ("before", date(2025, 3, 3), ALLOWANCE),
    ]:
        cases[key] = receive(on, area="child_in_care")
        act(cases[key], Action.ACCEPT_CORPORATE, on, by=manager, reason=reason)
    # Education is outside the Children Act procedure: going corporate is no detour.
    cases["education"] = receive(date(2025, 7, 1), area="education")
    act(cases["education"], Action.ACCEPT_CORPORATE, date(2025, 7, 1))
    # A mixed complaint about a child in need: its second point sent corporate (twice: it counts
    # once), its third to another process, its first kept under the Children Act procedure.
    mixed = cases["mixed"] = receive(
        date(2025, 10, 1),
        area="children_in_need",
        points=(("No assessment", ""), ("Kept on hold", ""), ("A school exclusion", "")),
    )
    for number, route, reason in [
        (2, Route.CORPORATE, CONTACT_CENTRE),
        (2, Route.CORPORATE, CONTACT_CENTRE),
        (3, Route.OTHER_PROCESS, "The school's own procedure"),
    ]:
        point_route(
            point_id=mixed.points.get(number=number).pk,
            route=route,
            reason=reason,
            by=manager,
            on=date(2025, 10, 2),
        )
    act(mixed, Action.ACCEPT_STATUTORY, date(2025, 10, 2))
    # Redress itself (no person) sent a point about leaving care corporate with no reason.
    leaving = cases["leaving"] = receive(date(2025, 11, 3), area="leaving_care")
    point_route(
        point_id=leaving.points.get().pk,
        route=Route.CORPORATE,
        reason="",
        by=None,
        on=date(2025, 11, 4),
    )
    return cases


def test_children_act_matters_sent_corporate_in_the_year_are_counted_by_area_and_reason(
    decisions,
):
    assert corporate_routes(Case.objects.all(), YEAR) == [
        CorporateRoute("children_in_need", CONTACT_CENTRE, complaints=0, points=1),
        CorporateRoute("child_in_care", ALLOWANCE, complaints=2, points=0),
        CorporateRoute("leaving_care", "", complaints=0, points=1),
    ]


def test_the_table_shows_each_reason_in_full_and_says_where_none_was_recorded(decisions, settings):
    settings.REDRESS_REPORT_SUPPRESSION_THRESHOLD = 1
    table = build_report(Case.objects.all(), YEAR, date(2026, 5, 1)).table(KEY)

    assert [column.heading for column in table.columns] == [
        "Complaints",
        "Points of complaints",
        "Reason recorded",
    ]
    assert shown(table, 1) == [
        ("Social work help for a child or family", ["0", "1", CONTACT_CENTRE]),
        ("A child in care", ["2", "0", ALLOWANCE]),
        ("Support for a young person leaving care", ["0", "1", "No reason recorded"]),
        ("Total", ["2", "2", NA]),
    ]


def test_small_numbers_are_hidden_but_the_reasons_are_shown(decisions, settings):
    settings.REDRESS_REPORT_SUPPRESSION_THRESHOLD = 3
    table = build_report(Case.objects.all(), YEAR, date(2026, 5, 1)).table(KEY)
    few = "fewer than 3"

    assert shown(table, 3) == [
        ("Social work help for a child or family", ["0", few, CONTACT_CENTRE]),
        ("A child in care", [few, "0", ALLOWANCE]),
        ("Support for a young person leaving care", ["0", few, "No reason recorded"]),
        ("Total", [few, few, NA]),
    ]


def test_a_reader_sees_only_the_decisions_on_cases_they_may_see(decisions):
    visible = Case.objects.filter(pk=decisions["mixed"].pk)

    assert corporate_routes(visible, YEAR) == [
        CorporateRoute("children_in_need", CONTACT_CENTRE, complaints=0, points=1),
    ]


def test_the_table_says_when_nothing_was_sent_corporate(settings):
    settings.REDRESS_REPORT_SUPPRESSION_THRESHOLD = 1
    table = build_report(Case.objects.all(), YEAR, date(2026, 5, 1)).table(KEY)

    assert table.rows == []
    assert table.notes == [
        "No complaint or point about a service inside the Children Act 1989 procedure was sent "
        "to the corporate procedure in the period."
    ]
