"""Choosing the report's period: a financial year, or any two dates."""

from datetime import date, timedelta
from typing import Any

from django import forms

from redress.core.fields import DateBoxesField
from redress.reports.periods import Period, financial_year, financial_year_of

EARLIEST_YEAR = 2006  # SI 2006/1738 came into force on 1 September 2006
LONGEST = timedelta(days=366 * 10)


def year_choices(today: date) -> list[tuple[int, str]]:
    current = financial_year_of(today).start.year
    return [
        (year, financial_year(year).label + (" (so far)" if year == current else ""))
        for year in range(current, EARLIEST_YEAR - 1, -1)
    ]


class YearForm(forms.Form):
    year = forms.TypedChoiceField(
        coerce=int,
        label="Financial year",
        template_name="forms/select.html",
        error_messages={"invalid_choice": "Select a financial year from the list"},
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices(today)

    def period(self) -> Period:
        return financial_year(self.cleaned_data["year"])


class RangeForm(forms.Form):
    start = DateBoxesField(what="the first date", label="From", help_text="For example, 1 4 2025")
    end = DateBoxesField(what="the last date", label="To", help_text="For example, 31 3 2026")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", "The last date must be the same as or after the first date")
            elif end - start > LONGEST:
                self.add_error("end", "The period must be 10 years or shorter")
        return data

    def period(self) -> Period:
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])
