"""The complainant's rights and the record's chronology, as the engine enforces them (issue 12).

One section per right; docs/rules.md maps each to its source and to the tests here.
"""

from dataclasses import replace
from datetime import date

import pytest

from redress.domain.clock_states import ClockRecord, ClockState, clock_state
from redress.domain.delivery import received_by_complainant_on
from redress.domain.facts import (
    ActionRequest,
    CaseFacts,
    ClockFacts,
    Discretion,
    NotAcceptedGrounds,
    PointFacts,
    RecommendationDecision,
    RecommendationFacts,
    Route,
    SentBy,
    TimeLimitDecision,
)
from redress.domain.findings import Finding, FindingStage
from redress.domain.profiles import load_profile
from redress.domain.roles import Person, Role
from redress.domain.rules import Rule
from redress.domain.workflow import (
    Action,
    Anchor,
    GuardFailed,
    Plan,
    Stage,
    StepRefused,
    plan,
)
from redress.domain.working_days import WorkingCalendar

CALENDAR = WorkingCalendar.england_and_wales()
STATUTORY = load_profile("statutory")
RECEIVED = date(2026, 3, 2)  # Monday
STAGE1_DUE = date(2026, 3, 16)  # 10 working days (E04 pattern)
MANAGER = frozenset({Role.COMPLAINTS_MANAGER})
OFFICER_ROLE = frozenset({Role.COMPLAINTS_OFFICER})

IO = Person(id=1, name="Olu Investigator")
IP = Person(id=2, name="Iris Independent")
CHAIR = Person(id=3, name="Chidi Chair")
MEMBER_A = Person(id=4, name="Meera Member")
MEMBER_B = Person(id=5, name="Malcolm Member")


def facts(**overrides: object) -> CaseFacts:
    values: dict[str, object] = {"reference": "CSC-2026-00001", "received_on": RECEIVED}
    values.update(overrides)
    return CaseFacts(**values)  # type: ignore[arg-type]


def clock(rule: Rule, anchor: date, due: date, **extra: object) -> dict[Rule, ClockFacts]:
    return {rule: ClockFacts(rule=rule, anchor_date=anchor, due=due, **extra)}  # type: ignore[arg-type]


def found(stage: FindingStage) -> tuple[PointFacts, ...]:
    return (PointFacts(1, Route.STATUTORY, {stage: Finding.UPHELD}),)


def take(
    stage: Stage,
    action: Action,
    on: date,
    *,
    profile: str = "statutory",
    case: CaseFacts | None = None,
    **request: object,
) -> Plan:
    return plan(
        stage,
        action,
        facts=case or facts(),
        request=ActionRequest(on=on, **request),  # type: ignore[arg-type]
        profile=load_profile(profile),
        calendar=CALENDAR,
    )


# --- 2. Escalation when stage 1 is late ---------------------------------------------------------

STAGE1 = clock(Rule.STAGE1_RESPONSE, RECEIVED, STAGE1_DUE)
STAGE1_EXTENDED = clock(
    Rule.STAGE1_RESPONSE,
    RECEIVED,
    STAGE1_DUE,
    extended_due=date(2026, 3, 30),
    extended_working_days=20,
)


@pytest.mark.parametrize(
    ("clocks", "on", "from_day"),
    [
        (STAGE1, date(2026, 3, 10), "17 March 2026"),
        (STAGE1, STAGE1_DUE, "17 March 2026"),  # the due day itself is still in time
        (STAGE1_EXTENDED, date(2026, 3, 20), "31 March 2026"),  # past 10 days, within 20
    ],
)
def test_before_stage_1_is_overdue_a_stage_2_request_is_refused_with_the_day_it_can_be_made(
    clocks: dict[Rule, ClockFacts], on: date, from_day: str
) -> None:
    with pytest.raises(GuardFailed, match=f"can be made from {from_day}"):
        take(Stage.STAT_S1, Action.REQUEST_STAGE2, on, case=facts(running_clocks=clocks))


@pytest.mark.parametrize(
    ("clocks", "on"), [(STAGE1, date(2026, 3, 17)), (STAGE1_EXTENDED, date(2026, 3, 31))]
)
def test_once_stage_1_is_overdue_a_stage_2_request_is_accepted_and_stage_1_is_missed(
    clocks: dict[Rule, ClockFacts], on: date
) -> None:
    result = take(Stage.STAT_S1, Action.REQUEST_STAGE2, on, case=facts(running_clocks=clocks))
    assert result.transition.to is Stage.S2_REQUESTED
    # Stopped after its last day, so the shell records it missed (never "ended" without verdict)
    assert Rule.STAGE1_RESPONSE in result.stop
    assert Rule.STAGE1_RESPONSE not in result.lapse
    stored = ClockRecord(Rule.STAGE1_RESPONSE, clocks[Rule.STAGE1_RESPONSE].effective_due, on)
    assert clock_state(stored, on) is ClockState.MISSED
    assert [(c.rule, c.anchor_date) for c in result.start] == [(Rule.STAGE2_RESPONSE, on)]


def test_a_stage_2_request_before_the_complaint_is_accepted_says_what_to_do() -> None:
    with pytest.raises(StepRefused, match="accept it at stage 1 first"):
        take(Stage.RECEIVED, Action.REQUEST_STAGE2, date(2026, 3, 3))


STAGE2 = clock(Rule.STAGE2_RESPONSE, date(2026, 3, 18), date(2026, 4, 24))


@pytest.mark.parametrize(
    "stage",
    [
        Stage.S2_REQUESTED,
        Stage.S2_STATEMENT_AGREED,
        Stage.S2_INVESTIGATING,
        Stage.S2_REPORTS_RECEIVED,
    ],
)
def test_stage_2_past_its_ceiling_sends_the_complainant_to_the_ombudsman_not_a_panel(
    stage: Stage,
) -> None:
    with pytest.raises(StepRefused) as refused:
        take(stage, Action.REQUEST_STAGE3, date(2026, 7, 1), case=facts(running_clocks=STAGE2))
    message = str(refused.value)
    assert "Reg 18" in message
    assert "finished by 23 June 2026" in message  # E18: 65 working days from 18 March
    assert "Ombudsman" in message


# --- 3. Resolved at stage 1 is the complainant's word -------------------------------------------


def resolve(on: date, **request: object) -> Plan:
    case = facts(running_clocks=STAGE1, points=found(FindingStage.STAGE1))
    return take(Stage.STAT_S1, Action.RESOLVE_STAGE1, on, case=case, **request)


@pytest.mark.parametrize(
    ("request_", "problem"),
    [
        ({"agreed_how": "by phone"}, "Enter the date the complainant agreed to the resolution"),
        ({"complainant_agreed_on": date(2026, 3, 9)}, "Enter how the complainant agreed"),
        (
            {"complainant_agreed_on": date(2026, 2, 27), "agreed_how": "by phone"},
            "before the complaint was received on 2 March 2026",
        ),
        (
            {"complainant_agreed_on": date(2026, 3, 11), "agreed_how": "by phone"},
            "is after the date of this step",
        ),
    ],
)
def test_a_resolution_needs_the_date_the_complainant_agreed_and_how(
    request_: dict[str, object], problem: str
) -> None:
    with pytest.raises(GuardFailed, match=problem):
        resolve(date(2026, 3, 10), **request_)


def test_a_resolution_opens_the_stage_2_window_from_when_the_letter_was_received() -> None:
    result = resolve(
        date(2026, 3, 10),
        complainant_agreed_on=date(2026, 3, 9),
        agreed_how="On the phone with the complaints officer",
        sent_by=SentBy.POST,
    )
    [window] = result.start
    assert (window.rule, window.anchor) == (Rule.STAGE2_REQUEST_WINDOW, Anchor.COMPLAINANT_RECEIVED)
    assert window.anchor_date == date(2026, 3, 12)  # posted Tuesday, received Thursday
    assert window.due == date(2026, 4, 13)  # 20 working days, over Easter 2026


def test_a_resolved_complaint_can_go_to_stage_2_in_its_window() -> None:
    window = clock(Rule.STAGE2_REQUEST_WINDOW, date(2026, 3, 12), date(2026, 4, 13))
    result = take(
        Stage.RESOLVED_S1,
        Action.REQUEST_STAGE2,
        date(2026, 4, 10),
        case=facts(running_clocks=window),
    )
    assert result.transition.to is Stage.S2_REQUESTED
    assert result.stop == (Rule.STAGE2_REQUEST_WINDOW,)


# --- 4. No closing while a window is open ---------------------------------------------------------

WINDOWS = [
    (Stage.RESPONDED_S1, Rule.STAGE2_REQUEST_WINDOW, "statutory"),
    (Stage.RESOLVED_S1, Rule.STAGE2_REQUEST_WINDOW, "statutory"),
    (Stage.S2_ADJUDICATED, Rule.STAGE3_REQUEST_WINDOW, "statutory"),
    (Stage.CORP_S1_RESPONDED, Rule.CORPORATE_STAGE2_REQUEST_WINDOW, "lgsco-code"),
]


@pytest.mark.parametrize(("stage", "window", "profile"), WINDOWS)
def test_a_case_cannot_close_while_the_complainants_window_is_open(
    stage: Stage, window: Rule, profile: str
) -> None:
    case = facts(running_clocks=clock(window, date(2026, 4, 1), date(2026, 4, 30)))
    with pytest.raises(GuardFailed, match="has until 30 April 2026 to ask for"):
        take(stage, Action.CLOSE, date(2026, 4, 30), profile=profile, case=case)
    after = take(stage, Action.CLOSE, date(2026, 5, 1), profile=profile, case=case)
    assert after.lapse == (window,)


@pytest.mark.parametrize(("stage", "window", "profile"), WINDOWS)
def test_a_case_closes_in_its_window_when_the_complainant_said_they_will_not_go_further(
    stage: Stage, window: Rule, profile: str
) -> None:
    case = facts(running_clocks=clock(window, date(2026, 4, 1), date(2026, 4, 30)))
    with pytest.raises(GuardFailed, match="is after the date of this step"):
        take(
            stage,
            Action.CLOSE,
            date(2026, 4, 7),
            profile=profile,
            case=case,
            complainant_agreed_on=date(2026, 4, 8),
        )
    result = take(
        stage,
        Action.CLOSE,
        date(2026, 4, 8),
        profile=profile,
        case=case,
        complainant_agreed_on=date(2026, 4, 7),
    )
    assert result.lapse == (window,)
    assert result.stop == ()


# --- 5. Windows count from when the complainant received the response ---------------------------


@pytest.mark.parametrize(
    ("sent_on", "sent_by", "known", "received"),
    [
        (date(2026, 3, 10), SentBy.EMAIL, None, date(2026, 3, 10)),
        (date(2026, 3, 10), SentBy.HAND, None, date(2026, 3, 10)),
        (date(2026, 3, 10), SentBy.POST, None, date(2026, 3, 12)),  # Tue -> Thu
        (date(2026, 3, 13), SentBy.POST, None, date(2026, 3, 17)),  # Fri -> Tue
        (date(2026, 4, 2), SentBy.POST, None, date(2026, 4, 8)),  # over Easter
        (date(2026, 3, 10), SentBy.POST, date(2026, 3, 16), date(2026, 3, 16)),  # known
    ],
)
def test_the_complainant_receives_a_response_the_day_it_is_emailed_or_two_working_days_after_post(
    sent_on: date, sent_by: SentBy, known: date | None, received: date
) -> None:
    assert (
        received_by_complainant_on(sent_on, sent_by, STATUTORY, CALENDAR, known=known) == received
    )


def test_the_post_delay_is_a_profile_key() -> None:
    slower = replace(STATUTORY, delivery=replace(STATUTORY.delivery, post_working_days=3))
    assert received_by_complainant_on(date(2026, 3, 10), SentBy.POST, slower, CALENDAR) == date(
        2026, 3, 13
    )


@pytest.mark.parametrize(
    ("stage", "action", "profile", "points", "window"),
    [
        (
            Stage.STAT_S1,
            Action.RESPOND_STAGE1,
            "statutory",
            found(FindingStage.STAGE1),
            Rule.STAGE2_REQUEST_WINDOW,
        ),
        (
            Stage.CORP_S1,
            Action.RESPOND_CORPORATE_STAGE1,
            "lgsco-code",
            (PointFacts(1, Route.CORPORATE, {FindingStage.CORPORATE_STAGE1: Finding.UPHELD}),),
            Rule.CORPORATE_STAGE2_REQUEST_WINDOW,
        ),
    ],
)
def test_a_response_window_starts_on_the_day_the_complainant_received_it(
    stage: Stage, action: Action, profile: str, points: tuple[PointFacts, ...], window: Rule
) -> None:
    def respond(**request: object) -> Plan:
        return take(
            stage, action, date(2026, 3, 10), profile=profile, case=facts(points=points), **request
        )

    by_post = [c for c in respond(sent_by=SentBy.POST).start if c.rule is window]
    known = [
        c
        for c in respond(sent_by=SentBy.POST, received_by_complainant_on=date(2026, 3, 18)).start
        if c.rule is window
    ]
    by_email = [c for c in respond().start if c.rule is window]
    assert [c.anchor_date for c in by_post] == [date(2026, 3, 12)]
    assert [c.anchor_date for c in known] == [date(2026, 3, 18)]
    assert [c.anchor_date for c in by_email] == [date(2026, 3, 10)]
    with pytest.raises(GuardFailed, match="cannot have received the response"):
        respond(received_by_complainant_on=date(2026, 3, 9))


# --- 6. No detour into the corporate procedure ----------------------------------------------------


@pytest.mark.parametrize(
    ("area", "roles", "reason", "problem"),
    [
        ("child_in_care", OFFICER_ROLE, "", "only the complaints manager"),
        ("child_in_care", OFFICER_ROLE, "Not a social care matter", "only the complaints manager"),
        ("leaving_care", MANAGER, "", "Enter why a complaint about"),
        ("child_in_care", MANAGER, "The child is 25 and not a care leaver", None),
        ("education", OFFICER_ROLE, "", None),  # outside the Children Act: corporate is right
        ("", OFFICER_ROLE, "", None),  # not yet known: the team decides at triage
    ],
)
def test_a_statutory_matter_goes_corporate_only_by_the_managers_recorded_decision(
    area: str, roles: frozenset[Role], reason: str, problem: str | None
) -> None:
    def accept() -> Plan:
        return take(
            Stage.RECEIVED,
            Action.ACCEPT_CORPORATE,
            date(2026, 3, 3),
            case=facts(service_area=area),
            actor_roles=roles,
            reason=reason,
        )

    if problem is None:
        assert accept().transition.to is Stage.CORP_S1
    else:
        with pytest.raises(GuardFailed, match=problem):
            accept()


# --- 7. The time limit is a discretion ------------------------------------------------------------

LATE = facts(received_on=date(2026, 3, 2), grounds_arose_on=date(2024, 9, 1))
REFUSED = TimeLimitDecision(Discretion.REFUSE, "No reason given for the delay", "Staff have left")


@pytest.mark.parametrize(
    ("case", "request_", "problem"),
    [
        (facts(), {}, "Record when the matter complained about happened"),
        (
            facts(received_on=date(2026, 3, 2), grounds_arose_on=date(2025, 3, 2)),
            {},
            "The complaint is in time",
        ),
        (LATE, {}, "the limit is a discretion, never a rule applied rigidly"),
        (
            LATE,
            {"discretion": Discretion.REFUSE, "fair_consideration": "Records destroyed"},
            "Enter why the complaint was not made in time",
        ),
        (
            LATE,
            {"discretion": Discretion.REFUSE, "why_not_in_time": "None given"},
            "Enter whether the complaint can still be considered effectively and fairly",
        ),
        (
            LATE,
            {"discretion": Discretion.ACCEPT},
            "cannot then be refused as out of time",
        ),
    ],
)
def test_out_of_time_needs_a_late_complaint_and_a_decision_answering_both_questions(
    case: CaseFacts, request_: dict[str, object], problem: str
) -> None:
    with pytest.raises(GuardFailed, match=problem):
        take(
            Stage.RECEIVED,
            Action.NOT_ACCEPT,
            date(2026, 3, 3),
            case=case,
            grounds=NotAcceptedGrounds.OUT_OF_TIME,
            reason="Outside the time limit",
            **request_,
        )


def test_out_of_time_stands_with_both_questions_answered_now_or_before() -> None:
    answered = {
        "discretion": Discretion.REFUSE,
        "why_not_in_time": REFUSED.why_not_in_time,
        "fair_consideration": REFUSED.fair_consideration,
    }
    now = take(
        Stage.RECEIVED,
        Action.NOT_ACCEPT,
        date(2026, 3, 3),
        case=LATE,
        grounds=NotAcceptedGrounds.OUT_OF_TIME,
        reason="Outside the time limit",
        **answered,
    )
    before = take(
        Stage.RECEIVED,
        Action.NOT_ACCEPT,
        date(2026, 3, 3),
        case=replace(LATE, time_limit_decision=REFUSED),
        grounds=NotAcceptedGrounds.OUT_OF_TIME,
        reason="Outside the time limit",
    )
    assert now.transition.to is before.transition.to is Stage.NOT_ACCEPTED


# --- 8. Dates follow the case's chronology ------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "on", "problem"),
    [
        (facts(), date(2026, 2, 27), "before the complaint was received on 2 March 2026"),
        (
            facts(last_step=("acknowledge", date(2026, 3, 5))),
            date(2026, 3, 4),
            r"before the last step on the case \(acknowledge on 5 March 2026\)",
        ),
    ],
)
def test_no_step_is_dated_before_receipt_or_before_the_step_it_follows(
    case: CaseFacts, on: date, problem: str
) -> None:
    with pytest.raises(GuardFailed, match=problem):
        take(Stage.RECEIVED, Action.ACKNOWLEDGE, on, case=case)
    assert take(Stage.RECEIVED, Action.ACKNOWLEDGE, date(2026, 3, 5), case=case)


PANEL_CLOCK = clock(Rule.STAGE3_PANEL, date(2026, 7, 1), date(2026, 8, 12))


def convene(meets_on: date | None, reason: str = "", **case: object) -> Plan:
    return take(
        Stage.S3_REQUESTED,
        Action.CONVENE_PANEL,
        date(2026, 7, 2),
        case=facts(running_clocks=PANEL_CLOCK, **case),
        panel=(CHAIR, MEMBER_A, MEMBER_B),
        meets_on=meets_on,
        reason=reason,
        actor_roles=MANAGER,
    )


@pytest.mark.parametrize(
    ("meets_on", "reason", "problem"),
    [
        (None, "", "Enter the date the panel will meet"),
        (date(2026, 7, 1), "", "must be after the stage 3 request was received on 1 July 2026"),
        (date(2026, 6, 30), "", "must be after the stage 3 request"),
        (date(2026, 8, 13), "", "should meet by 12 August 2026"),
    ],
)
def test_a_panel_date_follows_the_request_and_a_late_one_has_its_reason(
    meets_on: date | None, reason: str, problem: str
) -> None:
    with pytest.raises(GuardFailed, match=problem):
        convene(meets_on, reason)


def test_a_panel_date_in_time_or_late_with_its_reason_is_accepted() -> None:
    assert convene(date(2026, 8, 12))
    assert convene(date(2026, 8, 13), "The chair is in hospital until then")


def test_an_extension_agreement_cannot_be_dated_after_the_extension() -> None:
    with pytest.raises(GuardFailed, match="is after the date of this step"):
        take(
            Stage.STAT_S1,
            Action.EXTEND_STAGE1,
            date(2026, 3, 10),
            case=facts(running_clocks=STAGE1),
            extend_to_working_days=20,
            reason="Complex",
            complainant_agreed_on=date(2026, 3, 11),
        )


# --- 9. No retroactive extensions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "problem"),
    [
        (STAGE1_DUE, None),  # on the deadline itself: allowed
        (
            date(2026, 3, 17),
            "The deadline was 16 March 2026: an extension is recorded on or before",
        ),
    ],
)
def test_an_extension_is_recorded_on_or_before_the_deadline_it_extends(
    on: date, problem: str | None
) -> None:
    def extend() -> Plan:
        return take(
            Stage.STAT_S1,
            Action.EXTEND_STAGE1,
            on,
            case=facts(running_clocks=STAGE1),
            extend_to_working_days=20,
            reason="Complex",
        )

    if problem is None:
        assert extend().extend is not None
    else:
        with pytest.raises(GuardFailed, match=problem):
            extend()


# --- 10. Independence is checked, not just recorded ---------------------------------------------

CONFLICTED = Person(id=7, name="Connie Conflict", declared_interest="Former social worker")
COUNCIL_STAFF = Person(id=8, name="Colin Council", is_council_officer=True)


def appoint(
    officer: Person, independent: Person, roles: frozenset[Role], reason: str = "", **kw: object
) -> Plan:
    return take(
        Stage.S2_REQUESTED,
        Action.APPOINT_INVESTIGATORS,
        date(2026, 3, 20),
        investigating_officer=officer,
        independent_person=independent,
        actor_roles=roles,
        reason=reason,
        **kw,
    )


@pytest.mark.parametrize(
    ("officer", "independent"), [(CONFLICTED, IP), (IO, CONFLICTED)], ids=["io", "ip"]
)
def test_someone_who_declared_an_interest_is_appointed_only_by_the_manager_with_a_reason(
    officer: Person, independent: Person
) -> None:
    with pytest.raises(GuardFailed, match="only the complaints manager can appoint them"):
        appoint(officer, independent, OFFICER_ROLE, "They know the family")
    with pytest.raises(GuardFailed, match="enter the reason for appointing them"):
        appoint(officer, independent, MANAGER)
    assert appoint(officer, independent, MANAGER, "The link ended ten years ago")


@pytest.mark.parametrize(
    ("profile", "refused"),
    [("lancashire", True), ("customer-relations", True), ("statutory", False)],
)
def test_a_profile_can_promise_an_investigating_officer_from_outside_the_council(
    profile: str, refused: bool
) -> None:
    def appoint_staff() -> Plan:
        return take(
            Stage.S2_REQUESTED,
            Action.APPOINT_INVESTIGATORS,
            date(2026, 3, 20),
            profile=profile,
            investigating_officer=COUNCIL_STAFF,
            independent_person=IP,
            actor_roles=MANAGER,
        )

    if refused:
        with pytest.raises(GuardFailed, match="investigating_officer_must_be_external"):
            appoint_staff()
    else:
        assert appoint_staff()


def test_the_stage_2_investigating_officer_does_not_sit_on_the_panel() -> None:
    with pytest.raises(GuardFailed, match="was the stage 2 investigating officer"):
        convene(date(2026, 8, 1), stage2_investigating_officer_ids=frozenset({CHAIR.id}))


def test_a_panel_member_who_declared_an_interest_needs_the_manager_and_a_reason() -> None:
    def convene_with(roles: frozenset[Role], reason: str) -> Plan:
        return take(
            Stage.S3_REQUESTED,
            Action.CONVENE_PANEL,
            date(2026, 7, 2),
            case=facts(running_clocks=PANEL_CLOCK),
            panel=(CHAIR, MEMBER_A, CONFLICTED),
            meets_on=date(2026, 8, 1),
            actor_roles=roles,
            reason=reason,
        )

    with pytest.raises(GuardFailed, match="only the complaints manager"):
        convene_with(OFFICER_ROLE, "")
    assert convene_with(MANAGER, "Declared a link that ended in 2010")


# --- 11. Adjudication decides every recommendation ----------------------------------------------

PENDING = (
    RecommendationFacts(11, "investigating_officer"),
    RecommendationFacts(12, "investigating_officer"),
    RecommendationFacts(13, "investigating_officer", decided=True),
)


@pytest.mark.parametrize(
    ("decisions", "problems"),
    [
        ((), ["recommendation 1: accept or reject it", "recommendation 2: accept or reject it"]),
        (
            (RecommendationDecision(11, True, "Agreed"), RecommendationDecision(12, False, " ")),
            ["Enter the reasons for the decision on the investigating officer's recommendation 2"],
        ),
    ],
)
def test_adjudication_decides_every_investigators_recommendation_with_reasons(
    decisions: tuple[RecommendationDecision, ...], problems: list[str]
) -> None:
    case = facts(points=found(FindingStage.STAGE2_ADJUDICATION), recommendations=PENDING)
    with pytest.raises(GuardFailed) as failed:
        take(
            Stage.S2_REPORTS_RECEIVED,
            Action.ADJUDICATE,
            date(2026, 5, 1),
            case=case,
            decisions=decisions,
        )
    for problem in problems:
        assert any(problem in p for p in failed.value.problems), failed.value.problems
    decided = (
        RecommendationDecision(11, True, "Agreed"),
        RecommendationDecision(12, False, "Already done"),
    )
    assert take(
        Stage.S2_REPORTS_RECEIVED, Action.ADJUDICATE, date(2026, 5, 1), case=case, decisions=decided
    )


# --- The states a clock is reported in (shared/rehearsal.md) ------------------------------------

DUE = date(2026, 3, 16)


@pytest.mark.parametrize(
    ("record", "on", "state"),
    [
        (ClockRecord(Rule.STAGE1_RESPONSE, DUE), DUE, ClockState.RUNNING),
        (ClockRecord(Rule.STAGE1_RESPONSE, DUE), date(2026, 3, 17), ClockState.OVERDUE),
        (ClockRecord(Rule.STAGE1_RESPONSE, DUE, DUE, True), DUE, ClockState.MET),
        (ClockRecord(Rule.STAGE1_RESPONSE, DUE, date(2026, 3, 17), False), DUE, ClockState.MISSED),
        (ClockRecord(Rule.STAGE1_RESPONSE, DUE, date(2026, 3, 18)), DUE, ClockState.MISSED),
        (ClockRecord(Rule.STAGE1_RESPONSE, DUE, date(2026, 3, 10)), DUE, ClockState.ENDED),
        (ClockRecord(Rule.STAGE2_REQUEST_WINDOW, DUE), DUE, ClockState.RUNNING),
        (ClockRecord(Rule.STAGE2_REQUEST_WINDOW, DUE), date(2026, 3, 17), ClockState.LAPSED),
        (ClockRecord(Rule.STAGE2_REQUEST_WINDOW, DUE, DUE, True), DUE, ClockState.USED),
        (ClockRecord(Rule.STAGE2_REQUEST_WINDOW, DUE, DUE), DUE, ClockState.LAPSED),
    ],
)
def test_a_clock_is_running_overdue_met_missed_or_ended_and_a_window_running_used_or_lapsed(
    record: ClockRecord, on: date, state: ClockState
) -> None:
    assert clock_state(record, on) is state


# --- Rules that were enforced before issue 12 and had no direct test (docs/rules.md) -------------


@pytest.mark.parametrize(("working_days", "problem"), [(20, None), (21, "at most 20 working days")])
def test_a_stage_1_extension_never_passes_twenty_working_days(
    working_days: int, problem: str | None
) -> None:
    def extend() -> Plan:
        return take(
            Stage.STAT_S1,
            Action.EXTEND_STAGE1,
            date(2026, 3, 10),
            case=facts(running_clocks=STAGE1),
            extend_to_working_days=working_days,
            reason="Complex",
        )

    if problem is None:
        assert extend().extend is not None
    else:
        with pytest.raises(GuardFailed, match=problem):
            extend()


@pytest.mark.parametrize(
    ("request_", "problem"),
    [
        ({"reason": "Serious"}, "Enter the date the complainant agreed to go straight to stage 2"),
        ({"complainant_agreed_on": date(2026, 3, 3)}, "Enter the reason"),
    ],
)
def test_straight_to_stage_2_needs_the_complainants_agreement_and_a_reason(
    request_: dict[str, object], problem: str
) -> None:
    with pytest.raises(GuardFailed, match=problem):
        take(Stage.RECEIVED, Action.ACCEPT_STATUTORY_STAGE2, date(2026, 3, 3), **request_)
    done = take(
        Stage.RECEIVED,
        Action.ACCEPT_STATUTORY_STAGE2,
        date(2026, 3, 3),
        complainant_agreed_on=date(2026, 3, 3),
        reason="A serious matter the complainant wants investigated independently",
    )
    assert [c.rule for c in done.start] == [Rule.STAGE2_RESPONSE]


def test_the_statement_is_agreed_only_with_both_investigators_and_a_point() -> None:
    with pytest.raises(GuardFailed) as failed:
        take(Stage.S2_REQUESTED, Action.AGREE_STATEMENT, date(2026, 3, 20))
    assert failed.value.problems == [
        "Appoint the investigating officer and the independent person first",
        "The statement of complaint needs at least one complaint point",
    ]
    ready = facts(
        investigating_officer=IO,
        independent_person=IP,
        points=(PointFacts(1, Route.STATUTORY, {}),),
    )
    assert take(Stage.S2_REQUESTED, Action.AGREE_STATEMENT, date(2026, 3, 20), case=ready)


@pytest.mark.parametrize(
    ("action", "stage", "rule", "maximum"),
    [
        (Action.EXTEND_CORPORATE_STAGE1, Stage.CORP_S1, Rule.CORPORATE_STAGE1_RESPONSE, 20),
        (Action.EXTEND_CORPORATE_STAGE2, Stage.CORP_S2, Rule.CORPORATE_STAGE2_RESPONSE, 40),
    ],
)
def test_a_corporate_extension_stays_within_the_profiles_maximum_with_its_reason(
    action: Action, stage: Stage, rule: Rule, maximum: int
) -> None:
    case = facts(running_clocks=clock(rule, RECEIVED, date(2026, 3, 30)))

    def extend(working_days: int, reason: str = "Complex") -> Plan:
        return take(
            stage,
            action,
            date(2026, 3, 20),
            profile="lgsco-code",
            case=case,
            extend_to_working_days=working_days,
            reason=reason,
            complainant_agreed_on=date(2026, 3, 19),
        )

    with pytest.raises(GuardFailed, match=f"at most {maximum} working days"):
        extend(maximum + 1)
    with pytest.raises(GuardFailed, match="Enter the reason for the extension"):
        extend(maximum, " ")
    assert extend(maximum).extend is not None
