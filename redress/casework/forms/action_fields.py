"""What each action form asks for: the labels and messages by action, the fields some actions
share (a response's sending, a declared interest, a recommendation's decision), and which field a
guard's problem is about.

The messages a form gives for a field it checks itself are the guard's own sentences
(redress/domain/guards.py), so a person sees the same words whichever side finds the problem.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms

from redress.cases.models import PointFinding, Recommendation
from redress.casework.forms.fields import text_field
from redress.core.fields import DateBoxesField
from redress.domain.facts import NotAcceptedGrounds, SentBy
from redress.domain.findings import FindingStage
from redress.domain.roles import Role
from redress.domain.rules import Rule
from redress.domain.workflow import Action

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
    A.ACCEPT_CORPORATE: (
        "Why does it go to the corporate procedure rather than the Children Act procedure?"
    ),
    A.EXTEND_STAGE1: "Why is more time needed?",
    A.EXTEND_STAGE2: "Why is more time needed?",
    A.EXTEND_CORPORATE_STAGE1: "Why is more time needed?",
    A.EXTEND_CORPORATE_STAGE2: "Why is more time needed?",
    A.RESOLVE_STAGE1: "Terms of the resolution",
    A.REFUSE_LATE_STAGE2_REQUEST: "Why is the late request refused?",
    A.REFUSE_LATE_STAGE3_REQUEST: "Why is the late request refused?",
    A.REQUEST_STAGE2: "Reason for accepting a late request (if it is late)",
    A.REQUEST_STAGE3: "Reason for accepting a late request (if it is late)",
    A.APPOINT_INVESTIGATORS: "If someone declared an interest, why appoint them all the same?",
    A.DEFER: "What are the proceedings?",
    A.REOPEN: "What are the new concerns?",
    A.CLOSE: "Reason (needed when closing a deferred case)",
    A.WITHDRAW: "What did the complainant say? (optional)",
}
REASON_HINTS: dict[Action, str] = {
    A.ACCEPT_CORPORATE: (
        "Needed when the complaint is about a service the Children Act procedure covers: only "
        "the complaints manager can send one of those to the corporate procedure"
    ),
    A.APPOINT_INVESTIGATORS: (
        "Only the complaints manager can appoint someone who declared an interest"
    ),
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
    A.RESOLVE_STAGE1: "Date the terms of the resolution were sent",
    A.ADJUDICATE: "Date the adjudication was sent",
    A.ISSUE_LA_RESPONSE: "Date the council's response was sent",
    A.RESPOND_CORPORATE_STAGE1: "Date the response was sent",
    A.RESPOND_CORPORATE_STAGE2: "Date the response was sent",
}
# The steps that send the complainant a response: how it went decides when they received it.
# The steps that decide recommendations: whose, in the guard's words (every_recommendation_decided)
DECIDES: dict[Action, tuple[str, str]] = {
    A.ADJUDICATE: (Recommendation.Source.INVESTIGATING_OFFICER, "the investigating officer's"),
    A.ISSUE_LA_RESPONSE: (Recommendation.Source.REVIEW_PANEL, "the panel's"),
}


@dataclass(frozen=True)
class Chosen:
    """Someone a form appoints: the select's name, the pool's role, and what to call them."""

    key: str
    role: Role
    label: str
    who: str  # "the investigating officer", "panel member 1"


# The people each appointing step chooses, in the order the form asks for them.
PEOPLE: dict[Action, tuple[Chosen, ...]] = {
    A.APPOINT_INVESTIGATORS: (
        Chosen(
            "investigating_officer",
            Role.INVESTIGATING_OFFICER,
            "Investigating officer",
            "the investigating officer",
        ),
        Chosen(
            "independent_person",
            Role.INDEPENDENT_PERSON,
            "Independent person",
            "the independent person",
        ),
    ),
    A.CONVENE_PANEL: (
        Chosen("panel_chair", Role.PANEL_CHAIR, "Panel chair", "the panel chair"),
        Chosen("panel_member_1", Role.PANEL_MEMBER, "Panel member 1", "panel member 1"),
        Chosen("panel_member_2", Role.PANEL_MEMBER, "Panel member 2", "panel member 2"),
    ),
}

# Guard problems -> the field they are about, by how the problem starts (the rest go to the top
# of the form, or to a person or a recommendation: ActionForm.field_for). More specific starts
# come before the shorter ones they begin with.
PROBLEM_FIELDS = (
    ("Enter the reasons for the decision on", "reasons"),
    ("Decide on", "decision"),
    ("Enter the reason", "reason"),
    ("Enter the date the complainant agreed", "complainant_agreed_on"),
    ("The date the complainant agreed", "complainant_agreed_on"),
    ("The complainant has until", "complainant_agreed_on"),
    ("Enter how the complainant agreed", "agreed_how"),
    ("Enter the number of working days", "extend_to_working_days"),
    ("The extended deadline", "extend_to_working_days"),
    ("An extension must", "extend_to_working_days"),
    ("The deadline was", "extend_to_working_days"),
    ("Select why", "deferral_reason"),
    ("Enter the date to review", "review_on"),
    ("The review date", "review_on"),
    ("Choose the investigating officer", "investigating_officer"),
    ("Choose the independent person", "independent_person"),
    ("The investigating officer and the independent", "independent_person"),
    ("This request is late", "discretion"),
    ("The review panel must", "panel_chair"),
    ("Enter the date the panel will meet", "meets_on"),
    ("The panel date", "meets_on"),
    ("The panel should meet by", "reason"),
    ("Select the grounds", "grounds"),
    ("Record when the matter complained about happened", "grounds"),
    ("The complaint is in time", "grounds"),
    ("The complaint is outside the", "grounds"),
    ("The decision on the time limit", "grounds"),
    ("Enter why the complaint was not made in time", "why_not_in_time"),
    ("Enter whether the complaint can still be considered", "fair_consideration"),
    ("The complainant cannot have received", "received_by_complainant_on"),
    ("The date of this step", "on"),
    ("Complaints about", "reason"),
    ("Enter why a complaint about", "reason"),
)
# ... and by a phrase anywhere in it, before a person's name at its start is looked for.
PROBLEM_PHRASES = (
    ("declared an interest: enter the reason", "reason"),
    ("works for the council", "investigating_officer"),
)


@dataclass
class PointFields:
    number: int
    summary: str
    finding: forms.BoundField
    rationale: forms.BoundField
    # At adjudication: the investigating officer's finding, with the independent person's view
    investigation: PointFinding | None = None


@dataclass
class DecisionFields:
    recommendation: Recommendation
    decision: forms.BoundField
    reasons: forms.BoundField
    title: str  # "The panel's recommendation 1"


def long_date(day: date) -> str:
    return f"{day:%-d %B %Y}"


def radios(
    label: str,
    choices: list[tuple[str, str]],
    message: str,
    *,
    hint: str = "",
    initial: Any = None,
) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        help_text=hint,
        initial=initial,
        template_name="forms/choices.html",
        error_messages={"required": message, "invalid_choice": message},
    )


def select(label: str, choices: list[tuple[str, str]], message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        template_name="forms/select.html",
        error_messages={"required": message, "invalid_choice": message},
    )


def person_choices(people: Any) -> list[tuple[str, str]]:
    return [("", "Choose a person")] + [
        (str(p.pk), f"{p} ({p.current_cases} current case{'s' if p.current_cases != 1 else ''})")
        for p in people
    ]


YES, NO = "yes", "no"


def declared_interest_fields(chosen: Chosen) -> dict[str, forms.Field]:
    """Whether `chosen` declared an interest in the case, and what: `<key>_declared`, with
    `<key>_interest` revealed under "Yes"."""
    return {
        f"{chosen.key}_declared": radios(
            f"Has {chosen.who} declared an interest in this case?",
            [(YES, "Yes"), (NO, "No")],
            f"Select whether {chosen.who} has declared an interest in this case",
        ),
        f"{chosen.key}_interest": text_field(
            f"If they did, what did {chosen.who} declare?",
            required=False,
            message=f"Enter what {chosen.who} declared",
        ),
    }


def response_fields(post_working_days: int) -> dict[str, forms.Field]:
    """How a response went, and when the complainant received it if that is known: their window
    to ask for the next stage counts from the day they received it (domain §2.2)."""
    return {
        "sent_by": radios(
            "How was it sent?",
            [(s.value, s.label) for s in SentBy],
            "Select how it was sent",
            hint=(
                f"Post is counted as received {post_working_days} working day"
                f"{'s' if post_working_days != 1 else ''} after it is sent"
            ),
            initial=SentBy.EMAIL.value,
        ),
        "received_by_complainant_on": DateBoxesField(
            label="Date the complainant received it, if you know",
            what="the date the complainant received it",
            required=False,
            in_the_past=True,
            help_text="For example, 27 3 2026",
        ),
    }


def grounds_field() -> forms.ChoiceField:
    """Why a complaint is not accepted (Regs 8-9): the structured grounds the guard needs."""
    return radios(
        "On what grounds is the complaint not accepted?",
        [(g.value, g.label) for g in NotAcceptedGrounds],
        "Select the grounds for not accepting the complaint",
    )


def time_limit_fields() -> dict[str, forms.Field]:
    """Both questions of a decision not to consider a late complaint (domain §3.3)."""
    return {
        "why_not_in_time": text_field(
            "If it is out of time: why was it not made in time, and why does that not excuse it?",
            required=False,
            message="Enter why the complaint was not made in time, and why that does not excuse it",
        ),
        "fair_consideration": text_field(
            "If it is out of time: can it still be considered effectively and fairly?",
            required=False,
            message="Enter whether the complaint can still be considered effectively and fairly",
        ),
    }


def decision_fields(number: int, whose: str) -> tuple[forms.Field, forms.Field]:
    """Accept or reject one recommendation, with the reasons (numbered as the guard numbers)."""
    decision = radios(
        "Does the council accept this recommendation?",
        [
            (Recommendation.Decision.ACCEPTED.value, "Accept"),
            (Recommendation.Decision.REJECTED.value, "Reject"),
        ],
        f"Decide on {whose} recommendation {number}: accept or reject it",
    )
    reasons = text_field(
        "Reasons for the decision",
        message=f"Enter the reasons for the decision on {whose} recommendation {number}",
    )
    return decision, reasons
