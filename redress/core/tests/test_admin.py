"""Every admin page an administrator can reach renders, case events cannot be edited there, and
the extra non-working days say which kind each is."""

import re
from datetime import date

import pytest
from django.contrib import admin
from django.urls import reverse

from redress.cases.models import CaseEvent
from redress.cases.tests.factories import UserFactory, received_case
from redress.core.models import NonWorkingDay

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


def test_the_extra_non_working_days_list_shows_and_filters_by_kind(administrator_client) -> None:
    NonWorkingDay.objects.create(
        date=date(2026, 3, 27), name="A Royal proclamation", kind=NonWorkingDay.Kind.BANK_HOLIDAY
    )
    NonWorkingDay.objects.create(
        date=date(2026, 12, 29), name="Christmas closure", kind=NonWorkingDay.Kind.COUNCIL_CLOSURE
    )
    url = reverse("admin:core_nonworkingday_changelist")

    listed = administrator_client.get(url).content.decode()
    closures = administrator_client.get(url, {"kind__exact": "council_closure"}).content.decode()

    kinds = [
        kind.split(" — ")[0] for kind in re.findall(r'<td class="field-kind">([^<]*)</td>', listed)
    ]
    assert kinds == [
        "Bank holiday proclaimed under the Banking and Financial Dealings Act 1971",
        "Council closure day",
    ]
    assert "A Royal proclamation" in listed
    assert "Christmas closure" in closures
    assert "A Royal proclamation" not in closures


def test_adding_a_day_asks_which_kind_and_explains_the_difference(administrator_client) -> None:
    url = reverse("admin:core_nonworkingday_add")

    form = administrator_client.get(url).content.decode()
    refused = administrator_client.post(url, {"date": "2026-12-29", "name": "Christmas closure"})
    added = administrator_client.post(
        url, {"date": "2026-12-29", "name": "Christmas closure", "kind": "council_closure"}
    )

    assert "moves no statutory clock" in form
    assert "not a working day under Reg 2" in form
    assert 'value="bank_holiday"' in form
    assert 'value="council_closure"' in form
    assert "checked" not in form  # neither kind is chosen for the administrator
    assert refused.status_code == 200
    assert "This field is required" in refused.content.decode()
    assert added.status_code == 302
    assert NonWorkingDay.objects.get().kind == NonWorkingDay.Kind.COUNCIL_CLOSURE
