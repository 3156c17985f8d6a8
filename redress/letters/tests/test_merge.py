"""Merge fields: every last day to ask for the next stage is its window clock's (issue 12, item 5).

Dates worked by hand (England and Wales bank holidays: Good Friday 3 April, Easter Monday 6 April
and the early May bank holiday 4 May 2026). A response by email is received the day it is sent;
by first-class post, two working days later (domain.md §2.2).
"""

from datetime import date

import pytest

from redress.cases.models import Clock
from redress.cases.services import case_record_response_received
from redress.core.calendar import working_calendar
from redress.domain.facts import SentBy
from redress.domain.rules import Rule
from redress.letters.services import letter_prepare, letter_render
from redress.letters.tests.walks import Walk, corporate_responded, received, responded

pytestmark = pytest.mark.django_db


def text_of(walk: Walk, key: str) -> str:
    """The letter `key` as the complainant would read it, on the walk's last day."""
    letter = letter_prepare(case_id=walk.case.pk, key=key, by=None, today=walk.today)
    text = letter_render(letter, today=walk.today, sender=None).text
    return " ".join(text.replace("\u00a0", " ").split())


def window_clock(walk: Walk, rule: Rule) -> Clock:
    return Clock.objects.get(case=walk.case, rule=rule)


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
