"""Migration 0014: every case's service area is stored as its reporting area's key."""

import importlib

import pytest
from django.apps import apps

from redress.cases.models import Case
from redress.cases.tests.factories import received_case

migration = importlib.import_module("redress.cases.migrations.0014_service_areas_stored_as_keys")
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("stored", "key"),
    [
        ("A child in care", "child_in_care"),  # a label, as an older form stored it
        ("  a child IN care", "child_in_care"),
        ("Fostering", "foster_carer_support"),  # an earlier demo's service name
        ("Education and SEND", "education"),
        ("education", "education"),  # already a key
        ("", ""),
        ("Highways", "Highways"),  # names no area: left as stored
    ],
)
def test_a_stored_label_or_service_name_becomes_its_key(stored: str, key: str) -> None:
    case = received_case()
    Case.objects.filter(pk=case.pk).update(service_area=stored)

    migration.store_keys(apps, None)

    case.refresh_from_db()
    assert case.service_area == key
