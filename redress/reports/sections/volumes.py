"""Complaints at each stage of each procedure, escalation from one stage to the next, and local
resolution at stage 1."""

from collections.abc import Sequence

from redress.reports.queries import activity
from redress.reports.queries.activity import PROCEDURE_STAGES, ProcedureStage
from redress.reports.sections.context import ReportContext
from redress.reports.sections.section import section_table
from redress.reports.tables import Column, Kind, Row, Table, count, not_applicable, percent


def _volumes(ctx: ReportContext, stages: Sequence[ProcedureStage]) -> Table:
    rows = [
        Row(
            stage.label,
            [
                count(ctx.volume(f"{stage.key}:started")),
                count(ctx.volume(f"{stage.key}:completed")),
                count(ctx.volume(f"{stage.key}:withdrawn")),
            ],
        )
        for stage in stages
    ]
    return section_table(
        row_heading="Stage",
        columns=[Column("Started"), Column("Responded to"), Column("Withdrawn")],
        rows=rows,
    )


def _procedure(name: str) -> list[ProcedureStage]:
    return [stage for stage in PROCEDURE_STAGES if stage.procedure == name]


def statutory_volumes(ctx: ReportContext) -> Table:
    return _volumes(ctx, _procedure("statutory"))


def corporate_volumes(ctx: ReportContext) -> Table:
    return _volumes(ctx, _procedure("corporate"))


def _escalation(ctx: ReportContext, keys: Sequence[str]) -> Table:
    rows = []
    for escalation in activity.ESCALATIONS:
        if escalation.key not in keys:
            continue
        earlier = escalation.key.split("_")[0]
        done = ctx.volume(f"{earlier}:completed")
        went_on = count(ctx.volume(f"{escalation.key}:escalated"))
        late = [
            count(ctx.volume(f"{escalation.key}:{figure}"))
            if getattr(escalation, figure) is not None
            else not_applicable()
            for figure in ("late_accepted", "late_refused")
        ]
        rows.append(
            Row(
                escalation.label,
                [count(done), went_on, percent(int(went_on.value or 0), done, went_on), *late],
            )
        )
    return section_table(
        row_heading="From one stage to the next",
        columns=[
            Column("Responded to at the earlier stage"),
            Column("Went on to the next stage"),
            Column("Escalation rate", Kind.PERCENT),
            Column("Late requests accepted"),
            Column("Late requests refused"),
        ],
        rows=rows,
    )


def statutory_escalation(ctx: ReportContext) -> Table:
    return _escalation(ctx, ["stat1_stat2", "stat2_stat3"])


def corporate_escalation(ctx: ReportContext) -> Table:
    return _escalation(ctx, ["corp1_corp2"])


def local_resolution(ctx: ReportContext) -> Table:
    rows = [
        Row(
            "Stage 1 complaints resolved by agreement, with the terms confirmed in writing",
            [count(ctx.volume("resolved"))],
        ),
        Row("Stage 1 complaints responded to", [count(ctx.volume("stat1:completed"))]),
        Row("Mediation and resolution meetings held", [not_applicable()]),
    ]
    table = section_table(row_heading="Measure", columns=[Column("Number")], rows=rows)
    table.notes.append(
        "Redress does not yet record mediation or resolution meetings, so none are counted."
    )
    return table
