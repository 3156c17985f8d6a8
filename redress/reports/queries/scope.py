"""Scoping a report's queries to the cases its reader may see, and the transaction they run in."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection, transaction
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


@contextmanager
def reporting_transaction() -> Iterator[None]:
    """One read transaction for the whole report, so every table sees the same data. On
    PostgreSQL its aggregates get room to hash in memory, and no JIT compilation: for queries
    that run once and take a fraction of a second, compiling costs more than it saves."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
                cursor.execute("SET LOCAL work_mem = '64MB'")
        yield
