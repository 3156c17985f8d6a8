"""Complaints and other contacts received in a period, by what they were and who made them
(domain.md §5.2 tables 5, 6, 7, 8, 9, 15).

"Received in the period" is the case's (deemed) receipt date. A complaint is a case routed to the
statutory or the corporate procedure; the other routes are contacts handled another way.
"""

from collections.abc import Sequence
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from redress.cases.models import Case, CasePerson, ComplaintPoint, PersonRole, PointFinding
from redress.domain.facts import Route
from redress.domain.findings import Finding
from redress.reports.periods import Period
from redress.reports.queries.scope import scoped

COMPLAINT_ROUTES = (str(Route.STATUTORY), str(Route.CORPORATE))
# Complainant types that are the child or young person themselves (domain.md §1.1).
CHILD_TYPES = ("child", "care_leaver", "sgo_child")


def received(cases: QuerySet[Case], period: Period) -> QuerySet[Case]:
    return cases.filter(received_on__range=(period.start, period.end))


def complaints(cases: QuerySet[Case], period: Period) -> QuerySet[Case]:
    return received(cases, period).filter(route__in=COMPLAINT_ROUTES)


def counts_by(queryset: QuerySet[Any], *fields: str) -> dict[tuple[str, ...], int]:
    rows = queryset.values(*fields).annotate(n=Count("pk")).order_by()
    return {tuple(row[f] for f in fields): row["n"] for row in rows}


def contacts_by_route(cases: QuerySet[Case], period: Period) -> dict[str, int]:
    return {route: n for (route,), n in counts_by(received(cases, period), "route").items()}


def complaints_by(
    cases: QuerySet[Case], period: Period, *fields: str
) -> dict[tuple[str, ...], int]:
    return counts_by(complaints(cases, period), *fields)


def compliments_by_area(cases: QuerySet[Case], period: Period) -> dict[str, int]:
    found = counts_by(received(cases, period).filter(route=Route.COMPLIMENT), "service_area")
    return {area: n for (area,), n in found.items()}


def complainants_by_type(cases: QuerySet[Case], period: Period) -> dict[str, int]:
    people = CasePerson.objects.filter(
        role=PersonRole.COMPLAINANT,
        case__received_on__range=(period.start, period.end),
        case__route__in=COMPLAINT_ROUTES,
    )
    found = counts_by(scoped(people, cases), "complainant_type")
    return {kind: n for (kind,), n in found.items()}


def advocacy(cases: QuerySet[Case], period: Period) -> dict[str, int]:
    by_child = Exists(
        CasePerson.objects.filter(
            case=OuterRef("pk"), role=PersonRole.COMPLAINANT, complainant_type__in=CHILD_TYPES
        )
    )
    return complaints(cases, period).aggregate(
        offered=Count("pk", filter=Q(advocacy_offered=True)),
        involved=Count("pk", filter=Q(advocate_involved=True)),
        from_children=Count("pk", filter=Q(by_child)),
        children_with_advocate=Count("pk", filter=Q(by_child) & Q(advocate_involved=True)),
    )


def themes(cases: QuerySet[Case], period: Period) -> dict[str, tuple[int, int]]:
    """theme -> (points raised, points upheld or partly upheld at any stage)."""
    found_fault = Exists(
        PointFinding.objects.filter(
            point=OuterRef("pk"), finding__in=[Finding.UPHELD, Finding.PARTIALLY_UPHELD]
        )
    )
    points = ComplaintPoint.objects.filter(
        case__received_on__range=(period.start, period.end),
        case__route__in=COMPLAINT_ROUTES,
    )
    rows = (
        scoped(points, cases)
        .values("theme")
        .annotate(points=Count("pk"), upheld=Count("pk", filter=Q(found_fault)))
        .order_by()
    )
    return {row["theme"]: (row["points"], row["upheld"]) for row in rows}


def in_order(found: dict[str, Any], known: Sequence[str]) -> list[str]:
    """The known keys in their order, then any others found, alphabetically (blank last)."""
    others = sorted(k for k in found if k not in known and k)
    return [*known, *others, *([""] if "" in found and "" not in known else [])]
