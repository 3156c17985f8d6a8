"""Complaints and other contacts received in a period, by what they were and who made them
(domain.md §5.2 tables 5, 6, 7, 8, 9, 15).

"Received in the period" is the case's (deemed) receipt date. A complaint is a case routed to the
statutory or the corporate procedure; the other routes are contacts handled another way.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet

from redress.cases.models import Case, CasePerson, ComplaintPoint, PersonRole
from redress.domain.facts import Route
from redress.reports.periods import Period
from redress.reports.queries.scope import scoped

COMPLAINT_ROUTES = (str(Route.STATUTORY), str(Route.CORPORATE))
# Complainant types that are the child or young person themselves (domain.md §1.1).
CHILD_TYPES = ("child", "care_leaver", "sgo_child")


def received(cases: QuerySet[Case], period: Period) -> QuerySet[Case]:
    return cases.filter(received_on__range=(period.start, period.end))


def counts_by(queryset: QuerySet[Any], *fields: str) -> dict[tuple[Any, ...], int]:
    rows = queryset.values(*fields).annotate(n=Count("pk")).order_by()
    return {tuple(row[f] for f in fields): row["n"] for row in rows}


@dataclass(frozen=True)
class Received:
    """Everything received in a period, counted once by every combination of what the tables
    break it down by; each table adds up the combinations it needs."""

    groups: dict[tuple[str, str, str, bool, bool], int]  # route, area, channel, offered, involved

    def total(self, **wanted: object) -> int:
        names = ("route", "service_area", "channel", "advocacy_offered", "advocate_involved")
        return sum(
            n
            for key, n in self.groups.items()
            if all(key[names.index(name)] in _many(value) for name, value in wanted.items())
        )

    def values(self, field: str) -> set[str]:
        names = ("route", "service_area", "channel")
        return {key[names.index(field)] for key in self.groups}


def _many(value: object) -> tuple[object, ...]:
    return tuple(value) if isinstance(value, list | tuple | set) else (value,)


def received_groups(cases: QuerySet[Case], period: Period) -> Received:
    fields = ("route", "service_area", "channel", "advocacy_offered", "advocate_involved")
    return Received(counts_by(received(cases, period), *fields))  # type: ignore[arg-type]


def complainants(cases: QuerySet[Case], period: Period) -> dict[tuple[str, bool], int]:
    """(complainant type, an advocate involved) -> complainants on complaints received."""
    people = CasePerson.objects.filter(
        role=PersonRole.COMPLAINANT,
        case__received_on__range=(period.start, period.end),
        case__route__in=COMPLAINT_ROUTES,
    )
    return counts_by(scoped(people, cases), "complainant_type", "case__advocate_involved")  # type: ignore[return-value]


def themes_raised(cases: QuerySet[Case], period: Period) -> dict[str, int]:
    """theme -> points of the complaints received in the period."""
    points = ComplaintPoint.objects.filter(
        case__received_on__range=(period.start, period.end),
        case__route__in=COMPLAINT_ROUTES,
    )
    return {theme: n for (theme,), n in counts_by(scoped(points, cases), "theme").items()}


def in_order(found: dict[str, Any], known: Sequence[str]) -> list[str]:
    """The known keys in their order, then any others found, alphabetically (blank last)."""
    others = sorted(k for k in found if k not in known and k)
    return [*known, *others, *([""] if "" in found and "" not in known else [])]
