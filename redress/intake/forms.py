"""Forms for the public pages that are not journey questions: sending, uploading, tracking."""

import re
from typing import Any

from django import forms

from redress.intake.selectors import normalise_reference
from redress.intake.steps import text

REFERENCE = re.compile(r"^CSC-\d{4}-\d{5}$")


class HoneypotForm(forms.Form):
    """A field people never see (it is hidden) but form-filling robots do, and fill in."""

    website = forms.CharField(required=False, max_length=200, label="Leave this empty")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("website") or "website" in self.errors:
            if self._errors is not None:
                self._errors.pop("website", None)
            raise forms.ValidationError(
                "Sorry, we could not send this form. Please contact us another way: see "
                "Contact us at the bottom of the page",
                code="honeypot",
            )
        return cleaned


class ConfirmForm(HoneypotForm):
    """Check your answers: the declaration is the page's text and the button."""


FILE_ERRORS = {
    "empty": "The selected file is empty",
    "invalid": "The selected file could not be read. Try choosing it again",
    "missing": "The selected file could not be read. Try choosing it again",
}


class UploadForm(forms.Form):
    file = forms.FileField(required=False, label="Upload a file", error_messages=FILE_ERRORS)


class TrackStartForm(HoneypotForm):
    reference = forms.CharField(
        label="Your complaint reference",
        max_length=30,
        help_text="You can find it in the email or letter we sent you, like CSC-2026-00042",
        error_messages={"required": "Enter your complaint reference"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "spellcheck": "false"}),
        template_name="forms/input.html",
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="The email address you gave us when you complained",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        template_name="forms/input.html",
    )

    def clean_reference(self) -> str:
        reference = normalise_reference(self.cleaned_data["reference"])
        if not REFERENCE.match(reference):
            raise forms.ValidationError(
                "Enter your reference in the correct format, like CSC-2026-00042"
            )
        return reference


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Security code",
        max_length=20,
        help_text="The code is in the email we sent you. It has 6 numbers.",
        error_messages={"required": "Enter the security code"},
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input--width-5",
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "spellcheck": "false",
            }
        ),
        template_name="forms/input.html",
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split()).replace("-", "")
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("The security code must be 6 numbers")
        return code


class AddInformationForm(forms.Form):
    information = text(
        "Information for the complaints team (optional)",
        max_length=5000,
        long=True,
        rows=6,
        help_text="For example, something that has happened since, or an answer to a question "
        "we asked you.",
    )
    file = forms.FileField(
        required=False, label="Upload a file (optional)", error_messages=FILE_ERRORS
    )

    def __init__(self, *args: Any, has_file: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.has_file = has_file

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            not cleaned.get("information")
            and not self.has_file
            and "information" not in self.errors
        ):
            self.add_error("information", "Enter some information, or choose a file to upload")
        return cleaned


class NextStageForm(forms.Form):
    reason = text(
        "Why are you unhappy with our response?",
        max_length=5000,
        long=True,
        rows=6,
        required_message="Tell us why you are unhappy with our response",
        help_text="Tell us which parts of the response you disagree with, and why.",
    )
    why_now = text(
        "Why are you asking now?",
        max_length=5000,
        long=True,
        rows=4,
        when_revealed="Tell us why you are asking now",
        help_text="For example, you were unwell, away, or waiting for advice. A manager will "
        "read this when they decide.",
    )

    def __init__(self, *args: Any, late: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.late = late
        if not late:
            del self.fields["why_now"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.late and not cleaned.get("why_now") and "why_now" not in self.errors:
            self.add_error("why_now", self.fields["why_now"].error_messages["required"])
        return cleaned


class WithdrawForm(forms.Form):
    confirm = forms.ChoiceField(
        label="Are you sure you want to withdraw your complaint?",
        choices=[("yes", "Yes, withdraw my complaint"), ("no", "No, keep my complaint")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you want to withdraw your complaint"},
        template_name="forms/choices.html",
    )
    reason = text(
        "Why are you withdrawing it? (optional)",
        max_length=2000,
        long=True,
        rows=4,
        help_text="This helps us learn. You do not have to tell us.",
    )
