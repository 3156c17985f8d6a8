"""What the procedure's rules need to know about a case and about an action someone is taking.

The shell builds these plain snapshots from the database; the rules never see a model.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from redress.domain.findings import Finding, FindingStage
from redress.domain.roles import Person
from redress.domain.rules import Rule


class Route(StrEnum):
    """Which procedure a case, or one complaint point, goes through (domain.md §3.1)."""

    UNDECIDED = "undecided"
    STATUTORY = "statutory"
    CORPORATE = "corporate"
    NOT_ACCEPTED = "not_accepted"
    OTHER_PROCESS = "other_process"
    DEFERRED = "deferred"
    COMPLIMENT = "compliment"
    COMMENT = "comment"


class Discretion(StrEnum):
    """A recorded decision on something outside a time limit (domain.md §2.4, §3.3)."""

    ACCEPT = "accept"
    REFUSE = "refuse"


class DeferralReason(StrEnum):
    """Why a complaint waits (domain.md §3.4; Reg 8)."""

    ONGOING_COURT = "ongoing_court"
    ONGOING_CRIMINAL = "ongoing_criminal"
    ONGOING_DISCIPLINARY = "ongoing_disciplinary"
    TRIBUNAL = "tribunal"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class ClockFacts:
    rule: Rule
    anchor_date: date
    due: date
    extended_due: date | None = None
    extended_working_days: int | None = None

    @property
    def effective_due(self) -> date:
        return self.extended_due or self.due


@dataclass(frozen=True, slots=True)
class PointFacts:
    number: int
    route: Route
    findings: Mapping[FindingStage, Finding] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CaseFacts:
    reference: str
    received_on: date
    # The date the case last came back for triage (reopened, or resumed after deferral), if ever.
    triage_restarted_on: date | None = None
    running_clocks: Mapping[Rule, ClockFacts] = field(default_factory=dict)
    points: tuple[PointFacts, ...] = ()
    acknowledged_on: date | None = None
    corporate_stage2_acknowledged_on: date | None = None
    investigating_officer: Person | None = None
    independent_person: Person | None = None
    # Everyone who has been the stage 2 independent person on this case: Reg 19(3) bars them
    # from the panel.
    stage2_independent_person_ids: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class ActionRequest:
    """Everything an action may carry. Each action's guards say which parts it needs."""

    on: date
    reason: str = ""
    discretion: Discretion | None = None
    complainant_agreed_on: date | None = None
    extend_to_working_days: int | None = None
    deferral_reason: DeferralReason | None = None
    review_on: date | None = None
    investigating_officer: Person | None = None
    independent_person: Person | None = None
    panel: tuple[Person, ...] = ()  # the chair first
