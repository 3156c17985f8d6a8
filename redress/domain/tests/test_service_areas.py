import pytest

from redress.domain.facts import Route
from redress.domain.service_areas import (
    SERVICE_AREAS,
    ServiceArea,
    is_outside_statutory_procedure,
    procedure_for,
    service_area_key,
    service_area_label,
)


@pytest.mark.parametrize(
    ("area", "procedure"),
    [
        # Part III, Reg 3, Reg 4 and Reg 5 functions: the Children Act procedure
        (ServiceArea.CHILDREN_IN_NEED, Route.STATUTORY),
        (ServiceArea.CHILD_IN_CARE, Route.STATUTORY),
        (ServiceArea.LEAVING_CARE, Route.STATUTORY),
        (ServiceArea.DISABLED_CHILDREN, Route.STATUTORY),
        (ServiceArea.CARE_PROCEEDINGS, Route.STATUTORY),
        (ServiceArea.ADOPTION_SUPPORT, Route.STATUTORY),
        (ServiceArea.SPECIAL_GUARDIANSHIP, Route.STATUTORY),
        (ServiceArea.FOSTER_CARER_SUPPORT, Route.STATUTORY),
        # domain.md §3.1: typically excluded, so the corporate procedure
        (ServiceArea.EARLY_HELP, Route.CORPORATE),
        (ServiceArea.CHILD_PROTECTION, Route.CORPORATE),
        (ServiceArea.CARER_ASSESSMENT, Route.CORPORATE),
        (ServiceArea.COURT_REPORT, Route.CORPORATE),
        (ServiceArea.EDUCATION, Route.CORPORATE),
        # the complaints team decides
        (ServiceArea.NOT_SURE, Route.UNDECIDED),
    ],
)
def test_each_service_area_names_the_procedure_its_complaints_go_through(area, procedure):
    assert procedure_for(area) is procedure
    assert is_outside_statutory_procedure(area) is (procedure is Route.CORPORATE)


def test_every_service_area_has_exactly_one_rule_with_a_label():
    assert list(SERVICE_AREAS) == list(ServiceArea)
    assert all(rule.area is area for area, rule in SERVICE_AREAS.items())
    assert all(rule.label.strip() for rule in SERVICE_AREAS.values())


def test_areas_touching_a_court_say_the_procedure_cannot_change_a_court_decision():
    for area in (ServiceArea.CARE_PROCEEDINGS, ServiceArea.COURT_REPORT):
        assert "cannot change" in SERVICE_AREAS[area].note


def test_areas_with_their_own_challenge_route_tell_the_complainant_about_it():
    assert "child protection conference" in SERVICE_AREAS[ServiceArea.CHILD_PROTECTION].note
    assert "Independent Review Mechanism" in SERVICE_AREAS[ServiceArea.CARER_ASSESSMENT].note


def test_service_area_values_fit_the_case_record():
    assert max(len(area.value) for area in ServiceArea) <= 60


@pytest.mark.parametrize(
    ("stored", "key"),
    [
        ("child_in_care", ServiceArea.CHILD_IN_CARE),
        ("A child in care", ServiceArea.CHILD_IN_CARE),
        ("  a CHILD in   care ", ServiceArea.CHILD_IN_CARE),
        ("Children looked after and permanence", None),
        ("", None),
    ],
)
def test_a_stored_key_or_label_names_its_service_area(stored: str, key: ServiceArea | None) -> None:
    assert service_area_key(stored) is key


def test_a_service_area_is_shown_by_its_label() -> None:
    assert service_area_label("education") == SERVICE_AREAS[ServiceArea.EDUCATION].label
    assert service_area_label("") == "Not recorded"
    assert service_area_label("Something the migration could not map") == (
        "Something the migration could not map"
    )
