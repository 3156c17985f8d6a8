"""Recalculating running clocks when an administrator adds a one-off bank holiday or a council
closure day: a bank holiday moves every clock, a closure day no statutory one (Reg 2)."""

from dataclasses import replace
from datetime import date

import pytest
from django.core.management import call_command

from redress.cases.clocks import clocks_recalculate
from redress.cases.models import Case, Clock
from redress.cases.tests.factories import received_case
from redress.cases.tests.test_services import take
from redress.core.calendar import corporate_calendar
from redress.core.council import profile_named
from redress.core.models import NonWorkingDay
from redress.domain.profiles import CouncilProfile
from redress.domain.rules import Rule
from redress.domain.workflow import Action, Anchor
from redress.domain.working_days import WorkingCalendar

pytestmark = pytest.mark.django_db


def test_a_new_bank_holiday_moves_running_clocks_and_the_command_says_which(capsys) -> None:
    case = received_case(date(2026, 3, 18))
    take(case, Action.ACKNOWLEDGE, date(2026, 3, 19))
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))
    take(case, Action.EXTEND_STAGE1, date(2026, 3, 25), extend_to_working_days=20,
         reason="Complex")  # fmt: skip

    NonWorkingDay.objects.create(
        date=date(2026, 3, 27), name="A Royal proclamation", kind=NonWorkingDay.Kind.BANK_HOLIDAY
    )
    call_command("recalculate_deadlines")

    clock = case.clocks.get(rule="stage1.response")
    assert (clock.due_date, clock.extended_due_date) == (date(2026, 4, 2), date(2026, 4, 20))
    case.refresh_from_db()
    assert case.next_due_on == date(2026, 4, 20)  # the queues see the move too
    # The completed acknowledgement clock is history: it does not move.
    assert case.clocks.get(rule="ack").due_date == date(2026, 3, 25)
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{case.reference} stage1.response: 2026-04-17 -> 2026-04-20", "1 clock moved."]


def test_recalculating_an_unchanged_calendar_moves_nothing(capsys) -> None:
    received_case(date(2026, 3, 18))
    before = list(Clock.objects.values_list("due_date", flat=True))

    call_command("recalculate_deadlines")

    assert list(Clock.objects.values_list("due_date", flat=True)) == before
    assert capsys.readouterr().out.strip() == "0 clocks moved."


# --- Which clocks an extra day moves: Reg 2 fixes the statutory working day -------------------

RECEIVED = date(2026, 3, 18)
EXTRA_DAY = date(2026, 3, 27)  # a Friday, inside every clock below
COUNTED, COUNTED_EXTENDED = date(2026, 4, 1), date(2026, 4, 17)  # 10 and 20 WD, no extra day
MOVED, MOVED_EXTENDED = date(2026, 4, 2), date(2026, 4, 20)  # the same with the extra day


def closing(profile: CouncilProfile) -> CouncilProfile:
    """`profile`, but treating the council's closure days as non-working for corporate clocks."""
    return replace(profile, corporate=replace(profile.corporate, closure_days_are_non_working=True))


def running_clock(case: Case, rule: Rule) -> Clock:
    """A running 10-working-day clock from receipt, extended to 20, counted without extra days."""
    return Clock.objects.create(
        case=case,
        rule=rule,
        anchor_type=Anchor.RECEIVED,
        anchor_date=RECEIVED,
        working_days=10,
        due_date=COUNTED,
        extended_working_days=20,
        extended_due_date=COUNTED_EXTENDED,
    )


def due(clock: Clock) -> tuple[date, date | None]:
    clock.refresh_from_db()
    return clock.due_date, clock.extended_due_date


@pytest.fixture
def statutory_and_corporate() -> tuple[Clock, Clock]:
    """A statutory stage 1 clock on one case and a corporate stage 1 clock on another, their
    acknowledgement clocks done."""
    clocks = (
        running_clock(received_case(RECEIVED), Rule.STAGE1_RESPONSE),
        running_clock(received_case(RECEIVED), Rule.CORPORATE_STAGE1_RESPONSE),
    )
    Clock.objects.filter(rule=Rule.ACK).update(completed_on=RECEIVED, met=True)
    return clocks


def add_day(kind: str) -> None:
    NonWorkingDay.objects.create(date=EXTRA_DAY, name="The day in question", kind=kind)


def test_a_council_closure_day_moves_no_clock_under_a_shipped_profile(
    statutory_and_corporate, capsys
) -> None:
    statutory, corporate = statutory_and_corporate
    add_day(NonWorkingDay.Kind.COUNCIL_CLOSURE)

    call_command("recalculate_deadlines")

    assert due(statutory) == due(corporate) == (COUNTED, COUNTED_EXTENDED)
    assert capsys.readouterr().out.strip() == "0 clocks moved."


def test_a_bank_holiday_moves_statutory_and_corporate_clocks_alike(
    statutory_and_corporate, capsys
) -> None:
    statutory, corporate = statutory_and_corporate
    add_day(NonWorkingDay.Kind.BANK_HOLIDAY)

    call_command("recalculate_deadlines")

    assert due(statutory) == due(corporate) == (MOVED, MOVED_EXTENDED)
    assert capsys.readouterr().out.splitlines() == [
        f"{statutory.case.reference} stage1.response: 2026-04-17 -> 2026-04-20",
        f"{corporate.case.reference} corporate.stage1.response: 2026-04-17 -> 2026-04-20",
        "2 clocks moved.",
    ]


def test_where_the_profile_closes_a_closure_day_moves_its_corporate_clocks_only(
    statutory_and_corporate, monkeypatch, capsys
) -> None:
    statutory, corporate = statutory_and_corporate
    # A second council's case, whose profile does not close: its corporate clock stays.
    other = running_clock(received_case(RECEIVED), Rule.CORPORATE_STAGE1_RESPONSE)
    Case.objects.filter(pk__in=[statutory.case_id, corporate.case_id]).update(profile="closing")
    shipped = profile_named("statutory")
    monkeypatch.setattr(
        "redress.cases.clocks.profile_named",
        lambda slug: closing(shipped) if slug == "closing" else profile_named(slug),
    )
    add_day(NonWorkingDay.Kind.COUNCIL_CLOSURE)

    call_command("recalculate_deadlines")

    assert due(corporate) == (MOVED, MOVED_EXTENDED)
    assert due(statutory) == due(other) == (COUNTED, COUNTED_EXTENDED)
    assert capsys.readouterr().out.splitlines() == [
        f"{corporate.case.reference} corporate.stage1.response: 2026-04-17 -> 2026-04-20",
        "1 clock moved.",
    ]
    corporate.case.refresh_from_db()
    assert corporate.case.next_due_on == MOVED_EXTENDED  # the queues see the move too


def test_the_calendars_can_be_given(statutory_and_corporate) -> None:
    statutory, corporate = statutory_and_corporate
    add_day(NonWorkingDay.Kind.COUNCIL_CLOSURE)
    closes = closing(profile_named("statutory"))

    moved = clocks_recalculate(corporate_calendar_for=lambda slug: corporate_calendar(closes))

    assert [clock.rule for clock in moved] == ["corporate.stage1.response"]
    assert (due(statutory), due(corporate)) == (
        (COUNTED, COUNTED_EXTENDED),
        (MOVED, MOVED_EXTENDED),
    )


def test_a_calendar_given_alone_counts_every_clock(statutory_and_corporate) -> None:
    statutory, corporate = statutory_and_corporate
    proclaimed = WorkingCalendar.england_and_wales(extra={EXTRA_DAY: "A Royal proclamation"})

    moved = clocks_recalculate(calendar=proclaimed)

    assert {clock.rule for clock in moved} == {"stage1.response", "corporate.stage1.response"}
    assert due(statutory) == due(corporate) == (MOVED, MOVED_EXTENDED)
