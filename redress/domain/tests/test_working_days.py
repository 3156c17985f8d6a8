from datetime import UTC, date, datetime, time, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from redress.domain.profiles import available_profiles, load_profile
from redress.domain.rules import Rule, compute_deadline
from redress.domain.working_days import DueDate, SkippedDay, WorkingCalendar

CALENDAR = WorkingCalendar.england_and_wales()

# Domain spec §2.1: verified England and Wales non-working weekdays, 2025-2028.
NON_WORKING_WEEKDAYS = {
    2025: [(1, 1), (4, 18), (4, 21), (5, 5), (5, 26), (8, 25), (12, 25), (12, 26)],
    2026: [(1, 1), (4, 3), (4, 6), (5, 4), (5, 25), (8, 31), (12, 25), (12, 28)],
    2027: [(1, 1), (3, 26), (3, 29), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)],
    2028: [(1, 3), (4, 14), (4, 17), (5, 1), (5, 29), (8, 28), (12, 25), (12, 26)],
}


@pytest.mark.parametrize(
    "day",
    [date(year, month, day) for year, days in NON_WORKING_WEEKDAYS.items() for month, day in days],
)
def test_every_listed_bank_holiday_is_a_non_working_weekday(day):
    assert day.weekday() < 5
    assert not CALENDAR.is_working_day(day)


@pytest.mark.parametrize("year", [2025, 2026, 2027, 2028])
def test_the_listed_dates_are_the_only_non_working_weekdays_of_the_year(year):
    listed = {date(year, month, day) for month, day in NON_WORKING_WEEKDAYS[year]}
    weekdays = [
        date(year, 1, 1) + timedelta(days=offset)
        for offset in range((date(year + 1, 1, 1) - date(year, 1, 1)).days)
    ]
    found = {day for day in weekdays if day.weekday() < 5 and not CALENDAR.is_working_day(day)}
    assert found == listed


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_each_year_has_253_working_days(year):
    assert CALENDAR.working_days_between(date(year - 1, 12, 31), date(year, 12, 31)) == 253


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (date(2026, 4, 3), "Good Friday"),
        (date(2026, 4, 4), "Saturday"),
        (date(2026, 4, 5), "Sunday"),
        (date(2026, 12, 28), "Boxing Day (observed)"),
        (date(2027, 12, 25), "Christmas Day"),  # a Saturday that is also a bank holiday
        (date(2027, 12, 27), "Christmas Day (observed)"),
        (date(2026, 4, 7), None),
    ],
)
def test_a_non_working_day_reports_its_reason(day, reason):
    assert CALENDAR.reason_not_working(day) == reason


def test_explain_lists_every_skipped_day_with_its_reason():
    assert CALENDAR.explain(date(2025, 12, 24), 2) == DueDate(
        day0=date(2025, 12, 24),
        working_days=2,
        due=date(2025, 12, 30),
        skipped=(
            SkippedDay(date(2025, 12, 25), "Christmas Day"),
            SkippedDay(date(2025, 12, 26), "Boxing Day"),
            SkippedDay(date(2025, 12, 27), "Saturday"),
            SkippedDay(date(2025, 12, 28), "Sunday"),
        ),
    )


def test_explain_includes_weekend_holidays_and_their_substitutes_in_order():
    explained = CALENDAR.explain(date(2027, 12, 24), 1)
    assert explained.due == date(2027, 12, 29)
    assert [(skip.day.day, skip.reason) for skip in explained.skipped] == [
        (25, "Christmas Day"),
        (26, "Boxing Day"),
        (27, "Christmas Day (observed)"),
        (28, "Boxing Day (observed)"),
    ]


def test_explain_with_no_days_skips_nothing():
    assert CALENDAR.explain(date(2026, 4, 4), 0) == DueDate(
        date(2026, 4, 4), 0, date(2026, 4, 4), ()
    )


def test_a_day_0_that_is_non_working_is_not_listed_as_skipped():
    explained = CALENDAR.explain(date(2026, 4, 4), 1)  # Easter Saturday
    assert explained.due == date(2026, 4, 7)
    assert [skip.day for skip in explained.skipped] == [date(2026, 4, 5), date(2026, 4, 6)]


def test_an_administrators_extra_day_is_skipped_under_its_own_name():
    extra = {date(2026, 6, 15): "State occasion (Royal proclamation)"}
    calendar = WorkingCalendar.england_and_wales(extra=extra)
    assert CALENDAR.add_working_days(date(2026, 6, 12), 1) == date(2026, 6, 15)
    explained = calendar.explain(date(2026, 6, 12), 1)
    assert explained.due == date(2026, 6, 16)
    assert explained.skipped[-1] == SkippedDay(
        date(2026, 6, 15), "State occasion (Royal proclamation)"
    )


def test_an_extra_day_on_a_bank_holiday_keeps_the_administrators_name():
    calendar = WorkingCalendar.england_and_wales(extra={date(2026, 12, 25): "Christmas (admin)"})
    assert calendar.reason_not_working(date(2026, 12, 25)) == "Christmas (admin)"


def test_a_calendar_can_be_built_from_any_mapping_of_days():
    easter = WorkingCalendar(
        {date(2026, 4, 3): "Good Friday", date(2026, 4, 6): "Easter Monday"},
        first=date(2026, 1, 1),
        last=date(2026, 12, 31),
    )
    assert easter.add_working_days(date(2026, 4, 1), 2) == date(2026, 4, 7)
    assert easter.is_working_day(date(2026, 5, 4))  # not in this calendar's mapping


@pytest.mark.parametrize(
    "call",
    [
        lambda calendar: calendar.add_working_days(date(2024, 12, 31), 1),
        lambda calendar: calendar.is_working_day(date(2027, 1, 1)),
        lambda calendar: calendar.add_working_days(date(2026, 12, 30), 5),  # runs off the end
        lambda calendar: calendar.working_days_between(date(2025, 6, 1), date(2027, 6, 1)),
    ],
)
def test_a_date_outside_the_calendar_is_refused_naming_the_range(call):
    calendar = WorkingCalendar.england_and_wales(years=range(2025, 2027))
    with pytest.raises(ValueError, match="2025-01-01 to 2026-12-31"):
        call(calendar)


def test_a_negative_number_of_working_days_is_refused():
    with pytest.raises(ValueError, match="must not be negative"):
        CALENDAR.add_working_days(date(2026, 3, 18), -1)


def test_working_days_between_is_zero_when_the_end_is_not_after_the_start():
    assert CALENDAR.working_days_between(date(2026, 3, 18), date(2026, 3, 18)) == 0
    assert CALENDAR.working_days_between(date(2026, 3, 18), date(2026, 3, 1)) == 0


@pytest.mark.parametrize(
    ("received", "cut_off", "deemed"),
    [
        (date(2026, 4, 4), None, date(2026, 4, 7)),  # Easter Saturday -> Tuesday
        (date(2026, 4, 7), None, date(2026, 4, 7)),  # a working day stays put
        (date(2026, 4, 7), time(17), date(2026, 4, 7)),  # a plain date has no time
        (datetime(2026, 4, 2, 16, 59), time(17), date(2026, 4, 2)),
        (datetime(2026, 4, 2, 17, 0), time(17), date(2026, 4, 7)),  # at the cut-off: next WD
        (datetime(2026, 4, 2, 23, 0), None, date(2026, 4, 2)),  # no cut-off
        (datetime(2026, 4, 4, 9, 0), time(17), date(2026, 4, 7)),
        # 16:30 UTC is 17:30 in England (BST): after the cut-off, so Monday.
        (datetime(2026, 6, 5, 16, 30, tzinfo=UTC), time(17), date(2026, 6, 8)),
    ],
)
def test_deemed_receipt_moves_non_working_days_and_late_arrivals(received, cut_off, deemed):
    assert CALENDAR.deemed_received_on(received, cut_off) == deemed


def test_next_working_day_is_strictly_after():
    assert CALENDAR.next_working_day(date(2026, 4, 2)) == date(2026, 4, 7)
    assert CALENDAR.next_working_day(date(2026, 4, 7)) == date(2026, 4, 8)


# Properties (domain spec §7 invariants). Dates stay clear of the calendar's 2060 end.
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2059, 6, 30))
counts = st.integers(min_value=0, max_value=130)
positive_counts = st.integers(min_value=1, max_value=130)


@given(days, positive_counts)
def test_the_due_date_is_always_a_working_day(day0, n):
    assert CALENDAR.is_working_day(CALENDAR.add_working_days(day0, n))


@given(days, counts)
def test_the_due_date_moves_later_as_the_count_grows(day0, n):
    assert CALENDAR.add_working_days(day0, n) < CALENDAR.add_working_days(day0, n + 1)


@given(days)
def test_adding_no_working_days_gives_day_0(day0):
    assert CALENDAR.add_working_days(day0, 0) == day0


@given(days, positive_counts)
def test_working_days_strictly_between_day_0_and_the_due_date_plus_one_is_n(day0, n):
    due = CALENDAR.add_working_days(day0, n)
    between = [
        day0 + timedelta(days=offset)
        for offset in range(1, (due - day0).days)
        if CALENDAR.is_working_day(day0 + timedelta(days=offset))
    ]
    assert len(between) + 1 == n


@given(days, counts)
def test_working_days_between_day_0_and_the_due_date_is_n(day0, n):
    assert CALENDAR.working_days_between(day0, CALENDAR.add_working_days(day0, n)) == n


@given(days, positive_counts)
def test_explain_skips_exactly_the_non_working_days_on_the_way(day0, n):
    explained = CALENDAR.explain(day0, n)
    assert (explained.due - day0).days == n + len(explained.skipped)
    assert all(not CALENDAR.is_working_day(skip.day) for skip in explained.skipped)


@pytest.mark.parametrize("slug", available_profiles())
@given(day0=days)
def test_the_stage_2_maximum_is_never_before_the_standard_date_for_the_same_day_0(slug, day0):
    profile = load_profile(slug)
    standard = compute_deadline(Rule.STAGE2_RESPONSE, day0, profile, CALENDAR)
    maximum = compute_deadline(Rule.STAGE2_EXTENDED, day0, profile, CALENDAR)
    assert maximum.due >= standard.due
    assert maximum.anchor == standard.anchor


# A naive reference: walk day by day over a `holidays` object, as the calendar must agree.
BANK_HOLIDAYS = frozenset(holidays.country_holidays("GB", subdiv="ENG", years=range(2000, 2061)))


def naive_add_working_days(day0, n):
    day = day0
    while n:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in BANK_HOLIDAYS:
            n -= 1
    return day


@given(days, counts)
def test_the_fast_calendar_agrees_with_a_day_by_day_walk(day0, n):
    assert CALENDAR.add_working_days(day0, n) == naive_add_working_days(day0, n)


@given(days)
def test_is_working_day_agrees_with_the_bank_holiday_list(day):
    assert CALENDAR.is_working_day(day) == (day.weekday() < 5 and day not in BANK_HOLIDAYS)
