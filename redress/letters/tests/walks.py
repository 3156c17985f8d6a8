"""Cases walked through the services to any stage, for letter tests.

The dates are fixed (statutory profile, England and Wales bank holidays), so each letter's dates
can be checked against values worked out by hand from domain.md §7.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils import timezone

from redress.accounts.models import User
from redress.cases.models import Case, Channel
from redress.cases.services import (
    NewComplaint,
    PersonDetails,
    action_plan_add,
    case_receive,
    case_take_action,
    person_record_eligibility,
    point_record_finding,
)
from redress.cases.tests.factories import independent, staff
from redress.domain.facts import (
    ActionRequest,
    DeferralReason,
    Discretion,
    NotAcceptedGrounds,
    RecommendationDecision,
    SentBy,
)
from redress.domain.findings import Finding, FindingStage
from redress.domain.roles import Role
from redress.domain.workflow import Action, Stage

RECEIVED = date(2026, 3, 18)  # a Wednesday
ADDRESS = "12 Mill Lane, Exampletown, EX1 2AB"


@dataclass
class Walk:
    """A case and the dates it was walked on; `today` is the date of its last step."""

    case: Case
    today: date
    people: dict[str, User] = field(default_factory=dict)

    def take(self, action: Action, on: date, **request: object) -> None:
        details = request.pop("details", None)
        self.case = case_take_action(
            case_id=self.case.pk,
            action=action,
            request=ActionRequest(on=on, **request),  # type: ignore[arg-type]
            by=None,
            details=details,  # type: ignore[arg-type]
        )
        self.today = on

    def find(self, stage: FindingStage, result: Finding, on: date, why: str = "") -> None:
        for point in self.case.points.all():
            point_record_finding(
                point_id=point.pk, stage=stage, finding=result, by=None, on=on, rationale=why
            )


def received(*, email: str = "sam.parent@example.org", address: str = ADDRESS) -> Walk:
    case = case_receive(
        complaint=NewComplaint(
            channel=Channel.EMAIL,
            received_at=timezone.make_aware(datetime.combine(RECEIVED, time(10, 0))),
            summary="The family time arrangements for my son were changed without telling me",
            people=[
                PersonDetails(
                    role="complainant",
                    name="Sam Parent",
                    complainant_type="parent",
                    email=email,
                    postal_address=address,
                ),
                PersonDetails(role="child", name="Alex Parent"),
            ],
            points=(
                "The social worker did not return my calls for three weeks",
                "Contact with my son was cut from weekly to monthly without a meeting",
            ),
        )
    )
    return Walk(case, RECEIVED)


def _stage1(walk: Walk) -> None:
    walk.take(Action.ACKNOWLEDGE, date(2026, 3, 19))
    walk.take(Action.ACCEPT_STATUTORY, date(2026, 3, 19))


def _stage2(walk: Walk, *, agree: bool) -> None:
    responded(walk)
    walk.take(Action.REQUEST_STAGE2, date(2026, 4, 20))
    officer = independent(Role.INVESTIGATING_OFFICER, first_name="Chris", last_name="Inquirer")
    ip = independent(first_name="Pat", last_name="Fairweather")
    walk.people.update(officer=officer, independent=ip)
    walk.take(
        Action.APPOINT_INVESTIGATORS,
        date(2026, 4, 21),
        investigating_officer=officer.as_person(),
        independent_person=ip.as_person(),
    )
    if agree:
        walk.take(Action.AGREE_STATEMENT, date(2026, 4, 28))


def resolved(walk: Walk, *, sent_by: SentBy = SentBy.EMAIL) -> None:
    """Resolved at stage 1 on Monday 30 March 2026, as the complainant agreed on the 27th."""
    _stage1(walk)
    walk.find(FindingStage.STAGE1, Finding.RESOLVED, date(2026, 3, 27), "A new plan agreed.")
    walk.take(
        Action.RESOLVE_STAGE1,
        date(2026, 3, 30),
        complainant_agreed_on=date(2026, 3, 27),
        agreed_how="by phone",
        sent_by=sent_by,
    )


def responded(walk: Walk, *, sent_by: SentBy = SentBy.EMAIL) -> None:
    """The stage 1 response sent on Wednesday 1 April 2026."""
    _stage1(walk)
    walk.find(FindingStage.STAGE1, Finding.PARTIALLY_UPHELD, date(2026, 3, 30), "We found gaps.")
    walk.take(Action.RESPOND_STAGE1, date(2026, 4, 1), sent_by=sent_by)


def corporate_responded(walk: Walk, *, sent_by: SentBy = SentBy.EMAIL) -> None:
    """The corporate stage 1 response sent on Wednesday 1 April 2026."""
    _corporate(walk)
    walk.find(FindingStage.CORPORATE_STAGE1, Finding.NOT_UPHELD, date(2026, 3, 30), "No fault.")
    walk.take(Action.RESPOND_CORPORATE_STAGE1, date(2026, 4, 1), sent_by=sent_by)


def _adjudicated(walk: Walk) -> None:
    _stage2(walk, agree=True)
    walk.take(Action.START_INVESTIGATION, date(2026, 4, 29))
    walk.find(FindingStage.STAGE2_INVESTIGATION, Finding.UPHELD, date(2026, 6, 1))
    walk.take(Action.RECEIVE_REPORTS, date(2026, 6, 1))
    walk.find(FindingStage.STAGE2_ADJUDICATION, Finding.UPHELD, date(2026, 6, 3), "Agreed.")
    owner = staff(Role.RESPONDING_MANAGER, email="manager@council.example")
    action_plan_add(
        case_id=walk.case.pk,
        description="Review the family time plan with you at a meeting",
        owner=owner,
        due_on=date(2026, 7, 3),
        by=None,
        on=date(2026, 6, 3),
    )
    walk.take(Action.ADJUDICATE, date(2026, 6, 4))


def _panel(walk: Walk) -> None:
    _adjudicated(walk)
    walk.take(Action.REQUEST_STAGE3, date(2026, 6, 22))
    chair = independent(Role.PANEL_CHAIR, first_name="Lee", last_name="Chairwood")
    members = [independent(Role.PANEL_MEMBER) for _ in range(2)]
    walk.take(
        Action.CONVENE_PANEL,
        date(2026, 6, 24),
        panel=(chair.as_person(), *(m.as_person() for m in members)),
        meets_on=date(2026, 7, 15),
    )


def _corporate(walk: Walk) -> None:
    walk.take(Action.ACKNOWLEDGE, date(2026, 3, 19))
    walk.take(Action.ACCEPT_CORPORATE, date(2026, 3, 19))


def case_at(stage: Stage, *, extended: bool = False, **received_kwargs: str) -> Walk:
    """A case walked to `stage`; with `extended`, its running response clock is extended."""
    walk = received(**received_kwargs)
    steps = {
        Stage.RECEIVED: lambda: None,
        Stage.STAT_S1: lambda: _stage1(walk),
        Stage.RESPONDED_S1: lambda: responded(walk),
        Stage.S2_REQUESTED: lambda: _stage2(walk, agree=False),
        Stage.S2_STATEMENT_AGREED: lambda: _stage2(walk, agree=True),
        Stage.S2_ADJUDICATED: lambda: _adjudicated(walk),
        Stage.PANEL_SCHEDULED: lambda: _panel(walk),
        Stage.CORP_S1: lambda: _corporate(walk),
    }
    if stage in steps:
        steps[stage]()
    elif stage is Stage.RESOLVED_S1:
        resolved(walk)
    elif stage is Stage.S2_INVESTIGATING:
        _stage2(walk, agree=True)
        walk.take(Action.START_INVESTIGATION, date(2026, 4, 29))
    elif stage is Stage.S2_REPORTS_RECEIVED:
        _stage2(walk, agree=True)
        walk.take(Action.START_INVESTIGATION, date(2026, 4, 29))
        # before the stage 2 response is due (27 May: 25 working days from the request)
        walk.find(FindingStage.STAGE2_INVESTIGATION, Finding.UPHELD, date(2026, 5, 20))
        walk.take(Action.RECEIVE_REPORTS, date(2026, 5, 20))
    elif stage is Stage.S3_REQUESTED:
        _adjudicated(walk)
        walk.take(Action.REQUEST_STAGE3, date(2026, 6, 22))
    elif stage is Stage.LA_RESPONSE_ISSUED:
        _panel(walk)
        walk.take(Action.HOLD_PANEL, date(2026, 7, 15))
        walk.take(
            Action.ISSUE_PANEL_REPORT,
            date(2026, 7, 20),
            details={"recommendations": ["Apologise in writing for the delay"]},
        )
        [recommendation] = walk.case.recommendations.all()
        walk.take(
            Action.ISSUE_LA_RESPONSE,
            date(2026, 8, 7),
            decisions=(RecommendationDecision(recommendation.pk, True, "We agree and apologise."),),
        )
    elif stage is Stage.CORP_S1_RESPONDED or stage in (Stage.CORP_S2, Stage.CORP_S2_RESPONDED):
        corporate_responded(walk)
        if stage is not Stage.CORP_S1_RESPONDED:
            walk.take(Action.REQUEST_CORPORATE_STAGE2, date(2026, 4, 10))
            walk.take(Action.ACKNOWLEDGE_CORPORATE_STAGE2, date(2026, 4, 13))
        if stage is Stage.CORP_S2_RESPONDED:
            walk.find(FindingStage.CORPORATE_STAGE2, Finding.UPHELD, date(2026, 5, 1), "Fault.")
            walk.take(Action.RESPOND_CORPORATE_STAGE2, date(2026, 5, 5))
    elif stage is Stage.NOT_ACCEPTED:
        walk.take(
            Action.NOT_ACCEPT,
            date(2026, 3, 20),
            reason="The matter is before the family court.",
            grounds=NotAcceptedGrounds.OTHER,
        )
    elif stage is Stage.REDIRECTED:
        walk.take(
            Action.REDIRECT,
            date(2026, 3, 20),
            reason="Child protection conference decisions have their own challenge process.",
        )
    elif stage is Stage.COMPLIMENT_LOGGED:
        walk.take(Action.LOG_COMPLIMENT, date(2026, 3, 20))
    elif stage is Stage.WITHDRAWN:
        _stage1(walk)
        walk.take(Action.WITHDRAW, date(2026, 3, 25), reason="Things are better now.")
    elif stage is Stage.DEFERRED:
        _stage1(walk)
        walk.take(
            Action.DEFER,
            date(2026, 3, 25),
            deferral_reason=DeferralReason.ONGOING_COURT,
            review_on=date(2026, 6, 25),
            reason="Care proceedings are listed for a final hearing in June.",
        )
    elif stage is Stage.CLOSED:
        responded(walk)
        walk.take(Action.CLOSE, date(2026, 5, 11))
    else:  # pragma: no cover
        raise ValueError(f"No walk to {stage}")
    if extended:
        _extend(walk)
    return walk


EXTENSIONS = {
    Stage.STAT_S1: (Action.EXTEND_STAGE1, 20),
    Stage.CORP_S1: (Action.EXTEND_CORPORATE_STAGE1, 20),
    Stage.CORP_S2: (Action.EXTEND_CORPORATE_STAGE2, 40),
}


def _extend(walk: Walk) -> None:
    action, days = EXTENSIONS.get(Stage(walk.case.stage), (Action.EXTEND_STAGE2, 65))
    walk.take(
        action,
        walk.today,
        extend_to_working_days=days,
        reason="We are waiting for records from the fostering team.",
    )


def sufficient_interest(decision: Discretion) -> Walk:
    walk = received()
    person = walk.case.people.get(role="complainant")
    person_record_eligibility(
        person_id=person.pk,
        decision=decision,
        reasons="You are the child's grandmother and care for him at weekends.",
        by=None,
        on=date(2026, 3, 20),
    )
    walk.today = date(2026, 3, 20)
    return walk
