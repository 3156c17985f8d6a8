"""What happened in a period, counted from the case events (domain.md §5.2 tables 1, 2, 12):
stages started, completed and withdrawn, escalations, late requests, reopenings, compliments.

A case counts once per figure in a period, however many times it did the thing (a reopened
complaint accepted at stage 1 twice in a year is one stage 1 complaint). Only a case that came back
for triage (reopened, or resumed after a deferral) can repeat a step, so events are counted plainly
for every other case, and with a distinct count for those few: exact, and without sorting the
year's events once per figure.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db import models as db
from django.db.models import Count, IntegerField, Q, QuerySet, Value, When

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


@dataclass(frozen=True)
class Step:
    """Events of one kind: any of `actions`, from one of `from_stages` (any when empty), and,
    when `late` is set, only requests accepted (or not) after their window had closed."""

    actions: tuple[str, ...]
    from_stages: tuple[str, ...] = ()
    late: bool | None = None

    def q(self) -> Q:
        condition = Q(action__in=self.actions)
        if self.from_stages:
            condition &= Q(from_stage__in=self.from_stages)
        if self.late is not None:
            accepted_late = Q(details__request__discretion=str(Discretion.ACCEPT))
            condition &= accepted_late if self.late else ~accepted_late
        return condition


def step(*actions: Action, from_stages: Sequence[Stage] = (), late: bool | None = None) -> Step:
    return Step(tuple(str(a) for a in actions), tuple(str(s) for s in from_stages), late)


def started(stage: ProcedureStage) -> Step:
    return step(*stage.starts)


def completed(stage: ProcedureStage) -> Step:
    return step(*stage.completes)


def withdrawn(stage: ProcedureStage) -> Step:
    return step(Action.WITHDRAW, from_stages=stage.stages)


@dataclass(frozen=True)
class Escalation:
    key: str
    label: str
    completed: Step  # finishing the earlier stage
    escalated: Step  # asking for the next one (in time, or late and accepted)
    late_accepted: Step | None
    late_refused: Step | None


ESCALATIONS: Sequence[Escalation] = (
    Escalation(
        "stat1_stat2",
        "Stage 1 to stage 2",
        completed(STAGES_BY_KEY["stat1"]),
        step(Action.REQUEST_STAGE2),
        step(Action.REQUEST_STAGE2, late=True),
        step(Action.REFUSE_LATE_STAGE2_REQUEST),
    ),
    Escalation(
        "stat2_stat3",
        "Stage 2 to stage 3",
        completed(STAGES_BY_KEY["stat2"]),
        step(Action.REQUEST_STAGE3),
        step(Action.REQUEST_STAGE3, late=True),
        step(Action.REFUSE_LATE_STAGE3_REQUEST),
    ),
    Escalation(
        "corp1_corp2",
        "Corporate stage 1 to corporate stage 2",
        completed(STAGES_BY_KEY["corp1"]),
        step(Action.REQUEST_CORPORATE_STAGE2),
        None,
        None,
    ),
)

REOPENED = step(Action.REOPEN)
# The steps that send a case back to triage, after which it can repeat earlier steps.
RESTARTS = (str(Action.REOPEN), str(Action.RESUME))
RESOLVED = step(Action.RESOLVE_STAGE1)
COMPLIMENTS = step(Action.LOG_COMPLIMENT)


def event_counts(
    cases: QuerySet[Case], figures: Mapping[str, Step], buckets: Mapping[str, Period]
) -> dict[str, dict[str, int]]:
    """For each figure and each bucket (a period), how many cases had a matching event in it.

    Two queries. Most figures are whole actions: their events, for cases that never came back
    for triage, are counted by action and bucket (an index-only scan of action, date and case).
    The rest (withdrawals from a stage, late requests) are rare events, and cases that came back
    for triage are few: those get a distinct count per figure.
    """
    if not figures or not buckets:
        return {}
    start = min(period.start for period in buckets.values())
    end = max(period.end for period in buckets.values())
    in_bucket = {
        bucket: Q(on__range=(period.start, period.end)) for bucket, period in buckets.items()
    }
    plain = {name: f for name, f in figures.items() if not f.from_stages and f.late is None}
    special = {name: f for name, f in figures.items() if name not in plain}
    plain_actions = sorted({action for f in plain.values() for action in f.actions})
    special_actions = sorted({action for f in special.values() for action in f.actions})
    dated = scoped(CaseEvent.objects.filter(on__range=(start, end)), cases)
    restarted = CaseEvent.objects.filter(action__in=RESTARTS).values("case_id")

    bucket_number = db.Case(
        *(When(q, then=Value(j)) for j, q in enumerate(in_bucket.values())),
        output_field=IntegerField(),
    )
    groups = (
        dated.filter(action__in=plain_actions)
        .exclude(case_id__in=restarted)
        .annotate(bucket=bucket_number)
        .values("action", "bucket")
        .annotate(n=Count("pk"))
        .order_by()
    )
    names = list(buckets)
    result = {figure: dict.fromkeys(buckets, 0) for figure in figures}
    for group in groups:
        if group["bucket"] is None:
            continue
        for name, figure in plain.items():
            if group["action"] in figure.actions:
                result[name][names[group["bucket"]]] += group["n"]

    again = Q(case_id__in=restarted)
    rare = dated.filter(Q(action__in=special_actions) | (again & Q(action__in=plain_actions)))
    counted = rare.aggregate(
        **{
            f"f{i}_{j}": Count(
                "case_id",
                distinct=True,
                filter=figure.q() & in_bucket[bucket] & (Q() if name in special else again),
            )
            for i, (name, figure) in enumerate(figures.items())
            for j, bucket in enumerate(buckets)
        }
    )
    for i, name in enumerate(figures):
        for j, bucket in enumerate(buckets):
            result[name][bucket] += counted[f"f{i}_{j}"]
    return result
