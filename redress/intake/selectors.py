"""Reads for the public side.

A member of the public is never a user, so `cases_visible_to(user)` cannot scope them. Their
scope is narrower: the draft whose key their browser holds, the submission it became, and the one
case whose reference and email address they proved with a one-time code (`tracking_session`).
Every read here starts from one of those. Staff reads (the late-request queue) start from
`cases_visible_to(user)` as everywhere else.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from redress.accounts.models import User
from redress.cases.models import Case, CasePerson, Clock, Document, PersonRole
from redress.cases.selectors import cases_visible_to
from redress.domain.rules import Rule
from redress.domain.workflow import Action, Stage, allowed_actions
from redress.intake.models import Draft, LateStageRequest, Submission
from redress.intake.wording import CLOCK_PHRASES


def drafts_live() -> QuerySet[Draft]:
    cutoff = timezone.now() - timedelta(hours=settings.REDRESS_DRAFT_HOURS)
    return Draft.objects.filter(updated_at__gte=cutoff)


def draft_for(key: UUID | None, journey: str) -> Draft | None:
    if key is None:
        return None
    return drafts_live().filter(key=key, journey=journey).first()


def submission_for(key: UUID | None, journey: str) -> Submission | None:
    if key is None:
        return None
    return Submission.objects.select_related("case").filter(key=key, journey=journey).first()


def normalise_reference(reference: str) -> str:
    return "".join(reference.split()).upper()


def case_for_complainant(*, reference: str, email: str) -> Case | None:
    """The case with this reference whose complainant gave this email address, if any."""
    complainants = CasePerson.objects.filter(
        role=PersonRole.COMPLAINANT, email__iexact=email.strip()
    )
    return (
        Case.objects.filter(reference=normalise_reference(reference))
        .filter(pk__in=complainants.values("case_id"))
        .first()
    )


def tracked_case(case_id: int) -> Case | None:
    """The case a signed-in complainant proved is theirs."""
    return Case.objects.filter(pk=case_id).first()


@dataclass(frozen=True)
class ClockDate:
    phrase: str
    due: date
    extended: bool


def dates_to_meet(case: Case) -> list[ClockDate]:
    """The dates the council must meet now, from the case's running clocks."""
    clocks = Clock.objects.filter(case=case).running().order_by("due_date", "pk")
    return [
        ClockDate(
            CLOCK_PHRASES[Rule(c.rule)], c.effective_due_date, c.extended_due_date is not None
        )
        for c in clocks
        if Rule(c.rule) in CLOCK_PHRASES
    ]


def letters_for(case: Case) -> QuerySet[Document]:
    return case.documents.filter(kind=Document.Kind.LETTER)


def sent_by_complainant(case: Case) -> QuerySet[Document]:
    return case.documents.filter(kind=Document.Kind.EVIDENCE, uploaded_by__isnull=True)


def document_for_complainant(case: Case, document_id: int) -> Document | None:
    return (letters_for(case) | sent_by_complainant(case)).filter(pk=document_id).first()


@dataclass(frozen=True)
class NextStage:
    """The next stage the complainant may ask for, and the last day of the window to ask."""

    action: Action
    name: str  # "stage 2", "a review panel (stage 3)"
    last_day: date
    from_stage: Stage

    def is_late(self, today: date) -> bool:
        return today > self.last_day


# The next stage each answered stage may ask for, and the complainant's window clock to ask in.
NEXT_STAGE_WINDOWS = {
    Stage.RESPONDED_S1: (Action.REQUEST_STAGE2, Rule.STAGE2_REQUEST_WINDOW, "stage 2"),
    Stage.RESOLVED_S1: (Action.REQUEST_STAGE2, Rule.STAGE2_REQUEST_WINDOW, "stage 2"),
    Stage.S2_ADJUDICATED: (
        Action.REQUEST_STAGE3,
        Rule.STAGE3_REQUEST_WINDOW,
        "a review panel (stage 3)",
    ),
    Stage.CORP_S1_RESPONDED: (
        Action.REQUEST_CORPORATE_STAGE2,
        Rule.CORPORATE_STAGE2_REQUEST_WINDOW,
        "stage 2",
    ),
}


def next_stage_for(case: Case) -> NextStage | None:
    """Where the case has had a response: which stage comes next, and the last day to ask for
    it, from the case's running window clock (counted from when the complainant received the
    response, so the tracking page and the letters give the same day)."""
    stage = Stage(case.stage)
    if stage not in NEXT_STAGE_WINDOWS:
        return None
    action, rule, name = NEXT_STAGE_WINDOWS[stage]
    clock = Clock.objects.filter(case=case, rule=rule).running().first()
    if clock is None:
        return None
    return NextStage(action, name, clock.effective_due_date, stage)


def late_request_pending(case: Case) -> LateStageRequest | None:
    return LateStageRequest.objects.filter(case=case).awaiting_decision().last()


def can_withdraw(case: Case) -> bool:
    return Action.WITHDRAW in allowed_actions(Stage(case.stage))


def late_stage_requests_awaiting_decision(user: User) -> QuerySet[LateStageRequest]:
    """The manager's queue: late requests for the next stage nobody has decided yet."""
    return (
        LateStageRequest.objects.awaiting_decision()
        .filter(case__in=cases_visible_to(user))
        .select_related("case")
    )
