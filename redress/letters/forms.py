"""Forms for the letters screens. They check input only; the services check the rest."""

from typing import Any

from django import forms

from redress.letters.catalogue import LetterKind
from redress.letters.models import CorrespondencePreference

CHANNELS = CorrespondencePreference.Channel.choices
FORMATS = CorrespondencePreference.Format.choices


def _radios(label: str, choices: list[tuple[str, str]], missing: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        template_name="forms/choices.html",
        error_messages={"required": missing, "invalid_choice": missing},
    )


class PrepareForm(forms.Form):
    key = forms.ChoiceField(
        label="Which letter do you want to write?",
        widget=forms.RadioSelect,
        template_name="forms/choices.html",
        error_messages={"required": "Select the letter to write"},
    )

    def __init__(self, *args: Any, kinds: list[LetterKind], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["key"].choices = [(kind.key, kind.title) for kind in kinds]
        self.fields["key"].error_messages["invalid_choice"] = "Select one of the letters listed"


class PreferenceForm(forms.Form):
    channel = _radios("How does the complainant want letters?", CHANNELS, "Select email or post")
    format = _radios("In which format?", FORMATS, "Select standard or large print")


class LetterForm(forms.Form):
    subject = forms.CharField(
        label="Subject",
        max_length=300,
        template_name="forms/input.html",
        error_messages={"required": "Enter the subject line"},
    )
    body = forms.CharField(
        label="Letter",
        help_text="HTML with merge fields in {{ }}. Dates come from the case's clocks.",
        widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "true"}),
        template_name="forms/textarea.html",
        error_messages={"required": "Enter the letter"},
        strip=False,
    )
    channel = _radios("Send it by", CHANNELS, "Select email or post")
    format = _radios("Format", FORMATS, "Select standard or large print")


class TemplateForm(forms.Form):
    subject = LetterForm.base_fields["subject"]
    body = forms.CharField(
        label="Template",
        help_text="HTML with merge fields in {{ }}. The merge fields are listed below.",
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "true"}),
        template_name="forms/textarea.html",
        error_messages={"required": "Enter the template"},
        strip=False,
    )
    note = forms.CharField(
        label="What did you change, and why?",
        max_length=300,
        template_name="forms/input.html",
        error_messages={"required": "Say what you changed: the history shows it"},
    )
