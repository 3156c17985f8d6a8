"""A late request for the next stage reaches a manager: in the triage inbox and on the case page."""

import re
from datetime import date
from html import unescape

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from redress.cases.services import case_take_action
from redress.cases.tests.factories import staff
from redress.casework.tests.conftest import sign_in_as
from redress.domain.facts import ActionRequest, Discretion
from redress.domain.roles import Role
from redress.domain.workflow import Action, Stage
from redress.intake import services
from redress.intake.tests.builders import responded_case

pytestmark = pytest.mark.django_db


def test_a_late_request_waits_in_the_inbox_and_on_the_case_until_a_manager_decides(
    client: Client,
) -> None:
    case = responded_case(date(2025, 7, 1))
    services.next_stage_request(
        case_id=case.pk, expected_stage=Stage(case.stage), reason="The response missed the point",
        why_now="I was in hospital until August", on=date(2025, 8, 11),
    )  # fmt: skip
    manager = staff(Role.COMPLAINTS_MANAGER)
    sign_in_as(client, manager)

    with time_machine.travel(date(2025, 8, 12)):
        inbox = unescape(client.get(reverse("triage:inbox")).text)
        page = unescape(client.get(reverse("casework:case", args=[case.reference])).text)

    late_section = inbox[inbox.index('id="late-requests"') : inbox.index('id="unreadable"')]
    assert case.reference in late_section
    assert "I was in hospital until August" in late_section
    assert "Late request awaiting a decision" in page
    assert "after the window closed on 29 July 2025" in page

    # The manager's action form is dated the day the complainant asked.
    with time_machine.travel(date(2025, 8, 12)):
        form = unescape(
            client.get(reverse("casework:action", args=[case.reference, "request_stage2"])).text
        )
    assert "The complainant asked on 11 August 2025" in form
    boxes = dict(re.findall(r'name="on_(day|month|year)"[^>]*value="(\d+)"', form))
    assert boxes == {"day": "11", "month": "8", "year": "2025"}

    # Accepted, dated the day it was asked: it leaves the queue and the banner goes.
    case_take_action(
        case_id=case.pk, action=Action.REQUEST_STAGE2, by=manager,
        request=ActionRequest(on=date(2025, 8, 11), discretion=Discretion.ACCEPT,
                              reason="Hospital stay: not reasonable to expect it in time"),
    )  # fmt: skip
    with time_machine.travel(date(2025, 8, 12)):
        inbox = unescape(client.get(reverse("triage:inbox")).text)
        page = unescape(client.get(reverse("casework:case", args=[case.reference])).text)
    late_section = inbox[inbox.index('id="late-requests"') : inbox.index('id="unreadable"')]
    assert case.reference not in late_section
    assert "Late request awaiting a decision" not in page
