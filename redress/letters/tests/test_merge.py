"""Merge fields: every last day is its window clock's, who is dealing with the complaint, and why a
case was closed (issue 12, items 3, 4, 5 and 15).

Dates worked by hand (England and Wales bank holidays: Good Friday 3 April, Easter Monday 6 April
and the early May bank holiday 4 May 2026). A response by email is received the day it is sent;
by first-class post, two working days later (domain.md §2.2).
"""

from datetime import date

import pytest

from redress.cases.models import Clock
from redress.cases.services import case_assign, case_record_response_received
from redress.cases.tests.factories import staff
from redress.core.calendar import working_calendar
from redress.domain.facts import SentBy
from redress.domain.roles import Role
from redress.domain.rules import Rule
from redress.domain.workflow import Action, Stage
from redress.letters.catalogue import Audience
from redress.letters.merge import case_context
from redress.letters.services import letter_prepare, letter_render
from redress.letters.tests.walks import (
    Walk,
    corporate_responded,
    received,
    resolved,
    responded,
)

pytestmark = pytest.mark.django_db

OMBUDSMAN = ["Local Government and Social Care Ombudsman", "PO Box 4771", "0300 061 0614"]
PASSED = "has passed"


def text_of(walk: Walk, key: str) -> str:
    """The letter `key` as the complainant would read it, on the walk's last day."""
    letter = letter_prepare(case_id=walk.case.pk, key=key, by=None, today=walk.today)
    text = letter_render(letter, today=walk.today, sender=None).text
    return " ".join(text.replace("\u00a0", " ").split())


def window_clock(walk: Walk, rule: Rule) -> Clock:
    return Clock.objects.get(case=walk.case, rule=rule)


# Item 3: the resolution letter -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent_by", "last_day"),
    [
        # resolved Mon 30 March, received that day: 20 working days on, Easter skipped
        (SentBy.EMAIL, "Wednesday 29 April 2026"),
        # posted Mon 30 March, received Wed 1 April: 20 working days on
        (SentBy.POST, "Friday 1 May 2026"),
    ],
)
def test_the_resolution_letter_gives_the_right_to_ask_for_stage_2_its_last_day_and_the_ombudsman(
    sent_by, last_day
):
    walk = received()
    resolved(walk, sent_by=sent_by)

    text = text_of(walk, "stage1_resolution")

    clock = window_clock(walk, Rule.STAGE2_REQUEST_WINDOW)
    assert clock.is_running
    assert f"{clock.due_date:%A %-d %B %Y}" == last_day
    assert "does not take away your right to ask for your complaint to go to stage 2" in text
    assert f"Please ask by {last_day}." in text
    for phrase in OMBUDSMAN:
        assert phrase in text
    assert "You agreed to this resolution on 27 March 2026 (by phone)." in text


def test_the_stage_1_response_gives_the_ombudsman_and_the_last_day_from_when_the_post_arrives():
    walk = received()
    responded(walk, sent_by=SentBy.POST)  # posted Wed 1 April, received Tue 7 April (Easter)

    text = text_of(walk, "stage1_response_cover")

    assert "Please ask by Wednesday 6 May 2026." in text  # 7 April + 20 working days
    assert "Friday 1 May 2026" not in text  # the sending date + 20 working days
    for phrase in OMBUDSMAN:
        assert phrase in text


# Item 5: one last day, the window clock's --------------------------------------------------------


def test_the_corporate_last_day_is_the_window_clocks_not_the_response_date_plus_the_window():
    walk = received()
    corporate_responded(walk, sent_by=SentBy.POST)  # posted Wed 1 April, received Tue 7 April

    text = text_of(walk, "corporate_stage1_response")

    clock = window_clock(walk, Rule.CORPORATE_STAGE2_REQUEST_WINDOW)
    recount = working_calendar().add_working_days(date(2026, 4, 1), clock.working_days)
    assert clock.due_date == date(2026, 5, 6) != recount
    assert "Please ask by Wednesday 6 May 2026." in text
    assert f"{recount:%-d %B %Y}" not in text


@pytest.mark.parametrize(
    ("walk_to", "key", "rule"),
    [
        (responded, "stage1_response_cover", Rule.STAGE2_REQUEST_WINDOW),
        (resolved, "stage1_resolution", Rule.STAGE2_REQUEST_WINDOW),
        (corporate_responded, "corporate_stage1_response", Rule.CORPORATE_STAGE2_REQUEST_WINDOW),
    ],
)
def test_a_letter_prints_the_stored_window_clock_even_after_its_due_date_was_moved(
    walk_to, key, rule
):
    walk = received()
    walk_to(walk)
    # as `recalculate_deadlines` does when a non-working day is added to the calendar
    Clock.objects.filter(case=walk.case, rule=rule).update(due_date=date(2026, 5, 12))

    assert "Please ask by Tuesday 12 May 2026." in text_of(walk, key)


def test_when_the_day_the_complainant_received_the_response_is_known_letters_count_from_it():
    walk = received()
    responded(walk)  # emailed Wed 1 April
    case_record_response_received(
        case_id=walk.case.pk, received_on=date(2026, 4, 8), by=None, on=date(2026, 4, 8)
    )
    walk.today = date(2026, 4, 8)

    assert "Please ask by Thursday 7 May 2026." in text_of(walk, "stage1_response_cover")


# Item 4: the closing letter ----------------------------------------------------------------------


def test_the_closing_letter_says_the_time_has_passed_when_the_window_lapsed():
    walk = received()
    responded(walk)  # may ask until Friday 1 May 2026
    walk.take(Action.CLOSE, date(2026, 5, 11))

    text = text_of(walk, "case_closed")

    assert "you could ask for stage 2 by Friday 1 May 2026" in text
    assert "The time to ask for stage 2 has passed" in text
    assert "Local Government and Social Care Ombudsman" in text


@pytest.mark.parametrize(
    ("walk_to", "close_on"),
    [
        (responded, date(2026, 4, 10)),  # well inside the window (last day Friday 1 May)
        (responded, date(2026, 5, 1)),  # on its last day: still open
        (resolved, date(2026, 4, 14)),  # resolved, and the complainant will not go further
    ],
)
def test_a_case_closed_while_the_window_was_open_says_when_the_complainant_declined_never_passed(
    walk_to, close_on
):
    walk = received()
    walk_to(walk)
    told_us_on = date(2026, 4, 9)
    walk.take(Action.CLOSE, close_on, complainant_agreed_on=told_us_on)

    text = text_of(walk, "case_closed")
    context = case_context(walk.case, audience=Audience.COMPLAINANT, today=walk.today, sender=None)

    assert context["closure"].window_passed is False
    assert context["closure"].not_going_further_on == told_us_on
    assert (
        "You told us on 9 April 2026 that you do not wish to take your complaint further, so we "
        f"closed it on {close_on:%-d %B %Y}."
    ) in text
    assert PASSED not in text
    assert "asking late" not in text
    for phrase in OMBUDSMAN:
        assert phrase in text


# Item 15: who is dealing with the complaint ------------------------------------------------------


@pytest.fixture
def north_east_lincolnshire(settings):
    settings.REDRESS_COUNCIL_PROFILE = "north-east-lincolnshire"


def test_north_east_lincolnshires_acknowledgement_names_the_officer_and_the_response_date(
    north_east_lincolnshire,
):
    walk = received()
    officer = staff(Role.COMPLAINTS_OFFICER, first_name="Jo", last_name="Officer")
    case_assign(case_id=walk.case.pk, assigned_to=officer, team_id=None, by=None, on=walk.today)
    walk.take(Action.ACKNOWLEDGE, date(2026, 3, 19))
    walk.take(Action.ACCEPT_STATUTORY, date(2026, 3, 19))

    text = text_of(walk, "acknowledgement")

    assert walk.case.profile == "north-east-lincolnshire"
    assert "The officer dealing with your complaint is Jo Officer." in text
    assert "You should have our response by Wednesday 1 April 2026." in text  # 18 March + 10 WD


def test_an_acknowledgement_before_anyone_is_assigned_says_the_complaints_team_is_dealing_with_it(
    north_east_lincolnshire,
):
    walk = received()
    walk.take(Action.ACKNOWLEDGE, date(2026, 3, 19))
    walk.take(Action.ACCEPT_STATUTORY, date(2026, 3, 19))

    text = text_of(walk, "acknowledgement")

    assert walk.case.assigned_to is None
    assert "Your complaint is with the Children's Services Complaints Team, who will deal" in text
    assert "dealing with your complaint is" not in text
    assert "You should have our response by Wednesday 1 April 2026." in text


def test_an_acknowledgement_at_receipt_names_the_officer_without_a_date_it_does_not_have_yet(
    north_east_lincolnshire,
):
    walk = received()
    officer = staff(Role.COMPLAINTS_OFFICER, first_name="Jo", last_name="Officer")
    case_assign(case_id=walk.case.pk, assigned_to=officer, team_id=None, by=None, on=walk.today)
    walk.case.refresh_from_db()
    assert walk.case.stage == Stage.RECEIVED

    text = text_of(walk, "acknowledgement")

    assert "The officer dealing with your complaint is Jo Officer." in text
    assert "We will write to you again to explain which procedure applies" in text
