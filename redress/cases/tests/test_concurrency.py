"""Two people act on one case at the same moment: exactly one wins, nothing is half-written."""

import threading
import time
from datetime import date

import pytest
from django.db import connection, transaction

from redress.cases.models import Case, CaseEvent, Clock
from redress.cases.services import case_take_action, point_record_finding, procedure
from redress.cases.tests.factories import received_case
from redress.domain.facts import ActionRequest
from redress.domain.findings import Finding, FindingStage
from redress.domain.workflow import Action, InvalidTransition, Stage

pytestmark = pytest.mark.django_db(transaction=True)

RESPOND = ActionRequest(on=date(2026, 3, 25))


def stage1_case_ready_to_respond() -> Case:
    case = received_case(date(2026, 3, 18))
    case_take_action(
        case_id=case.pk,
        action=Action.ACCEPT_STATUTORY,
        request=ActionRequest(on=date(2026, 3, 19)),
        by=None,
    )
    point = case.points.get()
    point_record_finding(
        point_id=point.pk, stage=FindingStage.STAGE1, finding=Finding.UPHELD, by=None,
        on=date(2026, 3, 24),
    )  # fmt: skip
    return case


def test_two_concurrent_responses_to_one_case_exactly_one_wins() -> None:
    case = stage1_case_ready_to_respond()
    first_holds_lock = threading.Event()
    outcome: dict[str, object] = {}

    def first() -> None:
        try:
            with transaction.atomic():
                Case.objects.select_for_update().get(pk=case.pk)  # the row is now locked
                first_holds_lock.set()
                time.sleep(0.5)  # the second person presses "save" meanwhile
                case_take_action(case_id=case.pk, action=Action.RESPOND_STAGE1, request=RESPOND,
                                 by=None)  # fmt: skip
            outcome["first_committed_at"] = time.monotonic()
        finally:
            connection.close()

    def second() -> None:
        first_holds_lock.wait()
        try:
            case_take_action(case_id=case.pk, action=Action.RESPOND_STAGE1, request=RESPOND,
                             by=None)  # fmt: skip
            outcome["second"] = "won"
        except InvalidTransition as refused:
            outcome["second"] = str(refused)
        finally:
            outcome["second_finished_at"] = time.monotonic()
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert outcome["second"] == (
        "You cannot respond stage1 a case that is at 'Stage 1: responded'. "
        "Check its status and try again."
    )
    # The second waited for the first to commit rather than reading a stale stage.
    assert outcome["second_finished_at"] >= outcome["first_committed_at"]  # type: ignore[operator]
    case.refresh_from_db()
    assert case.stage == Stage.RESPONDED_S1
    assert CaseEvent.objects.filter(case=case, action="respond_stage1").count() == 1
    assert Clock.objects.filter(case=case, rule="stage2.request_window").count() == 1


def test_a_failure_half_way_through_a_step_leaves_nothing_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = stage1_case_ready_to_respond()
    before = (
        list(Clock.objects.filter(case=case).values()),
        CaseEvent.objects.filter(case=case).count(),
    )

    def event_store_fails(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(procedure, "_event", event_store_fails)  # after the clocks are written
    with pytest.raises(RuntimeError, match="went away"):
        case_take_action(case_id=case.pk, action=Action.RESPOND_STAGE1, request=RESPOND, by=None)

    case.refresh_from_db()
    assert case.stage == Stage.STAT_S1
    assert (
        list(Clock.objects.filter(case=case).values()),
        CaseEvent.objects.filter(case=case).count(),
    ) == before
