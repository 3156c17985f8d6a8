"""The statutory calendar skips the administrator's bank holidays but never a council closure day;
the corporate calendar adds closure days only where the council's profile says so (Reg 2;
domain.md §2.1)."""

from dataclasses import replace
from datetime import date

import pytest
from django.db import IntegrityError

from redress.core.calendar import corporate_calendar, working_calendar
from redress.core.models import NonWorkingDay
from redress.domain.profiles import CouncilProfile, load_profile

pytestmark = pytest.mark.django_db

PROCLAMATION = date(2026, 3, 27)  # a Friday
CLOSURE = date(2026, 12, 29)  # a Tuesday between Christmas and New Year


def closing(profile: CouncilProfile) -> CouncilProfile:
    """`profile`, but treating the council's closure days as non-working for corporate clocks."""
    return replace(profile, corporate=replace(profile.corporate, closure_days_are_non_working=True))


@pytest.fixture
def extra_days() -> None:
    NonWorkingDay.objects.create(
        date=PROCLAMATION, name="A Royal proclamation", kind=NonWorkingDay.Kind.BANK_HOLIDAY
    )
    NonWorkingDay.objects.create(
        date=CLOSURE, name="Christmas closure", kind=NonWorkingDay.Kind.COUNCIL_CLOSURE
    )


@pytest.mark.usefixtures("extra_days")
def test_the_statutory_calendar_skips_an_added_bank_holiday_but_not_a_closure_day() -> None:
    calendar = working_calendar()

    assert calendar.reason_not_working(PROCLAMATION) == "A Royal proclamation"
    assert calendar.is_working_day(CLOSURE)


@pytest.mark.usefixtures("extra_days")
@pytest.mark.parametrize("slug", ["statutory", "hampshire", "lancashire", "customer-relations"])
def test_a_shipped_profile_counts_corporate_clocks_on_the_statutory_calendar_itself(slug) -> None:
    profile = load_profile(slug)
    assert profile.corporate.closure_days_are_non_working is False

    assert corporate_calendar(profile) is working_calendar()


@pytest.mark.usefixtures("extra_days")
def test_a_profile_that_closes_skips_closure_days_and_bank_holidays_for_corporate_clocks() -> None:
    calendar = corporate_calendar(closing(load_profile("statutory")))

    assert calendar is not working_calendar()
    assert calendar.reason_not_working(CLOSURE) == "Christmas closure"
    assert calendar.reason_not_working(PROCLAMATION) == "A Royal proclamation"
    assert calendar.reason_not_working(date(2026, 12, 25)) == "Christmas Day"
    assert calendar.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 30)
    assert working_calendar().add_working_days(date(2026, 12, 24), 1) == CLOSURE


def test_both_calendars_are_cached_and_forgotten_when_a_day_is_saved_or_deleted() -> None:
    profile = closing(load_profile("statutory"))
    statutory, corporate = working_calendar(), corporate_calendar(profile)
    assert working_calendar() is statutory
    assert corporate_calendar(profile) is corporate

    day = NonWorkingDay.objects.create(
        date=CLOSURE, name="Christmas closure", kind=NonWorkingDay.Kind.COUNCIL_CLOSURE
    )
    assert working_calendar() is not statutory
    assert not corporate_calendar(profile).is_working_day(CLOSURE)

    day.kind = NonWorkingDay.Kind.BANK_HOLIDAY
    day.save()
    assert not working_calendar().is_working_day(CLOSURE)

    day.delete()
    assert working_calendar().is_working_day(CLOSURE)
    assert corporate_calendar(profile).is_working_day(CLOSURE)


def test_a_day_of_no_known_kind_is_refused_by_the_database() -> None:
    with pytest.raises(IntegrityError):
        NonWorkingDay.objects.create(date=CLOSURE, name="Unclassified")
