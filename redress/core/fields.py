"""Form fields for GOV.UK patterns Django has no field for: dates typed into separate boxes, on
the public forms and the staff screens alike.

Error messages follow the GOV.UK Design System's date input pattern: "Enter ...", "... must
include a month", "... must be a real date", "... must be today or in the past".
"""

import calendar
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

MONTH_NAMES = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}


def _number(text: str) -> int | None:
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    return MONTH_NAMES.get(text)


class DateBoxesWidget(forms.MultiWidget):
    """Day, month and year boxes (or month and year only)."""

    def __init__(self, parts: tuple[str, ...] = ("day", "month", "year")) -> None:
        self.parts = parts
        super().__init__({part: forms.TextInput(attrs={"inputmode": "numeric"}) for part in parts})

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, str) and value:
            value = date.fromisoformat(value)
        if isinstance(value, date):
            values = {"day": value.day, "month": value.month, "year": value.year}
            return [values[part] for part in self.parts]
        return [None] * len(self.parts)


class DateBoxesField(forms.MultiValueField):
    """A date in GOV.UK boxes. `what` names it in error messages ("the date it happened").

    With `month_only`, there is no day box, and the date kept is the last day of the month: the
    complainant gets the benefit of the doubt when a time limit is counted from it. With
    `in_the_past`, a date after today is refused (when something happened, a date of birth).
    """

    def __init__(
        self, *, what: str, month_only: bool = False, in_the_past: bool = False, **kwargs: Any
    ) -> None:
        self.what = what
        self.month_only = month_only
        self.in_the_past = in_the_past
        parts = ("month", "year") if month_only else ("day", "month", "year")
        kwargs.setdefault("template_name", "forms/date.html")
        fields = tuple(forms.CharField(max_length=12, required=False) for _ in parts)
        super().__init__(fields, widget=DateBoxesWidget(parts), require_all_fields=False, **kwargs)
        self.parts = parts

    def clean(self, value: Any) -> date | None:
        values = [str(v or "").strip() for v in (value or [])] + [""] * len(self.parts)
        values = values[: len(self.parts)]
        what = self.what[0].upper() + self.what[1:]
        if not any(values):
            if self.required:
                raise ValidationError(f"Enter {self.what}", code="required")
            return None
        missing = [part for part, text in zip(self.parts, values, strict=True) if not text]
        if missing:
            raise ValidationError(
                f"{what} must include a {' and a '.join(missing)}", code="incomplete"
            )
        numbers = dict(zip(self.parts, (_number(text) for text in values), strict=True))
        year, month = numbers["year"], numbers["month"]
        if year is not None and not 1000 <= year <= 9999:
            raise ValidationError("Year must include 4 numbers", code="year")
        not_real = ValidationError(f"{what} must be a real date", code="invalid")
        if year is None or month is None or not 1 <= month <= 12:
            raise not_real
        day = calendar.monthrange(year, month)[1] if self.month_only else numbers["day"]
        if day is None:
            raise not_real
        try:
            result = date(year, month, day)
        except ValueError:
            raise not_real from None
        if not self.in_the_past:
            return result
        today = timezone.localdate()
        future = ValidationError(f"{what} must be today or in the past", code="future")
        if self.month_only:
            if date(year, month, 1) > today:
                raise future
            return min(result, today)  # this month: the latest it can have happened is today
        if result > today:
            raise future
        return result

    def compress(self, data_list: Any) -> Any:  # pragma: no cover - clean() does the work
        return data_list
