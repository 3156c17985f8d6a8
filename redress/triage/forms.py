"""The "Record a contact" form and the small forms of triage.

The contact form asks the public journey's questions on one page, in the order someone on the
phone hears them, with the public form's checks and error messages where the question is the
same (`redress.intake.steps`, `redress.core.fields`, `redress.intake.uploads`).
"""

import re
from datetime import date, datetime, time
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from redress.cases.models import ComplainantType
from redress.core.calendar import working_calendar
from redress.core.fields import DateBoxesField
from redress.domain.service_areas import SERVICE_AREAS
from redress.intake import uploads
from redress.intake.steps import LONG_TEXT_MAX, NAME_MAX, PHONE_CHARACTERS, SHORT_TEXT_MAX
from redress.triage.contact import CONSENT_CHOICES, SAFE_CHOICES, STAFF_CHANNELS, YOUNG_TYPES

TIME = re.compile(r"^(?P<hour>\d{1,2})[:.]?(?P<minute>\d{2})$")
EMAIL_ERRORS = {
    "invalid": "Enter an email address in the correct format, like name@example.com",
    "max_length": "Email address must be 254 characters or fewer",
}
PHONE_ERROR = "Enter a phone number, like 01632 960 001 or 07700 900 982"


def _text(label: str, *, required: str = "", max_length: int = SHORT_TEXT_MAX, **kw: Any) -> Any:
    attrs = {"class": kw.pop("classes")} if "classes" in kw else {}
    if "autocomplete" in kw:
        attrs["autocomplete"] = kw.pop("autocomplete")
    what = label.removesuffix(" (optional)")
    return forms.CharField(
        label=label,
        required=bool(required),
        max_length=max_length,
        widget=forms.TextInput(attrs=attrs),
        template_name="forms/input.html",
        error_messages={
            **({"required": required} if required else {}),
            "max_length": f"{what} must be {max_length:,} characters or fewer",
        },
        **kw,
    )


def _long_text(label: str, *, required: str = "", rows: int = 5, **kw: Any) -> Any:
    max_length = kw.pop("max_length", LONG_TEXT_MAX)
    what = label.removesuffix(" (optional)")
    return forms.CharField(
        label=label,
        required=bool(required),
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": str(rows)}),
        template_name="forms/textarea.html",
        error_messages={
            **({"required": required} if required else {}),
            "max_length": f"{what} must be {max_length:,} characters or fewer",
        },
        **kw,
    )


def _choice(
    label: str, choices: list[tuple[str, str]], message: str, *, select: bool, required: bool = True
) -> Any:
    return forms.ChoiceField(
        label=label,
        choices=([("", "Choose one")] if select else []) + choices,
        required=required,
        widget=forms.Select if select else forms.RadioSelect,
        template_name="forms/select.html" if select else "forms/choices.html",
        error_messages={"required": message, "invalid_choice": message},
    )


def _email(label: str) -> forms.EmailField:
    return forms.EmailField(
        label=label,
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"spellcheck": "false"}),
        template_name="forms/input.html",
        error_messages=EMAIL_ERRORS,
    )


def _phone(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "class": "govuk-input--width-20"}),
        template_name="forms/input.html",
        error_messages={"max_length": "Phone number must be 30 characters or fewer"},
    )


def _checked_phone(value: str) -> str:
    """The public form's phone check (`redress.intake.steps.ContactForm.clean_phone`)."""
    phone = value.strip()
    digits = sum(c.isdigit() for c in phone)
    if phone and (not set(phone) <= PHONE_CHARACTERS or not 7 <= digits <= 15):
        raise ValidationError(PHONE_ERROR)
    return phone


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class LettersAndRecordingsField(forms.FileField):
    """Any number of files (up to the council's limit), each checked as the public form checks
    them: the cleaned value is a list of `uploads.CheckedUpload`."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(widget=MultipleFileInput, required=False, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[uploads.CheckedUpload]:
        files: list[UploadedFile] = [f for f in (data or []) if f] if data else []
        if len(files) > uploads.max_files():
            raise ValidationError(f"Select up to {uploads.max_files()} files")
        return [uploads.check_upload(upload) for upload in files]


class ContactForm(forms.Form):
    """Record a contact: one page, the public journey's questions, for staff on the phone."""

    message = forms.IntegerField(widget=forms.HiddenInput, required=False)

    # The contact
    channel = _choice(
        "How did it come in?", STAFF_CHANNELS, "Select how the contact came in", select=False
    )
    received_on = DateBoxesField(
        in_the_past=True,
        what="the date it was received",
        label="Date received",
        help_text="For example, 27 3 2026. The deadlines count from this date.",
    )
    received_time = _text(
        "Time received (optional)",
        max_length=8,
        classes="govuk-input--width-5",
        help_text="For example, 14:30. Left blank, a contact today counts from now and an "
        "earlier one from the start of its day.",
    )

    # Who is complaining
    complainant_type = _choice(
        "Who they are",
        list(ComplainantType.choices),
        "Select who is complaining",
        select=True,
    )
    complainant_name = _text(
        "Full name", required="Enter the complainant's full name", max_length=NAME_MAX
    )
    relationship = _text(
        "Relationship to the child, or job title and organisation (optional)",
        max_length=100,
        help_text="For example, grandmother, or Advocate, Children's Rights Service",
    )
    email = _email("Email address")
    phone = _phone("Phone number")
    address = _long_text("Postal address", rows=3, max_length=SHORT_TEXT_MAX)
    safe_to_contact = _choice(
        "Is it safe to contact them? (optional)",
        SAFE_CHOICES,
        "Select whether it is safe to contact them",
        select=False,
        required=False,
    )
    safe_contact_details = _long_text(
        "How to contact them safely (optional)",
        rows=2,
        max_length=2000,
        help_text="For example, only by email, not before 4pm, or never by post.",
    )
    support_needs = _long_text(
        "What would help them take part (optional)",
        rows=2,
        max_length=2000,
        help_text="For example, large print, easy read, an interpreter and the language, "
        "breaks in meetings.",
    )

    # The child or young person
    child_name = _text(
        "Child's full name",
        max_length=NAME_MAX,
        help_text="Leave it blank if the complainant is the child or young person.",
    )
    child_date_of_birth = DateBoxesField(
        in_the_past=True,
        what="the child's date of birth",
        required=False,
        label="Child's date of birth (optional)",
        help_text="For example, 27 3 2012",
    )
    consent = _choice(
        "Does the child agree to the complaint being made for them?",
        CONSENT_CHOICES,
        "Select whether the child agrees to the complaint",
        select=False,
        required=False,
    )

    # A representative
    representative_name = _text("Representative's name (optional)", max_length=NAME_MAX)
    representative_role = _text(
        "Their organisation or relationship (optional)",
        max_length=100,
        help_text="For example, solicitor, Smith and Co",
    )
    representative_email = _email("Their email address (optional)")
    representative_phone = _phone("Their phone number (optional)")

    # The complaint
    service_area = _choice(
        "Service area",
        [(rule.area.value, rule.label) for rule in SERVICE_AREAS.values()],
        "Select what the complaint is about",
        select=True,
    )
    details = _long_text(
        "What happened",
        required="Enter what happened",
        rows=6,
        help_text="In the complainant's words where you can, with the names of staff they give.",
    )
    outcome = _long_text("Outcome wanted (optional)", rows=3, max_length=5000)
    grounds_arose_on = DateBoxesField(
        in_the_past=True,
        what="the date it happened",
        required=False,
        label="When it happened (optional)",
        help_text="If it happened more than once, when it started. For example, 27 3 2026",
    )
    advocacy_offered = forms.BooleanField(required=False, label="An advocate was offered")

    # The letter or recording
    documents = LettersAndRecordingsField(label="Upload the letter or recording (optional)")

    def __init__(self, *args: Any, now: datetime | None = None, **kwargs: Any) -> None:
        self.too_large = kwargs.pop("too_large", False)
        super().__init__(*args, **kwargs)
        self.now = timezone.localtime(now or timezone.now())
        self.fields["documents"].help_text = (
            f"Each file must be a {uploads.allowed_labels()} and smaller than "
            f"{uploads.max_bytes() // uploads.MB}MB."
        )

    def clean_received_time(self) -> time | None:
        text = self.cleaned_data.get("received_time", "").strip()
        if not text:
            return None
        match = TIME.match(text)
        if match is None or int(match["hour"]) > 23 or int(match["minute"]) > 59:
            raise ValidationError("Enter the time received as hours and minutes, like 14:30")
        return time(int(match["hour"]), int(match["minute"]))

    def clean_phone(self) -> str:
        return _checked_phone(self.cleaned_data.get("phone", ""))

    def clean_representative_phone(self) -> str:
        return _checked_phone(self.cleaned_data.get("representative_phone", ""))

    def clean_documents(self) -> list[uploads.CheckedUpload]:
        if self.too_large:
            raise ValidationError(uploads.size_error())
        return self.cleaned_data.get("documents") or []

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._check_received_at(cleaned)
        contact = ("email", "phone", "address")
        if not any(cleaned.get(name) or name in self.errors for name in contact):
            self.add_error("email", "Enter an email address, phone number or postal address")
        young = cleaned.get("complainant_type") in YOUNG_TYPES
        if not young:
            if not cleaned.get("child_name") and "child_name" not in self.errors:
                self.add_error("child_name", "Enter the child's full name")
            if not cleaned.get("consent") and "consent" not in self.errors:
                self.add_error("consent", "Select whether the child agrees to the complaint")
        representative = [
            "representative_role",
            "representative_email",
            "representative_phone",
        ]
        if any(cleaned.get(name) for name in representative) and not cleaned.get(
            "representative_name"
        ):
            self.add_error("representative_name", "Enter the representative's name")
        return cleaned

    def _check_received_at(self, cleaned: dict[str, Any]) -> None:
        day: date | None = cleaned.get("received_on")
        if day is None or "received_time" in self.errors:
            return
        first = working_calendar().first
        if day < first:  # the working-day calendar, which the clocks count with, starts here
            self.add_error(
                "received_on", f"The date it was received must be in {first.year} or later"
            )
            return
        at: time | None = cleaned.get("received_time")
        today = self.now.date()
        if at is None:
            received = self.now if day == today else datetime.combine(day, time(0))
        else:
            received = datetime.combine(day, at)
        received = timezone.make_aware(received) if timezone.is_naive(received) else received
        if received > self.now:
            self.add_error("received_time", "Time received must be now or in the past")
            return
        cleaned["received_at"] = received

    def to_answers(self) -> dict[str, Any]:
        """The answers as plain JSON, for the triage services (and a held contact)."""
        skip = {"documents", "received_on", "received_time", "message"}
        answers: dict[str, Any] = {}
        for name, value in self.cleaned_data.items():
            if name in skip:
                continue
            answers[name] = value.isoformat() if isinstance(value, date | datetime) else value
        return answers


class DuplicateChoiceForm(forms.Form):
    """Add the contact to one of the possible existing cases, or make a new case anyway."""

    NEW = "new"
    choice = forms.ChoiceField(
        label="What do you want to do with this contact?",
        widget=forms.RadioSelect,
        template_name="forms/choices.html",
        error_messages={
            "required": "Select a case to add this contact to, or create a new case",
            "invalid_choice": "Select a case to add this contact to, or create a new case",
        },
    )

    def __init__(self, *args: Any, references: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["choice"].choices = [
            (reference, f"Add this contact to {reference}") for reference in references
        ] + [(self.NEW, "Create a new case")]
        self.dividers = {"choice": self.NEW}


class FileOnCaseForm(forms.Form):
    reference = forms.CharField(
        label="Case reference",
        max_length=30,
        help_text="For example, CSC-2026-00042",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "spellcheck": "false"}),
        template_name="forms/input.html",
        error_messages={"required": "Enter the reference of the case to add this email to"},
    )

    def clean_reference(self) -> str:
        return str(self.cleaned_data["reference"]).strip().upper()


class SetAsideForm(forms.Form):
    reason = forms.CharField(
        label="Why is it not a complaint?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": "3"}),
        template_name="forms/textarea.html",
        help_text="For example, a newsletter, or a question for another team that was passed on",
        error_messages={
            "required": "Enter why this email is not a complaint",
            "max_length": "The reason must be 2,000 characters or fewer",
        },
    )
