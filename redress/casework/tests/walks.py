"""Cases walked through the real services to the stage an action form test starts from, and the
helpers those tests post and read forms with."""

import html
import re
from datetime import date
from typing import Any

from django.test import Client
from django.urls import reverse

from redress.cases.models import Case
from redress.cases.services import case_take_action, point_record_finding
from redress.cases.tests.factories import independent, received_case
from redress.domain.facts import ActionRequest
from redress.domain.findings import Finding, FindingStage
from redress.domain.roles import Role
from redress.domain.workflow import Action

TODAY = date(2026, 3, 20)  # a Friday
RECEIVED = date(2026, 2, 2)


def take(case: Case, action: Action, on: date, **request: Any) -> Case:
    """A step taken by Redress itself (no person: no role check)."""
    return case_take_action(
        case_id=case.pk, action=action, request=ActionRequest(on=on, **request), by=None
    )


def find(case: Case, stage: FindingStage, on: date, rationale: str = "Records checked") -> None:
    for point in case.points.all():
        point_record_finding(
            point_id=point.pk,
            stage=stage,
            finding=Finding.PARTIALLY_UPHELD,
            rationale=rationale,
            by=None,
            on=on,
        )


def at_stage1(received_on: date = RECEIVED, **kwargs: Any) -> Case:
    case = received_case(received_on, **kwargs)
    return take(case, Action.ACCEPT_STATUTORY, received_on)


def responded(on: date, received_on: date = RECEIVED) -> Case:
    case = at_stage1(received_on)
    find(case, FindingStage.STAGE1, received_on)
    return take(case, Action.RESPOND_STAGE1, on)


def reports_received() -> Case:
    """Stage 2 investigated (findings on every point) and the reports in, on 20 February."""
    case = responded(date(2026, 2, 9))
    take(case, Action.REQUEST_STAGE2, date(2026, 2, 10))
    take(
        case,
        Action.APPOINT_INVESTIGATORS,
        date(2026, 2, 10),
        investigating_officer=independent(Role.INVESTIGATING_OFFICER).as_person(),
        independent_person=independent().as_person(),
    )
    take(case, Action.AGREE_STATEMENT, date(2026, 2, 13))
    take(case, Action.START_INVESTIGATION, date(2026, 2, 13))
    find(case, FindingStage.STAGE2_INVESTIGATION, date(2026, 2, 19), "Visits were cancelled")
    return take(case, Action.RECEIVE_REPORTS, date(2026, 2, 20))


def stage3_requested() -> Case:
    """Adjudicated on 2 March; the review panel asked for on 3 March."""
    case = reports_received()
    find(case, FindingStage.STAGE2_ADJUDICATION, date(2026, 3, 2))
    take(case, Action.ADJUDICATE, date(2026, 3, 2))
    return take(case, Action.REQUEST_STAGE3, date(2026, 3, 3))


# -- posting forms and reading the answer -------------------------------------------------------


def action_url(case: Case, action: Action) -> str:
    return reverse("casework:action", args=[case.reference, action.value])


def boxes(name: str, day: date) -> dict[str, str]:
    return {
        f"{name}_day": str(day.day),
        f"{name}_month": str(day.month),
        f"{name}_year": str(day.year),
    }


def post(client: Client, case: Case, action: Action, on: date = TODAY, **fields: Any) -> Any:
    case.refresh_from_db()
    data = {"expected_stage": case.stage, **boxes("on", on)}
    for name, value in fields.items():
        data.update(boxes(name, value) if isinstance(value, date) else {name: value})
    return client.post(action_url(case, action), data)


def error_beside(response: Any, field: str) -> str:
    """The error message shown beside `field`, or "" if there is none."""
    found = re.search(rf'<p id="id_{field}-error"[^>]*>(.*?)</p>', response.text, re.DOTALL)
    if not found:
        return ""
    text = re.sub(r"<[^>]+>", "", found.group(1))
    return " ".join(html.unescape(text).replace("Error:", "").split())


def findings_for(
    case: Case, finding: Finding = Finding.NOT_UPHELD, sent_by: str = "email"
) -> dict[str, str]:
    """A finding and its reasons on every point, and how the response went, as the response
    forms ask for them (a browser sends the radio checked at first, email)."""
    fields = {"sent_by": sent_by}
    for point in case.points.all():
        fields[f"finding_{point.pk}"] = finding.value
        fields[f"rationale_{point.pk}"] = "We checked the records"
    return fields
