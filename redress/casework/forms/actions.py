"""One form per transition of the lifecycle table.

Which fields a form has follows from the action (what its guards and records need); which actions
are offered follows from the table (`allowed_actions(stage)`) and the roles on each row. Guard
problems come back as GOV.UK error messages beside the field they are about.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django import forms

from redress.accounts.models import User
from redress.accounts.selectors import pool
from redress.cases.models import Case, Recommendation
from redress.cases.services import FindingInput
from redress.casework.forms.fields import text_field
from redress.core.fields import DateBoxesField
from redress.domain.facts import ActionRequest, DeferralReason, Discretion, Route
from redress.domain.findings import Finding, FindingStage
from redress.domain.roles import Role
from redress.domain.rules import Rule
from redress.domain.workflow import FINDINGS_GIVEN, Action, Stage

A = Action

# Finding stages of the statutory procedure (the others are the corporate procedure's).
STATUTORY_FINDINGS = {
    FindingStage.STAGE1,
    FindingStage.STAGE2_INVESTIGATION,
    FindingStage.STAGE2_ADJUDICATION,
}

# What each action asks for beyond the date; the reason's label says what the text is for.
REASON_LABELS: dict[Action, str] = {
    A.NOT_ACCEPT: "Why is the complaint not accepted?",
    A.REDIRECT: "Which process does it go to, and why?",
    A.ACCEPT_STATUTORY_STAGE2: "Why is it going straight to stage 2?",
    A.EXTEND_STAGE1: "Why is more time needed?",
    A.EXTEND_STAGE2: "Why is more time needed?",
    A.EXTEND_CORPORATE_STAGE1: "Why is more time needed?",
    A.EXTEND_CORPORATE_STAGE2: "Why is more time needed?",
    A.RESOLVE_STAGE1: "Terms of the resolution",
    A.REFUSE_LATE_STAGE2_REQUEST: "Why is the late request refused?",
    A.REFUSE_LATE_STAGE3_REQUEST: "Why is the late request refused?",
    A.REQUEST_STAGE2: "Reason for accepting a late request (if it is late)",
    A.REQUEST_STAGE3: "Reason for accepting a late request (if it is late)",
    A.DEFER: "What are the proceedings?",
    A.REOPEN: "What are the new concerns?",
    A.CLOSE: "Reason (needed when closing a deferred case)",
    A.WITHDRAW: "What did the complainant say? (optional)",
}
REASON_MESSAGES: dict[Action, str] = {
    A.NOT_ACCEPT: "Enter why the complaint is not accepted",
    A.REDIRECT: "Enter which process it goes to, and why",
    A.ACCEPT_STATUTORY_STAGE2: "Enter why it is going straight to stage 2",
    A.REFUSE_LATE_STAGE2_REQUEST: "Enter why the late request is refused",
    A.REFUSE_LATE_STAGE3_REQUEST: "Enter why the late request is refused",
    A.REOPEN: "Enter the new concerns",
}
REASON_REQUIRED = {
    A.NOT_ACCEPT,
    A.REDIRECT,
    A.ACCEPT_STATUTORY_STAGE2,
    A.REFUSE_LATE_STAGE2_REQUEST,
    A.REFUSE_LATE_STAGE3_REQUEST,
    A.REOPEN,
    A.EXTEND_STAGE1,
    A.EXTEND_STAGE2,
    A.EXTEND_CORPORATE_STAGE1,
    A.EXTEND_CORPORATE_STAGE2,
}
EXTENSIONS = {
    A.EXTEND_STAGE1,
    A.EXTEND_STAGE2,
    A.EXTEND_CORPORATE_STAGE1,
    A.EXTEND_CORPORATE_STAGE2,
}
LATE_REQUESTS = {
    A.REQUEST_STAGE2: Rule.STAGE2_REQUEST_WINDOW,
    A.REQUEST_STAGE3: Rule.STAGE3_REQUEST_WINDOW,
}
DATE_LABELS: dict[Action, str] = {
    A.ACKNOWLEDGE: "Date the acknowledgement was sent",
    A.REQUEST_STAGE2: "Date the request was received",
    A.REQUEST_STAGE3: "Date the request was received",
    A.REQUEST_CORPORATE_STAGE2: "Date the request was received",
    A.HOLD_PANEL: "Date the panel met",
    A.ISSUE_PANEL_REPORT: "Date the report was received",
    A.RESPOND_STAGE1: "Date the response was sent",
    A.ADJUDICATE: "Date the adjudication was sent",
    A.ISSUE_LA_RESPONSE: "Date the council's response was sent",
}

# Guard problems -> the field they are about (the rest go to the top of the form).
PROBLEM_FIELDS = (
    ("Enter the reason", "reason"),
    ("Enter the date the complainant agreed", "complainant_agreed_on"),
    ("Enter the number of working days", "extend_to_working_days"),
    ("The extended deadline", "extend_to_working_days"),
    ("An extension must", "extend_to_working_days"),
    ("Select why", "deferral_reason"),
    ("Enter the date to review", "review_on"),
    ("The review date", "review_on"),
    ("Choose the investigating officer", "investigating_officer"),
    ("Choose the independent person", "independent_person"),
    ("The investigating officer and the independent", "independent_person"),
    ("This request is late", "discretion"),
    ("The review panel must", "panel_chair"),
)


@dataclass
class PointFields:
    number: int
    summary: str
    finding: forms.BoundField
    rationale: forms.BoundField


@dataclass
class DecisionFields:
    recommendation: Recommendation
    decision: forms.BoundField
    reasons: forms.BoundField


def _person_choices(people: Any) -> list[tuple[str, str]]:
    return [("", "Choose a person")] + [
        (str(p.pk), f"{p} ({p.current_cases} current case{'s' if p.current_cases != 1 else ''})")
        for p in people
    ]


def _select(label: str, choices: list[tuple[str, str]], message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        template_name="forms/select.html",
        error_messages={"required": message, "invalid_choice": message},
    )


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
        self.fields["on"] = DateBoxesField(
            label=DATE_LABELS.get(action, "Date this happened"),
            what="the date",
            help_text=(
                f"The complainant asked on {context.asked_on:%-d %B %Y}. For example, 27 3 2026"
                if context.asked_on
                else "For example, 27 3 2026"
            ),
        )
        if action in LATE_REQUESTS:
            window_due = context.running_due.get(LATE_REQUESTS[action])
            if window_due is not None and window_due < context.today:
                self.fields["discretion"] = forms.ChoiceField(
                    label=f"The window closed on {window_due:%-d %B %Y}. Accept the late request?",
                    choices=[(Discretion.ACCEPT.value, "Yes, accept it using our discretion")],
                    widget=forms.RadioSelect,
                    required=False,
                    template_name="forms/choices.html",
                )
        if action is A.ACCEPT_STATUTORY_STAGE2:
            self.fields["complainant_agreed_on"] = DateBoxesField(
                label="Date the complainant agreed", what="the date the complainant agreed"
            )
        if action in EXTENSIONS:
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
        if action is A.APPOINT_INVESTIGATORS:
            officers = pool(Role.INVESTIGATING_OFFICER, today=context.today)
            independents = pool(Role.INDEPENDENT_PERSON, today=context.today)
            self.fields["investigating_officer"] = _select(
                "Investigating officer",
                _person_choices(officers),
                "Choose the investigating officer",
            )
            self.fields["officer_conflicts"] = text_field(
                "Investigating officer's declaration of interests",
                hint="What they declared about any conflict of interest, or 'None'",
                message="Enter the investigating officer's declaration of interests, or 'None'",
            )
            self.fields["independent_person"] = _select(
                "Independent person", _person_choices(independents), "Choose the independent person"
            )
            self.fields["independent_conflicts"] = text_field(
                "Independent person's declaration of interests",
                hint="What they declared about any conflict of interest, or 'None'",
                message="Enter the independent person's declaration of interests, or 'None'",
            )
            self._people = {str(p.pk): p for p in [*officers, *independents]}
        if action is A.CONVENE_PANEL:
            chairs = pool(Role.PANEL_CHAIR, today=context.today)
            members = pool(Role.PANEL_MEMBER, today=context.today)
            self.fields["panel_chair"] = _select(
                "Panel chair", _person_choices(chairs), "Choose the panel chair"
            )
            for n in (1, 2):
                self.fields[f"panel_member_{n}"] = _select(
                    f"Panel member {n}", _person_choices(members), f"Choose panel member {n}"
                )
            self.fields["panel_on"] = DateBoxesField(
                label="Date the panel will meet", what="the date the panel will meet"
            )
            self.panel_due = context.running_due.get(Rule.STAGE3_PANEL)
            hint = f"The panel should meet by {self.panel_due:%-d %B %Y}." if self.panel_due else ""
            self.fields["breach_reason"] = text_field(
                "If it meets later, why?",
                hint=hint + " Needed only for a later date.",
                required=False,
            )
            self._people = {str(p.pk): p for p in [*chairs, *members]}
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
        if action is A.ISSUE_LA_RESPONSE:
            self._add_decisions()
        if action in REASON_LABELS or action in REASON_REQUIRED:
            self.fields["reason"] = text_field(
                REASON_LABELS.get(action, "Reason"),
                required=action in REASON_REQUIRED,
                message=REASON_MESSAGES.get(action, "Enter the reason for this decision"),
            )
        self.order_fields(["on", "discretion"])

    # -- per point and per recommendation fields ------------------------------------------------

    def _add_findings(self, stage: FindingStage) -> None:
        route = Route.STATUTORY if stage in STATUTORY_FINDINGS else Route.CORPORATE
        self.finding_stage = stage
        for point in self.context.case.points.all():
            if point.route not in (route, Route.UNDECIDED):
                continue
            current = next((f for f in point.findings.all() if f.stage == stage), None)
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
            self.point_fields.append(
                PointFields(point.number, point.summary, self[name], self[f"rationale_{point.pk}"])
            )

    def _add_decisions(self) -> None:
        for rec in self.context.case.recommendations.all():
            if rec.source != Recommendation.Source.REVIEW_PANEL:
                continue
            name = f"decision_{rec.pk}"
            self.fields[name] = forms.ChoiceField(
                label="Does the council accept this recommendation?",
                widget=forms.RadioSelect,
                choices=[
                    (Recommendation.Decision.ACCEPTED.value, "Accept"),
                    (Recommendation.Decision.REJECTED.value, "Reject"),
                ],
                template_name="forms/choices.html",
                error_messages={
                    "required": "Select whether the council accepts the recommendation"
                },
            )
            self.fields[f"reasons_{rec.pk}"] = text_field(
                "Reasons for the decision", message="Enter the reasons for the council's decision"
            )
            self.decision_fields.append(DecisionFields(rec, self[name], self[f"reasons_{rec.pk}"]))

    # -- validation -----------------------------------------------------------------------------

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        on = data.get("on")
        if on and on > self.context.today:
            self.add_error("on", "The date must be today or in the past")
        if self.action is A.CONVENE_PANEL:
            chosen = [data.get(k) for k in ("panel_chair", "panel_member_1", "panel_member_2")]
            if all(chosen) and len(set(chosen)) != 3:
                self.add_error("panel_member_2", "Choose three different people for the panel")
            panel_on = data.get("panel_on")
            late = panel_on and self.panel_due and panel_on > self.panel_due
            if late and not (data.get("breach_reason") or "").strip():
                self.add_error(
                    "breach_reason",
                    f"Enter why the panel cannot meet by {self.panel_due:%-d %B %Y}",
                )
        return data

    def add_problems(self, problems: list[str]) -> None:
        for problem in problems:
            target = next(
                (name for start, name in PROBLEM_FIELDS if problem.startswith(start)), None
            )
            self.add_error(target if target in self.fields else None, problem)

    # -- what the service needs -----------------------------------------------------------------

    def _person(self, key: str) -> User | None:
        chosen = self.cleaned_data.get(key)
        return self._people.get(chosen) if chosen else None

    def to_request(self) -> ActionRequest:
        data = self.cleaned_data
        officer, independent = (
            (self._person("investigating_officer"), self._person("independent_person"))
            if self.action is A.APPOINT_INVESTIGATORS
            else (None, None)
        )
        panel: tuple[Any, ...] = ()
        if self.action is A.CONVENE_PANEL:
            people = [self._person(k) for k in ("panel_chair", "panel_member_1", "panel_member_2")]
            panel = tuple(p.as_person() for p in people if p is not None)
        return ActionRequest(
            on=data["on"],
            reason=data.get("reason", "") or "",
            discretion=Discretion(data["discretion"]) if data.get("discretion") else None,
            complainant_agreed_on=data.get("complainant_agreed_on"),
            extend_to_working_days=data.get("extend_to_working_days"),
            deferral_reason=(
                DeferralReason(data["deferral_reason"]) if data.get("deferral_reason") else None
            ),
            review_on=data.get("review_on"),
            investigating_officer=officer.as_person() if officer else None,
            independent_person=independent.as_person() if independent else None,
            panel=panel,
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
            return {
                "conflicts_of_interest": {
                    Role.INVESTIGATING_OFFICER.value: data["officer_conflicts"],
                    Role.INDEPENDENT_PERSON.value: data["independent_conflicts"],
                }
            }
        if self.action is A.CONVENE_PANEL:
            return {"panel_on": data["panel_on"], "breach_reason": data.get("breach_reason", "")}
        if self.action is A.ISSUE_PANEL_REPORT:
            lines = (data.get("recommendations") or "").splitlines()
            return {"recommendations": [line.strip() for line in lines if line.strip()]}
        if self.action is A.ISSUE_LA_RESPONSE:
            return {
                "decisions": {
                    str(d.recommendation.pk): (
                        data[f"decision_{d.recommendation.pk}"],
                        data[f"reasons_{d.recommendation.pk}"],
                    )
                    for d in self.decision_fields
                }
            }
        return {}

    def seen_stage(self) -> Stage | None:
        """The stage the person saw when the form was drawn (None if tampered with)."""
        value = self.data.get("expected_stage", "")
        return Stage(value) if value in Stage.__members__.values() else None
