"""The lifecycle table: every (stage, action) pair, its shape, and what `plan` decides."""

import itertools
from collections import deque
from dataclasses import replace
from datetime import date

import pytest

from redress.domain.facts import (
    ActionRequest,
    CaseFacts,
    ClockFacts,
    DeferralReason,
    Discretion,
    NotAcceptedGrounds,
    PointFacts,
    Route,
)
from redress.domain.findings import Finding, FindingStage
from redress.domain.profiles import Stage2ClockStart, load_profile
from redress.domain.roles import Person
from redress.domain.rules import EXTENDED_RULE, Rule
from redress.domain.workflow import (
    ANSWERED,
    FINISHED_STAGES,
    OPEN_STAGES,
    TRANSITIONS,
    WITHDRAWABLE,
    Action,
    Anchor,
    GuardFailed,
    InvalidTransition,
    Stage,
    StepRefused,
    allowed_actions,
    next_stage,
    plan,
)
from redress.domain.working_days import WorkingCalendar

CALENDAR = WorkingCalendar.england_and_wales()
STATUTORY = load_profile("statutory")
RECEIVED = date(2026, 3, 2)

OFFICER = Person(id=1, name="Olu Investigator")
INDEPENDENT = Person(id=2, name="Iris Independent")
CHAIR = Person(id=3, name="Chidi Chair")
MEMBER_A = Person(id=4, name="Meera Member")
MEMBER_B = Person(id=5, name="Malcolm Member")
COUNCIL_OFFICER = Person(id=6, name="Colin Council", is_council_officer=True)


def facts(**overrides: object) -> CaseFacts:
    values: dict[str, object] = {"reference": "CSC-2026-00001", "received_on": RECEIVED}
    values.update(overrides)
    return CaseFacts(**values)  # type: ignore[arg-type]


def running(rule: Rule, anchor: date, due: date, **extra: object) -> dict[Rule, ClockFacts]:
    return {rule: ClockFacts(rule=rule, anchor_date=anchor, due=due, **extra)}  # type: ignore[arg-type]


def statutory_point(*stages: FindingStage) -> PointFacts:
    return PointFacts(1, Route.STATUTORY, {stage: Finding.UPHELD for stage in stages})


# --- The table itself ------------------------------------------------------------------------


@pytest.mark.parametrize(("stage", "action"), list(itertools.product(Stage, Action)))
def test_every_pair_is_either_in_the_table_or_refused(stage: Stage, action: Action) -> None:
    if (stage, action) in TRANSITIONS:
        assert next_stage(stage, action) is TRANSITIONS[(stage, action)].to
        assert action in allowed_actions(stage)
    else:
        with pytest.raises(InvalidTransition, match="You cannot"):
            next_stage(stage, action)
        assert action not in allowed_actions(stage)


def test_every_stage_is_open_finished_or_deferred() -> None:
    assert set(OPEN_STAGES) | FINISHED_STAGES | {Stage.DEFERRED} == set(Stage)
    assert not set(OPEN_STAGES) & FINISHED_STAGES


@pytest.mark.parametrize("stage", sorted(FINISHED_STAGES))
def test_a_finished_case_can_at_most_be_reopened(stage: Stage) -> None:
    assert set(allowed_actions(stage)) <= {Action.REOPEN}


@pytest.mark.parametrize("stage", OPEN_STAGES)
def test_a_case_can_be_deferred_from_every_open_stage(stage: Stage) -> None:
    assert next_stage(stage, Action.DEFER) is Stage.DEFERRED


@pytest.mark.parametrize("stage", WITHDRAWABLE)
def test_a_complainant_can_withdraw_from_every_stage_still_owing_a_response(stage: Stage) -> None:
    assert next_stage(stage, Action.WITHDRAW) is Stage.WITHDRAWN


@pytest.mark.parametrize("stage", ANSWERED)
def test_after_a_response_a_case_closes_and_is_not_withdrawn(stage: Stage) -> None:
    # Item 12: was "withdraw from every open stage"; a response ends the stage, so it closes.
    assert Action.CLOSE in allowed_actions(stage)
    with pytest.raises(StepRefused, match="after a response a case closes, it is not withdrawn"):
        plan(
            stage,
            Action.WITHDRAW,
            facts=facts(),
            request=ActionRequest(on=date(2026, 3, 10)),
            profile=STATUTORY,
            calendar=CALENDAR,
        )


def reachable_from(start: Stage) -> set[Stage]:
    seen, queue = {start}, deque([start])
    while queue:
        stage = queue.popleft()
        for action in allowed_actions(stage):
            target = next_stage(stage, action)
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def test_every_stage_can_be_reached_from_receipt() -> None:
    assert reachable_from(Stage.RECEIVED) == set(Stage)


@pytest.mark.parametrize("stage", list(Stage))
def test_every_stage_can_reach_an_end(stage: Stage) -> None:
    assert reachable_from(stage) & FINISHED_STAGES


def test_stage_2_is_reached_after_a_response_a_resolution_a_late_stage_1_or_by_agreement() -> None:
    into_stage2 = {
        (t.stage, t.action)
        for t in TRANSITIONS.values()
        if t.to is Stage.S2_REQUESTED and t.stage is not t.to
    }
    assert into_stage2 == {
        (Stage.RESPONDED_S1, Action.REQUEST_STAGE2),
        (Stage.RESOLVED_S1, Action.REQUEST_STAGE2),  # item 3: a resolution keeps the right
        (Stage.STAT_S1, Action.REQUEST_STAGE2),  # item 2: only once stage 1 is overdue
        (Stage.RECEIVED, Action.ACCEPT_STATUTORY_STAGE2),
    }


def test_every_clock_a_transition_starts_is_stopped_by_a_later_one() -> None:
    started = {c.rule for t in TRANSITIONS.values() for c in t.starts}
    stopped = {rule for t in TRANSITIONS.values() for rule in (*t.stops, *t.lapses)}
    assert started <= stopped


def test_every_extendable_clock_has_a_maximum_rule() -> None:
    extended = {t.extends for t in TRANSITIONS.values() if t.extends}
    assert extended == set(EXTENDED_RULE)


def test_every_transition_names_who_may_take_it() -> None:
    assert all(t.roles for t in TRANSITIONS.values())


# --- plan(): clocks ----------------------------------------------------------------------------


def test_accepting_a_statutory_complaint_starts_stage_1_from_receipt() -> None:
    result = plan(
        Stage.RECEIVED,
        Action.ACCEPT_STATUTORY,
        facts=facts(received_on=date(2025, 12, 1)),
        request=ActionRequest(on=date(2025, 12, 3)),
        profile=STATUTORY,
        calendar=CALENDAR,
    )
    [clock] = result.start
    assert (clock.rule, clock.anchor_date, clock.due) == (
        Rule.STAGE1_RESPONSE,
        date(2025, 12, 1),
        date(2025, 12, 15),  # E04
    )


@pytest.mark.parametrize(
    ("mode", "on_request", "on_statement"),
    [
        (Stage2ClockStart.REQUEST_RECEIVED, [date(2026, 1, 8)], []),  # E13
        (Stage2ClockStart.STATEMENT_AGREED, [], [date(2026, 1, 22)]),  # E15
    ],
)
def test_the_stage_2_clock_starts_where_the_profile_says(
    mode: Stage2ClockStart, on_request: list[date], on_statement: list[date]
) -> None:
    council = replace(STATUTORY, stage2=replace(STATUTORY.stage2, clock_start=mode))
    request = plan(
        Stage.RESPONDED_S1,
        Action.REQUEST_STAGE2,
        facts=facts(received_on=date(2025, 11, 3)),
        request=ActionRequest(on=date(2025, 12, 1)),
        profile=council,
        calendar=CALENDAR,
    )
    statement = plan(
        Stage.S2_REQUESTED,
        Action.AGREE_STATEMENT,
        facts=facts(
            received_on=date(2025, 11, 3),
            investigating_officer=OFFICER,
            independent_person=INDEPENDENT,
            points=(statutory_point(),),
        ),
        request=ActionRequest(on=date(2025, 12, 15)),
        profile=council,
        calendar=CALENDAR,
    )
    assert [c.due for c in request.start] == on_request
    assert [c.due for c in statement.start] == on_statement


def test_lancashire_counts_the_council_response_from_the_panel_date() -> None:
    held = plan(
        Stage.PANEL_SCHEDULED,
        Action.HOLD_PANEL,
        facts=facts(),
        request=ActionRequest(on=date(2027, 3, 18)),
        profile=load_profile("lancashire"),
        calendar=CALENDAR,
    )
    assert {c.rule: c.due for c in held.start} == {
        Rule.STAGE3_PANEL_REPORT: date(2027, 3, 25),
        Rule.STAGE3_LA_RESPONSE: date(2027, 4, 12),
    }


def test_the_regulations_count_the_council_response_from_receipt_of_the_report() -> None:
    held = plan(
        Stage.PANEL_SCHEDULED,
        Action.HOLD_PANEL,
        facts=facts(),
        request=ActionRequest(on=date(2026, 12, 23)),
        profile=STATUTORY,
        calendar=CALENDAR,
    )
    report = plan(
        Stage.PANEL_HELD,
        Action.ISSUE_PANEL_REPORT,
        facts=facts(),
        request=ActionRequest(on=date(2027, 3, 18)),
        profile=STATUTORY,
        calendar=CALENDAR,
    )
    assert [(c.rule, c.due) for c in held.start] == [
        (Rule.STAGE3_PANEL_REPORT, date(2027, 1, 4))  # E24
    ]
    assert [(c.rule, c.due) for c in report.start] == [
        (Rule.STAGE3_LA_RESPONSE, date(2027, 4, 12))  # E25
    ]


def test_under_the_code_corporate_stage_1_waits_for_the_acknowledgement() -> None:
    code = load_profile("lgsco-code")
    received = facts(received_on=date(2026, 3, 23))
    triage = plan(
        Stage.RECEIVED,
        Action.ACCEPT_CORPORATE,
        facts=received,
        request=ActionRequest(on=date(2026, 3, 24)),
        profile=code,
        calendar=CALENDAR,
    )
    acknowledged = plan(
        Stage.CORP_S1,
        Action.ACKNOWLEDGE,
        facts=received,
        request=ActionRequest(on=date(2026, 3, 30)),
        profile=code,
        calendar=CALENDAR,
    )
    assert triage.start == ()
    [clock] = acknowledged.start
    assert (clock.anchor, clock.due) == (Anchor.ACKNOWLEDGED, date(2026, 4, 15))  # E30


def test_a_legacy_corporate_procedure_counts_from_receipt() -> None:
    triage = plan(
        Stage.RECEIVED,
        Action.ACCEPT_CORPORATE,
        facts=facts(received_on=date(2025, 12, 1)),
        request=ActionRequest(on=date(2025, 12, 2)),
        profile=load_profile("customer-relations"),
        calendar=CALENDAR,
    )
    [clock] = triage.start
    assert (clock.anchor, clock.anchor_date, clock.due) == (
        Anchor.RECEIVED,
        date(2025, 12, 1),
        date(2025, 12, 15),
    )


def test_withdrawal_stops_every_running_clock() -> None:
    clocks = {
        **running(Rule.ACK, RECEIVED, date(2026, 3, 9)),
        **running(Rule.STAGE1_RESPONSE, RECEIVED, date(2026, 3, 16)),
    }
    result = plan(
        Stage.STAT_S1,
        Action.WITHDRAW,
        facts=facts(running_clocks=clocks),
        request=ActionRequest(on=date(2026, 3, 5)),
        profile=STATUTORY,
        calendar=CALENDAR,
    )
    assert result.stop == ()  # no verdict: neither met nor missed
    assert set(result.lapse) == {Rule.ACK, Rule.STAGE1_RESPONSE}


# --- plan(): guards ----------------------------------------------------------------------------

WINDOW = running(Rule.STAGE2_REQUEST_WINDOW, date(2025, 7, 1), date(2025, 7, 29))  # E12


def request_stage2(on: date, **request: object) -> object:
    return plan(
        Stage.RESPONDED_S1,
        Action.REQUEST_STAGE2,
        facts=facts(received_on=date(2025, 6, 2), running_clocks=WINDOW),
        request=ActionRequest(on=on, **request),  # type: ignore[arg-type]
        profile=STATUTORY,
        calendar=CALENDAR,
    )


def test_a_stage_2_request_on_the_last_day_of_the_window_is_in_time() -> None:
    assert request_stage2(date(2025, 7, 29))


def test_a_late_stage_2_request_needs_a_recorded_discretion_decision() -> None:
    with pytest.raises(GuardFailed, match="window closed on 29 July 2025"):
        request_stage2(date(2025, 7, 30))
    with pytest.raises(GuardFailed, match="reason"):
        request_stage2(date(2025, 7, 30), discretion=Discretion.ACCEPT)
    assert request_stage2(date(2025, 7, 30), discretion=Discretion.ACCEPT, reason="Illness")


@pytest.mark.parametrize(
    ("on", "refusable"), [(date(2025, 7, 29), False), (date(2025, 7, 30), True)]
)
def test_only_a_late_request_can_be_refused(on: date, refusable: bool) -> None:
    def refuse() -> object:
        return plan(
            Stage.RESPONDED_S1,
            Action.REFUSE_LATE_STAGE2_REQUEST,
            facts=facts(received_on=date(2025, 6, 2), running_clocks=WINDOW),
            request=ActionRequest(on=on, reason="No good reason given"),
            profile=STATUTORY,
            calendar=CALENDAR,
        )

    if refusable:
        assert refuse()
    else:
        with pytest.raises(GuardFailed, match="cannot be refused"):
            refuse()


STAGE2_CLOCK = running(Rule.STAGE2_RESPONSE, date(2026, 3, 18), date(2026, 4, 24))


@pytest.mark.parametrize(
    ("profile", "working_days", "problem"),
    [
        ("statutory", 65, None),  # E18: Tue 23 Jun 2026
        ("statutory", 66, "at most 65 working days"),
        ("hampshire", 60, None),  # E19: Tue 16 Jun 2026
        ("hampshire", 61, "at most 60 working days"),
        ("statutory", 25, "more than the current 25"),
        ("customer-relations", 65, "complainant agreed"),
    ],
)
def test_the_stage_2_extension_never_passes_the_profiles_ceiling(
    profile: str, working_days: int, problem: str | None
) -> None:
    def extend() -> object:
        return plan(
            Stage.S2_INVESTIGATING,
            Action.EXTEND_STAGE2,
            facts=facts(running_clocks=STAGE2_CLOCK),
            request=ActionRequest(
                on=date(2026, 4, 20), extend_to_working_days=working_days, reason="Complex"
            ),
            profile=load_profile(profile),
            calendar=CALENDAR,
        )

    if problem is None:
        result = extend()
        assert result.extend is not None  # type: ignore[attr-defined]
        expected = {65: date(2026, 6, 23), 60: date(2026, 6, 16)}[working_days]
        assert result.extend.due == expected  # type: ignore[attr-defined]
    else:
        with pytest.raises(GuardFailed, match=problem):
            extend()


def test_an_extension_with_the_complainants_agreement_is_allowed_where_it_is_required() -> None:
    result = plan(
        Stage.S2_INVESTIGATING,
        Action.EXTEND_STAGE2,
        facts=facts(running_clocks=STAGE2_CLOCK),
        request=ActionRequest(
            on=date(2026, 4, 20),
            extend_to_working_days=65,
            reason="Complex",
            complainant_agreed_on=date(2026, 4, 17),
        ),
        profile=load_profile("customer-relations"),
        calendar=CALENDAR,
    )
    assert result.extend is not None


def convene(panel: tuple[Person, ...], stage2_ip_ids: frozenset[int] = frozenset()) -> object:
    return plan(
        Stage.S3_REQUESTED,
        Action.CONVENE_PANEL,
        facts=facts(stage2_independent_person_ids=stage2_ip_ids),
        request=ActionRequest(on=date(2026, 7, 21), panel=panel, meets_on=date(2026, 8, 20)),
        profile=STATUTORY,
        calendar=CALENDAR,
    )


def test_a_panel_of_three_independent_people_can_be_convened() -> None:
    assert convene((CHAIR, MEMBER_A, MEMBER_B))


@pytest.mark.parametrize(
    ("panel", "stage2_ips", "problem"),
    [
        ((CHAIR, MEMBER_A), frozenset(), "three different people"),
        ((CHAIR, MEMBER_A, MEMBER_A), frozenset(), "three different people"),
        ((CHAIR, MEMBER_A, INDEPENDENT), frozenset({2}), "was the stage 2 independent person"),
        ((CHAIR, MEMBER_A, COUNCIL_OFFICER), frozenset(), "officer of the council"),
    ],
)
def test_the_panel_refuses_anyone_the_regulations_disqualify(
    panel: tuple[Person, ...], stage2_ips: frozenset[int], problem: str
) -> None:
    with pytest.raises(GuardFailed, match=problem):
        convene(panel, stage2_ips)


@pytest.mark.parametrize(
    ("officer", "independent", "problem"),
    [
        (None, INDEPENDENT, "Choose the investigating officer"),
        (OFFICER, None, "Choose the independent person"),
        (OFFICER, COUNCIL_OFFICER, "officer of the council"),
        (OFFICER, OFFICER, "must be different"),
    ],
)
def test_stage_2_appointments_refuse_an_ineligible_independent_person(
    officer: Person | None, independent: Person | None, problem: str
) -> None:
    with pytest.raises(GuardFailed, match=problem):
        plan(
            Stage.S2_REQUESTED,
            Action.APPOINT_INVESTIGATORS,
            facts=facts(),
            request=ActionRequest(
                on=date(2026, 3, 2), investigating_officer=officer, independent_person=independent
            ),
            profile=STATUTORY,
            calendar=CALENDAR,
        )


@pytest.mark.parametrize(
    ("action", "stage", "finding_stage"),
    [
        (Action.RESPOND_STAGE1, Stage.STAT_S1, FindingStage.STAGE1),
        (Action.RECEIVE_REPORTS, Stage.S2_INVESTIGATING, FindingStage.STAGE2_INVESTIGATION),
        (Action.ADJUDICATE, Stage.S2_REPORTS_RECEIVED, FindingStage.STAGE2_ADJUDICATION),
    ],
)
def test_a_stage_cannot_end_until_every_point_has_its_finding(
    action: Action, stage: Stage, finding_stage: FindingStage
) -> None:
    def take(point: PointFacts) -> object:
        return plan(
            stage,
            action,
            facts=facts(points=(point,)),
            request=ActionRequest(on=date(2026, 3, 10)),
            profile=STATUTORY,
            calendar=CALENDAR,
        )

    with pytest.raises(GuardFailed, match="Record a finding for complaint point 1"):
        take(statutory_point())
    assert take(statutory_point(finding_stage))


def test_deferral_needs_a_reason_and_a_future_review_date() -> None:
    def defer(**request: object) -> object:
        return plan(
            Stage.STAT_S1,
            Action.DEFER,
            facts=facts(),
            request=ActionRequest(on=date(2026, 3, 10), **request),  # type: ignore[arg-type]
            profile=STATUTORY,
            calendar=CALENDAR,
        )

    with pytest.raises(GuardFailed, match="Select why"):
        defer(review_on=date(2026, 6, 1))
    with pytest.raises(GuardFailed, match="must be in the future"):
        defer(deferral_reason=DeferralReason.ONGOING_COURT, review_on=date(2026, 3, 10))
    assert defer(deferral_reason=DeferralReason.ONGOING_COURT, review_on=date(2026, 6, 1))


def test_not_accepting_a_complaint_needs_its_grounds_and_reasons() -> None:
    def not_accept(**request: object) -> object:
        return plan(
            Stage.RECEIVED,
            Action.NOT_ACCEPT,
            facts=facts(),
            request=ActionRequest(on=date(2026, 3, 3), **request),  # type: ignore[arg-type]
            profile=STATUTORY,
            calendar=CALENDAR,
        )

    with pytest.raises(GuardFailed, match="Select the grounds"):
        not_accept(reason="Not a complaint about us")
    with pytest.raises(GuardFailed, match="reason"):
        not_accept(grounds=NotAcceptedGrounds.NOT_ABOUT_A_SERVICE, reason="  ")
    assert not_accept(grounds=NotAcceptedGrounds.NOT_ABOUT_A_SERVICE, reason="A school matter")


def test_closing_after_the_complainants_window_ran_out_gives_the_window_no_verdict() -> None:
    result = plan(
        Stage.RESPONDED_S1,
        Action.CLOSE,
        facts=facts(received_on=date(2025, 6, 2), running_clocks=WINDOW),
        request=ActionRequest(on=date(2025, 8, 20)),
        profile=STATUTORY,
        calendar=CALENDAR,
    )
    assert (result.stop, result.lapse) == ((), (Rule.STAGE2_REQUEST_WINDOW,))


def test_a_reopened_case_counts_its_receipt_clocks_from_the_reopening() -> None:
    result = plan(
        Stage.RECEIVED,
        Action.ACCEPT_STATUTORY,
        facts=facts(received_on=date(2025, 12, 1), triage_restarted_on=date(2026, 5, 1)),
        request=ActionRequest(on=date(2026, 5, 1)),
        profile=STATUTORY,
        calendar=CALENDAR,
    )
    [clock] = result.start
    assert (clock.anchor_date, clock.due) == (date(2026, 5, 1), date(2026, 5, 18))
