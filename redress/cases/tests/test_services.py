"""The case services: receipt, every kind of step, refusals that change nothing, the audit trail."""

from dataclasses import replace
from datetime import date, time

import pytest

from redress.accounts.models import Appointment
from redress.cases.models import Case, CaseEvent, Clock, PointFinding
from redress.cases.models.events import ImmutableEventError
from redress.cases.services import (
    NotPermitted,
    StaleCase,
    case_appoint_advocate,
    case_record_ombudsman,
    case_take_action,
    point_add,
    point_record_finding,
    point_set_theme,
)
from redress.cases.tests.factories import independent, received_case, staff
from redress.domain.facts import ActionRequest, DeferralReason, Discretion
from redress.domain.findings import Finding, FindingStage
from redress.domain.ombudsman import InvalidOmbudsmanStep, OmbudsmanAction, OmbudsmanDecision
from redress.domain.profiles import Receipt, load_profile
from redress.domain.roles import Role
from redress.domain.rules import Rule
from redress.domain.workflow import Action, GuardFailed, InvalidTransition, Stage

pytestmark = pytest.mark.django_db


def take(case: Case, action: Action, on: date, by: object = None, **request: object) -> Case:
    return case_take_action(
        case_id=case.pk,
        action=action,
        request=ActionRequest(on=on, **request),  # type: ignore[arg-type]
        by=by,  # type: ignore[arg-type]
    )


def finding(case: Case, stage: FindingStage, result: Finding, on: date) -> None:
    for point in case.points.all():
        point_record_finding(point_id=point.pk, stage=stage, finding=result, by=None, on=on)


def clocks(case: Case) -> dict[str, tuple[date, date | None, bool | None]]:
    return {
        c.rule: (c.effective_due_date, c.completed_on, c.met)
        for c in Clock.objects.filter(case=case).order_by("pk")
    }


def test_a_received_complaint_gets_a_reference_and_an_acknowledgement_clock() -> None:
    first = received_case(date(2026, 3, 18))
    second = received_case(date(2026, 3, 18))

    assert (first.reference, second.reference) == ("CSC-2026-00001", "CSC-2026-00002")
    assert first.stage == Stage.RECEIVED
    assert clocks(first) == {"ack": (date(2026, 3, 25), None, None)}  # statutory: 5 working days
    [event] = first.events.all()
    assert (event.action, event.to_stage, event.on) == ("receive", "received", date(2026, 3, 18))


def test_a_complaint_over_a_year_after_the_grounds_arose_is_flagged_late() -> None:
    in_time = received_case(date(2026, 6, 10), grounds_arose_on=date(2025, 6, 10))
    late = received_case(date(2026, 6, 11), grounds_arose_on=date(2025, 6, 10))  # E32

    assert (in_time.late, late.late) == (False, True)


def test_a_statutory_complaint_walks_from_receipt_to_the_councils_response() -> None:
    officer, ip = independent(Role.INVESTIGATING_OFFICER), independent()
    chair, member_a, member_b = (
        independent(Role.PANEL_CHAIR),
        independent(Role.PANEL_MEMBER),
        independent(Role.PANEL_MEMBER),
    )
    caseworker = staff(Role.COMPLAINTS_OFFICER)
    case = received_case(date(2026, 3, 18))

    take(case, Action.ACKNOWLEDGE, date(2026, 3, 19), by=caseworker)
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19), by=caseworker)
    finding(case, FindingStage.STAGE1, Finding.NOT_UPHELD, date(2026, 3, 30))
    take(case, Action.RESPOND_STAGE1, date(2026, 4, 1), by=caseworker)
    take(case, Action.REQUEST_STAGE2, date(2026, 4, 20))
    take(
        case,
        Action.APPOINT_INVESTIGATORS,
        date(2026, 4, 21),
        investigating_officer=officer.as_person(),
        independent_person=ip.as_person(),
    )
    take(case, Action.AGREE_STATEMENT, date(2026, 4, 28))
    take(case, Action.START_INVESTIGATION, date(2026, 4, 29))
    finding(case, FindingStage.STAGE2_INVESTIGATION, Finding.PARTIALLY_UPHELD, date(2026, 6, 1))
    take(case, Action.RECEIVE_REPORTS, date(2026, 6, 1))
    finding(case, FindingStage.STAGE2_ADJUDICATION, Finding.PARTIALLY_UPHELD, date(2026, 6, 3))
    take(case, Action.ADJUDICATE, date(2026, 6, 4))
    take(
        case,
        Action.REQUEST_STAGE3,
        date(2026, 7, 20),
        discretion=Discretion.ACCEPT,
        reason="The adjudication letter went to an old address",
    )
    take(
        case,
        Action.CONVENE_PANEL,
        date(2026, 7, 22),
        panel=(chair.as_person(), member_a.as_person(), member_b.as_person()),
        meets_on=date(2026, 8, 28),
    )
    take(case, Action.HOLD_PANEL, date(2026, 8, 28))
    take(case, Action.ISSUE_PANEL_REPORT, date(2026, 9, 3))
    case = take(case, Action.ISSUE_LA_RESPONSE, date(2026, 9, 23))

    assert case.stage == Stage.LA_RESPONSE_ISSUED
    assert clocks(case) == {
        "ack": (date(2026, 3, 25), date(2026, 3, 19), True),
        "stage1.response": (date(2026, 4, 1), date(2026, 4, 1), True),
        "stage2.request_window": (date(2026, 5, 1), date(2026, 4, 20), True),
        # Item 13: from the request on 20 April (was the statement agreed on 28 April, E20), so
        # an adjudication on 4 June is late: the record says so
        "stage2.response": (date(2026, 5, 27), date(2026, 6, 4), False),
        "stage3.request_window": (date(2026, 7, 2), date(2026, 7, 20), False),
        "stage3.panel": (date(2026, 9, 1), date(2026, 8, 28), True),  # E23
        "stage3.panel_report": (date(2026, 9, 7), date(2026, 9, 3), True),  # 31 Aug BH
        "stage3.la_response": (date(2026, 9, 24), date(2026, 9, 23), True),
    }
    assert list(case.events.values_list("action", flat=True).exclude(action="record_finding")) == [
        "receive", "acknowledge", "accept_statutory", "respond_stage1", "request_stage2",
        "appoint_investigators", "agree_statement", "start_investigation", "receive_reports",
        "adjudicate", "request_stage3", "convene_panel", "hold_panel", "issue_panel_report",
        "issue_la_response",
    ]  # fmt: skip
    panel = Appointment.objects.filter(case=case, role__in=[Role.PANEL_CHAIR, Role.PANEL_MEMBER])
    assert sorted(panel.values_list("person_id", flat=True)) == sorted(
        [chair.pk, member_a.pk, member_b.pk]
    )


def test_a_late_stage_2_request_is_accepted_only_with_a_recorded_discretion_decision() -> None:
    case = received_case(date(2026, 3, 18))
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))
    finding(case, FindingStage.STAGE1, Finding.UPHELD, date(2026, 3, 30))
    take(case, Action.RESPOND_STAGE1, date(2026, 4, 1))

    with pytest.raises(GuardFailed, match="window closed on 1 May 2026"):
        take(case, Action.REQUEST_STAGE2, date(2026, 5, 5))
    case = take(
        case,
        Action.REQUEST_STAGE2,
        date(2026, 5, 5),
        discretion=Discretion.ACCEPT,
        reason="In hospital for three weeks",
    )

    assert case.stage == Stage.S2_REQUESTED
    event = case.events.get(action="request_stage2")
    assert event.details["request"]["discretion"] == "accept"
    assert clocks(case)["stage2.request_window"] == (date(2026, 5, 1), date(2026, 5, 5), False)


def test_an_action_the_table_does_not_allow_changes_nothing() -> None:
    case = received_case()
    before = (clocks(case), case.events.count())

    with pytest.raises(InvalidTransition, match="You cannot adjudicate"):
        take(case, Action.ADJUDICATE, date(2026, 3, 20))

    case.refresh_from_db()
    assert case.stage == Stage.RECEIVED
    assert (clocks(case), case.events.count()) == before


def test_a_failed_guard_changes_nothing() -> None:
    case = received_case()
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))
    before = (clocks(case), case.events.count())

    with pytest.raises(GuardFailed, match="Record a finding for complaint point 1"):
        take(case, Action.RESPOND_STAGE1, date(2026, 3, 25))

    case.refresh_from_db()
    assert case.stage == Stage.STAT_S1
    assert (clocks(case), case.events.count()) == before


def test_acting_on_a_case_someone_else_has_moved_on_is_refused_clearly() -> None:
    case = received_case()
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))

    with pytest.raises(StaleCase, match="Someone else has just updated case CSC-2026-00001"):
        case_take_action(
            case_id=case.pk,
            action=Action.ACCEPT_STATUTORY,
            request=ActionRequest(on=date(2026, 3, 19)),
            by=None,
            expected_stage=Stage.RECEIVED,
        )


def test_an_extension_records_its_reason_agreement_and_new_date() -> None:
    case = received_case(date(2025, 12, 1))
    take(case, Action.ACCEPT_STATUTORY, date(2025, 12, 2))
    case = take(
        case,
        Action.EXTEND_STAGE1,
        date(2025, 12, 10),
        extend_to_working_days=20,
        reason="Waiting for an advocate",
        complainant_agreed_on=date(2025, 12, 9),
    )

    clock = case.clocks.get(rule=Rule.STAGE1_RESPONSE)
    assert (clock.due_date, clock.extended_due_date) == (date(2025, 12, 15), date(2025, 12, 31))
    assert (clock.extension_reason, clock.complainant_agreed_on) == (
        "Waiting for an advocate",
        date(2025, 12, 9),
    )


def test_withdrawal_stops_every_clock_without_calling_it_met_or_missed() -> None:
    case = received_case()
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))
    case = take(case, Action.WITHDRAW, date(2026, 3, 20), reason="Resolved informally")

    assert case.stage == Stage.WITHDRAWN
    assert case.closed_on == date(2026, 3, 20)
    assert not case.clocks.running().exists()
    assert set(case.clocks.values_list("met", flat=True)) == {None}


def test_deferral_and_resumption_restart_triage() -> None:
    case = received_case()
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))
    case = take(
        case,
        Action.DEFER,
        date(2026, 3, 20),
        deferral_reason=DeferralReason.ONGOING_COURT,
        review_on=date(2026, 9, 1),
    )
    assert (case.stage, case.deferral_review_on) == (Stage.DEFERRED, date(2026, 9, 1))

    case = take(case, Action.RESUME, date(2026, 9, 1))

    assert case.stage == Stage.RECEIVED
    assert case.deferral_review_on is None
    assert list(case.clocks.running().values_list("rule", "due_date")) == [
        ("ack", date(2026, 9, 8))
    ]


def test_case_events_can_never_be_changed_or_deleted() -> None:
    case = received_case()
    event = case.events.get()

    event.action = "tampered"
    with pytest.raises(ImmutableEventError):
        event.save()
    with pytest.raises(ImmutableEventError):
        event.delete()
    with pytest.raises(ImmutableEventError):
        CaseEvent.objects.filter(case=case).update(action="tampered")
    with pytest.raises(ImmutableEventError):
        CaseEvent.objects.filter(case=case).delete()
    assert case.events.get().action == "receive"


def test_field_changes_are_kept_in_the_cases_history() -> None:
    case = received_case()
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))

    assert list(case.history.order_by("history_date").values_list("stage", flat=True)) == [
        "received",
        "stat_s1",
    ]


def test_the_ombudsman_track_runs_beside_the_stage() -> None:
    case = received_case()
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))

    with pytest.raises(InvalidOmbudsmanStep):
        case_record_ombudsman(
            case_id=case.pk,
            action=OmbudsmanAction.RECORD_DECISION,
            by=None,
            on=date(2026, 3, 20),
            decision=OmbudsmanDecision.UPHELD,
        )
    case_record_ombudsman(
        case_id=case.pk,
        action=OmbudsmanAction.RECORD_ENQUIRY,
        by=None,
        on=date(2026, 3, 20),
        ombudsman_reference="26 001 234",
    )
    case = case_record_ombudsman(
        case_id=case.pk,
        action=OmbudsmanAction.RECORD_PREMATURE_REFERRAL,
        by=None,
        on=date(2026, 3, 27),
    )

    assert (case.stage, case.ombudsman_status) == (Stage.STAT_S1, "premature_referral")
    assert list(case.ombudsman_referrals.values_list("kind", flat=True)) == [
        "enquiry",
        "premature",
    ]


@pytest.fixture
def deemed_receipt(monkeypatch: pytest.MonkeyPatch) -> None:
    """The statutory profile with the deemed-receipt policy switched on, cut-off 17:00."""
    from redress.cases.services import intake

    profile = load_profile("statutory")
    switched_on = replace(profile, receipt=Receipt(deemed_receipt=True, cut_off=time(17, 0)))
    monkeypatch.setattr(intake, "active_profile", lambda: switched_on)


@pytest.mark.parametrize(
    ("received", "at", "policy_on", "day0", "ack_due"),
    [
        # E28: received Saturday 20 December 2025
        (date(2025, 12, 20), time(11, 0), False, date(2025, 12, 20), date(2025, 12, 30)),
        (date(2025, 12, 20), time(11, 0), True, date(2025, 12, 22), date(2025, 12, 31)),
        # an email at 22:30 on a Wednesday
        (date(2026, 3, 18), time(22, 30), False, date(2026, 3, 18), date(2026, 3, 25)),
        (date(2026, 3, 18), time(22, 30), True, date(2026, 3, 19), date(2026, 3, 26)),
        (date(2026, 3, 18), time(16, 59), True, date(2026, 3, 18), date(2026, 3, 25)),
    ],
)
def test_deemed_receipt_moves_day_0_only_when_the_profile_says_so(
    request: pytest.FixtureRequest,
    received: date,
    at: time,
    policy_on: bool,
    day0: date,
    ack_due: date,
) -> None:
    if policy_on:
        request.getfixturevalue("deemed_receipt")

    case = received_case(received, at=at)

    assert case.received_on == day0
    assert case.clocks.get().due_date == ack_due


def test_a_document_is_stored_with_its_checksum_and_recorded_on_the_timeline(settings, tmp_path):
    import hashlib

    from django.core.files.base import ContentFile

    from redress.cases.services import document_add

    settings.MEDIA_ROOT = tmp_path
    case = received_case()
    body = b"%PDF-1.7 a letter from the school"

    document = document_add(
        case_id=case.pk,
        kind="evidence",
        title="Letter from school",
        content=ContentFile(body, name="../../school letter.pdf"),
        content_type="application/pdf",
        by=None,
        on=date(2026, 3, 19),
    )

    assert (document.size_bytes, document.sha256) == (len(body), hashlib.sha256(body).hexdigest())
    assert document.file.read() == body
    assert document.file.name.startswith(f"cases/{case.reference}/")
    assert ".." not in document.file.name
    assert case.events.filter(action="add_document").count() == 1


def test_a_finding_is_given_on_the_day_of_the_response_that_gives_it() -> None:
    case = received_case(date(2026, 3, 18))
    take(case, Action.ACKNOWLEDGE, date(2026, 3, 19))
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))
    finding(case, FindingStage.STAGE1, Finding.UPHELD, date(2026, 3, 30))
    recorded = PointFinding.objects.get(case=case, stage=FindingStage.STAGE1)
    assert recorded.given_on is None  # recorded, not yet sent to the complainant

    take(case, Action.RESPOND_STAGE1, date(2026, 4, 1))
    recorded.refresh_from_db()
    assert recorded.given_on == date(2026, 4, 1)

    # A point added and decided after the response counts as given with it.
    late_point = point_add(
        case_id=case.pk, summary="Also the missed visit", by=None, on=date(2026, 4, 2)
    )
    added = point_record_finding(
        point_id=late_point.pk, stage=FindingStage.STAGE1, finding=Finding.NOT_UPHELD, by=None,
        on=date(2026, 4, 3),
    )  # fmt: skip
    assert (added.case_id, added.given_on) == (case.pk, date(2026, 4, 1))


def test_a_points_theme_follows_it_onto_its_findings() -> None:
    case = received_case(date(2026, 3, 18))
    take(case, Action.ACKNOWLEDGE, date(2026, 3, 19))
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))
    point = case.points.get()
    point_set_theme(point_id=point.pk, theme="Communication", by=None, on=date(2026, 3, 20))
    finding(case, FindingStage.STAGE1, Finding.UPHELD, date(2026, 3, 30))
    assert PointFinding.objects.get(point=point).theme == "Communication"

    point_set_theme(point_id=point.pk, theme="Delay", by=None, on=date(2026, 4, 20))
    assert PointFinding.objects.get(point=point).theme == "Delay"


def test_appointments_end_when_the_case_finishes() -> None:
    advocate = independent(Role.ADVOCATE)
    case = received_case()
    case_appoint_advocate(case_id=case.pk, advocate=advocate, by=None, on=date(2026, 3, 18))
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))
    assert Appointment.objects.get(case=case, person=advocate).ends_on is None

    take(case, Action.WITHDRAW, date(2026, 3, 20), reason="Resolved informally")

    assert Appointment.objects.get(case=case, person=advocate).ends_on == date(2026, 3, 20)


def test_a_step_is_refused_to_someone_the_table_does_not_give_it_to_and_nothing_changes() -> None:
    case = received_case()
    auditor = staff(Role.AUDITOR)
    stranger = independent(Role.INVESTIGATING_OFFICER)  # not appointed to this case

    for person in (auditor, stranger):
        with pytest.raises(NotPermitted):
            take(case, Action.ACKNOWLEDGE, date(2026, 3, 19), by=person)

    case.refresh_from_db()
    assert case.stage == Stage.RECEIVED
    assert list(case.events.values_list("action", flat=True)) == ["receive"]
    take(case, Action.ACKNOWLEDGE, date(2026, 3, 19), by=staff(Role.COMPLAINTS_OFFICER))
    assert list(case.events.values_list("action", flat=True)) == ["receive", "acknowledge"]
