"""Outcomes by stage (domain.md §5.2 tables 4 and 6; §4.1): findings per complaint point, and the
case roll-up of `redress.domain.findings.case_outcome` done in SQL: a case is upheld if every
point decided on the merits is upheld, not upheld if none is, partially upheld otherwise; points
with no decision on the merits do not count, and a case with none has no outcome.

A finding counts in the period when the step that gives it (the stage 1 response or resolution,
the stage 2 adjudication, a corporate response) happened in the period. One statement: the steps
in the period (read from the events index) are joined to the points and their findings at the
matching stage, then summed twice, per stage (with the per-case roll-up) and per theme.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

from redress.cases.models import Case, CaseEvent, ComplaintPoint, PointFinding
from redress.domain.findings import ON_THE_MERITS, Finding, FindingStage
from redress.domain.workflow import Action
from redress.reports.periods import Period

# The step whose date puts a stage's findings in a period.
GIVEN_BY: Mapping[FindingStage, tuple[Action, ...]] = {
    FindingStage.STAGE1: (Action.RESPOND_STAGE1, Action.RESOLVE_STAGE1),
    FindingStage.STAGE2_ADJUDICATION: (Action.ADJUDICATE,),
    FindingStage.CORPORATE_STAGE1: (Action.RESPOND_CORPORATE_STAGE1,),
    FindingStage.CORPORATE_STAGE2: (Action.RESPOND_CORPORATE_STAGE2,),
}
MERITS = [str(f) for f in ON_THE_MERITS]
OUTCOMES = (Finding.UPHELD, Finding.PARTIALLY_UPHELD, Finding.NOT_UPHELD)
OTHER = "other"


@dataclass(frozen=True)
class Outcomes:
    """At one stage: complaint points by finding, and cases by their rolled-up outcome."""

    points: dict[str, int]  # finding -> points; OTHER for findings not on the merits
    cases: dict[str, int]  # upheld / partially_upheld / not_upheld -> cases


@dataclass(frozen=True)
class ThemeOutcomes:
    decided: int  # points decided on the merits in the period
    upheld: int  # of which upheld or partially upheld


@dataclass(frozen=True)
class Findings:
    by_stage: dict[str, Outcomes]
    by_theme: dict[str, ThemeOutcomes]


def _in(values: list[str], params: list[object]) -> str:
    params += values
    return "(" + ", ".join(["%s"] * len(values)) + ")"


def findings(cases: QuerySet[Case], period: Period, stages: list[FindingStage]) -> Findings:
    event, point, finding = (
        CaseEvent._meta.db_table,
        ComplaintPoint._meta.db_table,
        PointFinding._meta.db_table,
    )
    params: list[object] = []
    stage_of = ["CASE"]
    actions: list[str] = []
    for stage in stages:
        given = [str(a) for a in GIVEN_BY[stage]]
        stage_of.append(f"WHEN e.action IN {_in(given, params)} THEN %s")
        params.append(str(stage))
        actions += given
    stage_of.append("END")
    scope = ""
    where = f'e.action IN {_in(actions, params)} AND e."on" >= %s AND e."on" <= %s'
    params += [period.start, period.end]
    if cases.query.has_filters():
        inner, inner_params = cases.values("pk").query.sql_with_params()
        scope = f" AND e.case_id IN ({inner})"
        params += list(inner_params)
    merits = _in(MERITS, params)
    upheld_or_partly = _in([str(Finding.UPHELD), str(Finding.PARTIALLY_UPHELD)], params)
    params += [str(Finding.UPHELD), str(Finding.PARTIALLY_UPHELD), str(Finding.NOT_UPHELD)]
    sql = f"""
        WITH given AS (
            SELECT DISTINCT e.case_id, {" ".join(stage_of)} AS stage
            FROM {event} e WHERE {where}{scope}
        ), joined AS MATERIALIZED (
            SELECT g.stage, g.case_id, p.theme, f.finding,
                   f.finding IN {merits} AS on_merits,
                   f.finding IN {upheld_or_partly} AS found_fault
            FROM given g
            JOIN {point} p ON p.case_id = g.case_id
            JOIN {finding} f ON f.point_id = p.id AND f.stage = g.stage
        ), per_case AS (
            SELECT stage, case_id,
                   SUM(CASE WHEN finding = %s THEN 1 ELSE 0 END) AS upheld,
                   SUM(CASE WHEN finding = %s THEN 1 ELSE 0 END) AS partly,
                   SUM(CASE WHEN finding = %s THEN 1 ELSE 0 END) AS not_upheld,
                   SUM(CASE WHEN on_merits THEN 0 ELSE 1 END) AS other
            FROM joined GROUP BY stage, case_id
        )
        SELECT 'stage', stage, SUM(upheld), SUM(partly), SUM(not_upheld), SUM(other),
               SUM(CASE WHEN upheld > 0 AND partly = 0 AND not_upheld = 0 THEN 1 ELSE 0 END),
               SUM(CASE WHEN not_upheld > 0 AND upheld = 0 AND partly = 0 THEN 1 ELSE 0 END),
               SUM(CASE WHEN upheld + partly + not_upheld > 0 THEN 1 ELSE 0 END)
        FROM per_case GROUP BY stage
        UNION ALL
        SELECT 'theme', theme, SUM(CASE WHEN on_merits THEN 1 ELSE 0 END),
               SUM(CASE WHEN found_fault THEN 1 ELSE 0 END), 0, 0, 0, 0, 0
        FROM joined GROUP BY theme
    """
    by_stage: dict[str, Outcomes] = {}
    by_theme: dict[str, ThemeOutcomes] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for kind, key, a, b, c, d, upheld, not_upheld, decided in cursor.fetchall():
            if kind == "theme":
                by_theme[key] = ThemeOutcomes(int(a or 0), int(b or 0))
                continue
            a, b, c, d = (int(x or 0) for x in (a, b, c, d))
            upheld, not_upheld, decided = (int(x or 0) for x in (upheld, not_upheld, decided))
            by_stage[key] = Outcomes(
                points={
                    str(Finding.UPHELD): a,
                    str(Finding.PARTIALLY_UPHELD): b,
                    str(Finding.NOT_UPHELD): c,
                    OTHER: d,
                },
                cases={
                    str(Finding.UPHELD): upheld,
                    str(Finding.PARTIALLY_UPHELD): decided - upheld - not_upheld,
                    str(Finding.NOT_UPHELD): not_upheld,
                },
            )
    empty = Outcomes(
        points=dict.fromkeys([*(str(o) for o in OUTCOMES), OTHER], 0),
        cases=dict.fromkeys((str(o) for o in OUTCOMES), 0),
    )
    return Findings(
        by_stage={str(stage): by_stage.get(str(stage), empty) for stage in stages},
        by_theme=by_theme,
    )
