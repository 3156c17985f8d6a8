"""One form per transition of the lifecycle table.

Which fields a form has follows from the action (what its guards and records need: the tables
and shared fields are in `action_fields`); which actions are offered follows from the table
(`allowed_actions(stage)`) and the roles on each row. Guard problems come back as GOV.UK error
messages beside the field they are about.
"""

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from django import forms

from redress.accounts.models import User
from redress.accounts.selectors import pool
from redress.cases.models import Case, Recommendation
from redress.cases.services import FindingInput
from redress.casework.forms.action_fields import (
    DATE_LABELS,
    DECIDES,
    EXTENSIONS,
    LATE_REQUESTS,
    PEOPLE,
    PROBLEM_FIELDS,
    PROBLEM_PHRASES,
    REASON_HINTS,
    REASON_LABELS,
    REASON_MESSAGES,
    REASON_REQUIRED,
    STATUTORY_FINDINGS,
    YES,
    DecisionFields,
    PointFields,
    decision_fields,
    declared_interest_fields,
    grounds_field,
    long_date,
    person_choices,
    response_fields,
    select,
    time_limit_fields,
)
from redress.casework.forms.fields import text_field
from redress.core.council import profile_named
from redress.core.fields import DateBoxesField
from redress.domain.facts import (
    ActionRequest,
    DeferralReason,
    Discretion,
    NotAcceptedGrounds,
    RecommendationDecision,
    Route,
    SentBy,
)
from redress.domain.findings import Finding, FindingStage
from redress.domain.roles import Person
from redress.domain.rules import Rule
from redress.domain.workflow import FINDINGS_GIVEN, RESPONSES, TRANSITIONS, Action, Stage

A = Action
OUT_OF_TIME = NotAcceptedGrounds.OUT_OF_TIME.value


@dataclass
class ActionContext:
    """What an action form needs to know about the case."""

    case: Case
    today: date
    running_due: dict[str, date] = field(default_factory=dict)  # running clocks' effective due
    # When the complainant asked for this step after its window closed (a late request online):
    # the step is dated then if accepted.
    asked_on: date | None = None


class ActionForm(forms.Form):
    expected_stage = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, data: Any, *, action: Action, context: ActionContext) -> None:
        on = context.asked_on or context.today
        super().__init__(data, initial={"expected_stage": context.case.stage, "on": on})
        self.action = action
        self.context = context
        # Fields revealed under a choice (forms/choices.html): checked only when it is chosen
        # Fields needed only under one choice of another: `required_when[trigger][value]`. They
        # show in the form's own order, labelled "If ...", not as GOV.UK conditional reveals: the
        # reveal script puts aria-expanded on radio inputs, which ARIA does not allow (axe's
        # aria-allowed-attr), and the questions read as well without it.
        self.required_when: dict[str, dict[str, tuple[str, ...]]] = {}
        self.conditionals: dict[str, dict[str, tuple[str, ...]]] = {}
        self.item_hints: dict[str, dict[str, str]] = {}
        self._people: dict[str, User] = {}
        self.fields["on"] = DateBoxesField(
            label=DATE_LABELS.get(action, "Date this happened"),
            what="the date",
            help_text=(
                f"The complainant asked on {long_date(context.asked_on)}. For example, 27 3 2026"
                if context.asked_on
                else "For example, 27 3 2026"
            ),
        )
        if action in LATE_REQUESTS:
            window_due = context.running_due.get(LATE_REQUESTS[action])
            if window_due is not None and window_due < context.today:
                self.fields["discretion"] = forms.ChoiceField(
                    label=f"The window closed on {long_date(window_due)}. Accept the late request?",
                    choices=[(Discretion.ACCEPT.value, "Yes, accept it using our discretion")],
                    widget=forms.RadioSelect,
                    required=False,
                    template_name="forms/choices.html",
                )
        if action is A.NOT_ACCEPT:
            self._add_grounds()
        if action is A.ACCEPT_STATUTORY_STAGE2:
            self.fields["complainant_agreed_on"] = DateBoxesField(
                label="Date the complainant agreed", what="the date the complainant agreed"
            )
        if action is A.RESOLVE_STAGE1:
            self.fields["complainant_agreed_on"] = DateBoxesField(
                label="Date the complainant agreed to the resolution",
                what="the date the complainant agreed to the resolution",
                help_text="For example, 27 3 2026",
            )
            self.fields["agreed_how"] = text_field(
                "How did they agree?",
                rows=2,
                hint="For example, on the phone, by email or at a meeting",
                message="Enter how the complainant agreed to the resolution",
            )
        if action is A.CLOSE:
            self._add_declined_next_stage()
        if action in EXTENSIONS:
            self._add_extension()
        if action is A.DEFER:
            self.fields["deferral_reason"] = forms.ChoiceField(
                label="Why is it deferred?",
                widget=forms.RadioSelect,
                choices=[(r.value, r.value.replace("_", " ").capitalize()) for r in DeferralReason],
                template_name="forms/choices.html",
                error_messages={"required": "Select why the complaint is being deferred"},
            )
            self.fields["review_on"] = DateBoxesField(
                label="Date to review the deferral", what="the date to review the deferral"
            )
        if action in PEOPLE:
            self._add_people()
        if action is A.CONVENE_PANEL:
            self.fields["meets_on"] = DateBoxesField(
                label="Date the panel will meet", what="the date the panel will meet"
            )
        if action is A.ISSUE_PANEL_REPORT:
            self.fields["recommendations"] = text_field(
                "The panel's recommendations",
                rows=6,
                hint="One recommendation on each line; leave empty if it made none",
                required=False,
            )
        self.point_fields: list[PointFields] = []
        if action in FINDINGS_GIVEN:
            self._add_findings(FINDINGS_GIVEN[action])
        self.decision_fields: list[DecisionFields] = []
        if action in DECIDES:
            self._add_decisions(*DECIDES[action])
        if action in RESPONSES:
            post_days = profile_named(context.case.profile).delivery.post_working_days
            self.fields.update(response_fields(post_days))
        if action in REASON_LABELS or action in REASON_REQUIRED or action is A.CONVENE_PANEL:
            self._add_reason()
        self.order_fields(["on", "discretion"])

    # -- what some actions ask for --------------------------------------------------------------

    def _add_grounds(self) -> None:
        self.fields["grounds"] = grounds_field()
        case = self.context.case
        if case.late_discretion:
            # The decision on the time limit is already on the case: the guard uses it.
            self.item_hints["grounds"] = {
                OUT_OF_TIME: "The decision on the time limit recorded on the case is used: "
                f"{case.get_late_discretion_display().lower()}"
            }
            return
        self.fields.update(time_limit_fields())
        self.required_when["grounds"] = {OUT_OF_TIME: ("why_not_in_time", "fair_consideration")}

    def _add_declined_next_stage(self) -> None:
        """Closing while the complainant may still ask for the next stage needs the date they
        said they will not (guards.window_closed_or_declined)."""
        row = TRANSITIONS.get((Stage(self.context.case.stage), A.CLOSE))
        for window in row.lapses if row else ():
            due = self.context.running_due.get(window)
            if due is not None and due >= self.context.today:
                self.fields["complainant_agreed_on"] = DateBoxesField(
                    label="Date the complainant said they will not take the complaint further",
                    what="the date the complainant said they will not take it further",
                    required=False,
                    help_text=(
                        f"They can ask for the next stage until {long_date(due)}. To close the "
                        "case before then, enter the date they said they will not. For example, "
                        "27 3 2026"
                    ),
                )

    def _add_extension(self) -> None:
        self.fields["extend_to_working_days"] = forms.IntegerField(
            label="How many working days from the start will the extended deadline allow?",
            min_value=1,
            max_value=400,
            template_name="forms/input.html",
            widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
            error_messages={
                "required": "Enter the number of working days",
                "invalid": "Enter the number of working days as a number",
            },
        )
        self.fields["complainant_agreed_on"] = DateBoxesField(
            label="Date the complainant agreed (if they did)",
            what="the date the complainant agreed",
            required=False,
        )

    def _add_people(self) -> None:
        """Each person from the pool for their role, and whether they declared an interest."""
        for chosen in PEOPLE[self.action]:
            people = pool(chosen.role, today=self.context.today)
            self.fields[chosen.key] = select(
                chosen.label, person_choices(people), f"Choose {chosen.who}"
            )
            self.fields.update(declared_interest_fields(chosen))
            self.required_when[f"{chosen.key}_declared"] = {YES: (f"{chosen.key}_interest",)}
            self._people.update({str(p.pk): p for p in people})

    def _add_reason(self) -> None:
        label = REASON_LABELS.get(self.action, "Reason")
        hint = REASON_HINTS.get(self.action, "")
        if self.action is A.CONVENE_PANEL:
            panel_due = self.context.running_due.get(Rule.STAGE3_PANEL)
            label = (
                f"If it meets later than {long_date(panel_due)}, why?"
                if panel_due
                else "If it meets later than it should, why?"
            )
            hint = (
                "Needed only for a later date. If someone declared an interest, say here too "
                "why they sit on the panel all the same"
            )
        self.fields["reason"] = text_field(
            label,
            hint=hint,
            required=self.action in REASON_REQUIRED,
            message=REASON_MESSAGES.get(self.action, "Enter the reason for this decision"),
        )

    # -- per point and per recommendation fields ------------------------------------------------

    def _add_findings(self, stage: FindingStage) -> None:
        route = Route.STATUTORY if stage in STATUTORY_FINDINGS else Route.CORPORATE
        self.finding_stage = stage
        for point in self.context.case.points.all():
            if point.route not in (route, Route.UNDECIDED):
                continue
            findings = {f.stage: f for f in point.findings.all()}
            current = findings.get(stage)
            name = f"finding_{point.pk}"
            self.fields[name] = forms.ChoiceField(
                label=f"Finding on point {point.number}",
                widget=forms.RadioSelect,
                choices=[(f.value, f.label) for f in Finding],
                template_name="forms/choices.html",
                initial=current.finding if current else None,
                error_messages={"required": f"Select the finding on point {point.number}"},
            )
            self.fields[f"rationale_{point.pk}"] = text_field(
                f"Reasons for the finding on point {point.number}",
                message=f"Enter the reasons for the finding on point {point.number}",
            )
            if current:
                self.fields[f"rationale_{point.pk}"].initial = current.rationale
            investigation = (
                findings.get(FindingStage.STAGE2_INVESTIGATION)
                if stage is FindingStage.STAGE2_ADJUDICATION
                else None
            )
            self.point_fields.append(
                PointFields(
                    point.number,
                    point.summary,
                    self[name],
                    self[f"rationale_{point.pk}"],
                    investigation,
                )
            )

    def _add_decisions(self, source: str, whose: str) -> None:
        """Accept or reject each recommendation still awaiting a decision, numbered as the guard
        numbers them (by when they were made)."""
        pending = sorted(
            (
                r
                for r in self.context.case.recommendations.all()
                if r.source == source and r.decision == Recommendation.Decision.PENDING
            ),
            key=lambda r: r.pk,
        )
        for number, rec in enumerate(pending, start=1):
            decision, reasons = decision_fields(number, whose)
            self.fields[f"decision_{rec.pk}"] = decision
            self.fields[f"reasons_{rec.pk}"] = reasons
            title = f"{whose[0].upper()}{whose[1:]} recommendation {number}"
            self.decision_fields.append(
                DecisionFields(rec, self[f"decision_{rec.pk}"], self[f"reasons_{rec.pk}"], title)
            )

    # -- validation -----------------------------------------------------------------------------

    def revealed(self) -> set[str]:
        """The fields shown under a choice rather than in the form's own order."""
        return {
            name
            for reveals in self.conditionals.values()
            for names in reveals.values()
            for name in names
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        on = data.get("on")
        if on and on > self.context.today:
            self.add_error("on", "The date must be today or in the past")
        for trigger, reveals in self.required_when.items():
            for value, names in reveals.items():
                for name in names:
                    if data.get(trigger) == value:
                        message = self.fields[name].error_messages["required"]
                        if not (data.get(name) or "").strip() and name not in self.errors:
                            self.add_error(name, message)
                    else:
                        # Not chosen: anything typed there is dropped, and so are its errors.
                        self.errors.pop(name, None)
                        data[name] = ""
        if self.action is A.CONVENE_PANEL:
            chosen = [data.get(c.key) for c in PEOPLE[A.CONVENE_PANEL]]
            if all(chosen) and len(set(chosen)) != 3:
                self.add_error("panel_member_2", "Choose three different people for the panel")
        return data

    def add_problems(self, problems: list[str]) -> None:
        for problem in problems:
            self.add_error(self.field_for(problem), problem)

    def field_for(self, problem: str) -> str | None:
        """The field a guard's problem is about, or None for the top of the form."""
        target = next((name for start, name in PROBLEM_FIELDS if problem.startswith(start)), None)
        if target in ("decision", "reasons"):
            number = re.search(r"recommendation (\d+)", problem)
            rows = self.decision_fields
            if number and 0 < int(number.group(1)) <= len(rows):
                target = f"{target}_{rows[int(number.group(1)) - 1].recommendation.pk}"
        if target is None:
            target = next((name for phrase, name in PROBLEM_PHRASES if phrase in problem), None)
        if target is None:  # about someone chosen on the form: beside their choice
            target = next(
                (
                    key
                    for key in self._people_keys()
                    if (person := self._person(key)) and problem.startswith(f"{person.name} ")
                ),
                None,
            )
        return target if target in self.fields else None

    # -- what the service needs -----------------------------------------------------------------

    def _people_keys(self) -> list[str]:
        return [c.key for c in PEOPLE.get(self.action, ())]

    def _person(self, key: str) -> Person | None:
        """The person chosen for `key`, with what they declared (if they said they did)."""
        chosen = self.cleaned_data.get(key)
        user = self._people.get(chosen) if chosen else None
        if user is None:
            return None
        declared = self.cleaned_data.get(f"{key}_declared") == YES
        interest = (self.cleaned_data.get(f"{key}_interest") or "").strip() if declared else ""
        return replace(user.as_person(), declared_interest=interest)

    def _decisions(self) -> tuple[RecommendationDecision, ...]:
        data = self.cleaned_data
        return tuple(
            RecommendationDecision(
                recommendation_id=row.recommendation.pk,
                accepted=data[row.decision.name] == Recommendation.Decision.ACCEPTED,
                reasons=data[row.reasons.name],
            )
            for row in self.decision_fields
        )

    def to_request(self) -> ActionRequest:
        data = self.cleaned_data
        grounds = NotAcceptedGrounds(data["grounds"]) if data.get("grounds") else None
        discretion = Discretion(data["discretion"]) if data.get("discretion") else None
        if grounds is NotAcceptedGrounds.OUT_OF_TIME and "why_not_in_time" in self.fields:
            discretion = Discretion.REFUSE  # the decision not to consider it late, made now
        panel: tuple[Person, ...] = ()
        if self.action is A.CONVENE_PANEL:
            panel = tuple(p for p in map(self._person, self._people_keys()) if p is not None)
        return ActionRequest(
            on=data["on"],
            reason=data.get("reason", "") or "",
            discretion=discretion,
            complainant_agreed_on=data.get("complainant_agreed_on"),
            extend_to_working_days=data.get("extend_to_working_days"),
            deferral_reason=(
                DeferralReason(data["deferral_reason"]) if data.get("deferral_reason") else None
            ),
            review_on=data.get("review_on"),
            investigating_officer=self._person("investigating_officer"),
            independent_person=self._person("independent_person"),
            panel=panel,
            agreed_how=data.get("agreed_how", "") or "",
            grounds=grounds,
            why_not_in_time=data.get("why_not_in_time", "") or "",
            fair_consideration=data.get("fair_consideration", "") or "",
            sent_by=SentBy(data["sent_by"]) if data.get("sent_by") else SentBy.EMAIL,
            received_by_complainant_on=data.get("received_by_complainant_on"),
            meets_on=data.get("meets_on"),
            decisions=self._decisions(),
        )

    def findings(self) -> list[FindingInput]:
        if self.action not in FINDINGS_GIVEN:
            return []
        return [
            FindingInput(
                point_id=int(name.removeprefix("finding_")),
                stage=self.finding_stage,
                finding=Finding(value),
                rationale=self.cleaned_data[f"rationale_{name.removeprefix('finding_')}"],
            )
            for name, value in self.cleaned_data.items()
            if name.startswith("finding_")
        ]

    def details(self) -> dict[str, Any]:
        data = self.cleaned_data
        if self.action is A.APPOINT_INVESTIGATORS:
            declared = {c.role.value: self._person(c.key) for c in PEOPLE[self.action]}
            return {
                "conflicts_of_interest": {
                    role: (person.declared_interest if person else "") or "None"
                    for role, person in declared.items()
                }
            }
        if self.action is A.ISSUE_PANEL_REPORT:
            lines = (data.get("recommendations") or "").splitlines()
            return {"recommendations": [line.strip() for line in lines if line.strip()]}
        return {}

    def seen_stage(self) -> Stage | None:
        """The stage the person saw when the form was drawn (None if tampered with)."""
        value = self.data.get("expected_stage", "")
        return Stage(value) if value in Stage.__members__.values() else None
