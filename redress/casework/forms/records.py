"""Forms for what is recorded on a case beside the moves of the procedure."""

from typing import Any

from django import forms

from redress.accounts.selectors import (
    all_teams,
    people_in_role,
    staff_in_roles,
    staff_who_can_be_assigned,
)
from redress.cases.models import ActionPlanItem, Case, Recommendation, Remedy
from redress.casework.forms.fields import text_field
from redress.core.fields import DateBoxesField
from redress.domain.facts import Discretion, Route
from redress.domain.findings import Finding
from redress.domain.ombudsman import OmbudsmanAction, OmbudsmanDecision
from redress.domain.roles import EXTERNAL_ROLES, Role
from redress.domain.workflow import TRANSITIONS, Stage, allowed_actions

# Never given a case: they read and administer, they do not act on it (issue 13 item 5).
NEVER_ASSIGNED = EXTERNAL_ROLES | {Role.AUDITOR, Role.ADMINISTRATOR}


def roles_that_act_in(stage: Stage) -> frozenset[Role]:
    """The council staff roles some row of the lifecycle table lets act from `stage`."""
    roles = frozenset().union(
        *(TRANSITIONS[(stage, action)].roles for action in allowed_actions(stage))
    )
    return frozenset(roles) - NEVER_ASSIGNED


def _radios(label: str, choices: list[tuple[str, str]], message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        template_name="forms/choices.html",
        error_messages={"required": message},
    )


def _select(label: str, choices: list[tuple[str, str]], *, required: bool = True) -> forms.Field:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        template_name="forms/select.html",
        error_messages={"required": f"Choose the {label.lower()}"},
    )


YES_NO = [("yes", "Yes"), ("no", "No")]
DECISIONS = [
    (Discretion.ACCEPT.value, "Yes, accept it"),
    (Discretion.REFUSE.value, "No, do not accept it"),
]


class RecordForm(forms.Form):
    """A record form knows the case it is about; `subject` is the row it changes, if any."""

    def __init__(self, data: Any, *, case: Case, subject: Any = None) -> None:
        super().__init__(data, initial=self.initial_from(case, subject))
        self.case = case
        self.subject = subject

    def initial_from(self, case: Case, subject: Any) -> dict[str, Any]:
        return {}


class AssignForm(RecordForm):
    assigned_to = _select("Person", [], required=False)
    team = _select("Team", [], required=False)
    seen_assignee = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, data: Any, *, case: Case, subject: Any = None) -> None:
        super().__init__(data, case=case, subject=subject)
        # Only people whose role can act on the case at its stage (issue 13 item 5).
        people = staff_in_roles(roles_that_act_in(Stage(case.stage)))
        self.fields["assigned_to"].choices = [("", "Nobody")] + [
            (str(u.pk), str(u)) for u in people
        ]
        self.fields["team"].choices = [("", "No team")] + [(str(t.pk), t.name) for t in all_teams()]

    def initial_from(self, case: Case, subject: Any) -> dict[str, Any]:
        return {
            "assigned_to": case.assigned_to_id or "",
            "team": case.team_id or "",
            "seen_assignee": case.assigned_to_id or "",
        }


class NoteForm(RecordForm):
    text = text_field("Note", rows=5)


class AddPointForm(RecordForm):
    summary = text_field("What is the complaint point?", message="Enter the complaint point")


class RoutePointForm(RecordForm):
    route = _radios(
        "Which process does this point go through?",
        [
            (Route.STATUTORY.value, "Statutory children's complaints procedure"),
            (Route.CORPORATE.value, "Corporate complaints procedure"),
            (Route.NOT_ACCEPTED.value, "Not accepted"),
            (Route.OTHER_PROCESS.value, "Another process (for example safeguarding or appeals)"),
            (Route.DEFERRED.value, "Deferred while other proceedings run"),
        ],
        "Select which process this point goes through",
    )
    reason = text_field("Reasons for this routing", message="Enter the reasons for this routing")

    def initial_from(self, case: Case, subject: Any) -> dict[str, Any]:
        return {"route": subject.route, "reason": subject.route_reason}


class FindingsForm(RecordForm):
    """A finding on each point at one stage (the investigating officer's, say)."""

    def __init__(self, data: Any, *, case: Case, subject: Any = None) -> None:
        super().__init__(data, case=case, subject=subject)
        stage, points = subject
        self.rows = []
        for point in points:
            current = next((f for f in point.findings.all() if f.stage == stage), None)
            self.fields[f"finding_{point.pk}"] = _radios(
                f"Finding on point {point.number}",
                [(f.value, f.label) for f in Finding],
                f"Select the finding on point {point.number}",
            )
            self.fields[f"rationale_{point.pk}"] = text_field(
                f"Reasons for the finding on point {point.number}",
                message=f"Enter the reasons for the finding on point {point.number}",
            )
            if current:
                self.fields[f"finding_{point.pk}"].initial = current.finding
                self.fields[f"rationale_{point.pk}"].initial = current.rationale
            self.rows.append((point, self[f"finding_{point.pk}"], self[f"rationale_{point.pk}"]))


class IndependentViewForm(RecordForm):
    """The independent person's view on each of the investigating officer's findings."""

    def __init__(self, data: Any, *, case: Case, subject: Any = None) -> None:
        super().__init__(data, case=case, subject=subject)
        self.rows = []
        for point, finding in subject:
            self.fields[f"agrees_{point.pk}"] = _radios(
                f"Do you agree with the finding on point {point.number}?",
                YES_NO,
                f"Select whether you agree with the finding on point {point.number}",
            )
            self.fields[f"comment_{point.pk}"] = text_field(
                f"Your comments on point {point.number}", required=False, rows=3
            )
            if finding.independent_person_agrees is not None:
                self.fields[f"agrees_{point.pk}"].initial = (
                    "yes" if finding.independent_person_agrees else "no"
                )
                self.fields[f"comment_{point.pk}"].initial = finding.independent_person_comment
            self.rows.append(
                (point, finding, self[f"agrees_{point.pk}"], self[f"comment_{point.pk}"])
            )


class EligibilityForm(RecordForm):
    decision = _radios(
        "Can this person make the complaint?",
        DECISIONS,
        "Select whether this person can make the complaint",
    )
    reasons = text_field("Reasons for the decision", message="Enter the reasons for the decision")


class ConsentForm(RecordForm):
    given = _radios(
        "Has the child agreed to this person complaining for them?",
        YES_NO,
        "Select whether the child agreed",
    )


class TimeLimitForm(RecordForm):
    discretion = _radios(
        "Will the council consider the late complaint?",
        DECISIONS,
        "Select whether the council will consider the late complaint",
    )
    not_reasonable_to_expect = text_field(
        "Why was it not reasonable to expect the complaint within the time limit?",
        message="Enter why it was not reasonable to expect the complaint within the time limit",
    )
    still_possible_to_consider = text_field(
        "Why is it still possible to consider the complaint effectively and fairly?",
        required=False,
        hint="Needed when the council will consider it",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        accepted = data.get("discretion") == Discretion.ACCEPT
        if accepted and not (data.get("still_possible_to_consider") or "").strip():
            self.add_error(
                "still_possible_to_consider",
                "Enter why it is still possible to consider the complaint effectively and fairly",
            )
        return data


class RecommendationForm(RecordForm):
    source = _radios(
        "Who made the recommendation?",
        list(Recommendation.Source.choices),
        "Select who made the recommendation",
    )
    text = text_field("Recommendation")


class RecommendationDecisionForm(RecordForm):
    decision = _radios(
        "Does the council accept the recommendation?",
        [
            (Recommendation.Decision.ACCEPTED.value, "Accept"),
            (Recommendation.Decision.REJECTED.value, "Reject"),
        ],
        "Select whether the council accepts the recommendation",
    )
    reasons = text_field("Reasons for the decision", message="Enter the reasons for the decision")


class ActionPlanForm(RecordForm):
    description = text_field("What will be done?", message="Enter what will be done")
    owner = _select("Owner", [])
    due_on = DateBoxesField(label="Due date", what="the due date")

    def __init__(self, data: Any, *, case: Case, subject: Any = None) -> None:
        super().__init__(data, case=case, subject=subject)
        self.fields["owner"].choices = [("", "Choose the owner")] + [
            (str(u.pk), str(u)) for u in staff_who_can_be_assigned()
        ]


class CompleteForm(RecordForm):
    evidence = text_field("Evidence that it was done")


class PlanCompleteForm(CompleteForm):
    practice_change = text_field(
        "What changed in practice? (You said, we did)", required=False, rows=3
    )


class OmbudsmanForm(RecordForm):
    step = _radios(
        "What has happened?",
        [
            (OmbudsmanAction.RECORD_ENQUIRY.value, "The Ombudsman has started an enquiry"),
            (
                OmbudsmanAction.RECORD_PREMATURE_REFERRAL.value,
                "The Ombudsman referred the complaint back as premature",
            ),
            (OmbudsmanAction.RECORD_DECISION.value, "The Ombudsman has decided"),
        ],
        "Select what has happened",
    )
    ombudsman_reference = forms.CharField(
        label="Ombudsman's reference (optional)",
        required=False,
        max_length=40,
        template_name="forms/input.html",
    )
    decision = _select(
        "Decision (if the Ombudsman has decided)",
        [("", "Choose the decision")]
        + [(d.value, d.value.replace("_", " ").capitalize()) for d in OmbudsmanDecision],
        required=False,
    )
    summary = text_field("Summary", required=False, rows=3)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("step") == OmbudsmanAction.RECORD_DECISION and not data.get("decision"):
            self.add_error("decision", "Choose the Ombudsman's decision")
        return data


class RemedyForm(RecordForm):
    kind = _radios("What is the remedy?", list(Remedy.Kind.choices), "Select the remedy")
    amount = forms.DecimalField(
        label="Amount in pounds (for a payment)",
        required=False,
        min_value=0,
        decimal_places=2,
        template_name="forms/input.html",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "decimal"}),
        error_messages={"invalid": "Enter the amount in pounds, like 250 or 250.00"},
    )
    due_on = DateBoxesField(label="Due date", what="the due date")


class AdvocateForm(RecordForm):
    advocate = _select("Advocate", [])

    def __init__(self, data: Any, *, case: Case, subject: Any = None) -> None:
        super().__init__(data, case=case, subject=subject)
        self.fields["advocate"].choices = [("", "Choose the advocate")] + [
            (str(u.pk), str(u)) for u in people_in_role(Role.ADVOCATE).filter(is_external=True)
        ]


class LinkForm(RecordForm):
    reference = forms.CharField(
        label="Reference of the case to link",
        max_length=20,
        template_name="forms/input.html",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
        error_messages={"required": "Enter the reference of the case to link"},
    )


class ResponseReceivedForm(RecordForm):
    """The day the complainant actually received the last response (a letter that took longer,
    say): their window to ask for the next stage counts from it."""

    received_on = DateBoxesField(
        label="Date the complainant received the response",
        what="the date the complainant received the response",
        help_text=(
            "Their time to ask for the next stage counts from this day. For example, 27 3 2026"
        ),
    )


def plan_item_choices(case: Case) -> list[ActionPlanItem]:
    return [item for item in case.action_plan.all() if item.status == item.Status.OPEN]
