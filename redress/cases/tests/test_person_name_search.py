"""Finding a case by part of a person's name, and the trigram index that serves it on PostgreSQL
(migration 0010, docs/adr/0015-trigram-name-search.md). SQLite has no such index: there the same
tests show that the name match reads the whole table, as the ADR says."""

import re
from datetime import date

import pytest
from django.db import connection

from redress.accounts.models import Appointment
from redress.cases.models import CasePerson
from redress.cases.selectors import search_cases
from redress.cases.tests.factories import independent, received_case, staff
from redress.domain.roles import Role

pytestmark = pytest.mark.django_db

TODAY = date(2026, 4, 1)
INDEX = "caseperson_name_trgm"
# What the plan of a name match shows, by database: the index, or a read of the whole people
# table (SQLite names it, or its alias U0 inside the search's sub-query), using no index.
PLAN_READS = {
    "postgresql": re.compile(INDEX),
    "sqlite": re.compile(r"SCAN (cases_caseperson|U0)$", re.M),
}
EXPLAIN = {"postgresql": "EXPLAIN", "sqlite": "EXPLAIN QUERY PLAN"}


def _found(text: str, user: object = None) -> set[str]:
    user = user or staff()
    return set(search_cases(user, text, today=TODAY).values_list("reference", flat=True))  # type: ignore[arg-type]


def test_part_of_a_name_in_any_case_finds_the_case_and_no_other() -> None:
    sam = received_case()
    other = received_case()
    other.people.update(name="Robin Okafor")

    for text in ("Sam Parent", "parent", "AM PAR", "  Parent  "):
        assert _found(text) == {sam.reference}, text
    assert _found("okaf") == {other.reference}
    # Every word, in any order (SQLite), or by trigram similarity (PostgreSQL): ADR 0017.
    assert _found("Parent Sam") == {sam.reference}
    assert _found("Jane Doe") == set()


def test_a_short_part_of_a_name_still_finds_the_case() -> None:
    sam = received_case()  # two letters are too few for trigrams: matched all the same
    assert _found("Pa") == {sam.reference}


def test_a_reference_in_any_case_and_its_start_find_the_case() -> None:
    case = received_case()
    assert _found(case.reference.lower()) == {case.reference}
    assert _found(case.reference[:-1]) == {case.reference}


def test_search_by_name_finds_only_the_cases_an_external_person_is_appointed_to() -> None:
    theirs, not_theirs = received_case(), received_case()
    person = independent()
    Appointment.objects.create(
        case=theirs, person=person, role=Role.INDEPENDENT_PERSON, starts_on=date(2026, 3, 20)
    )
    assert _found("Parent", person) == {theirs.reference}
    assert not_theirs.reference in _found("Parent")


def test_the_trigram_index_is_on_the_expression_the_name_match_uses_on_postgresql_only() -> None:
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "cases_caseperson")
        if connection.vendor != "postgresql":
            assert INDEX not in indexes
            return
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() == (1,)
        cursor.execute(
            "SELECT indexdef FROM pg_indexes"
            " WHERE tablename = 'cases_caseperson' AND indexname = %s",
            [INDEX],
        )
        (definition,) = cursor.fetchone()
    assert "USING gin (upper((name)::text) gin_trgm_ops)" in definition


@pytest.mark.parametrize(
    "query",
    [
        lambda: CasePerson.objects.filter(name__icontains="Parent").order_by().values("case_id"),
        lambda: search_cases(staff(), "Sam Parent", today=TODAY),
    ],
    ids=["person sub-query", "whole search"],
)
def test_the_name_match_reads_the_trigram_index_where_there_is_one(query: object) -> None:
    received_case()
    sql, params = query().query.sql_with_params()  # type: ignore[operator]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test table is tiny: without this PostgreSQL would rightly read it all.
            cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"{EXPLAIN[connection.vendor]} {sql}", params)
        plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
    assert PLAN_READS[connection.vendor].search(plan), plan
