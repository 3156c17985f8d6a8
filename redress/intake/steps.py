"""One form per page of the public journeys.

Each form is one question (or a few that belong together). It knows how to turn its answers into
plain JSON for the draft, and how to show them on "Check your answers". Wording follows the GOV.UK
style: the question is the page heading, errors say what to do.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from django import forms
from markupsafe import Markup, escape

from redress.cases.models import ComplainantType
from redress.core.fields import DateBoxesField
from redress.domain.calendar_limits import is_late, time_limit_last_day
from redress.domain.profiles import CouncilProfile
from redress.domain.service_areas import SERVICE_AREAS, ServiceArea
from redress.intake.wording import long_date

Answers = Mapping[str, Mapping[str, Any]]

DEFAULT_REQUIRED = forms.Field.default_error_messages["required"]
PHONE_CHARACTERS = frozenset("0123456789 +()-")
NAME_MAX = 200
SHORT_TEXT_MAX = 500
LONG_TEXT_MAX = 10_000
YOUNG_TYPES = frozenset({ComplainantType.CHILD.value, ComplainantType.CARE_LEAVER.value})
# People the Children Act lets complain in their own right (s.26(3)(b)-(d), (3C)).
OWN_RIGHT_TYPES = frozenset(
    {
        ComplainantType.PARENT.value,
        ComplainantType.PR_HOLDER.value,
        ComplainantType.LA_FOSTER_CARER.value,
        ComplainantType.SPECIAL_GUARDIAN.value,
    }
)


@dataclass(frozen=True)
class StepContext:
    """What a page may need to know besides its own answers."""

    answers: Answers
    profile: CouncilProfile
    today: date

    def get(self, step: str, name: str, default: Any = None) -> Any:
        return self.answers.get(step, {}).get(name, default)

    @property
    def who(self) -> str:
        return str(self.get("who", "who", ""))

    @property
    def is_young_person(self) -> bool:
        return self.who in YOUNG_TYPES

    @property
    def child_name(self) -> str:
        return str(self.get("child", "name", "")).strip()

    @property
    def child_first_name(self) -> str:
        return self.child_name.split(" ")[0] if self.child_name else "the child"

    @property
    def child_age(self) -> int | None:
        born = self.get("child", "date_of_birth")
        if not born:
            return None
        born_on = date.fromisoformat(born)
        had_birthday = (self.today.month, self.today.day) >= (born_on.month, born_on.day)
        return self.today.year - born_on.year - (0 if had_birthday else 1)

    @property
    def grounds_arose_on(self) -> date | None:
        """When it happened: the exact date, or the last day of the month given."""
        kind = self.get("when", "when")
        value = (
            self.get("when-date", "date")
            if kind == "exact"
            else self.get("when-month", "month")
            if kind == "roughly"
            else None
        )
        return date.fromisoformat(value) if value else None

    @property
    def time_limit_last_day(self) -> date | None:
        arose = self.grounds_arose_on
        if arose is None:
            return None
        limit = self.profile.time_limit
        return time_limit_last_day(arose, limit.months, limit.leap_day)

    @property
    def is_late(self) -> bool:
        arose = self.grounds_arose_on
        limit = self.profile.time_limit
        return arose is not None and is_late(arose, self.today, limit.months, limit.leap_day)


def required(message: str) -> dict[str, str]:
    return {"required": message}


def too_long(what: str, limit: int) -> dict[str, str]:
    return {"max_length": f"{what} must be {limit:,} characters or fewer"}


def text(
    label: str,
    *,
    max_length: int = SHORT_TEXT_MAX,
    required_message: str = "",
    help_text: str = "",
    autocomplete: str = "",
    classes: str = "",
    long: bool = False,
    rows: int = 8,
    when_revealed: str = "",
) -> forms.CharField:
    """A text box or area. `when_revealed`: it is asked under a choice, and must be answered
    (with this message) when that choice is made."""
    attrs = {"autocomplete": autocomplete} if autocomplete else {}
    if classes:
        attrs["class"] = classes
    if long:
        attrs["rows"] = str(rows)
    message = required_message or when_revealed
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=bool(required_message),
        help_text=help_text,
        error_messages={
            **(required(message) if message else {}),
            **too_long(label.removesuffix(" (optional)").rstrip("?"), max_length),
        },
        widget=forms.Textarea(attrs=attrs) if long else forms.TextInput(attrs=attrs),
        template_name="forms/textarea.html" if long else "forms/input.html",
    )


def radios(label: str, choices: list[tuple[str, str]], message: str, **kw: Any) -> Any:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
        template_name="forms/choices.html",
        **kw,
    )


def checkboxes(label: str, choices: list[tuple[str, str]], **kw: Any) -> Any:
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        template_name="forms/choices.html",
        **kw,
    )


def multiline(value: str) -> Markup:
    return Markup("<br>").join(escape(line) for line in value.splitlines())


class StepForm(forms.Form):
    """A page of a journey.

    `title` is the question; when the page has a single question (`heading_field`), that field's
    label is the page's h1, otherwise the title is. `item_hints` and `conditionals` add a hint to
    a choice, or reveal fields under it; the revealed fields are only checked when it is chosen.
    """

    title: ClassVar[str] = ""
    heading_field: ClassVar[str | None] = None
    intro_template: ClassVar[str] = ""
    item_hints: ClassVar[Mapping[str, Mapping[str, str]]] = {}
    conditionals: ClassVar[Mapping[str, Mapping[str, tuple[str, ...]]]] = {}
    dividers: ClassVar[Mapping[str, str]] = {}  # field -> the choice value an "or" goes before
    check_labels: ClassVar[Mapping[str, str]] = {}  # field -> its label on Check your answers

    def __init__(self, *args: Any, context: StepContext, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.context = context
        self.personalise(context)

    def personalise(self, context: StepContext) -> None:
        """Change labels to use names and profile values the complainant has already given."""

    def page_title(self) -> str:
        if self.heading_field:
            return str(self.fields[self.heading_field].label)
        return self.title

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for trigger, reveals in self.conditionals.items():
            chosen = cleaned.get(trigger)
            chosen_values = chosen if isinstance(chosen, list) else [chosen]
            for value, names in reveals.items():
                for name in names:
                    if value in chosen_values:
                        self._require_revealed(name, cleaned)
                    else:
                        # Not chosen: anything typed there (the boxes show without JavaScript)
                        # is dropped, and so are its errors.
                        if self._errors is not None:
                            self._errors.pop(name, None)
                        cleaned[name] = None
        return cleaned

    def _require_revealed(self, name: str, cleaned: dict[str, Any]) -> None:
        field = self.fields[name]
        message = field.error_messages.get("required")
        answered = cleaned.get(name) not in (None, "", [])
        if not answered and name not in self.errors and message != DEFAULT_REQUIRED:
            self.add_error(name, message)

    def to_answers(self) -> dict[str, Any]:
        def plain(value: Any) -> Any:
            if isinstance(value, date):
                return value.isoformat()
            return value

        return {name: plain(value) for name, value in self.cleaned_data.items()}

    def summary_rows(self) -> list[tuple[str, Markup]]:
        """(question, answer) pairs for Check your answers, from the form's initial answers."""
        rows = []
        for name, field in self.fields.items():
            value = self.initial.get(name)
            if value in (None, "", []):
                continue
            label = self.check_labels.get(name, str(field.label).removesuffix(" (optional)"))
            rows.append((label, self.display(name, value)))
        return rows

    def display(self, name: str, value: Any) -> Markup:
        field = self.fields[name]
        choices = dict(getattr(field, "choices", []))
        if isinstance(value, list):
            return Markup("<br>").join(escape(choices.get(v, v)) for v in value)
        if choices:
            return escape(choices.get(value, value))
        if isinstance(field, DateBoxesField):
            day = date.fromisoformat(value)
            return escape(f"{day:%B %Y}" if field.month_only else long_date(day))
        return multiline(str(value))


# --- The complaint -----------------------------------------------------------------------------


class WhoForm(StepForm):
    heading_field = "who"
    who = radios(
        "Who are you?",
        [
            (ComplainantType.CHILD, "I am the child or young person the complaint is about"),
            (ComplainantType.CARE_LEAVER, "I am a young person who has left care"),
            (ComplainantType.PARENT, "I am a parent of the child"),
            (ComplainantType.PR_HOLDER, "I have parental responsibility for the child"),
            (ComplainantType.SPECIAL_GUARDIAN, "I am the child's special guardian"),
            (ComplainantType.LA_FOSTER_CARER, "I am a foster carer"),
            (ComplainantType.SUFFICIENT_INTEREST, "I am a relative or friend of the child"),
            (ComplainantType.REPRESENTATIVE, "I am a professional or advocate acting for someone"),
        ],
        "Select who you are",
        help_text="If you are complaining for someone else, tell us who you are, not who they are.",
    )
    item_hints = {
        "who": {
            ComplainantType.PR_HOLDER: "For example, because of a court order",
            ComplainantType.LA_FOSTER_CARER: "Including if you foster through an agency",
            ComplainantType.SUFFICIENT_INTEREST: "For example a grandparent, aunt, uncle or "
            "family friend",
            ComplainantType.REPRESENTATIVE: "For example an advocate, solicitor, teacher or MP",
        }
    }
    check_labels = {"who": "Who you are"}


class AboutYouForm(StepForm):
    title = "About you"
    name = text(
        "Full name",
        max_length=NAME_MAX,
        required_message="Enter your full name",
        autocomplete="name",
    )
    role = text(
        "Your job title and organisation",
        required_message="Enter your job title and organisation",
        autocomplete="organization-title",
    )
    relationship = text(
        "How do you know the child?",
        required_message="Tell us how you know the child",
        help_text="For example, I am their grandmother",
    )
    check_labels = {"name": "Your name"}
    date_of_birth = DateBoxesField(
        in_the_past=True,
        what="your date of birth",
        required=False,
        label="Date of birth (optional)",
        help_text="For example, 27 3 2010. It helps us find your records.",
    )

    def personalise(self, context: StepContext) -> None:
        keep = {"name"}
        if context.who == ComplainantType.REPRESENTATIVE:
            keep.add("role")
        if context.who == ComplainantType.SUFFICIENT_INTEREST:
            keep.add("relationship")
        if context.is_young_person:
            keep.add("date_of_birth")
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]


class ChildForm(StepForm):
    title = "About the child or young person"
    name = text(
        "Their full name",
        max_length=NAME_MAX,
        required_message="Enter the child's full name",
    )
    date_of_birth = DateBoxesField(
        in_the_past=True,
        what="their date of birth",
        required=False,
        label="Their date of birth (optional)",
        help_text="For example, 27 3 2012. Leave it blank if you do not know it.",
    )
    check_labels = {"name": "The child's name", "date_of_birth": "The child's date of birth"}


class ConsentForm(StepForm):
    heading_field = "consent"
    intro_template = "intake/intro/consent.html"
    consent = radios(
        "Does the child know about this complaint and agree with it?",
        [
            ("yes", "Yes, they agree"),
            ("no", "No, they do not agree"),
            ("not_asked", "I have not asked them"),
            ("too_young", "They are too young to understand"),
        ],
        "Select whether the child agrees with the complaint",
    )

    def personalise(self, context: StepContext) -> None:
        name = context.child_first_name
        field = self.fields["consent"]
        field.label = f"Does {name} know about this complaint and agree with it?"
        message = f"Select whether {name} agrees with the complaint"
        field.error_messages.update(required=message, invalid_choice=message)

    check_labels = {"consent": "The child agrees"}


class ServiceForm(StepForm):
    heading_field = "area"
    area = radios(
        "What is your complaint about?",
        [(rule.area.value, rule.label) for rule in SERVICE_AREAS.values()],
        "Select what your complaint is about",
        help_text="Choose the one that fits best. If it is about more than one, choose the main "
        "one and tell us about the others on the next page.",
    )
    item_hints = {"area": {rule.area.value: rule.hint for rule in SERVICE_AREAS.values()}}
    dividers = {"area": ServiceArea.NOT_SURE.value}
    check_labels = {"area": "What it is about"}


class WhatHappenedForm(StepForm):
    heading_field = "details"
    intro_template = "intake/intro/procedure.html"
    details = text(
        "What happened?",
        max_length=LONG_TEXT_MAX,
        long=True,
        required_message="Tell us what happened",
        help_text="Tell us what the council did, or did not do, that you are unhappy about. "
        "Include the names of staff if you know them. You can add documents later. "
        f"You can write up to {LONG_TEXT_MAX:,} characters.",
    )
    check_labels = {"details": "What happened"}


class WhenForm(StepForm):
    heading_field = "when"
    when = radios(
        "When did it happen?",
        [
            ("exact", "I know the date"),
            ("roughly", "I know roughly when"),
            ("ongoing", "It is still happening"),
            ("unknown", "I do not know"),
        ],
        "Select when it happened",
        help_text="If it happened more than once, tell us when it started.",
    )
    check_labels = {"when": "When it happened"}


class WhenDateForm(StepForm):
    heading_field = "date"
    date = DateBoxesField(
        in_the_past=True,
        what="the date it happened",
        label="What date did it happen?",
        help_text="For example, 27 3 2026",
    )
    check_labels = {"date": "Date it happened"}


class WhenMonthForm(StepForm):
    heading_field = "month"
    month = DateBoxesField(
        in_the_past=True,
        what="the month it happened",
        month_only=True,
        label="Roughly when did it happen?",
        help_text="Enter the month and year. For example, 3 2026",
    )
    check_labels = {"month": "Roughly when"}


class WhyNowForm(StepForm):
    """The two limbs of the discretion test for a late complaint (domain.md §3.3)."""

    title = "Why are you complaining now?"
    intro_template = "intake/intro/why_now.html"
    why_not_sooner = text(
        "Why could you not complain sooner?",
        max_length=5000,
        long=True,
        required_message="Tell us why you could not complain sooner",
        help_text="For example, you were unwell, you did not know you could complain, or you "
        "only found out about it recently.",
    )
    can_still_look = text(
        "Can it still be looked into fairly?",
        max_length=5000,
        long=True,
        required_message="Tell us whether it can still be looked into fairly",
        help_text="For example, tell us about letters or records you kept, or people who "
        "remember what happened. If you are not sure, say so.",
    )
    check_labels = {
        "why_not_sooner": "Why you could not complain sooner",
        "can_still_look": "Whether it can still be looked into fairly",
    }


class OutcomeForm(StepForm):
    heading_field = "outcome"
    outcome = text(
        "What would you like to happen?",
        max_length=5000,
        long=True,
        required_message="Tell us what you would like to happen",
        help_text="For example, an apology, a decision looked at again, or a change to a plan. "
        "We will tell you if we cannot do what you ask.",
    )
    check_labels = {"outcome": "What you would like to happen"}


class AdvocateForm(StepForm):
    heading_field = "advocate"
    intro_template = "intake/intro/advocate.html"
    advocate = radios(
        "Would you like an advocate to help you?",
        [
            ("yes", "Yes, please find me an advocate"),
            ("have", "I already have an advocate"),
            ("no", "No, thank you"),
        ],
        "Select whether you would like an advocate",
        help_text="You can change your mind at any time.",
    )
    check_labels = {"advocate": "Advocate"}


class YourAdvocateForm(StepForm):
    title = "About your advocate (optional)"
    advocate_name = text("Your advocate's name and organisation (optional)", max_length=NAME_MAX)
    advocate_contact = text(
        "How can we contact them? (optional)",
        max_length=SHORT_TEXT_MAX,
        help_text="For example, their phone number or email address",
    )
    check_labels = {"advocate_name": "Your advocate", "advocate_contact": "Your advocate's contact"}

    def summary_rows(self) -> list[tuple[str, Markup]]:
        return super().summary_rows() or [("Your advocate", escape("Not given"))]


class ContactForm(StepForm):
    heading_field = "methods"
    methods = checkboxes(
        "How should we contact you?",
        [("email", "Email"), ("phone", "Phone"), ("post", "Post")],
        help_text="Select all that apply. If you give us your email address, you can follow "
        "your complaint online.",
        error_messages={
            "required": "Select how we should contact you",
            "invalid_choice": "Select how we should contact you",
        },
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        template_name="forms/input.html",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Email address must be 254 characters or fewer",
        },
    )
    phone = forms.CharField(
        label="Phone number",
        required=False,
        max_length=30,
        widget=forms.TextInput(
            attrs={"type": "tel", "autocomplete": "tel", "class": "govuk-input--width-20"}
        ),
        template_name="forms/input.html",
        error_messages={
            "required": "Enter your phone number",
            "max_length": "Phone number must be 30 characters or fewer",
        },
    )
    address = text(
        "Postal address",
        max_length=SHORT_TEXT_MAX,
        long=True,
        rows=4,
        autocomplete="street-address",
        when_revealed="Enter your postal address",
    )
    conditionals = {"methods": {"email": ("email",), "phone": ("phone",), "post": ("address",)}}
    check_labels = {"methods": "Contact by"}

    def clean_phone(self) -> str:
        phone = (self.cleaned_data.get("phone") or "").strip()
        digits = sum(c.isdigit() for c in phone)
        if phone and (not set(phone) <= PHONE_CHARACTERS or not 7 <= digits <= 15):
            raise forms.ValidationError("Enter a phone number, like 01632 960 001 or 07700 900 982")
        return phone


class SafeContactForm(StepForm):
    heading_field = "safe"
    safe = radios(
        "Is it safe for us to contact you?",
        [("yes", "Yes"), ("no", "No, or only in some ways")],
        "Select whether it is safe for us to contact you",
        help_text="For example, tell us if someone else reads your post or emails, or if there "
        "are times we should not call.",
    )
    check_labels = {"safe": "Safe to contact you"}


class SafeHowForm(StepForm):
    heading_field = "safe_details"
    safe_details = text(
        "How can we contact you safely?",
        max_length=2000,
        long=True,
        rows=4,
        required_message="Tell us how we can contact you safely",
        help_text="For example, only by email, not before 4pm, or never by post.",
    )
    check_labels = {"safe_details": "How to contact you safely"}


class SupportForm(StepForm):
    title = "Do you need us to do anything differently?"
    intro_template = "intake/intro/support.html"
    formats = checkboxes(
        "Formats (optional)",
        [
            ("large_print", "Large print"),
            ("easy_read", "Easy read"),
            ("braille", "Braille"),
            ("audio", "Audio"),
            ("bsl", "A British Sign Language (BSL) interpreter"),
        ],
        required=False,
        help_text="Select all that you need.",
    )
    language = text(
        "If you would like to use a language other than English, which language? (optional)",
        max_length=100,
        classes="govuk-input--width-20",
    )
    other = text(
        "Anything else that would help you (optional)",
        max_length=2000,
        long=True,
        rows=4,
        help_text="For example, breaks in meetings, meeting at home, or someone with you.",
    )
    check_labels = {"language": "Language", "other": "Other help"}

    def summary_rows(self) -> list[tuple[str, Markup]]:
        rows = super().summary_rows()
        return rows or [("Help you need", escape("None"))]


class DocumentsDoneForm(StepForm):
    """The documents page: its answer is just that the complainant pressed Continue."""

    title = "Upload documents, photos or recordings (optional)"

    def to_answers(self) -> dict[str, Any]:
        return {"done": True}

    def summary_rows(self) -> list[tuple[str, Markup]]:
        return []  # the check page lists the files themselves


# --- The young person's version -------------------------------------------------------------


class YoungAdvocateForm(AdvocateForm):
    intro_template = "intake/intro/young_advocate.html"
    advocate = radios(
        "Do you want an advocate to help you?",
        [
            ("yes", "Yes, I want an advocate"),
            ("have", "I already have one"),
            ("no", "No, I'll do it myself"),
        ],
        "Choose if you want an advocate",
        help_text="You can change your mind later.",
    )


class YoungAboutYouForm(StepForm):
    title = "About you"
    name = text(
        "What's your name?",
        max_length=NAME_MAX,
        required_message="Tell us your name",
        autocomplete="name",
    )
    age = forms.IntegerField(
        label="How old are you? (optional)",
        required=False,
        min_value=5,
        max_value=25,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}),
        template_name="forms/input.html",
        error_messages={
            "invalid": "Write your age as a number, like 14",
            "min_value": "Your age must be 5 or more",
            "max_value": "Your age must be 25 or less",
        },
    )

    check_labels = {"name": "Your name", "age": "Your age"}


class WhatsWrongForm(StepForm):
    heading_field = "details"
    details = text(
        "What's wrong?",
        max_length=LONG_TEXT_MAX,
        long=True,
        required_message="Tell us what's wrong",
        help_text="Tell us what happened, in your own words. Write as much or as little as you "
        "like.",
    )
    check_labels = {"details": "What's wrong"}


class MakeItBetterForm(StepForm):
    heading_field = "outcome"
    outcome = text(
        "What would make things better? (optional)",
        max_length=5000,
        long=True,
        help_text="If you're not sure, you can leave this empty.",
    )

    def summary_rows(self) -> list[tuple[str, Markup]]:
        return [("What would make it better", multiline(self.initial.get("outcome") or "-"))]


class YoungContactForm(ContactForm):
    methods = checkboxes(
        "How can we get in touch with you?",
        [
            ("email", "Email"),
            ("phone", "Phone or text"),
            ("post", "Post"),
            ("advocate", "Through my advocate"),
        ],
        help_text="Choose all the ways that are OK.",
        error_messages={
            "required": "Choose how we can get in touch",
            "invalid_choice": "Choose how we can get in touch",
        },
    )


class YoungSafeForm(SafeContactForm):
    safe = radios(
        "Is it OK for us to contact you?",
        [("yes", "Yes"), ("no", "No, or only in some ways")],
        "Choose if it is OK for us to contact you",
        help_text="Tell us if there is someone who should not find out, or a time we should not "
        "call.",
    )


class YoungSafeHowForm(SafeHowForm):
    safe_details = text(
        "How can we contact you safely?",
        max_length=2000,
        long=True,
        rows=4,
        required_message="Tell us how we can contact you safely",
        help_text="For example, only by text, or not at home.",
    )


# --- Compliments, comments and suggestions -----------------------------------------------------

FEEDBACK_KINDS = [
    ("compliment", "A compliment"),
    ("comment", "A comment"),
    ("suggestion", "A suggestion"),
]


class FeedbackKindForm(StepForm):
    heading_field = "kind"
    intro_template = "intake/intro/feedback_kind.html"
    kind = radios(
        "What would you like to give us?",
        FEEDBACK_KINDS,
        "Select a compliment, a comment or a suggestion",
    )
    item_hints = {
        "kind": {
            "compliment": "Tell us about something that went well",
            "comment": "Tell us what you think about a service",
            "suggestion": "Tell us how we could do something better",
        }
    }
    check_labels = {"kind": "What you are giving"}


class FeedbackMessageForm(StepForm):
    title = "Your message"
    message = text(
        "What would you like to tell us?",
        max_length=5000,
        long=True,
        required_message="Enter your message",
    )
    about = text(
        "Who or which team is it about? (optional)",
        max_length=SHORT_TEXT_MAX,
        help_text="If you would like us to pass it on, tell us their name or their team.",
    )

    def personalise(self, context: StepContext) -> None:
        kind = dict(FEEDBACK_KINDS).get(context.get("kind", "kind", ""), "Your message")
        self.title = f"Your {kind.removeprefix('A ').lower()}" if kind else "Your message"


class FeedbackContactForm(StepForm):
    title = "Your details (optional)"
    intro_template = "intake/intro/feedback_contact.html"
    name = text("Full name (optional)", max_length=NAME_MAX, autocomplete="name")
    email = forms.EmailField(
        label="Email address (optional)",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        template_name="forms/input.html",
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Email address must be 254 characters or fewer",
        },
    )

    def summary_rows(self) -> list[tuple[str, Markup]]:
        return super().summary_rows() or [("Your details", escape("Not given"))]
