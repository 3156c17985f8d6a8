"""Report periods: the financial year (1 April to 31 March, domain.md §5.1), quarters, or any range.

Every period is inclusive of both its dates.
"""

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")

    @property
    def label(self) -> str:
        if self.is_financial_year:
            return f"{self.start.year}/{(self.start.year + 1) % 100:02d}"
        return f"{_long(self.start)} to {_long(self.end)}"

    @property
    def long_label(self) -> str:
        if self.is_financial_year:
            return f"1 April {self.start.year} to 31 March {self.start.year + 1}"
        return self.label

    @property
    def is_financial_year(self) -> bool:
        return self == financial_year(self.start.year)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> "Period":
        """The period of the same length just before this one (the year before, for a year)."""
        if self.is_financial_year:
            return financial_year(self.start.year - 1)
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def slug(self) -> str:
        return f"{self.start.isoformat()}_{self.end.isoformat()}"


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def financial_year(starting: int) -> Period:
    return Period(date(starting, 4, 1), date(starting + 1, 3, 31))


def financial_year_of(day: date) -> Period:
    return financial_year(day.year if day.month >= 4 else day.year - 1)


def last_complete_financial_year(today: date) -> Period:
    return financial_year_of(today).previous()


def trend_years(period: Period, count: int) -> list[Period]:
    """`count` financial years, oldest first, ending with the one the period ends in."""
    last = financial_year_of(period.end).start.year
    return [financial_year(year) for year in range(last - count + 1, last + 1)]


def quarter_of(day: date) -> Period:
    """The quarter containing `day`. Financial-year quarters (April to June, July to September,
    October to December, January to March) are calendar quarters."""
    first_month = (day.month - 1) // 3 * 3 + 1
    start = date(day.year, first_month, 1)
    next_start = (
        date(day.year + 1, 1, 1) if first_month == 10 else date(day.year, first_month + 3, 1)
    )
    return Period(start, next_start - timedelta(days=1))
