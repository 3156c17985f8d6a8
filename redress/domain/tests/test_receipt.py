from dataclasses import replace
from datetime import date, datetime, time

import pytest

from redress.domain.profiles import Receipt, load_profile
from redress.domain.receipt import day_received, receipt_dates
from redress.domain.working_days import ENGLAND, WorkingCalendar

CALENDAR = WorkingCalendar.england_and_wales()
STATUTORY = load_profile("statutory")
DEEMED = replace(STATUTORY, receipt=Receipt(deemed_receipt=True, cut_off=time(17, 0)))


def at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=ENGLAND)


@pytest.mark.parametrize(
    ("received_at", "profile", "day0", "acknowledge_by"),
    [
        # E28: Saturday 20 December 2025, with and without the deemed-receipt policy
        (at(date(2025, 12, 20), time(11)), STATUTORY, date(2025, 12, 20), date(2025, 12, 30)),
        (at(date(2025, 12, 20), time(11)), DEEMED, date(2025, 12, 22), date(2025, 12, 31)),
        # after the cut-off on a Wednesday
        (at(date(2026, 3, 18), time(22, 30)), STATUTORY, date(2026, 3, 18), date(2026, 3, 25)),
        (at(date(2026, 3, 18), time(22, 30)), DEEMED, date(2026, 3, 19), date(2026, 3, 26)),
        (at(date(2026, 3, 18), time(16, 59)), DEEMED, date(2026, 3, 18), date(2026, 3, 25)),
    ],
)
def test_day_0_and_the_acknowledgement_follow_the_profile(
    received_at, profile, day0, acknowledge_by
):
    dates = receipt_dates(received_at, profile, CALENDAR)

    assert dates.received_on == day0
    assert dates.acknowledgement_working_days == profile.acknowledgement_working_days
    assert dates.acknowledge_by == acknowledge_by


def test_an_aware_time_is_read_as_the_wall_clock_in_england():
    from datetime import UTC

    late_june_evening_utc = datetime(2026, 6, 17, 23, 30, tzinfo=UTC)  # 00:30 on the 18th, BST

    assert day_received(late_june_evening_utc, STATUTORY, CALENDAR) == date(2026, 6, 18)
