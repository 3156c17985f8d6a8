"""Which pages each complainant is asked, in what order, and what is sent to the case services."""

from datetime import UTC, date, datetime

import pytest

from redress.cases.models import Channel
from redress.domain.facts import Route
from redress.domain.profiles import load_profile
from redress.intake.journeys import (
    COMPLAINT,
    FEEDBACK,
    YOUNG_PERSON,
    build_complaint,
    build_feedback,
    build_young_person,
    contact_email,
    expected_procedure,
)
from redress.intake.steps import StepContext

STATUTORY = load_profile("statutory")
TODAY = date(2026, 6, 15)
NOW = datetime(2026, 6, 15, 10, 30, tzinfo=UTC)


def context(answers: dict, today: date = TODAY, profile=STATUTORY) -> StepContext:
    return StepContext(answers=answers, profile=profile, today=today)


def slugs(journey, answers: dict, today: date = TODAY) -> list[str]:
    return [step.slug for step in journey.applicable(context(answers, today))]


PARENT = {
    "who": {"who": "parent"},
    "about-you": {"name": "Sam Parent"},
    "child": {"name": "Alex Parent", "date_of_birth": "2014-04-03"},
    "consent": {"consent": "no"},
    "service": {"area": "early_help"},
    "what-happened": {"details": "Nobody returned my calls."},
    "when": {"when": "exact"},
    "when-date": {"date": "2026-03-02"},
    "outcome": {"outcome": "An apology"},
    "contact": {
        "methods": ["email", "phone"],
        "email": "sam@example.org",
        "phone": "07700 900982",
        "address": None,
    },
    "safe-contact": {"safe": "yes"},
    "support": {"formats": [], "language": "", "other": ""},
    "documents": {"done": True},
}


@pytest.mark.parametrize(
    ("who", "asked_about_the_child", "offered_an_advocate"),
    [
        ("child", False, True),
        ("care_leaver", False, True),
        ("parent", True, False),
        ("pr_holder", True, False),
        ("la_foster_carer", True, False),
        ("special_guardian", True, False),
        ("sufficient_interest", True, False),
        ("representative", True, False),
    ],
)
def test_the_pages_asked_depend_on_who_is_complaining(
    who, asked_about_the_child, offered_an_advocate
):
    asked = slugs(COMPLAINT, {"who": {"who": who}})

    assert ("child" in asked, "consent" in asked) == (asked_about_the_child,) * 2
    assert ("advocate" in asked) is offered_an_advocate
    assert asked[0] == "who"
    assert asked[-1] == "documents"


@pytest.mark.parametrize(
    ("when", "day", "today", "asked_why_now"),
    [
        ("exact", "2025-06-15", date(2026, 6, 15), False),  # the last day in time
        ("exact", "2025-06-15", date(2026, 6, 16), True),  # a day late
        ("roughly", "2025-06-30", date(2026, 6, 30), False),  # the month's last day
        ("roughly", "2025-06-30", date(2026, 7, 1), True),
        ("ongoing", "2020-01-01", date(2030, 1, 1), False),  # an old date no longer applies
        ("unknown", "2020-01-01", date(2030, 1, 1), False),
    ],
)
def test_why_now_is_asked_only_when_the_complaint_is_over_the_time_limit(
    when, day, today, asked_why_now
):
    answers = {
        "who": {"who": "parent"},
        "when": {"when": when},
        "when-date": {"date": day},
        "when-month": {"month": day},
    }

    assert ("why-now" in slugs(COMPLAINT, answers, today)) is asked_why_now


def test_a_longer_time_limit_in_the_profile_means_why_now_is_not_asked():
    answers = {
        "who": {"who": "parent"},
        "when": {"when": "exact"},
        "when-date": {"date": "2025-06-01"},
    }
    longer = type(STATUTORY.time_limit)(months=18, leap_day=STATUTORY.time_limit.leap_day)
    generous = type(STATUTORY)(**{**STATUTORY.__dict__, "time_limit": longer})

    assert "why-now" in slugs(COMPLAINT, answers)
    assert "why-now" not in [
        s.slug for s in COMPLAINT.applicable(context(answers, profile=generous))
    ]


def test_a_page_can_be_visited_once_every_page_before_it_is_answered():
    answers = {"who": {"who": "parent"}, "about-you": {"name": "Sam"}}
    here = context(answers)

    assert COMPLAINT.can_visit("who", here)
    assert COMPLAINT.can_visit("child", here)  # the first unanswered
    assert not COMPLAINT.can_visit("consent", here)
    assert not COMPLAINT.can_visit("advocate", here)  # never asked of a parent
    assert COMPLAINT.first_unanswered(here).slug == "child"


def test_changing_who_you_are_asks_the_pages_that_now_apply():
    young = {**PARENT, "who": {"who": "child"}}
    here = context(young)

    assert COMPLAINT.first_unanswered(here).slug == "advocate"
    assert COMPLAINT.next_after("outcome", here).slug == "advocate"
    assert COMPLAINT.previous_before("contact", here).slug == "advocate"


def test_the_first_page_has_no_previous_and_the_last_no_next():
    here = context(PARENT)

    assert COMPLAINT.previous_before("who", here) is None
    assert COMPLAINT.next_after("documents", here) is None
    assert COMPLAINT.first_unanswered(here) is None


def test_a_parents_complaint_becomes_a_complainant_and_a_child_with_their_consent():
    complaint = build_complaint(context(PARENT), NOW)

    assert complaint.channel is Channel.ONLINE_FORM
    assert complaint.received_at == NOW
    complainant, child = complaint.people
    assert (complainant.role, complainant.complainant_type, complainant.name) == (
        "complainant",
        "parent",
        "Sam Parent",
    )
    assert (complainant.email, complainant.phone, complainant.postal_address) == (
        "sam@example.org",
        "07700 900982",
        "",
    )
    assert (child.role, child.name, child.date_of_birth, child.consent_given) == (
        "child",
        "Alex Parent",
        date(2014, 4, 3),
        False,
    )
    assert complaint.points == ["Nobody returned my calls."]
    assert complaint.summary == "Nobody returned my calls."
    assert complaint.service_area == "early_help"
    assert complaint.grounds_arose_on == date(2026, 3, 2)
    assert complaint.desired_outcome == "An apology"
    assert complaint.advocacy_offered is False
    assert (complainant.contact_methods, complainant.safe_to_contact) == (
        list(PARENT["contact"]["methods"]),
        True,
    )


def test_a_young_person_complaining_is_the_only_person_and_is_offered_an_advocate():
    answers = {
        **PARENT,
        "who": {"who": "child"},
        "about-you": {"name": "Jo", "date_of_birth": "2011-01-09"},
        "advocate": {"advocate": "yes"},
    }

    complaint = build_complaint(context(answers), NOW)

    (complainant,) = complaint.people
    assert (complainant.complainant_type, complainant.date_of_birth) == ("child", date(2011, 1, 9))
    assert complaint.advocacy_offered is True


def test_a_long_account_is_summarised_at_a_word_boundary():
    long = "word " * 200
    complaint = build_complaint(context({**PARENT, "what-happened": {"details": long}}), NOW)

    assert len(complaint.summary) <= 300
    assert complaint.summary.endswith("word…")
    assert complaint.points == [long]


def test_an_unsafe_email_address_gets_no_confirmation():
    safe = context(PARENT)
    unsafe = context({**PARENT, "safe-contact": {"safe": "no"}, "safe-how": {"safe_details": "x"}})

    assert contact_email(COMPLAINT, safe) == "sam@example.org"
    assert contact_email(COMPLAINT, unsafe) == ""


@pytest.mark.parametrize(
    ("area", "procedure"),
    [
        ("child_in_care", Route.STATUTORY),
        ("court_report", Route.CORPORATE),
        ("not_sure", Route.UNDECIDED),
    ],
)
def test_the_expected_procedure_follows_the_service_area(area, procedure):
    assert expected_procedure(context({"service": {"area": area}})) is procedure


def test_the_young_persons_version_asks_about_an_advocate_first_and_few_questions():
    assert YOUNG_PERSON.steps[0].slug == "advocate"
    assert len(YOUNG_PERSON.steps) <= len(COMPLAINT.steps) // 2


def test_a_young_persons_complaint_is_from_a_child_who_was_offered_an_advocate():
    answers = {
        "advocate": {"advocate": "have"},
        "your-advocate": {"advocate_name": "Riya, Voices", "advocate_contact": ""},
        "you": {"name": "Jo", "age": 14},
        "whats-wrong": {"details": "Nobody listens"},
        "make-it-better": {"outcome": ""},
        "contact": {"methods": ["advocate"], "email": None, "phone": None, "address": None},
        "safe": {"safe": "yes"},
    }

    complaint = build_young_person(context(answers), NOW)

    (person,) = complaint.people
    assert (person.name, person.complainant_type, person.email) == ("Jo", "child", "")
    assert complaint.advocacy_offered is True
    assert complaint.service_area == "not_sure"
    assert (person.contact_methods, person.safe_to_contact) == (["advocate"], True)


@pytest.mark.parametrize(
    ("details", "people", "summary"),
    [
        ({"name": "Pat", "email": "pat@example.org"}, 1, "Compliment: Great work (about Kim)"),
        ({"name": "", "email": ""}, 0, "Compliment: Great work (about Kim)"),
    ],
)
def test_feedback_names_its_kind_and_may_be_anonymous(details, people, summary):
    answers = {
        "kind": {"kind": "compliment"},
        "message": {"message": "Great work", "about": "Kim"},
        "your-details": details,
    }

    complaint = build_feedback(context(answers), NOW)

    assert complaint.summary == summary
    assert len(complaint.people) == people
    assert complaint.points == ()
    assert contact_email(FEEDBACK, context(answers)) == details["email"]


def test_what_helps_the_complainant_take_part_goes_on_their_record():
    answers = {
        **PARENT,
        "safe-contact": {"safe": "no"},
        "safe-how": {"safe_details": "Only by email, never by post"},
        "support": {"formats": ["large_print", "bsl"], "language": "Urdu", "other": ""},
    }

    complainant, _child = build_complaint(context(answers), NOW).people

    assert complainant.safe_to_contact is False
    assert complainant.safe_contact_details == "Only by email, never by post"
    assert complainant.support_needs == (
        "Formats: Large print, A British Sign Language (BSL) interpreter. Language: Urdu"
    )
