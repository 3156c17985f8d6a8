"""The case page says each clock's state, how long a stage 2 statement took where the council
counts stage 2 from it, and lets the team record when the complainant received a response while
their window to ask for the next stage runs."""

from dataclasses import replace
from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from redress.cases.tests.factories import staff
from redress.casework.tests.conftest import sign_in_as
from redress.casework.tests.walks import (
    TODAY,
    boxes,
    error_beside,
    reports_received,
    responded,
    take,
)
from redress.casework.views import case as case_view
from redress.domain.profiles import Stage2ClockStart
from redress.domain.roles import Role
from redress.domain.rules import Rule
from redress.domain.workflow import Action

pytestmark = pytest.mark.django_db
RECEIVED_LINK = "Record when the complainant received the response"


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY


def page_of(case, role: Role = Role.COMPLAINTS_OFFICER) -> str:
    client = sign_in_as(Client(), staff(role))
    return " ".join(client.get(reverse("casework:case", args=[case.reference])).text.split())


def test_each_clock_says_its_state() -> None:
    case = responded(date(2026, 3, 16), received_on=date(2026, 3, 2))

    page = page_of(case)

    assert 'State: <strong class="govuk-tag govuk-tag--blue">Running</strong>' in page  # window
    assert '<strong class="govuk-tag govuk-tag--green">Met</strong>' in page  # stage 1, last day
    assert '<strong class="govuk-tag govuk-tag--red">Missed</strong>' in page  # acknowledged late


def test_a_window_that_ran_out_is_lapsed() -> None:
    case = responded(date(2026, 2, 9))  # the window closed in early March, nobody asked

    page = page_of(case)

    assert 'State: <strong class="govuk-tag govuk-tag--grey">Lapsed</strong>' in page


def counted_from_statement(monkeypatch, case) -> None:
    """The case page reads the profile as one that starts stage 2 at the agreed statement."""
    profile = case_view.profile_named(case.profile)
    changed = replace(
        profile, stage2=replace(profile.stage2, clock_start=Stage2ClockStart.STATEMENT_AGREED)
    )
    monkeypatch.setattr(case_view, "profile_named", lambda slug: changed)


def test_where_stage_2_counts_from_the_statement_the_page_says_how_long_it_took(monkeypatch):
    case = reports_received()  # asked on 10 February, statement agreed on 13 February
    counted_from_statement(monkeypatch, case)

    assert "Request to statement agreed: 3 working days" in page_of(case)


def test_before_the_statement_is_agreed_the_page_counts_the_days_so_far(monkeypatch) -> None:
    case = responded(date(2026, 3, 2))
    take(case, Action.REQUEST_STAGE2, date(2026, 3, 16))
    counted_from_statement(monkeypatch, case)

    assert "Request to statement agreed: 4 working days so far" in page_of(case)


def test_where_stage_2_counts_from_the_request_the_page_says_nothing_of_the_statement() -> None:
    assert "Request to statement agreed" not in page_of(reports_received())


def test_the_day_the_complainant_received_the_response_moves_their_window() -> None:
    case = responded(date(2026, 3, 16))
    client = sign_in_as(Client(), staff(Role.COMPLAINTS_OFFICER))
    url = reverse("casework:record", args=[case.reference, "response-received"])

    page = page_of(case)
    too_soon = client.post(url, boxes("received_on", date(2026, 3, 13)))
    saved = client.post(url, boxes("received_on", date(2026, 3, 19)))

    assert RECEIVED_LINK in page
    assert error_beside(too_soon, "received_on").startswith(
        "The complainant cannot have received the response (13 March 2026) before it was sent"
    )
    assert saved.status_code == 302
    window = case.clocks.get(rule=Rule.STAGE2_REQUEST_WINDOW)
    assert window.anchor_date == date(2026, 3, 19)


def test_no_window_running_means_nothing_to_record() -> None:
    case = reports_received()

    assert RECEIVED_LINK not in page_of(case)


def test_the_service_area_is_shown_by_its_label_not_its_key() -> None:
    case = responded(date(2026, 3, 16), received_on=date(2026, 3, 2))
    case.service_area = "child_in_care"
    case.save(update_fields=["service_area"])

    page = page_of(case)

    assert ">A child in care<" in page
    assert "child_in_care" not in page
