"""What happened in a period, counted from the case events (domain.md §5.2 tables 1, 2, 12):
stages started, completed and withdrawn, escalations, late requests, reopenings, compliments.

A case counts once per figure in a period, however many times it did the thing (a reopened
complaint accepted at stage 1 twice in a year is one stage 1 complaint).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from redress.cases.models import Case, CaseEvent
from redress.domain.facts import Discretion
from redress.domain.workflow import Action, Stage
from redress.reports.periods import Period
from redress.reports.queries.scope import scoped


@dataclass(frozen=True)
class ProcedureStage:
    key: str
    label: str
    procedure: str  # "statutory" or "corporate"
    starts: tuple[Action, ...]
    completes: tuple[Action, ...]
    stages: tuple[Stage, ...]  # where a case is while at this procedure stage


PROCEDURE_STAGES: Sequence[ProcedureStage] = (
    ProcedureStage(
        "stat1",
        "Stage 1: local resolution",
        "statutory",
        (Action.ACCEPT_STATUTORY,),
        (Action.RESPOND_STAGE1, Action.RESOLVE_STAGE1),
        (Stage.STAT_S1, Stage.RESOLVED_S1, Stage.RESPONDED_S1),
    ),
    ProcedureStage(
        "stat2",
        "Stage 2: independent investigation",
        "statutory",
        (Action.REQUEST_STAGE2, Action.ACCEPT_STATUTORY_STAGE2),
        (Action.ADJUDICATE,),
        (
            Stage.S2_REQUESTED,
            Stage.S2_STATEMENT_AGREED,
            Stage.S2_INVESTIGATING,
            Stage.S2_REPORTS_RECEIVED,
            Stage.S2_ADJUDICATED,
        ),
    ),
    ProcedureStage(
        "stat3",
        "Stage 3: review panel",
        "statutory",
        (Action.REQUEST_STAGE3,),
        (Action.ISSUE_LA_RESPONSE,),
        (
            Stage.S3_REQUESTED,
            Stage.PANEL_SCHEDULED,
            Stage.PANEL_HELD,
            Stage.PANEL_REPORT_ISSUED,
            Stage.LA_RESPONSE_ISSUED,
        ),
    ),
    ProcedureStage(
        "corp1",
        "Corporate stage 1",
        "corporate",
        (Action.ACCEPT_CORPORATE,),
        (Action.RESPOND_CORPORATE_STAGE1,),
        (Stage.CORP_S1, Stage.CORP_S1_RESPONDED),
    ),
    ProcedureStage(
        "corp2",
        "Corporate stage 2",
        "corporate",
        (Action.REQUEST_CORPORATE_STAGE2,),
        (Action.RESPOND_CORPORATE_STAGE2,),
        (Stage.CORP_S2, Stage.CORP_S2_RESPONDED),
    ),
)
STAGES_BY_KEY = {stage.key: stage for stage in PROCEDURE_STAGES}


def started(stage: ProcedureStage) -> Q:
    return Q(action__in=[str(a) for a in stage.starts])


def completed(stage: ProcedureStage) -> Q:
    return Q(action__in=[str(a) for a in stage.completes])


def withdrawn(stage: ProcedureStage) -> Q:
    return Q(action=Action.WITHDRAW, from_stage__in=[str(s) for s in stage.stages])


@dataclass(frozen=True)
class Escalation:
    key: str
    label: str
    completed: Q  # finishing the earlier stage
    escalated: Q  # asking for the next one (in time, or late and accepted)
    late_accepted: Q | None
    late_refused: Q | None


def _late(action: Action) -> Q:
    return Q(action=action, details__request__discretion=str(Discretion.ACCEPT))


ESCALATIONS: Sequence[Escalation] = (
    Escalation(
        "stat1_stat2",
        "Stage 1 to stage 2",
        completed(STAGES_BY_KEY["stat1"]),
        Q(action=Action.REQUEST_STAGE2),
        _late(Action.REQUEST_STAGE2),
        Q(action=Action.REFUSE_LATE_STAGE2_REQUEST),
    ),
    Escalation(
        "stat2_stat3",
        "Stage 2 to stage 3",
        completed(STAGES_BY_KEY["stat2"]),
        Q(action=Action.REQUEST_STAGE3),
        _late(Action.REQUEST_STAGE3),
        Q(action=Action.REFUSE_LATE_STAGE3_REQUEST),
    ),
    Escalation(
        "corp1_corp2",
        "Corporate stage 1 to corporate stage 2",
        completed(STAGES_BY_KEY["corp1"]),
        Q(action=Action.REQUEST_CORPORATE_STAGE2),
        None,
        None,
    ),
)

REOPENED = Q(action=Action.REOPEN)
RESOLVED = Q(action=Action.RESOLVE_STAGE1)
COMPLIMENTS = Q(action=Action.LOG_COMPLIMENT)


def event_counts(
    cases: QuerySet[Case], figures: Mapping[str, Q], buckets: Mapping[str, Period]
) -> dict[str, dict[str, int]]:
    """For each figure and each bucket (a period), how many cases had a matching event in it.

    One query: one conditional distinct count per (figure, bucket).
    """
    if not figures or not buckets:
        return {}
    start = min(period.start for period in buckets.values())
    end = max(period.end for period in buckets.values())
    anything = Q()
    for condition in figures.values():
        anything |= condition
    events = scoped(CaseEvent.objects.filter(anything, on__range=(start, end)), cases)
    totals = events.aggregate(
        **{
            f"f{i}_{j}": Count(
                "case_id",
                distinct=True,
                filter=condition & Q(on__range=(period.start, period.end)),
            )
            for i, condition in enumerate(figures.values())
            for j, period in enumerate(buckets.values())
        }
    )
    return {
        figure: {bucket: totals[f"f{i}_{j}"] for j, bucket in enumerate(buckets)}
        for i, figure in enumerate(figures)
    }
