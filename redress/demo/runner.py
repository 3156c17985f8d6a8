"""Plays the planned demo cases through the services, in date order across the whole council.

Every step of every case goes on one timeline and is taken in date order, so references follow
the order of receipt and event ids follow the dates, as they would in a real year. Each step is a
call to a case service (redress/cases/services), by someone the transition table allows to take it;
findings travel with the action that needs them. Follow-ups (an action plan item completed, a
payment made) are put on the timeline at their own dates, if those have come by today.
"""

import heapq
import itertools
from datetime import date

from redress.accounts.models import Team, User
from redress.cases.models import (
    Case,
    CasePerson,
    Channel,
    ComplaintPoint,
    PersonRole,
    Recommendation,
    Remedy,
)
from redress.cases.services import (
    FindingInput,
    action_plan_add,
    action_plan_complete,
    case_add_note,
    case_appoint_advocate,
    case_assign,
    case_receive,
    case_record_ombudsman,
    case_record_time_limit_decision,
    case_take_action,
    person_record_consent,
    person_record_eligibility,
    point_add,
    point_record_independent_view,
    point_route,
    point_set_theme,
    recommendation_add,
    recommendation_decide,
    remedy_add,
    remedy_complete,
)
from redress.demo import catalogue as text
from redress.demo.complaints import weighted
from redress.demo.people import usernames_in
from redress.demo.plans import CasePlan, Happening
from redress.demo.requests import Requests
from redress.demo.scenarios import Extra, Step
from redress.demo.tables import (
    DEPARTURE,
    INVESTIGATION_FINDINGS,
    LOCAL_FINDINGS,
    TRIAGE,
    transition_of,
)
from redress.domain.facts import (
    Discretion,
    Route,
)
from redress.domain.findings import Finding, FindingStage
from redress.domain.guards import (
    ROUTE_OF_FINDING_STAGE,
)
from redress.domain.ombudsman import OmbudsmanAction, OmbudsmanDecision
from redress.domain.profiles import CouncilProfile
from redress.domain.roles import Role
from redress.domain.workflow import (
    COMPLAINTS_TEAM,
    FINDINGS_RECORDED,
    MANAGER,
    Action,
    Stage,
)
from redress.domain.working_days import WorkingCalendar


class DemoError(Exception):
    """A scenario could not be played: the message names the case, the step and the reason."""


# The actions that record findings (those that give them, and the investigating officer's
# report), and what the findings tend to be (domain §4.1).
class Runner(Requests):
    def __init__(
        self,
        *,
        users: dict[str, User],
        teams: dict[str, Team],
        profile: CouncilProfile,
        calendar: WorkingCalendar,
    ) -> None:
        self.users = users
        self.teams = teams
        self.profile = profile
        self.calendar = calendar
        self.timeline: list[tuple[date, int, int, CasePlan, Happening]] = []
        self.sequence = itertools.count()
        self.order: dict[int, int] = {}

    def run(self, plans: list[CasePlan]) -> None:
        plans.sort(key=lambda plan: (plan.received_at, plan.number))
        for order, plan in enumerate(plans):
            self.order[plan.number] = order
            self.schedule(plan, plan.received_at.date(), None)
            for on, planned in plan.steps:
                self.schedule(plan, on, planned)
        while self.timeline:
            on, _, _, plan, happening = heapq.heappop(self.timeline)
            try:
                if happening is None:
                    self.receive(plan)
                elif isinstance(happening, Step):
                    self.take(plan, happening, on)
                else:
                    happening(on)
            except DemoError:
                raise
            except Exception as error:
                what = (
                    happening.name
                    if isinstance(happening, Step)
                    else "receive"
                    if happening is None
                    else "follow-up"
                )
                raise DemoError(
                    f"{plan.describe()}: step '{what}' on {on:%d %B %Y} failed: {error}"
                ) from error
        for plan in plans:
            stage = Case.objects.values_list("stage", flat=True).get(pk=plan.case_id)
            if stage != plan.scenario.ends_at:
                raise DemoError(
                    f"{plan.describe()} ended at '{stage}', not '{plan.scenario.ends_at}': the "
                    "scenario no longer matches the transition table"
                )

    def schedule(self, plan: CasePlan, on: date, happening: Happening) -> None:
        """Put something on the timeline; a follow-up dated after today never happens."""
        if on > plan.today:
            return
        entry = (on, self.order[plan.number], next(self.sequence), plan, happening)
        heapq.heappush(self.timeline, entry)

    # People
    def user(self, username: str) -> User:
        return self.users[username]

    def pick(self, plan: CasePlan, role: Role) -> str:
        return plan.rng.choice(usernames_in(role))

    @property
    def manager(self) -> User:
        return self.user(usernames_in(Role.COMPLAINTS_MANAGER)[0])

    def responding_manager(self, plan: CasePlan) -> User:
        return self.user(plan.content.area.responding_manager)

    def actor(self, plan: CasePlan, action: Action) -> User:
        """Someone whose role the transition table allows, preferring the most specific role."""
        roles = transition_of(action).roles
        specific = roles - COMPLAINTS_TEAM
        if Role.RESPONDING_MANAGER in specific:
            return self.responding_manager(plan)
        if Role.INVESTIGATING_OFFICER in specific:
            return self.user(plan.investigating_officer)
        if Role.PANEL_CHAIR in specific:
            return self.user(plan.panel[0])
        if Role.ADJUDICATING_OFFICER in specific:
            return self.user(self.pick(plan, Role.ADJUDICATING_OFFICER))
        if Role.DIRECTOR in specific:
            return self.user(self.pick(plan, Role.DIRECTOR))
        if roles == MANAGER or (action is Action.ACCEPT_CORPORATE and self.statutory_matter(plan)):
            return self.manager
        return self.user(plan.officer)

    # Receipt
    def receive(self, plan: CasePlan) -> None:
        plan.officer = self.pick(plan, Role.COMPLAINTS_OFFICER)
        officer = self.user(plan.officer)
        public = plan.content.complaint.channel == Channel.ONLINE_FORM
        case = case_receive(complaint=plan.content.complaint, by=None if public else officer)
        plan.case_id = case.pk
        case_assign(
            case_id=case.pk,
            assigned_to=officer,
            team_id=self.teams[plan.content.area.team].pk,
            by=self.manager,
            on=case.received_on,
        )
        points = case.points.order_by("number").values_list("pk", flat=True)
        for point_id, theme in zip(points, plan.content.themes, strict=True):
            point_set_theme(point_id=point_id, theme=theme, by=officer, on=case.received_on)
        if plan.content.advocate:
            case_appoint_advocate(
                case_id=case.pk,
                advocate=self.user(plan.content.advocate),
                by=officer,
                on=case.received_on,
            )

    # Steps
    def take(self, plan: CasePlan, planned: Step, on: date) -> None:
        if isinstance(planned.do, OmbudsmanAction):
            self.ombudsman(plan, planned, on)
        elif planned.do is Extra.ADD_POINT:
            self.add_point(plan, on)
        elif planned.do is Extra.ROUTE_POINT_ELSEWHERE:
            point = ComplaintPoint.objects.filter(case_id=plan.case_id).order_by("number").last()
            assert point is not None
            point_route(
                point_id=point.pk,
                route=Route.OTHER_PROCESS,
                reason=text.REDIRECTED[2],
                by=self.user(plan.officer),
                on=on,
            )
        else:
            self.act(plan, planned, Action(planned.do), on)

    def act(self, plan: CasePlan, planned: Step, action: Action, on: date) -> None:
        if action in TRIAGE and not plan.triaged:
            self.triage_decisions(plan, on)
        findings: list[FindingInput] = []
        if action in FINDINGS_RECORDED:
            findings = self.findings(plan, planned, FINDINGS_RECORDED[action])
        elif action is Action.WITHDRAW:
            findings = self.withdrawn(plan)
        details = self.details(plan, planned, action, on)  # before the request picks a panel
        request = self.request(plan, planned, action, on)
        case_take_action(
            case_id=plan.case_id,
            action=action,
            request=request,
            by=None if planned.by_sweep else self.actor(plan, action),
            findings=findings,
            details=details,
        )
        self.after(plan, planned, action, on)

    def triage_decisions(self, plan: CasePlan, on: date) -> None:
        """What triage decides before routing: who may complain (§1.1), the time limit (§3.3)."""
        plan.triaged = True
        content = plan.content
        people = CasePerson.objects.filter(case_id=plan.case_id)
        if content.needs_eligibility_decision:
            refused = plan.scenario.eligibility_refused
            person_record_eligibility(
                person_id=people.get(role=PersonRole.COMPLAINANT).pk,
                decision=Discretion.REFUSE if refused else Discretion.ACCEPT,
                reasons=text.NOT_ACCEPTED[2] if refused else text.ELIGIBILITY_ACCEPTED,
                by=self.manager,
                on=on,
            )
        if content.child_consent:
            person_record_consent(
                person_id=people.get(role=PersonRole.CHILD).pk,
                given=True,
                by=self.user(plan.officer),
                on=on,
            )
        if content.late_discretion is not None:
            limbs = (
                plan.rng.choice(text.LATE_COMPLAINT_ACCEPTED)
                if content.late_discretion is Discretion.ACCEPT
                else text.LATE_COMPLAINT_REFUSED
            )
            case_record_time_limit_decision(
                case_id=plan.case_id,
                discretion=content.late_discretion,
                not_reasonable_to_expect=limbs[0],
                still_possible_to_consider=limbs[1],
                by=self.manager,
                on=on,
            )
        if plan.rng.random() < 0.15:
            case_add_note(
                case_id=plan.case_id,
                text=plan.rng.choice(text.TRIAGE_NOTES),
                by=self.user(plan.officer),
                on=on,
            )

    def findings(self, plan: CasePlan, planned: Step, stage: FindingStage) -> list[FindingInput]:
        """The findings an action gives, point by point (domain §4.1)."""
        rng = plan.rng
        route = ROUTE_OF_FINDING_STAGE[stage]
        points = ComplaintPoint.objects.filter(case_id=plan.case_id, route=route).order_by("number")
        given = []
        for index, (point_id, number) in enumerate(points.values_list("pk", "number")):
            if planned.outcomes:
                finding = planned.outcomes[index % len(planned.outcomes)]
            elif planned.do is Action.RESOLVE_STAGE1:
                finding = Finding.RESOLVED
            elif stage is FindingStage.STAGE2_INVESTIGATION:
                finding = weighted(rng, INVESTIGATION_FINDINGS)
            elif stage is FindingStage.STAGE2_ADJUDICATION:
                investigation = plan.findings.get(FindingStage.STAGE2_INVESTIGATION, {})
                found = investigation.get(number, Finding.NOT_UPHELD)
                finding = found if rng.random() < 0.85 else DEPARTURE[found]
            else:
                finding = weighted(rng, LOCAL_FINDINGS)
            plan.findings.setdefault(stage, {})[number] = finding
            given.append(
                FindingInput(
                    point_id=point_id,
                    stage=stage,
                    finding=finding,
                    rationale=text.RATIONALES[finding],
                )
            )
        return given

    def withdrawn(self, plan: CasePlan) -> list[FindingInput]:
        """A complaint withdrawn at stage 1 has its points recorded as withdrawn there."""
        if Case.objects.values_list("stage", flat=True).get(pk=plan.case_id) != Stage.STAT_S1:
            return []
        points = ComplaintPoint.objects.filter(case_id=plan.case_id, route=Route.STATUTORY)
        return [
            FindingInput(
                point_id=point_id,
                stage=FindingStage.STAGE1,
                finding=Finding.WITHDRAWN,
                rationale=text.RATIONALES[Finding.WITHDRAWN],
            )
            for point_id in points.values_list("pk", flat=True)
        ]

    def add_point(self, plan: CasePlan, on: date) -> None:
        """The stage 2 statement of complaint adds a point the complainant raised (Reg 16)."""
        area = plan.content.area
        unused = [p for p in area.points if p[0] not in plan.content.themes] or list(area.points)
        theme, summary = plan.rng.choice(unused)
        by = self.user(plan.officer)
        point = point_add(case_id=plan.case_id, summary=summary, by=by, on=on)
        point_route(
            point_id=point.pk,
            route=Route.STATUTORY,
            reason="Agreed in the stage 2 statement of complaint",
            by=by,
            on=on,
        )
        point_set_theme(point_id=point.pk, theme=theme, by=by, on=on)
        plan.themes.append(theme)

    # What follows a decision: the independent person's views, recommendations, actions, remedies
    def after(self, plan: CasePlan, planned: Step, action: Action, on: date) -> None:
        rng = plan.rng
        if action in {Action.RESPOND_STAGE1, Action.RESPOND_CORPORATE_STAGE1}:
            # An apology at stage 1 is part of the response letter; some responses also commit
            # the service to a change.
            if plan.any_fault(FINDINGS_RECORDED[action]) and rng.random() < 0.25:
                [chosen] = plan.choose(1, text.STAGE1_COMMITMENTS)
                self.recommend(plan, Recommendation.Source.STAGE1, chosen, on)
        elif action is Action.RECEIVE_REPORTS:
            self.independent_views(plan, on)
            count = planned.recommendations
            if count is None:
                count = (
                    rng.randint(1, 3) if plan.any_fault(FindingStage.STAGE2_INVESTIGATION) else 0
                )
            for chosen in plan.choose(count, text.IO_RECOMMENDATIONS):
                recommendation_add(
                    case_id=plan.case_id,
                    source=Recommendation.Source.INVESTIGATING_OFFICER,
                    text=chosen.text,
                    by=self.user(plan.officer),
                    on=on,
                )
        elif action is Action.ADJUDICATE:
            self.decide_recommendations(plan, planned, on)
            if plan.any_fault(FindingStage.STAGE2_ADJUDICATION):
                by = self.actor(plan, action)
                self.remedy(plan, Remedy.Kind.APOLOGY, on, by=by)
                if rng.random() < 0.4:
                    pounds = rng.choice((100, 150, 200, 250))
                    self.remedy(plan, Remedy.Kind.PAYMENT, on, by=by, pounds=pounds)
        elif action is Action.ISSUE_LA_RESPONSE:
            accepted = Recommendation.objects.filter(
                case_id=plan.case_id,
                source=Recommendation.Source.REVIEW_PANEL,
                decision=Recommendation.Decision.ACCEPTED,
            )
            by = self.actor(plan, action)
            for recommendation in accepted:
                self.act_on(plan, recommendation, on, by=by)

    def independent_views(self, plan: CasePlan, on: date) -> None:
        """The independent person's report: agreement with each finding of the investigation."""
        points = ComplaintPoint.objects.filter(
            case_id=plan.case_id, findings__stage=FindingStage.STAGE2_INVESTIGATION
        )
        for point_id in points.values_list("pk", flat=True):
            agrees = plan.rng.random() < 0.9
            point_record_independent_view(
                point_id=point_id,
                agrees=agrees,
                comment=text.IP_AGREES if agrees else text.IP_DISAGREES,
                by=self.user(plan.independent_person),
                on=on,
            )

    def decide_recommendations(self, plan: CasePlan, planned: Step, on: date) -> None:
        """The adjudicating officer accepts the investigating officer's recommendations, or
        rejects some with reasons; each accepted one becomes an action plan item."""
        pending = Recommendation.objects.filter(
            case_id=plan.case_id,
            source=Recommendation.Source.INVESTIGATING_OFFICER,
            decision=Recommendation.Decision.PENDING,
        ).order_by("pk")
        pending_ids = list(pending.values_list("pk", flat=True))
        by = self.actor(plan, Action.ADJUDICATE)
        for index, pk in enumerate(pending_ids):
            accepted = index < len(pending_ids) - planned.rejected
            recommendation = recommendation_decide(
                recommendation_id=pk,
                decision=(
                    Recommendation.Decision.ACCEPTED
                    if accepted
                    else Recommendation.Decision.REJECTED
                ),
                reasons=(
                    text.ACCEPTANCE_REASON if accepted else plan.rng.choice(text.REJECTION_REASONS)
                ),
                by=by,
                on=on,
            )
            if accepted:
                self.act_on(plan, recommendation, on, by=by)

    def recommend(self, plan: CasePlan, source: str, chosen: text.Recommendation, on: date) -> None:
        """A recommendation the council accepts at once, with its action."""
        by = self.manager
        recommendation = recommendation_add(
            case_id=plan.case_id, source=source, text=chosen.text, by=by, on=on
        )
        recommendation = recommendation_decide(
            recommendation_id=recommendation.pk,
            decision=Recommendation.Decision.ACCEPTED,
            reasons=text.ACCEPTANCE_REASON,
            by=by,
            on=on,
        )
        self.act_on(plan, recommendation, on, by=by)

    def act_on(self, plan: CasePlan, recommendation: Recommendation, on: date, *, by: User) -> None:
        """An action plan item for an accepted recommendation; completed on its own date, if that
        has come, with the "you said, we did" change where there is one."""
        rng = plan.rng
        owner = self.responding_manager(plan)
        item = action_plan_add(
            case_id=plan.case_id,
            description=recommendation.text,
            owner=owner,
            due_on=self.calendar.add_working_days(on, rng.randint(15, 45)),
            by=by,
            on=on,
            recommendation_id=recommendation.pk,
        )
        practice = text.PRACTICE_CHANGES.get(recommendation.text, "")

        def complete(day: date) -> None:
            action_plan_complete(
                item_id=item.pk,
                evidence=text.ACTION_EVIDENCE,
                by=owner,
                on=day,
                practice_change=practice,
            )

        self.schedule(plan, self.calendar.add_working_days(on, rng.randint(8, 60)), complete)

    def remedy(
        self,
        plan: CasePlan,
        kind: Remedy.Kind,
        on: date,
        *,
        by: User,
        pounds: int | None = None,
        why: str = Remedy.PaymentReason.TIME_AND_TROUBLE,
    ) -> None:
        """A remedy, completed when it is given: an apology at once, a payment within a month."""
        remedy = remedy_add(
            case_id=plan.case_id,
            kind=kind,
            by=by,
            on=on,
            due_on=self.calendar.add_working_days(on, 20),  # "within one month" (domain §2.7)
            amount_pence=None if pounds is None else pounds * 100,
            payment_reason=why if pounds else "",
        )
        if kind is Remedy.Kind.APOLOGY:
            done_on, evidence = on, text.APOLOGY_EVIDENCE
        else:
            done_on = self.calendar.add_working_days(on, plan.rng.randint(5, 25))
            evidence = text.PAYMENT_EVIDENCE if pounds else text.ACTION_EVIDENCE

        def complete(day: date) -> None:
            remedy_complete(remedy_id=remedy.pk, evidence=evidence, by=self.manager, on=day)

        self.schedule(plan, done_on, complete)

    # The Ombudsman's parallel track (domain §2.7, §3.6)
    def ombudsman(self, plan: CasePlan, planned: Step, on: date) -> None:
        action = OmbudsmanAction(planned.do)
        decision = planned.decision
        reference = ""
        if action is not OmbudsmanAction.RECORD_DECISION:
            reference = f"{on.year % 100:02d} {plan.rng.randint(0, 19):03d} "
            reference += f"{plan.rng.randint(0, 999):03d}"
        summary = {
            OmbudsmanAction.RECORD_ENQUIRY: text.OMBUDSMAN_SUMMARIES["enquiry"],
            OmbudsmanAction.RECORD_PREMATURE_REFERRAL: text.OMBUDSMAN_SUMMARIES["premature"],
            OmbudsmanAction.RECORD_DECISION: text.OMBUDSMAN_SUMMARIES.get(str(decision), ""),
        }[action]
        manager = self.manager
        case_record_ombudsman(
            case_id=plan.case_id,
            action=action,
            by=manager,
            on=on,
            ombudsman_reference=reference,
            decision=decision,
            summary=summary,
        )
        if decision is OmbudsmanDecision.UPHELD:
            months_of_delay = plan.rng.randint(2, 4)
            self.remedy(plan, Remedy.Kind.APOLOGY, on, by=manager)
            self.remedy(plan, Remedy.Kind.PAYMENT, on, by=manager, pounds=300)
            self.remedy(
                plan,
                Remedy.Kind.PAYMENT,
                on,
                by=manager,
                pounds=50 * months_of_delay,
                why=Remedy.PaymentReason.DELAY,
            )
            self.remedy(plan, Remedy.Kind.PRACTICE, on, by=manager)
            for chosen in text.OMBUDSMAN_RECOMMENDATIONS:
                self.recommend(plan, Recommendation.Source.OMBUDSMAN, chosen, on)
        elif decision is OmbudsmanDecision.EARLY_RESOLUTION:
            self.remedy(plan, Remedy.Kind.APOLOGY, on, by=manager)
            self.remedy(plan, Remedy.Kind.PAYMENT, on, by=manager, pounds=150)
