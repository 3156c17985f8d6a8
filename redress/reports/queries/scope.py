"""Scoping a report's queries to the cases its reader may see."""

from typing import Any

from django.db.models import QuerySet

from redress.cases.models import Case


def scoped(queryset: QuerySet[Any], cases: QuerySet[Case], path: str = "case") -> QuerySet[Any]:
    """`queryset` limited to rows of the visible `cases`.

    Council staff see every case, so their scope has no filter and costs nothing; any narrower
    scope is applied as a semi-join.
    """
    if not cases.query.has_filters():
        return queryset
    return queryset.filter(**{f"{path}__in": cases.values("pk")})
