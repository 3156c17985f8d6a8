"""A date in GOV.UK's three boxes, with the Design System's error messages."""

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError


class DateWidget(forms.MultiWidget):
    def __init__(self) -> None:
        box = {"inputmode": "numeric"}
        super().__init__(
            {
                "day": forms.TextInput(box),
                "month": forms.TextInput(box),
                "year": forms.TextInput(box),
            }
        )

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, str) and value:
            value = date.fromisoformat(value)
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovDateField(forms.MultiValueField):
    def __init__(self, *, what: str, **kwargs: Any) -> None:
        self.what = what
        kwargs.setdefault("template_name", "forms/date.html")
        parts = tuple(forms.CharField(required=False) for _ in range(3))
        super().__init__(parts, widget=DateWidget(), require_all_fields=False, **kwargs)

    def compress(self, data_list: list[Any]) -> date | None:  # pragma: no cover - clean() does it
        return None

    def clean(self, value: Any) -> date | None:
        parts = [str(v or "").strip() for v in (value or ["", "", ""])]
        if not any(parts):
            if self.required:
                raise ValidationError(f"Enter {self.what}", code="required")
            return None
        names = ("day", "month", "year")
        missing = [name for name, part in zip(names, parts, strict=True) if not part]
        if missing:
            raise ValidationError(
                f"{self.what.capitalize()} must include a {' and '.join(missing)}"
            )
        try:
            day, month, year = (int(p) for p in parts)
            return date(year, month, day) if year >= 1900 else date(0, 0, 0)
        except (ValueError, TypeError):
            raise ValidationError(f"{self.what.capitalize()} must be a real date") from None


def text_field(
    label: str, *, message: str = "", required: bool = True, rows: int = 3, hint: str = ""
) -> forms.CharField:
    """A GOV.UK textarea; `message` is what to say when it is required and left empty."""
    return forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": rows}),
        template_name="forms/textarea.html",
        error_messages={"required": message or f"Enter the {label[0].lower()}{label[1:]}"},
    )
