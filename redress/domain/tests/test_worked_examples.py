"""Domain spec §7: every worked example, through the rule and council profile it names.

Where an example names no council, it runs under `statutory`; E15 needs the agreed-statement clock,
which no shipped profile uses now (each counts stage 2 from the request).
"""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from redress.domain.calendar_limits import is_late, subject_access_due, time_limit_last_day
from redress.domain.profiles import LeapDayPolicy, Stage2ClockStart, load_profile
from redress.domain.rules import Rule, compute_deadline
from redress.domain.working_days import WorkingCalendar

CALENDAR = WorkingCalendar.england_and_wales()


@pytest.mark.parametrize(
    ("example", "rule", "council", "day0", "n", "due"),
    [
        ("E01", Rule.ACK, "north-east-lincolnshire", date(2025, 12, 24), 2, date(2025, 12, 30)),
        ("E02", Rule.ACK, "norfolk", date(2025, 4, 17), 5, date(2025, 4, 28)),
        ("E03", Rule.ACK, "north-east-lincolnshire", date(2026, 5, 1), 2, date(2026, 5, 6)),
        ("E04", Rule.STAGE1_RESPONSE, "statutory", date(2025, 12, 1), 10, date(2025, 12, 15)),
        ("E05", Rule.STAGE1_EXTENDED, "statutory", date(2025, 12, 1), 20, date(2025, 12, 31)),
        ("E06", Rule.STAGE1_RESPONSE, "statutory", date(2025, 12, 19), 10, date(2026, 1, 7)),
        ("E07", Rule.STAGE1_EXTENDED, "statutory", date(2025, 12, 19), 20, date(2026, 1, 21)),
        ("E08", Rule.STAGE1_RESPONSE, "statutory", date(2026, 4, 4), 10, date(2026, 4, 20)),
        ("E09", Rule.STAGE1_RESPONSE, "statutory", date(2026, 8, 28), 10, date(2026, 9, 14)),
        ("E11", Rule.STAGE2_REQUEST_WINDOW, "lancashire", date(2025, 8, 12), 20, date(2025, 9, 10)),
        ("E12", Rule.STAGE2_REQUEST_WINDOW, "statutory", date(2025, 7, 1), 20, date(2025, 7, 29)),
        ("E13", Rule.STAGE2_RESPONSE, "norfolk", date(2025, 12, 1), 25, date(2026, 1, 8)),
        ("E15", Rule.STAGE2_RESPONSE, "statutory", date(2025, 12, 15), 25, date(2026, 1, 22)),
        ("E17", Rule.STAGE2_RESPONSE, "statutory", date(2026, 3, 18), 25, date(2026, 4, 24)),
        ("E18", Rule.STAGE2_EXTENDED, "statutory", date(2026, 3, 18), 65, date(2026, 6, 23)),
        ("E19", Rule.STAGE2_EXTENDED, "hampshire", date(2026, 3, 18), 60, date(2026, 6, 16)),
        ("E20", Rule.STAGE2_RESPONSE, "statutory", date(2026, 4, 28), 25, date(2026, 6, 4)),
        ("E20 max", Rule.STAGE2_EXTENDED, "statutory", date(2026, 4, 28), 65, date(2026, 7, 30)),
        ("E23", Rule.STAGE3_PANEL, "statutory", date(2026, 7, 20), 30, date(2026, 9, 1)),
        ("E24", Rule.STAGE3_PANEL_REPORT, "statutory", date(2026, 12, 23), 5, date(2027, 1, 4)),
        ("E25", Rule.STAGE3_LA_RESPONSE, "statutory", date(2027, 3, 18), 15, date(2027, 4, 12)),
        ("E28 off", Rule.STAGE1_RESPONSE, "statutory", date(2025, 12, 20), 10, date(2026, 1, 7)),
    ],
)
def test_worked_example_gives_the_expected_due_date(example, rule, council, day0, n, due):
    deadline = compute_deadline(rule, day0, load_profile(council), CALENDAR)
    assert (deadline.working_days, deadline.due) == (n, due), example


def test_e08_counts_from_the_tuesday_after_easter_when_received_on_a_saturday():
    deadline = compute_deadline(
        Rule.STAGE1_RESPONSE, date(2026, 4, 4), load_profile("statutory"), CALENDAR
    )
    assert CALENDAR.add_working_days(deadline.day0, 1) == date(2026, 4, 7)
    assert [skip.reason for skip in deadline.skipped][:2] == ["Sunday", "Easter Monday"]


def test_e12_a_request_on_the_21st_working_day_is_late():
    day0, window = date(2025, 7, 1), load_profile("statutory").stage2.request_window_working_days
    assert CALENDAR.working_days_between(day0, date(2025, 7, 29)) == window
    assert CALENDAR.working_days_between(day0, date(2025, 7, 30)) == window + 1


def test_e13_and_e15_the_clock_start_mode_moves_the_stage_2_date_by_two_weeks():
    from_request = compute_deadline(
        Rule.STAGE2_RESPONSE, date(2025, 12, 1), load_profile("norfolk"), CALENDAR
    )
    statutory = load_profile("statutory")
    statement_mode = replace(
        statutory, stage2=replace(statutory.stage2, clock_start=Stage2ClockStart.STATEMENT_AGREED)
    )
    from_statement = compute_deadline(
        Rule.STAGE2_RESPONSE, date(2025, 12, 15), statement_mode, CALENDAR
    )
    assert from_request.anchor == "the date the stage 2 request was received"
    assert from_statement.anchor == "the date the statement of complaint was agreed"
    assert (from_statement.due - from_request.due).days == 14


def test_e25_the_statutory_la_response_counts_from_receiving_the_panel_report():
    deadline = compute_deadline(
        Rule.STAGE3_LA_RESPONSE, date(2027, 3, 18), load_profile("statutory"), CALENDAR
    )
    assert deadline.anchor == "the date the panel's report was received"


def test_e28_deemed_receipt_moves_day_0_to_monday_and_the_due_date_one_working_day_later():
    profile = load_profile("statutory")
    default = compute_deadline(Rule.STAGE1_RESPONSE, date(2025, 12, 20), profile, CALENDAR)
    deemed = compute_deadline(
        Rule.STAGE1_RESPONSE, date(2025, 12, 20), profile, CALENDAR, deemed_receipt=True
    )
    assert (default.day0, default.due) == (date(2025, 12, 20), date(2026, 1, 7))
    assert (deemed.day0, deemed.due) == (date(2025, 12, 22), date(2026, 1, 8))


def test_e30_corporate_stage_1_under_the_code_counts_from_the_acknowledgement():
    profile = load_profile("lgsco-code")
    ack = compute_deadline(Rule.ACK, date(2026, 3, 23), profile, CALENDAR)
    response = compute_deadline(Rule.CORPORATE_STAGE1_RESPONSE, ack.due, profile, CALENDAR)
    extended = compute_deadline(Rule.CORPORATE_STAGE1_EXTENDED, ack.due, profile, CALENDAR)
    assert ack.due == date(2026, 3, 30)
    assert response.due == date(2026, 4, 15)
    assert extended.due == date(2026, 4, 29)
    assert response.anchor == extended.anchor == "the date the acknowledgement was sent"


def test_e31_corporate_stage_2_under_the_code_counts_from_its_acknowledgement():
    profile = load_profile("lgsco-code")
    ack = compute_deadline(Rule.CORPORATE_STAGE2_ACK, date(2026, 6, 1), profile, CALENDAR)
    response = compute_deadline(Rule.CORPORATE_STAGE2_RESPONSE, ack.due, profile, CALENDAR)
    extended = compute_deadline(Rule.CORPORATE_STAGE2_EXTENDED, ack.due, profile, CALENDAR)
    assert ack.due == date(2026, 6, 8)
    assert response.due == date(2026, 7, 6)
    assert extended.due == date(2026, 8, 3)  # [U]: up to 20 WD more


def test_e32_the_time_limit_is_the_calendar_anniversary():
    grounds = date(2025, 6, 10)
    deadline = compute_deadline(Rule.TIME_LIMIT, grounds, load_profile("statutory"), CALENDAR)
    assert (deadline.due, deadline.working_days, deadline.skipped) == (date(2026, 6, 10), None, ())
    assert not is_late(grounds, date(2026, 6, 10), 12, LeapDayPolicy.LAST_DAY_OF_FEBRUARY)
    assert is_late(grounds, date(2026, 6, 11), 12, LeapDayPolicy.LAST_DAY_OF_FEBRUARY)


@pytest.mark.parametrize(
    ("policy", "last_day"),
    [
        (LeapDayPolicy.LAST_DAY_OF_FEBRUARY, date(2025, 2, 28)),
        (LeapDayPolicy.FIRST_OF_MARCH, date(2025, 3, 1)),
    ],
)
def test_e33_a_leap_day_anniversary_follows_the_profiles_policy(policy, last_day):
    assert time_limit_last_day(date(2024, 2, 29), 12, policy) == last_day
    assert not is_late(date(2024, 2, 29), last_day, 12, policy)
    assert is_late(date(2024, 2, 29), last_day + timedelta(days=1), 12, policy)


def test_e34_a_subject_access_request_due_on_a_saturday_moves_to_monday():
    assert subject_access_due(date(2026, 1, 31), CALENDAR) == date(2026, 3, 2)
