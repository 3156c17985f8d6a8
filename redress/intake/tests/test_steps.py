"""Each page's checks: the GOV.UK error message for every kind of bad answer, and what is kept."""

from datetime import date

import pytest

from redress.domain.profiles import load_profile
from redress.intake import steps
from redress.intake.steps import StepContext

TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to("2026-06-15 12:00", tick=False)


def context(**answers) -> StepContext:
    return StepContext(answers=answers, profile=load_profile("statutory"), today=TODAY)


def errors(form_class, data, **answers) -> dict[str, list[str]]:
    form = form_class(data, context=context(**answers))
    form.is_valid()
    return dict(form.errors)


@pytest.mark.parametrize(
    ("form_class", "data", "message"),
    [
        (steps.WhenForm, {}, "Select when it happened"),
        (steps.WhenForm, {"when": "sometime"}, "Select when it happened"),
        (steps.WhenDateForm, {}, "Enter the date it happened"),
        (steps.WhenDateForm, {"date_day": "2", "date_year": "2026"},
         "The date it happened must include a month"),
        (steps.WhenDateForm, {"date_month": "3"},
         "The date it happened must include a day and a year"),
        (steps.WhenDateForm, {"date_day": "31", "date_month": "2", "date_year": "2026"},
         "The date it happened must be a real date"),
        (steps.WhenDateForm, {"date_day": "1", "date_month": "13", "date_year": "2026"},
         "The date it happened must be a real date"),
        (steps.WhenDateForm, {"date_day": "1", "date_month": "3", "date_year": "26"},
         "Year must include 4 numbers"),
        (steps.WhenDateForm, {"date_day": "16", "date_month": "6", "date_year": "2026"},
         "The date it happened must be today or in the past"),
        (steps.WhenMonthForm, {}, "Enter the month it happened"),
        (steps.WhenMonthForm, {"month_month": "7", "month_year": "2026"},
         "The month it happened must be today or in the past"),
    ],
)  # fmt: skip
def test_when_it_happened_gets_a_clear_error_for_each_kind_of_bad_date(form_class, data, message):
    assert [message] in errors(form_class, data).values()


@pytest.mark.parametrize(
    ("form_class", "data", "kept"),
    [
        (steps.WhenDateForm, {"date_day": "2", "date_month": "Mar", "date_year": "2026"},
         {"date": "2026-03-02"}),
        (steps.WhenMonthForm, {"month_month": "2", "month_year": "2024"},
         {"month": "2024-02-29"}),  # the month's last day
        (steps.WhenMonthForm, {"month_month": "June", "month_year": "2026"},
         {"month": "2026-06-15"}),  # this month: today
    ],
)  # fmt: skip
def test_a_date_is_kept_as_a_plain_iso_date(form_class, data, kept):
    form = form_class(data, context=context())

    assert form.is_valid(), form.errors
    assert form.to_answers() == kept


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "methods", "Select how we should contact you"),
        ({"methods": ["email"]}, "email", "Enter your email address"),
        (
            {"methods": ["email"], "email": "sam@"},
            "email",
            "Enter an email address in the correct format, like name@example.com",
        ),
        (
            {"methods": ["phone"], "phone": "call me"},
            "phone",
            "Enter a phone number, like 01632 960 001 or 07700 900 982",
        ),
        (
            {"methods": ["phone"], "phone": "123"},
            "phone",
            "Enter a phone number, like 01632 960 001 or 07700 900 982",
        ),
        ({"methods": ["post"]}, "address", "Enter your postal address"),
        (
            {"methods": ["post"], "address": "x" * 501},
            "address",
            "Postal address must be 500 characters or fewer",
        ),
    ],
)
def test_each_way_of_contact_chosen_needs_its_details(data, field, message):
    assert errors(steps.ContactForm, data)[field] == [message]


def test_contact_details_for_ways_not_chosen_are_not_kept():
    form = steps.ContactForm(
        {"methods": ["post"], "email": "not an email", "address": "1 Street"}, context=context()
    )

    assert form.is_valid(), form.errors
    assert form.to_answers() == {
        "methods": ["post"],
        "email": None,
        "phone": None,
        "address": "1 Street",
    }


@pytest.mark.parametrize(
    ("form_class", "data", "field", "message"),
    [
        (steps.WhoForm, {}, "who", "Select who you are"),
        (steps.WhoForm, {"who": "alien"}, "who", "Select who you are"),
        (steps.AboutYouForm, {}, "name", "Enter your full name"),
        (steps.WhatHappenedForm, {}, "details", "Tell us what happened"),
        (
            steps.WhatHappenedForm,
            {"details": "x" * 10_001},
            "details",
            "What happened must be 10,000 characters or fewer",
        ),
        (steps.ServiceForm, {}, "area", "Select what your complaint is about"),
        (steps.OutcomeForm, {}, "outcome", "Tell us what you would like to happen"),
        (
            steps.WhyNowForm,
            {"can_still_look": "Yes"},
            "why_not_sooner",
            "Tell us why you could not complain sooner",
        ),
        (
            steps.WhyNowForm,
            {"why_not_sooner": "Ill"},
            "can_still_look",
            "Tell us whether it can still be looked into fairly",
        ),
        (steps.AdvocateForm, {}, "advocate", "Select whether you would like an advocate"),
        (steps.SafeHowForm, {}, "safe_details", "Tell us how we can contact you safely"),
        (steps.SafeContactForm, {}, "safe", "Select whether it is safe for us to contact you"),
        (
            steps.ChildForm,
            {"name": "Alex", "date_of_birth_day": "1"},
            "date_of_birth",
            "Their date of birth must include a month and a year",
        ),
        (
            steps.YoungAboutYouForm,
            {"name": "Jo", "age": "fourteen"},
            "age",
            "Write your age as a number, like 14",
        ),
        (steps.YoungAdvocateForm, {}, "advocate", "Choose if you want an advocate"),
        (steps.WhatsWrongForm, {}, "details", "Tell us what's wrong"),
        (steps.FeedbackKindForm, {}, "kind", "Select a compliment, a comment or a suggestion"),
        (steps.FeedbackMessageForm, {}, "message", "Enter your message"),
        (
            steps.FeedbackContactForm,
            {"email": "pat"},
            "email",
            "Enter an email address in the correct format, like name@example.com",
        ),
    ],
)
def test_every_question_says_what_to_do_when_it_is_not_answered_properly(
    form_class, data, field, message
):
    assert errors(form_class, data)[field] == [message]


def test_the_consent_question_uses_the_childs_first_name():
    form = steps.ConsentForm({}, context=context(child={"name": "Alex Jones"}))

    assert form.page_title() == "Does Alex know about this complaint and agree with it?"
    assert not form.is_valid()
    assert form.errors["consent"] == ["Select whether Alex agrees with the complaint"]


@pytest.mark.parametrize(
    ("who", "fields"),
    [
        ("parent", ["name"]),
        ("child", ["name", "date_of_birth"]),
        ("care_leaver", ["name", "date_of_birth"]),
        ("sufficient_interest", ["name", "relationship"]),
        ("representative", ["name", "role"]),
    ],
)
def test_about_you_asks_only_what_fits_who_you_are(who, fields):
    form = steps.AboutYouForm(context=context(who={"who": who}))

    assert list(form.fields) == fields


def test_check_your_answers_shows_each_answer_in_plain_words():
    form = steps.WhenMonthForm(initial={"month": "2025-03-31"}, context=context())
    contact = steps.ContactForm(
        initial={"methods": ["email", "post"], "email": "a@b.org", "address": "1 High St\nTown"},
        context=context(),
    )

    assert form.summary_rows() == [("Roughly when", "March 2025")]
    assert [(label, str(value)) for label, value in contact.summary_rows()] == [
        ("Contact by", "Email<br>Post"),
        ("Email address", "a@b.org"),
        ("Postal address", "1 High St<br>Town"),
    ]


def test_answers_are_escaped_on_check_your_answers():
    form = steps.WhatHappenedForm(initial={"details": "<script>x</script>"}, context=context())

    assert str(form.summary_rows()[0][1]) == "&lt;script&gt;x&lt;/script&gt;"


def test_the_feedback_message_page_is_named_after_its_kind():
    form = steps.FeedbackMessageForm(context=context(kind={"kind": "suggestion"}))

    assert form.page_title() == "Your suggestion"


def test_a_childs_age_is_counted_from_their_birthday():
    assert context(child={"date_of_birth": "2014-06-15"}).child_age == 12
    assert context(child={"date_of_birth": "2014-06-16"}).child_age == 11
    assert context(child={}).child_age is None
