"""A hand-built year of complaints whose every annual-report figure is known (financial year
2025/26, under the statutory profile), built through the services with fixed dates.

The cases, and what each contributes (WD = working days, counted as deadlines are):

A  statutory, stage 1 both points upheld, in time (6 WD); closed. Ombudsman enquiry, not upheld;
   a £250 payment agreed but not yet paid.
B  statutory, from a child with an advocate, 3 points. Stage 1 extended to the maximum and still
   late (22 WD, beyond the maximum); partially upheld. Stage 2 requested in time, extended, and
   adjudicated beyond the maximum (72 WD); partially upheld. Stage 3 asked for late and accepted;
   panel, report and response in time. Ombudsman enquiry, upheld, remedies: £300 paid on time,
   an apology outstanding. An action with a practice change ("you said, we did").
C  statutory, withdrawn at stage 1, reopened, accepted again and answered in time (6 WD from
   the reopening, when its receipt clocks start again); not upheld.
D  statutory, stage 1 not upheld in time (7 WD); stage 2 asked for late and accepted; stage 2
   late (32 WD) and partially upheld (one point partly upheld, one not); closed. A £150 distress
   payment made without the Ombudsman. An action completed after the year ends.
E  statutory, stage 1 not upheld in time (8 WD); a late stage 2 request refused. Referred back
   by the Ombudsman as premature.
F  corporate, stage 1 upheld in time (6 WD), stage 2 in time (15 WD) not upheld; closed.
G  corporate, withdrawn at stage 1.
H1, H2 compliments; H0 a compliment in 2024/25.
I  not accepted. J redirected. K a comment. L accepted, then deferred (court proceedings).
M  a stage 1 complaint in 2024/25, and N one in 2023/24 (for the trend).
O  received on 30 March 2026 and not yet triaged.
P  received on 27 March 2025 (the year before) from a foster carer, under support for a foster
   carer (a Children Act service area); on 1 April 2025 the complaints manager sent it to the
   corporate procedure, with a reason that names her (the report removes the name). Open at
   corporate stage 1.
Q  received on 27 March 2025; on 1 April 2025 the complaints manager sent its second point (about
   the contact centre) to the corporate procedure, with a reason, and the complaint was accepted
   under the Children Act procedure. Open at stage 1.
   P and Q were received before the year, so the tables of what was received leave them out; in
   the year they start corporate stage 1 and stage 1, and are its Children Act matters sent to
   the corporate procedure.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from redress.accounts.models import User
from redress.cases.models import ActionPlanItem, Case, Channel, ComplaintPoint
from redress.cases.services import (
    NewComplaint,
    PersonDetails,
    action_plan_add,
    action_plan_complete,
    case_receive,
    case_record_ombudsman,
    case_take_action,
    point_record_finding,
    point_route,
    remedy_add,
    remedy_complete,
)
from redress.cases.tests.factories import independent, staff
from redress.domain.facts import (
    ActionRequest,
    DeferralReason,
    Discretion,
    NotAcceptedGrounds,
    Route,
)
from redress.domain.findings import Finding, FindingStage
from redress.domain.ombudsman import OmbudsmanAction, OmbudsmanDecision
from redress.domain.roles import Role
from redress.domain.workflow import Action

U, P, N = Finding.UPHELD, Finding.PARTIALLY_UPHELD, Finding.NOT_UPHELD


@dataclass
class People:
    manager: User
    officer: User
    investigator: User
    independent_person: User
    panel: tuple[User, User, User]


def receive(
    on: date,
    *,
    channel: Channel = Channel.EMAIL,
    complainant: str = "parent",
    name: str = "Sam Parent",
    area: str = "child_in_care",
    points: tuple[tuple[str, str], ...] = (("The social worker did not call back", ""),),
    advocacy_offered: bool = False,
) -> Case:
    case = case_receive(
        complaint=NewComplaint(
            channel=channel,
            received_at=timezone.make_aware(datetime.combine(on, time(10, 0))),
            summary="A complaint",
            people=[PersonDetails(role="complainant", name=name, complainant_type=complainant)],
            points=[summary for summary, _ in points],
            service_area=area,
            advocacy_offered=advocacy_offered,
        )
    )
    for point, (_, theme) in zip(case.points.order_by("number"), points, strict=True):
        _set_theme(point, theme)
    return case


def _set_theme(point: ComplaintPoint, theme: str) -> None:
    """No service records a point's theme yet (asked for in issue 6's report): set it here."""
    ComplaintPoint.objects.filter(pk=point.pk).update(theme=theme)


def _advocate_involved(case: Case) -> None:
    """No service records that an advocate is involved yet (asked for): set it here."""
    Case.objects.filter(pk=case.pk).update(advocate_involved=True)


def _learning_theme(item: ActionPlanItem, theme: str) -> None:
    """`action_plan_add` takes no learning theme yet (asked for): set it here."""
    ActionPlanItem.objects.filter(pk=item.pk).update(learning_theme=theme)


def act(case: Case, action: Action, on: date, by: User | None = None, **request: object) -> Case:
    return case_take_action(
        case_id=case.pk,
        action=action,
        request=ActionRequest(on=on, **request),  # type: ignore[arg-type]
        by=by,
    )


def find(case: Case, stage: FindingStage, on: date, *results: Finding) -> None:
    points = list(case.points.order_by("number"))
    assert len(points) == len(results)
    for point, result in zip(points, results, strict=True):
        point_record_finding(point_id=point.pk, stage=stage, finding=result, by=None, on=on)


def people() -> People:
    return People(
        manager=staff(Role.COMPLAINTS_MANAGER),
        officer=staff(Role.COMPLAINTS_OFFICER),
        investigator=independent(Role.INVESTIGATING_OFFICER),
        independent_person=independent(),
        panel=(
            independent(Role.PANEL_CHAIR),
            independent(Role.PANEL_MEMBER),
            independent(Role.PANEL_MEMBER),
        ),
    )


def stage2(case: Case, who: People, requested: date, statement: date, **late: object) -> None:
    act(case, Action.REQUEST_STAGE2, requested, **late)
    act(
        case,
        Action.APPOINT_INVESTIGATORS,
        requested,
        investigating_officer=who.investigator.as_person(),
        independent_person=who.independent_person.as_person(),
    )
    act(case, Action.AGREE_STATEMENT, statement)
    act(case, Action.START_INVESTIGATION, statement)


def build() -> dict[str, Case]:
    who = people()
    manager = who.manager
    cases: dict[str, Case] = {}

    # A: stage 1 upheld in time; Ombudsman not upheld; a payment agreed, not paid.
    a = cases["A"] = receive(
        date(2025, 6, 2),
        area="child_in_care",
        points=(("Calls not returned", "Communication"), ("Plan late", "Delay")),
    )
    act(a, Action.ACKNOWLEDGE, date(2025, 6, 3))
    act(a, Action.ACCEPT_STATUTORY, date(2025, 6, 3))
    find(a, FindingStage.STAGE1, date(2025, 6, 10), U, U)
    act(a, Action.RESPOND_STAGE1, date(2025, 6, 10))
    act(a, Action.CLOSE, date(2025, 7, 15))
    case_record_ombudsman(
        case_id=a.pk, action=OmbudsmanAction.RECORD_ENQUIRY, by=None, on=date(2025, 11, 3)
    )
    case_record_ombudsman(
        case_id=a.pk,
        action=OmbudsmanAction.RECORD_DECISION,
        by=None,
        on=date(2026, 1, 15),
        decision=OmbudsmanDecision.NOT_UPHELD,
    )
    remedy_add(
        case_id=a.pk,
        kind="payment",
        by=None,
        on=date(2026, 1, 20),
        amount_pence=25000,
        payment_reason="delay",
    )

    # B: the long road, from a child with an advocate.
    b = cases["B"] = receive(
        date(2025, 4, 7),
        channel=Channel.PHONE,
        complainant="child",
        name="Alex Young",
        area="leaving_care",
        points=(
            ("No pathway plan", "Communication"),
            ("Wrong flat", "Service quality"),
            ("Allowance stopped", "Decisions"),
        ),
        advocacy_offered=True,
    )
    _advocate_involved(b)
    act(b, Action.ACKNOWLEDGE, date(2025, 4, 8))
    act(b, Action.ACCEPT_STATUTORY, date(2025, 4, 8))
    act(
        b,
        Action.EXTEND_STAGE1,
        date(2025, 4, 15),
        extend_to_working_days=20,
        reason="Waiting for an advocate",
        complainant_agreed_on=date(2025, 4, 15),
    )
    find(b, FindingStage.STAGE1, date(2025, 5, 12), U, N, P)
    act(b, Action.RESPOND_STAGE1, date(2025, 5, 12))  # 22 WD: beyond the 20 WD maximum
    stage2(b, who, date(2025, 5, 20), date(2025, 5, 28))
    act(
        b,
        Action.EXTEND_STAGE2,
        date(2025, 6, 20),
        extend_to_working_days=65,
        reason="Complex",
        complainant_agreed_on=date(2025, 6, 20),
    )
    find(b, FindingStage.STAGE2_INVESTIGATION, date(2025, 9, 1), U, N, N)
    act(b, Action.RECEIVE_REPORTS, date(2025, 9, 1))
    find(b, FindingStage.STAGE2_ADJUDICATION, date(2025, 9, 8), U, N, N)
    act(b, Action.ADJUDICATE, date(2025, 9, 8))  # 72 WD after 28 May: beyond the maximum
    act(
        b,
        Action.REQUEST_STAGE3,
        date(2025, 10, 14),
        discretion=Discretion.ACCEPT,
        reason="The adjudication went to an old address",
    )
    act(
        b,
        Action.CONVENE_PANEL,
        date(2025, 10, 15),
        panel=tuple(p.as_person() for p in who.panel),
        meets_on=date(2025, 11, 12),
    )
    act(b, Action.HOLD_PANEL, date(2025, 11, 12))
    act(b, Action.ISSUE_PANEL_REPORT, date(2025, 11, 17))
    act(b, Action.ISSUE_LA_RESPONSE, date(2025, 12, 3), by=manager)
    act(b, Action.CLOSE, date(2025, 12, 10))
    case_record_ombudsman(
        case_id=b.pk, action=OmbudsmanAction.RECORD_ENQUIRY, by=None, on=date(2026, 1, 12)
    )
    case_record_ombudsman(
        case_id=b.pk,
        action=OmbudsmanAction.RECORD_DECISION,
        by=None,
        on=date(2026, 3, 2),
        decision=OmbudsmanDecision.UPHELD,
    )
    paid = remedy_add(
        case_id=b.pk,
        kind="payment",
        by=None,
        on=date(2026, 3, 2),
        due_on=date(2026, 3, 30),
        amount_pence=30000,
        payment_reason="time_and_trouble",
    )
    remedy_complete(remedy_id=paid.pk, evidence="Paid", by=None, on=date(2026, 3, 20))
    remedy_add(case_id=b.pk, kind="apology", by=None, on=date(2026, 3, 2), due_on=date(2026, 3, 30))
    item = action_plan_add(
        case_id=b.pk,
        description="Review pathway plans",
        owner=None,
        due_on=date(2026, 2, 28),
        by=None,
        on=date(2025, 12, 3),
    )
    _learning_theme(item, "Communication")
    action_plan_complete(
        item_id=item.pk,
        evidence="Audit done",
        by=None,
        on=date(2026, 2, 15),
        practice_change=(
            "Alex Young told us pathway plans were late. Every care leaver now gets their plan "
            "before they turn 18; Alex can call 01632 960123 or email alex@example.org, "
            "ref CSC-2025-00002."
        ),
    )

    # C: withdrawn at stage 1, reopened, answered late.
    c = cases["C"] = receive(
        date(2025, 9, 1),
        channel=Channel.LETTER,
        area="children_in_need",
        points=(("No assessment", "Communication"),),
    )
    act(c, Action.ACKNOWLEDGE, date(2025, 9, 2))
    act(c, Action.ACCEPT_STATUTORY, date(2025, 9, 2))
    act(c, Action.WITHDRAW, date(2025, 9, 5))
    act(c, Action.REOPEN, date(2025, 9, 22), by=manager, reason="Asked us to carry on")
    act(c, Action.ACKNOWLEDGE, date(2025, 9, 22))
    act(c, Action.ACCEPT_STATUTORY, date(2025, 9, 22))
    find(c, FindingStage.STAGE1, date(2025, 9, 30), N)
    act(c, Action.RESPOND_STAGE1, date(2025, 9, 30))  # 6 WD from the reopening

    # D: a late stage 2 request, accepted.
    d = cases["D"] = receive(
        date(2025, 10, 1),
        channel=Channel.ONLINE_FORM,
        complainant="pr_holder",
        area="disabled_children",
        points=(("Short breaks cut", "Delay"), ("Rude manager", "Staff conduct")),
    )
    act(d, Action.ACKNOWLEDGE, date(2025, 10, 2))
    act(d, Action.ACCEPT_STATUTORY, date(2025, 10, 2))
    find(d, FindingStage.STAGE1, date(2025, 10, 10), N, N)
    act(d, Action.RESPOND_STAGE1, date(2025, 10, 10))
    stage2(
        d,
        who,
        date(2025, 11, 12),
        date(2025, 11, 20),
        discretion=Discretion.ACCEPT,
        reason="In hospital",
    )
    find(d, FindingStage.STAGE2_INVESTIGATION, date(2026, 1, 6), P, N)
    act(d, Action.RECEIVE_REPORTS, date(2026, 1, 6))
    find(d, FindingStage.STAGE2_ADJUDICATION, date(2026, 1, 8), P, N)
    act(d, Action.ADJUDICATE, date(2026, 1, 8))
    act(d, Action.CLOSE, date(2026, 2, 20))
    distress = remedy_add(
        case_id=d.pk,
        kind="payment",
        by=None,
        on=date(2026, 2, 10),
        amount_pence=15000,
        payment_reason="distress",
    )
    remedy_complete(remedy_id=distress.pk, evidence="Paid", by=None, on=date(2026, 2, 25))
    later = action_plan_add(
        case_id=d.pk,
        description="Train managers",
        owner=None,
        due_on=date(2026, 4, 30),
        by=None,
        on=date(2026, 1, 8),
    )
    action_plan_complete(
        item_id=later.pk,
        evidence="Done",
        by=None,
        on=date(2026, 4, 10),
        practice_change="Managers trained in complaint handling.",
    )

    # E: a late stage 2 request refused; then the Ombudsman refers it back as premature.
    e = cases["E"] = receive(
        date(2025, 5, 6),
        complainant="sufficient_interest",
        area="child_in_care",
        points=(("Contact stopped", "Decisions"),),
    )
    act(e, Action.ACKNOWLEDGE, date(2025, 5, 7))
    act(e, Action.ACCEPT_STATUTORY, date(2025, 5, 7))
    find(e, FindingStage.STAGE1, date(2025, 5, 16), N)
    act(e, Action.RESPOND_STAGE1, date(2025, 5, 16))
    act(
        e,
        Action.REFUSE_LATE_STAGE2_REQUEST,
        date(2025, 6, 30),
        by=manager,
        reason="Six weeks late with no reason given",
    )
    case_record_ombudsman(
        case_id=e.pk,
        action=OmbudsmanAction.RECORD_PREMATURE_REFERRAL,
        by=None,
        on=date(2026, 2, 10),
    )

    # F: corporate, both stages in time.
    f = cases["F"] = receive(
        date(2025, 7, 1), area="education", points=(("Transport late", "Communication"),)
    )
    act(f, Action.ACKNOWLEDGE, date(2025, 7, 2))
    act(f, Action.ACCEPT_CORPORATE, date(2025, 7, 2))
    find(f, FindingStage.CORPORATE_STAGE1, date(2025, 7, 10), U)
    act(f, Action.RESPOND_CORPORATE_STAGE1, date(2025, 7, 10))
    act(f, Action.REQUEST_CORPORATE_STAGE2, date(2025, 7, 21))
    act(f, Action.ACKNOWLEDGE_CORPORATE_STAGE2, date(2025, 7, 22))
    find(f, FindingStage.CORPORATE_STAGE2, date(2025, 8, 12), N)
    act(f, Action.RESPOND_CORPORATE_STAGE2, date(2025, 8, 12))
    act(f, Action.CLOSE, date(2025, 8, 20))

    # G: corporate, withdrawn at stage 1.
    g = cases["G"] = receive(
        date(2025, 11, 3),
        channel=Channel.PHONE,
        area="early_help",
        points=(("No family support", "Service quality"),),
    )
    act(g, Action.ACKNOWLEDGE, date(2025, 11, 4))
    act(g, Action.ACCEPT_CORPORATE, date(2025, 11, 4))
    act(g, Action.WITHDRAW, date(2025, 11, 10))

    # Compliments (H0 in the year before), a refusal, a redirection, a comment, a deferral.
    for key, on, area in [
        ("H1", date(2025, 8, 4), "child_in_care"),
        ("H2", date(2025, 12, 1), "leaving_care"),
        ("H0", date(2024, 11, 4), "child_in_care"),
    ]:
        cases[key] = receive(on, area=area, points=())
        act(cases[key], Action.LOG_COMPLIMENT, on)
    cases["I"] = receive(date(2025, 8, 11))
    act(
        cases["I"],
        Action.NOT_ACCEPT,
        date(2025, 8, 12),
        by=manager,
        reason="Not about us",
        grounds=NotAcceptedGrounds.NOT_ABOUT_A_SERVICE,
    )
    cases["J"] = receive(date(2026, 1, 12))
    act(cases["J"], Action.REDIRECT, date(2026, 1, 13), reason="A school admissions appeal")
    cases["K"] = receive(date(2026, 2, 2), points=())
    act(cases["K"], Action.LOG_COMMENT, date(2026, 2, 2))
    cases["L"] = receive(date(2025, 12, 8))
    act(cases["L"], Action.ACCEPT_STATUTORY, date(2025, 12, 8))
    act(
        cases["L"],
        Action.DEFER,
        date(2025, 12, 9),
        deferral_reason=DeferralReason.ONGOING_COURT,
        review_on=date(2026, 6, 1),
    )

    # M and N: stage 1 complaints in earlier years, for the trend.
    for key, on in [("M", date(2024, 10, 1)), ("N", date(2023, 6, 5))]:
        cases[key] = receive(on)
        act(cases[key], Action.ACCEPT_STATUTORY, on)

    # O: received, not yet triaged.
    cases["O"] = receive(date(2026, 3, 30))

    # P and Q: Children Act matters the complaints manager sent to the corporate procedure.
    p = cases["P"] = receive(
        date(2025, 3, 27),
        complainant="la_foster_carer",
        name="Jo Fisher",
        area="foster_carer_support",
        points=(("Allowance paid late", "Delay"),),
    )
    act(p, Action.ACKNOWLEDGE, date(2025, 3, 28))
    act(
        p,
        Action.ACCEPT_CORPORATE,
        date(2025, 4, 1),
        by=manager,
        reason=(
            "Jo Fisher complains about how the finance team paid her fostering allowance, not "
            "about the support she gets as a foster carer"
        ),
    )
    q = cases["Q"] = receive(
        date(2025, 3, 27),
        area="children_in_need",
        points=(("No assessment", "Delay"), ("Kept on hold", "Communication")),
    )
    act(q, Action.ACKNOWLEDGE, date(2025, 3, 28))
    point_route(
        point_id=q.points.get(number=2).pk,
        route=Route.CORPORATE,
        reason="About the council's contact centre, not the social work service",
        by=manager,
        on=date(2025, 4, 1),
    )
    act(q, Action.ACCEPT_STATUTORY, date(2025, 4, 1))
    return cases
