"""Outcomes by stage (domain.md §5.2 table 4; §4.1): findings per complaint point, and the case
roll-up of `redress.domain.findings.case_outcome` done in SQL: a case is upheld if every point
decided on the merits is upheld, not upheld if none is, partially upheld otherwise; points with
no decision on the merits do not count, and a case with none has no outcome.

A finding counts in the period when the step that gives it (the stage 1 response or resolution,
the stage 2 adjudication, a corporate response) happened in the period.
"""

from collections.abc import Mapping

from django.db import models as db
from django.db.models import CharField, Count, F, Q, QuerySet, Value, When

from redress.cases.models import Case, CaseEvent, PointFinding
from redress.domain.findings import ON_THE_MERITS, Finding, FindingStage
from redress.domain.workflow import Action
from redress.reports.periods import Period
from redress.reports.queries.scope import scoped

# The step whose date puts a stage's findings in a period.
GIVEN_BY: Mapping[FindingStage, tuple[Action, ...]] = {
    FindingStage.STAGE1: (Action.RESPOND_STAGE1, Action.RESOLVE_STAGE1),
    FindingStage.STAGE2_ADJUDICATION: (Action.ADJUDICATE,),
    FindingStage.CORPORATE_STAGE1: (Action.RESPOND_CORPORATE_STAGE1,),
    FindingStage.CORPORATE_STAGE2: (Action.RESPOND_CORPORATE_STAGE2,),
}
MERITS = [str(f) for f in ON_THE_MERITS]
OUTCOMES = (Finding.UPHELD, Finding.PARTIALLY_UPHELD, Finding.NOT_UPHELD)


def _findings_given_in(
    cases: QuerySet[Case], period: Period, stages: list[FindingStage]
) -> QuerySet[PointFinding]:
    condition = Q()
    for stage in stages:
        given = CaseEvent.objects.filter(
            action__in=[str(a) for a in GIVEN_BY[stage]], on__range=(period.start, period.end)
        ).values("case_id")
        condition |= Q(stage=stage, point__case_id__in=given)
    return scoped(PointFinding.objects.filter(condition), cases, "point__case")


def point_outcomes(
    cases: QuerySet[Case], period: Period, stages: list[FindingStage]
) -> dict[str, dict[str, int]]:
    """stage -> finding -> number of complaint points."""
    rows = (
        _findings_given_in(cases, period, stages)
        .values("stage", "finding")
        .annotate(points=Count("pk"))
        .order_by()
    )
    result: dict[str, dict[str, int]] = {str(stage): {} for stage in stages}
    for row in rows:
        result[row["stage"]][row["finding"]] = row["points"]
    return result


def case_outcomes(
    cases: QuerySet[Case], period: Period, stages: list[FindingStage]
) -> dict[str, dict[str, int]]:
    """stage -> rolled-up outcome -> number of cases (one query: a roll-up per case and stage,
    counted by stage and outcome)."""
    per_case = (
        _findings_given_in(cases, period, stages)
        .values("point__case_id", "stage")
        .annotate(
            decided=Count("pk", filter=Q(finding__in=MERITS)),
            upheld=Count("pk", filter=Q(finding=Finding.UPHELD)),
            not_upheld=Count("pk", filter=Q(finding=Finding.NOT_UPHELD)),
        )
        .filter(decided__gt=0)
        .annotate(
            outcome=db.Case(
                When(upheld=F("decided"), then=Value(str(Finding.UPHELD))),
                When(not_upheld=F("decided"), then=Value(str(Finding.NOT_UPHELD))),
                default=Value(str(Finding.PARTIALLY_UPHELD)),
                output_field=CharField(),
            )
        )
        .order_by()
    )
    totals = per_case.aggregate(
        **{
            f"s{i}_{j}": Count("outcome", filter=Q(stage=stage, outcome=str(outcome)))
            for i, stage in enumerate(stages)
            for j, outcome in enumerate(OUTCOMES)
        }
    )
    return {
        str(stage): {str(outcome): totals[f"s{i}_{j}"] for j, outcome in enumerate(OUTCOMES)}
        for i, stage in enumerate(stages)
    }
