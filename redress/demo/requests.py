"""What each demo step asks for beyond its date: the `ActionRequest` a member of staff would fill
in (reasons, agreements, panels and their dates, decisions on recommendations), as a mixin of the
runner."""

from datetime import date, timedelta

from redress.cases.models import (
    Case,
    Clock,
    Recommendation,
)
from redress.demo import catalogue as text
from redress.demo.people import usernames_in
from redress.demo.plans import CasePlan
from redress.demo.scenarios import Step
from redress.demo.tables import (
    NEXT_STAGE_OF_WINDOW,
    NOT_ACCEPTED_GROUNDS,
    POSTED_SOMETIMES,
    REASONS,
    REQUEST_WINDOWS,
    transition_of,
)
from redress.domain.facts import (
    ActionRequest,
    Discretion,
    NotAcceptedGrounds,
    RecommendationDecision,
    SentBy,
)
from redress.domain.guards import (
    AGREEMENT_REQUIRED,
    corporate_route_problems,
)
from redress.domain.roles import Role
from redress.domain.rules import COMPLAINANT_WINDOWS, EXTENDED_RULE, Rule, working_days_for
from redress.domain.workflow import (
    Action,
)


class Requests:
    """The runner's requests: it provides `profile`, `calendar`, `user`, `pick` and `manager`."""

    def request(self, plan: CasePlan, planned: Step, action: Action, on: date) -> ActionRequest:
        rng = plan.rng
        reason = planned.reason or (rng.choice(REASONS[action]) if action in REASONS else "")
        if planned.by_sweep:
            reason = self.sweep_reason(plan, on)
        options: dict[str, object] = {}
        extends = transition_of(action).extends
        if extends is not None:
            options["extend_to_working_days"] = working_days_for(
                EXTENDED_RULE[extends], self.profile
            )
            if AGREEMENT_REQUIRED[extends](self.profile) or rng.random() < 0.5:
                options["complainant_agreed_on"] = on
        elif action is Action.ACCEPT_STATUTORY_STAGE2:
            options["complainant_agreed_on"] = on
        elif action is Action.DEFER:
            deferral = planned.deferral or rng.choice(list(text.DEFERRALS))
            options["deferral_reason"] = deferral
            options["review_on"] = on + timedelta(weeks=rng.randint(8, 16))
            reason = reason or text.DEFERRALS[deferral]
        elif action in REQUEST_WINDOWS:
            window = REQUEST_WINDOWS[action]
            running = Clock.objects.running().filter(case_id=plan.case_id, rule=window)
            if any(on > clock.effective_due_date for clock in running):
                options["discretion"] = Discretion.ACCEPT
                reason = reason or rng.choice(text.LATE_REQUEST_ACCEPTED)
        elif action is Action.APPOINT_INVESTIGATORS:
            plan.investigating_officer = self.pick(plan, Role.INVESTIGATING_OFFICER)
            plan.independent_person = self.pick(plan, Role.INDEPENDENT_PERSON)
            options["investigating_officer"] = self.user(plan.investigating_officer).as_person()
            options["independent_person"] = self.user(plan.independent_person).as_person()
        elif action is Action.CONVENE_PANEL:
            if plan.panel:
                reason = reason or text.PANEL_RESCHEDULED
            else:
                chair = self.pick(plan, Role.PANEL_CHAIR)
                members = rng.sample(usernames_in(Role.PANEL_MEMBER), k=2)
                plan.panel = (chair, *members)
            options["panel"] = tuple(self.user(name).as_person() for name in plan.panel)
            meets_on, late_reason = self.panel_date(plan, planned, on)
            options["meets_on"] = meets_on
            reason = late_reason or reason
        elif action in (Action.ADJUDICATE, Action.ISSUE_LA_RESPONSE):
            options["decisions"] = self.decisions(plan, planned, action)
        elif action is Action.RESOLVE_STAGE1:
            options["complainant_agreed_on"] = on
            options["agreed_how"] = rng.choice(text.RESOLUTION_AGREED_HOW)
        elif action is Action.NOT_ACCEPT:
            options["grounds"] = NOT_ACCEPTED_GROUNDS.get(reason, NotAcceptedGrounds.OTHER)
        elif action is Action.ACCEPT_CORPORATE and self.statutory_matter(plan):
            reason = reason or text.CORPORATE_ROUTE_REASON
        elif action is Action.CLOSE and not planned.by_sweep and self.window_open(plan, on):
            options["complainant_agreed_on"] = on
            reason = reason or text.NOT_GOING_FURTHER
        if action in POSTED_SOMETIMES and rng.random() < 0.3:
            options["sent_by"] = SentBy.POST
        return ActionRequest(on=on, reason=reason, **options)  # type: ignore[arg-type]

    def statutory_matter(self, plan: CasePlan) -> bool:
        area = Case.objects.values_list("service_area", flat=True).get(pk=plan.case_id)
        return bool(corporate_route_problems(area, frozenset(), ""))

    def window_open(self, plan: CasePlan, on: date) -> bool:
        windows = Clock.objects.running().filter(
            case_id=plan.case_id, rule__in=sorted(COMPLAINANT_WINDOWS)
        )
        return any(on <= clock.effective_due_date for clock in windows)

    def decisions(
        self, plan: CasePlan, planned: Step, action: Action
    ) -> tuple[RecommendationDecision, ...]:
        """The council's decision on every pending recommendation the step must decide: the
        investigating officer's at adjudication, the panel's in the council's response."""
        source = (
            Recommendation.Source.INVESTIGATING_OFFICER
            if action is Action.ADJUDICATE
            else Recommendation.Source.REVIEW_PANEL
        )
        pending = list(
            Recommendation.objects.filter(
                case_id=plan.case_id, source=source, decision=Recommendation.Decision.PENDING
            ).values_list("pk", flat=True)
        )
        rejected = planned.rejected or int(len(pending) > 1 and plan.rng.random() < 0.35)
        return tuple(
            RecommendationDecision(pk, True, text.ACCEPTANCE_REASON)
            if index < len(pending) - rejected
            else RecommendationDecision(pk, False, plan.rng.choice(text.REJECTION_REASONS))
            for index, pk in enumerate(pending)
        )

    def panel_date(self, plan: CasePlan, planned: Step, on: date) -> tuple[date, str]:
        """When the panel will meet, as the convening form records it: the day it is held, unless
        it is rearranged first or has not met by today (then booked for its deadline); and why,
        when that is after the deadline (Reg 19(4) has no power to extend)."""
        deadline = (
            Clock.objects.running()
            .get(case_id=plan.case_id, rule=Rule.STAGE3_PANEL)
            .effective_due_date
        )
        index = next(i for i, (day, step) in enumerate(plan.steps) if step is planned and day == on)
        following = (
            (day, step.do)
            for day, step in plan.steps[index + 1 :]
            if step.do in {Action.CONVENE_PANEL, Action.HOLD_PANEL}
        )
        day, then = next(following, (None, None))
        panel_on = day if then is Action.HOLD_PANEL and day is not None else max(deadline, on)
        if panel_on <= on:  # it meets after the convening (the request came before both)
            panel_on = self.calendar.add_working_days(on, 1)
        return panel_on, text.PANEL_SLIPPED if panel_on > deadline else ""

    def sweep_reason(self, plan: CasePlan, on: date) -> str:
        """What the daily sweep writes when it closes a case whose window lapsed: the window's
        own last day, counted from when the complainant received the response (domain §2.2)."""
        window = (
            Clock.objects.running()
            .filter(case_id=plan.case_id, rule__in=sorted(COMPLAINANT_WINDOWS))
            .order_by("-pk")
            .first()
        )
        assert window is not None, "the sweep closes a case whose window ran out"
        next_stage = NEXT_STAGE_OF_WINDOW[Rule(window.rule)]
        return (
            f"No request for {next_stage} was received by {window.effective_due_date:%-d %B %Y}, "
            "the last day to ask; closed by the daily sweep after the grace period."
        )

    def details(self, plan: CasePlan, planned: Step, action: Action, on: date) -> dict[str, object]:
        """What the action records beyond its request (see `case_take_action`)."""
        rng = plan.rng
        if action is Action.APPOINT_INVESTIGATORS:  # each declares any conflict ("": none)
            declared = text.CONFLICT_DECLARED if rng.random() < 0.2 else ""
            return {
                "conflicts_of_interest": {
                    Role.INVESTIGATING_OFFICER.value: "",
                    Role.INDEPENDENT_PERSON.value: declared,
                }
            }
        if action is Action.ISSUE_PANEL_REPORT:
            count = planned.recommendations or rng.randint(1, 3)
            chosen = plan.choose(count, text.PANEL_RECOMMENDATIONS, themed_first=False)
            return {"recommendations": [recommendation.text for recommendation in chosen]}
        return {}
