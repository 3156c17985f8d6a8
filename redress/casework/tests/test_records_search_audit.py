"""Record forms, search and the audit log."""

import csv
import io
from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from redress.cases.services import case_assign
from redress.cases.tests.factories import received_case, staff
from redress.casework.tests.conftest import sign_in_as
from redress.domain.roles import Role

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 20)


def record_url(case, record: str, key: object = None) -> str:
    if key is None:
        return reverse("casework:record", args=[case.reference, record])
    return reverse("casework:record_about", args=[case.reference, record, key])


@time_machine.travel(TODAY, tick=False)
def test_a_note_is_added_and_shown_on_the_case_and_its_timeline() -> None:
    case = received_case(date(2026, 3, 18))
    client = sign_in_as(Client(), staff(Role.COMPLAINTS_OFFICER))

    response = client.post(record_url(case, "note"), {"text": "Rang Sam: wants a meeting"})

    assert response.status_code == 302
    page = client.get(reverse("casework:case", args=[case.reference]))
    assert "Rang Sam: wants a meeting" in page.text
    assert "Note added" in page.text


@time_machine.travel(TODAY, tick=False)
def test_reassigning_a_case_someone_else_just_assigned_keeps_the_choice_and_says_so() -> None:
    case = received_case(date(2026, 3, 18))
    first, second = staff(Role.COMPLAINTS_OFFICER), staff(Role.COMPLAINTS_OFFICER)
    client = sign_in_as(Client(), second)
    client.get(record_url(case, "assign"))
    case_assign(case_id=case.pk, assigned_to=first, team_id=None, by=first, on=TODAY)

    response = client.post(
        record_url(case, "assign"), {"assigned_to": str(second.pk), "team": "", "seen_assignee": ""}
    )

    assert response.status_code == 200
    assert "Someone else has just updated case" in response.text
    assert f'<option value="{second.pk}" selected' in response.text
    case.refresh_from_db()
    assert case.assigned_to == first


@time_machine.travel(TODAY, tick=False)
def test_linking_needs_the_reference_of_another_case() -> None:
    case, other = received_case(date(2026, 3, 18)), received_case(date(2026, 3, 18))
    client = sign_in_as(Client(), staff(Role.COMPLAINTS_OFFICER))

    bad = client.post(record_url(case, "link"), {"reference": "CSC-1999-00001"})
    good = client.post(record_url(case, "link"), {"reference": other.reference.lower()})

    assert "Enter the reference of another case you can see" in bad.text
    assert good.status_code == 302
    assert list(case.linked_cases.all()) == [other]


@time_machine.travel(TODAY, tick=False)
def test_accepting_a_late_complaint_needs_both_limbs_of_the_test() -> None:
    case = received_case(date(2026, 3, 18), grounds_arose_on=date(2024, 1, 1))
    client = sign_in_as(Client(), staff(Role.COMPLAINTS_MANAGER))

    response = client.post(
        record_url(case, "time-limit"),
        {
            "discretion": "accept",
            "not_reasonable_to_expect": "In hospital",
            "still_possible_to_consider": "",
        },
    )

    assert "Enter why it is still possible to consider the complaint" in response.text
    case.refresh_from_db()
    assert case.late_discretion == ""


@time_machine.travel(TODAY, tick=False)
def test_search_finds_by_words_reference_and_name_and_is_closed_to_external_people() -> None:
    case = received_case(date(2026, 3, 18))
    client = sign_in_as(Client(), staff(Role.COMPLAINTS_OFFICER))

    by_words = client.get(reverse("casework:search"), {"q": "contact arrangements"})
    by_reference = client.get(reverse("casework:search"), {"q": case.reference})
    by_name = client.get(reverse("casework:search"), {"q": "Sam Parent"})
    nothing = client.get(reverse("casework:search"), {"q": "zebra crossing"})
    empty = client.get(reverse("casework:search"), {"q": " "})

    for response in (by_words, by_reference, by_name):
        assert case.reference in response.text
    assert "0 cases found" in nothing.text
    assert "<title>Error: " in empty.text


@time_machine.travel(TODAY, tick=False)
def test_the_auditor_exports_every_change_and_every_view() -> None:
    case = received_case(date(2026, 3, 18))
    officer = sign_in_as(Client(), staff(Role.COMPLAINTS_OFFICER))
    officer.get(reverse("casework:case", args=[case.reference]))
    auditor = sign_in_as(Client(), staff(Role.AUDITOR))

    response = auditor.get(reverse("casework:audit_export"))

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["case"], r["kind"], r["what"]) for r in rows] == [
        (case.reference, "change", "receive"),
        (case.reference, "view", "viewed"),
    ]
    assert auditor.get(reverse("casework:audit")).status_code == 200
    assert officer.get(reverse("casework:audit_export")).status_code == 403
