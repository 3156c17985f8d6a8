import itertools
from datetime import date

import pytest

from redress.domain.profiles import available_profiles, load_profile
from redress.domain.rules import (
    ANCHORS,
    EXTENDED_RULE,
    WORKING_DAYS,
    Deadline,
    Rule,
    anchor_for,
    compute_deadline,
    deadline_working_days,
    working_days_for,
)
from redress.domain.working_days import WorkingCalendar

CALENDAR = WorkingCalendar.england_and_wales()
PROFILES = [load_profile(slug) for slug in available_profiles()]
DAY0 = date(2026, 3, 18)


@pytest.mark.parametrize(
    ("rule", "profile"), list(itertools.product(Rule, PROFILES)), ids=lambda value: str(value)[:40]
)
def test_every_rule_gives_a_due_date_and_anchor_text_under_every_profile(rule, profile):
    deadline = compute_deadline(rule, DAY0, profile, CALENDAR)
    assert isinstance(deadline, Deadline)
    assert (deadline.rule, deadline.council, deadline.day0) == (rule, profile.slug, DAY0)
    assert deadline.anchor.startswith("the date ")
    assert deadline.due > DAY0
    if rule is Rule.TIME_LIMIT:
        assert deadline.working_days is None
    else:
        assert deadline.working_days == working_days_for(rule, profile)
        assert CALENDAR.is_working_day(deadline.due)


def test_every_rule_but_the_time_limit_counts_working_days_and_every_rule_has_an_anchor():
    assert set(WORKING_DAYS) == set(Rule) - {Rule.TIME_LIMIT}
    assert set(ANCHORS) == set(Rule)


def test_the_time_limit_has_no_working_days():
    with pytest.raises(ValueError, match="calendar months"):
        working_days_for(Rule.TIME_LIMIT, PROFILES[0])


def test_deemed_receipt_does_not_apply_to_the_time_limit():
    with pytest.raises(ValueError, match="deemed receipt does not apply"):
        compute_deadline(Rule.TIME_LIMIT, DAY0, PROFILES[0], CALENDAR, deemed_receipt=True)


@pytest.mark.parametrize(
    ("base", "profile"), list(itertools.product(EXTENDED_RULE, PROFILES)), ids=str
)
def test_a_maximum_is_never_shorter_than_its_standard_clock_from_the_same_day_0(base, profile):
    extended = EXTENDED_RULE[base]
    assert working_days_for(extended, profile) >= working_days_for(base, profile)
    assert anchor_for(extended, profile) == anchor_for(base, profile)
    assert (
        compute_deadline(extended, DAY0, profile, CALENDAR).due
        >= compute_deadline(base, DAY0, profile, CALENDAR).due
    )


def test_extended_rules_map_each_response_to_its_maximum():
    assert {base.value: extended.value for base, extended in EXTENDED_RULE.items()} == {
        "stage1.response": "stage1.extended",
        "stage2.response": "stage2.extended",
        "corporate.stage1.response": "corporate.stage1.extended",
        "corporate.stage2.response": "corporate.stage2.extended",
    }


@pytest.mark.parametrize(
    ("rule", "council", "anchor"),
    [
        (Rule.ACK, "statutory", "the date the complaint was received"),
        (Rule.STAGE2_RESPONSE, "statutory", "the date the stage 2 request was received"),
        (Rule.STAGE2_EXTENDED, "norfolk", "the date the stage 2 request was received"),
        (Rule.STAGE3_PANEL, "statutory", "the date the stage 3 request was received"),
        (Rule.STAGE3_PANEL_REPORT, "statutory", "the date of the panel meeting"),
        (Rule.STAGE3_LA_RESPONSE, "lancashire", "the date of the panel meeting"),
        (Rule.STAGE3_LA_RESPONSE, "statutory", "the date the panel's report was received"),
        (Rule.CORPORATE_STAGE1_RESPONSE, "lgsco-code", "the date the acknowledgement was sent"),
        (
            Rule.CORPORATE_STAGE1_RESPONSE,
            "customer-relations",
            "the date the complaint was received",
        ),
        (Rule.CORPORATE_STAGE2_ACK, "lgsco-code", "the date the stage 2 request was received"),
        (
            Rule.CORPORATE_STAGE2_RESPONSE,
            "lgsco-code",
            "the date the stage 2 acknowledgement was sent",
        ),
        (
            Rule.CORPORATE_STAGE2_EXTENDED,
            "customer-relations",
            "the date the stage 2 request was received",
        ),
        (Rule.TIME_LIMIT, "statutory", "the date the grounds for the complaint arose"),
    ],
)
def test_the_anchor_names_day_0_as_the_profile_defines_it(rule, council, anchor):
    assert anchor_for(rule, load_profile(council)) == anchor


def test_a_plain_count_matches_the_rule_with_the_same_number_of_working_days():
    plain = deadline_working_days(DAY0, 25, CALENDAR)
    ruled = compute_deadline(Rule.STAGE2_RESPONSE, DAY0, load_profile("statutory"), CALENDAR)
    assert (plain.day0, plain.due, plain.skipped) == (ruled.day0, ruled.due, ruled.skipped)
    assert plain.due == date(2026, 4, 24)


def test_a_plain_count_applies_deemed_receipt_when_asked():
    plain = deadline_working_days(date(2025, 12, 20), 10, CALENDAR, deemed_receipt=True)
    assert (plain.day0, plain.due) == (date(2025, 12, 22), date(2026, 1, 8))
