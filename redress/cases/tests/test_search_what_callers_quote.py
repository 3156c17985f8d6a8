"""Finding a case by what a caller quotes (issue 13 item 9, ADR 0017): part of a reference, a
phone number however spaced, an email or part of one, a postcode, a date of birth typed day first,
and names by trigram similarity on PostgreSQL (every word of the name on SQLite)."""

from datetime import date

import pytest
from django.db import connection

from redress.accounts.models import Appointment
from redress.cases.models import Case, CasePerson
from redress.cases.selectors import (
    _people_matching_contact_details,
    compact_postcode,
    date_typed,
    national_number,
    search_cases,
)
from redress.cases.tests.factories import independent, received_case, staff
from redress.domain.roles import Role

pytestmark = pytest.mark.django_db

TODAY = date(2026, 4, 1)
POSTGRESQL = "postgresql"


def _two_cases() -> dict[str, str]:
    """Case A (John Smith, a child born 3 April 2015), case B (Robin Okafor, one born 4 March)."""
    a, b = received_case(), received_case()
    Case.objects.filter(pk=a.pk).update(reference="CSC-2026-00287")
    Case.objects.filter(pk=b.pk).update(reference="CSC-2026-00288")
    a.people.update(
        name="John Smith",
        phone="07700 900123",
        email="John.Smith@Example.org",
        postal_address="1 High Street\nLondon\nSW1A 1AA",
    )
    b.people.update(
        name="Robin Okafor",
        phone="+44 7700 900456",
        email="robin@council.example",
        postal_address="2 Low Road, Leeds LS1 4AP",
    )
    CasePerson.objects.create(
        case=a, role="child", name="Amy Smith", date_of_birth=date(2015, 4, 3)
    )
    CasePerson.objects.create(
        case=b, role="child", name="Kit Okafor", date_of_birth=date(2015, 3, 4)
    )
    return {"A": "CSC-2026-00287", "B": "CSC-2026-00288"}


def _found(text: str, user: object = None) -> list[str]:
    user = user or staff()
    return list(search_cases(user, text, today=TODAY).values_list("reference", flat=True))  # type: ignore[arg-type]


# (what is typed, the cases it finds: on both databases, or {vendor: cases} where they differ)
QUOTED: list[tuple[str, object]] = [
    # part of a reference, anywhere in it, in any case
    ("00287", "A"),
    ("2026-00287", "A"),
    ("csc-2026-00287", "A"),
    ("csc-2026", "AB"),
    ("00289", ""),
    # a phone number however spaced or punctuated, with +44 or 0
    ("07700900123", "A"),
    ("07700 900123", "A"),
    ("+44 7700 900 123", "A"),
    ("(07700)900123", "A"),
    ("0044 7700 900123", "A"),
    ("+44 (0)7700 900123", "A"),
    ("07700-900-456", "B"),  # stored as +44 7700 900456
    ("07700 900124", ""),  # another person's number
    ("900123", ""),  # a part of a number is not a number
    # an email or part of one, in any case
    ("john.smith@example.org", "A"),
    ("JOHN.SMITH@EXAMPLE.ORG", "A"),
    ("example.org", "A"),
    ("council.example", "B"),
    ("nobody@example.org", ""),
    # a postcode however spaced or cased, within the address
    ("SW1A 1AA", "A"),
    ("sw1a1aa", "A"),
    ("Sw1a  1aA", "A"),
    ("ls1 4ap", "B"),
    ("SW1A 2AA", ""),
    # a date of birth, day first
    ("3/4/2015", "A"),
    ("03/04/2015", "A"),
    ("3 4 2015", "A"),
    ("3-4-2015", "A"),
    ("2015-04-03", "A"),
    ("3 April 2015", "A"),
    ("3rd Apr 2015", "A"),
    ("4/3/2015", "B"),
    ("3/4", ""),  # ambiguous: no year
    ("April 2015", ""),
    ("3/4/15", ""),  # a two-digit year
    ("31/02/2015", ""),  # no such date
    # names
    ("John Smith", "A"),
    ("smith", "A"),
    ("Smith John", "A"),
    ("okafor", "B"),
    ("Jon Smyth", {POSTGRESQL: "A", "sqlite": ""}),  # trigram similarity on PostgreSQL only
    ("Jane Doe", ""),
]


@pytest.mark.parametrize(("text", "expected"), QUOTED, ids=[text for text, _ in QUOTED])
def test_what_a_caller_quotes_finds_their_case_and_no_other(text: str, expected: object) -> None:
    references = _two_cases()
    if isinstance(expected, dict):
        expected = expected[connection.vendor]
    assert set(_found(text)) == {references[key] for key in str(expected)}


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("07700 900123", "7700900123"),
        ("+44 7700 900 123", "7700900123"),
        ("+44 (0)7700 900123", "7700900123"),
        ("0044 7700 900123", "7700900123"),
        ("020 7946 0000", "2079460000"),
        ("44 7700 900123", "447700900123"),  # no + : not a country code
        ("900123", None),
        ("3 4 2015", None),
        ("07700 9001a3", None),
    ],
)
def test_a_phone_number_is_its_digits_after_the_country_code_or_trunk_0(
    text: str, number: str | None
) -> None:
    assert national_number(text) == number


@pytest.mark.parametrize(
    ("text", "postcode"),
    [("sw1a 1aa", "SW1A1AA"), ("M1 1AE", "M11AE"), ("B33 8TH", "B338TH"), ("SW1A", None)],
)
def test_a_postcode_is_compacted_in_capitals(text: str, postcode: str | None) -> None:
    assert compact_postcode(text) == postcode


@pytest.mark.parametrize(
    ("text", "born_on"),
    [
        ("3/4/2015", date(2015, 4, 3)),
        ("03.04.2015", date(2015, 4, 3)),
        ("2015-4-3", date(2015, 4, 3)),
        ("3 September 2015", date(2015, 9, 3)),
        ("3 Sept 2015", date(2015, 9, 3)),
        ("3 Smarch 2015", None),
        ("13/13/2015", None),
        ("3/4", None),
    ],
)
def test_a_date_is_read_day_first_and_only_whole(text: str, born_on: date | None) -> None:
    assert date_typed(text) == born_on


def test_what_a_caller_quotes_finds_only_the_cases_an_external_person_is_appointed_to() -> None:
    references = _two_cases()
    person = independent()
    theirs = Case.objects.get(reference=references["B"])
    Appointment.objects.create(
        case=theirs, person=person, role=Role.INDEPENDENT_PERSON, starts_on=date(2026, 3, 20)
    )
    for text in ("07700 900123", "SW1A 1AA", "3/4/2015", "example.org", "00287", "John Smith"):
        assert _found(text, person) == [], text
    for text in ("07700 900456", "LS1 4AP", "4/3/2015", "council.example", "00288", "Okafor"):
        assert _found(text, person) == [references["B"]], text


def test_names_are_ranked_by_how_like_the_text_they_are() -> None:
    closest, other = received_case(), received_case()
    closest.people.update(name="John Smith")
    other.people.update(name="John Smithers")  # received later: first, if not ranked
    found = _found("John Smith")
    if connection.vendor == POSTGRESQL:
        assert found == [closest.reference, other.reference]
    else:  # SQLite has no similarity to rank by: both words are in both names
        assert sorted(found) == sorted([closest.reference, other.reference])


# Each match and the index that serves it on PostgreSQL (migrations 0010 and 0013).
INDEX_OF_MATCH = [
    ("07700 900123", "caseperson_phone_digits_trgm"),
    ("example.org", "caseperson_email_trgm"),
    ("SW1A 1AA", "caseperson_postcode_trgm"),
    ("3/4/2015", "caseperson_date_of_birth"),
]


@pytest.mark.parametrize(("text", "index"), INDEX_OF_MATCH, ids=[i for _, i in INDEX_OF_MATCH])
def test_each_contact_detail_is_read_from_its_own_index_on_postgresql(
    text: str, index: str
) -> None:
    if connection.vendor != POSTGRESQL:
        with connection.cursor() as cursor:
            assert index not in connection.introspection.get_constraints(cursor, "cases_caseperson")
        return
    _two_cases()
    plans = [_plan(match.values("case_id")) for match in _people_matching_contact_details(text)]
    assert any(index in plan for plan in plans), plans


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("00287", "case_reference_trgm"),
        ("Jon Smyth", "caseperson_name_trgm"),
        *INDEX_OF_MATCH,
    ],
)
def test_the_whole_search_reads_each_match_from_an_index(text: str, index: str) -> None:
    if connection.vendor != POSTGRESQL:  # SQLite: no such index; the search reads the tables
        table = "cases_case" if index.startswith("case_") else "cases_caseperson"
        with connection.cursor() as cursor:
            assert index not in connection.introspection.get_constraints(cursor, table)
        return
    _two_cases()
    plan = _plan(search_cases(staff(), text, today=TODAY))
    assert index in plan, plan
    assert "Seq Scan on cases_caseperson" not in plan, plan


def _plan(query: object) -> str:
    sql, params = query.query.sql_with_params()  # type: ignore[attr-defined]
    with connection.cursor() as cursor:
        # A test table is tiny: without this PostgreSQL would rightly read it all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(str(row[0]) for row in cursor.fetchall())
