"""Outcomes of complaints and of their points, under each procedure."""

from collections.abc import Mapping, Sequence

from redress.domain.findings import Finding, FindingStage
from redress.reports.queries import outcomes
from redress.reports.sections.context import ReportContext
from redress.reports.sections.labels import (
    CORPORATE_FINDINGS,
    FINDING_STAGE_LABELS,
    STATUTORY_FINDINGS,
)
from redress.reports.sections.section import section_table
from redress.reports.tables import Column, Kind, Row, Table, count, percent

OUTCOME_COLUMNS = [
    Column(Finding.UPHELD.label),
    Column(Finding.PARTIALLY_UPHELD.label),
    Column(Finding.NOT_UPHELD.label),
    Column("Total"),
    Column("Upheld or partially upheld (%)", Kind.PERCENT),
]


def _outcome_row(label: str, found: Mapping[str, int]) -> Row:
    upheld, partly, not_upheld = (
        found.get(Finding.UPHELD, 0),
        found.get(Finding.PARTIALLY_UPHELD, 0),
        found.get(Finding.NOT_UPHELD, 0),
    )
    total = upheld + partly + not_upheld
    return Row(
        label,
        [
            count(upheld),
            count(partly),
            count(not_upheld),
            count(total),
            percent(upheld + partly, total),
        ],
    )


def _case_outcomes(ctx: ReportContext, stages: Sequence[FindingStage]) -> Table:
    found = ctx.findings().by_stage
    rows = [_outcome_row(FINDING_STAGE_LABELS[stage], found[stage].cases) for stage in stages]
    return section_table(
        row_heading="Stage",
        columns=list(OUTCOME_COLUMNS),
        rows=rows,
        total_column=3,
        summed_columns=(0, 1, 2),
    )


def _point_outcomes(ctx: ReportContext, stages: Sequence[FindingStage]) -> Table:
    found = ctx.findings().by_stage
    rows = []
    for stage in stages:
        row = _outcome_row(FINDING_STAGE_LABELS[stage], found[stage].points)
        row.cells.append(count(found[stage].points[outcomes.OTHER]))
        rows.append(row)
    return section_table(
        row_heading="Stage",
        columns=[*OUTCOME_COLUMNS, Column("Other outcomes")],
        rows=rows,
        total_column=3,
        summed_columns=(0, 1, 2),
    )


def statutory_case_outcomes(ctx: ReportContext) -> Table:
    return _case_outcomes(ctx, STATUTORY_FINDINGS)


def statutory_point_outcomes(ctx: ReportContext) -> Table:
    return _point_outcomes(ctx, STATUTORY_FINDINGS)


def corporate_case_outcomes(ctx: ReportContext) -> Table:
    return _case_outcomes(ctx, CORPORATE_FINDINGS)


def corporate_point_outcomes(ctx: ReportContext) -> Table:
    return _point_outcomes(ctx, CORPORATE_FINDINGS)
