"""Outcomes by stage (domain.md §5.2 tables 4 and 6; §4.1): findings per complaint point, and the
case roll-up of `redress.domain.findings.case_outcome` done in SQL: a case is upheld if every
point decided on the merits is upheld, not upheld if none is, partially upheld otherwise; points
with no decision on the merits do not count, and a case with none has no outcome.

A finding counts in the period when the step that gives it (the stage 1 response or resolution,
the stage 2 adjudication, a corporate response: `workflow.FINDINGS_GIVEN`) happened in the period:
the services stamp that day on the finding as `given_on`, beside its case and its point's theme.
One statement reads the findings given in the period from their covering index and sums them
twice, per stage (with the per-case roll-up) and per theme.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

from redress.cases.models import Case, PointFinding
from redress.domain.findings import ON_THE_MERITS, Finding, FindingStage
from redress.reports.periods import Period

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
    finding = PointFinding._meta.db_table
    given_params: list[object] = [period.start, period.end]
    given = "f.given_on >= %s AND f.given_on <= %s AND f.stage IN " + _in(
        [str(stage) for stage in stages], given_params
    )
    if cases.query.has_filters():
        inner, inner_params = cases.values("pk").query.sql_with_params()
        given += f" AND f.case_id IN ({inner})"
        given_params += list(inner_params)
    params: list[object] = []  # in the order their placeholders appear below
    params += [str(Finding.UPHELD), str(Finding.PARTIALLY_UPHELD), str(Finding.NOT_UPHELD)]
    merits = _in(MERITS, params)
    params += given_params
    theme_merits = _in(MERITS, params)
    upheld_or_partly = _in([str(Finding.UPHELD), str(Finding.PARTIALLY_UPHELD)], params)
    params += given_params
    # Two passes over the covering index of findings given in the period (`finding_given`):
    # per stage and case for the roll-up, then per theme.
    sql = f"""
        WITH per_case AS (
            SELECT f.stage, f.case_id,
                   SUM(CASE WHEN f.finding = %s THEN 1 ELSE 0 END) AS upheld,
                   SUM(CASE WHEN f.finding = %s THEN 1 ELSE 0 END) AS partly,
                   SUM(CASE WHEN f.finding = %s THEN 1 ELSE 0 END) AS not_upheld,
                   SUM(CASE WHEN f.finding IN {merits} THEN 0 ELSE 1 END) AS other
            FROM {finding} f WHERE {given}
            GROUP BY f.stage, f.case_id
        )
        SELECT 'stage', stage, SUM(upheld), SUM(partly), SUM(not_upheld), SUM(other),
               SUM(CASE WHEN upheld > 0 AND partly = 0 AND not_upheld = 0 THEN 1 ELSE 0 END),
               SUM(CASE WHEN not_upheld > 0 AND upheld = 0 AND partly = 0 THEN 1 ELSE 0 END),
               SUM(CASE WHEN upheld + partly + not_upheld > 0 THEN 1 ELSE 0 END)
        FROM per_case GROUP BY stage
        UNION ALL
        SELECT 'theme', f.theme, SUM(CASE WHEN f.finding IN {theme_merits} THEN 1 ELSE 0 END),
               SUM(CASE WHEN f.finding IN {upheld_or_partly} THEN 1 ELSE 0 END), 0, 0, 0, 0, 0
        FROM {finding} f WHERE {given}
        GROUP BY f.theme
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
