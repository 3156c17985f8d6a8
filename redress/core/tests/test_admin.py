"""Every admin page an administrator can reach renders, and case events cannot be edited there."""

import pytest
from django.contrib import admin
from django.urls import reverse

from redress.cases.models import CaseEvent
from redress.cases.tests.factories import UserFactory, received_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize(
    "model", list(admin.site._registry), ids=lambda m: f"{m._meta.app_label}.{m._meta.model_name}"
)
def test_every_admin_list_renders(administrator_client, model) -> None:
    received_case()
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert administrator_client.get(url).status_code == 200


def test_a_case_page_in_the_admin_shows_its_clocks_and_events(administrator_client) -> None:
    case = received_case()
    response = administrator_client.get(reverse("admin:cases_case_change", args=[case.pk]))
    assert response.status_code == 200
    assert case.reference.encode() in response.content
    assert b"receive" in response.content


def test_case_events_cannot_be_added_or_changed_in_the_admin(administrator_client) -> None:
    event = received_case().events.get()
    assert administrator_client.get(reverse("admin:cases_caseevent_add")).status_code == 403
    response = administrator_client.post(
        reverse("admin:cases_caseevent_change", args=[event.pk]), {"action": "tampered"}
    )
    assert response.status_code == 403
    assert CaseEvent.objects.get(pk=event.pk).action == "receive"
