"""What the procedure's rules need to know about a case and about an action someone is taking.

The shell builds these plain snapshots from the database; the rules never see a model.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from redress.domain.findings import Finding, FindingStage
from redress.domain.roles import Person, Role
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


class NotAcceptedGrounds(StrEnum):
    """Why a complaint is not accepted into a procedure (domain.md §3.1; Regs 8-9)."""

    OUT_OF_TIME = "out_of_time"
    NO_SUFFICIENT_INTEREST = "no_sufficient_interest"
    NOT_ABOUT_A_SERVICE = "not_about_a_service"
    ALREADY_CONSIDERED = "already_considered"
    OTHER = "other"

    @property
    def label(self) -> str:
        return NOT_ACCEPTED_LABELS[self]


NOT_ACCEPTED_LABELS: Mapping[NotAcceptedGrounds, str] = {
    NotAcceptedGrounds.OUT_OF_TIME: "Made after the time limit",
    NotAcceptedGrounds.NO_SUFFICIENT_INTEREST: "The person has no sufficient interest in the child",
    NotAcceptedGrounds.NOT_ABOUT_A_SERVICE: "Not about a service the council provides",
    NotAcceptedGrounds.ALREADY_CONSIDERED: "Already considered under the procedure",
    NotAcceptedGrounds.OTHER: "Another reason",
}


class SentBy(StrEnum):
    """How a response went to the complainant: it decides when they received it (domain §2.2)."""

    EMAIL = "email"
    POST = "post"
    HAND = "hand"

    @property
    def label(self) -> str:
        return {"email": "Email", "post": "Post", "hand": "By hand"}[self.value]


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
class RecommendationFacts:
    """A recommendation the council must decide on: the investigating officer's or the panel's."""

    id: int
    source: str  # "investigating_officer" or "review_panel" (cases.Recommendation.Source)
    decided: bool = False


@dataclass(frozen=True, slots=True)
class RecommendationDecision:
    """The council's decision on one recommendation, given with the step that decides it."""

    recommendation_id: int
    accepted: bool
    reasons: str


@dataclass(frozen=True, slots=True)
class TimeLimitDecision:
    """A recorded decision on a complaint made after the time limit: both limbs (domain §3.3)."""

    discretion: Discretion
    why_not_in_time: str  # why it was (not) reasonable to expect a complaint in time
    fair_consideration: str  # whether it can still be considered effectively and fairly


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
    # Everyone who has been the stage 2 investigating officer: no previous involvement on a panel.
    stage2_investigating_officer_ids: frozenset[int] = frozenset()
    # What the complaint is about (a key of service_areas.SERVICE_AREAS, or "" when unknown).
    service_area: str = ""
    # When the matter complained about happened: the time limit counts from it (domain §3.3).
    grounds_arose_on: date | None = None
    time_limit_decision: TimeLimitDecision | None = None
    # The date of the last step of the procedure taken on the case: the next cannot be earlier.
    last_step: tuple[str, date] | None = None
    recommendations: tuple[RecommendationFacts, ...] = ()


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
    # The roles of whoever takes the step, on this case (empty: the complainant or Redress itself).
    actor_roles: frozenset[Role] = frozenset()
    # How the complainant agreed (a resolution, not going further): "by phone", "in writing", ...
    agreed_how: str = ""
    grounds: NotAcceptedGrounds | None = None
    # Both limbs of a time-limit decision made with this step (domain §3.3)
    why_not_in_time: str = ""
    fair_consideration: str = ""
    # A response: how it was sent, and when the complainant received it if that is known
    sent_by: SentBy = SentBy.EMAIL
    received_by_complainant_on: date | None = None
    meets_on: date | None = None  # the date the review panel will meet
    decisions: tuple[RecommendationDecision, ...] = ()
