"""Responding in time, against each procedure's deadlines."""

from collections.abc import Sequence

from redress.domain.rules import EXTENDED_RULE, Rule
from redress.reports.sections.context import ReportContext
from redress.reports.sections.labels import CORPORATE_RULES, RULE_LABELS, STATUTORY_RULES
from redress.reports.sections.section import section_table
from redress.reports.tables import (
    Column,
    Kind,
    Row,
    Table,
    average,
    count,
    not_applicable,
    part,
    percent,
)


def _timeliness(ctx: ReportContext, rules: Sequence[Rule]) -> Table:
    found = ctx.timeliness()
    rows = []
    for rule in rules:
        figures = found[rule]
        responses = count(figures.responses)
        in_time = part(figures.in_time, figures.responses)
        has_maximum = rule in EXTENDED_RULE
        rows.append(
            Row(
                RULE_LABELS[rule],
                [
                    responses,
                    in_time,
                    percent(figures.in_time, figures.responses, in_time),
                    average(figures.working_days, figures.responses),
                    count(figures.extended) if has_maximum else not_applicable(),
                    count(figures.beyond_maximum) if has_maximum else not_applicable(),
                ],
            )
        )
    return section_table(
        row_heading="Deadline",
        columns=[
            Column("Responses"),
            Column("In time"),
            Column("In time (%)", Kind.PERCENT),
            Column("Average working days", Kind.AVERAGE),
            Column("Extended"),
            Column("Beyond the maximum"),
        ],
        rows=rows,
    )


def statutory_timeliness(ctx: ReportContext) -> Table:
    return _timeliness(ctx, STATUTORY_RULES)


def corporate_timeliness(ctx: ReportContext) -> Table:
    return _timeliness(ctx, CORPORATE_RULES)
