"""The summary: key figures, everything received, and complaints year by year."""

from redress.domain.facts import Route
from redress.domain.findings import Finding, FindingStage
from redress.domain.ombudsman import OmbudsmanDecision
from redress.domain.rules import Rule
from redress.reports.queries.activity import PROCEDURE_STAGES
from redress.reports.sections.context import ReportContext
from redress.reports.sections.labels import ROUTE_LABELS
from redress.reports.sections.section import counts_table, section_table
from redress.reports.tables import Column, Row, Table, count, money, percent


def key_figures(ctx: ReportContext) -> Table:
    contacts = ctx.contacts()
    times = ctx.timeliness()
    s1, s2 = times[Rule.STAGE1_RESPONSE], times[Rule.STAGE2_RESPONSE]
    stage1_cases = ctx.findings().by_stage[FindingStage.STAGE1].cases
    decided = sum(stage1_cases.values())
    found_fault = stage1_cases[Finding.UPHELD] + stage1_cases[Finding.PARTIALLY_UPHELD]
    decisions = ctx.ombudsman()["period"]
    payments = ctx.payments().values()
    withdrawn = sum(ctx.volume(f"{stage.key}:withdrawn") for stage in PROCEDURE_STAGES)
    rows = [
        Row(ROUTE_LABELS[Route.STATUTORY] + " received", [count(contacts.get(Route.STATUTORY))]),
        Row(ROUTE_LABELS[Route.CORPORATE] + " received", [count(contacts.get(Route.CORPORATE))]),
        Row("Stage 1 responses sent in time", [percent(s1.in_time, s1.responses)]),
        Row("Stage 2 responses sent in time", [percent(s2.in_time, s2.responses)]),
        Row(
            "Stage 1 complaints that went on to stage 2",
            [percent(ctx.volume("stat1_stat2:escalated"), ctx.volume("stat1:completed"))],
        ),
        Row("Stage 1 complaints upheld or partially upheld", [percent(found_fault, decided)]),
        Row("Ombudsman decisions", [count(decisions["decisions"])]),
        Row(
            "Ombudsman decisions that found fault",
            [count(decisions[OmbudsmanDecision.UPHELD])],
        ),
        Row(
            "Remedy payments made",
            [money(sum(p for _, p in payments), sum(n for n, _ in payments))],
        ),
        Row("Compliments received", [count(contacts.get(Route.COMPLIMENT))]),
        Row("Complaints withdrawn", [count(withdrawn)]),
        Row("Cases reopened", [count(ctx.volume("reopened"))]),
    ]
    return section_table(row_heading="Measure", columns=[Column("Figure")], rows=rows)


def contacts_received(ctx: ReportContext) -> Table:
    found = ctx.contacts()
    counts = [(ROUTE_LABELS[route], found.get(route, 0)) for route in ROUTE_LABELS]
    return counts_table("How it was handled", "Received", counts, "All contacts received")


def trend(ctx: ReportContext) -> Table:
    found = ctx.trend_counts()
    years = [year.label for year in ctx.trend]
    labels = {stage.key: stage.label for stage in PROCEDURE_STAGES} | {"compliments": "Compliments"}
    rows = [
        Row(labels[figure], [count(found[figure][year]) for year in years]) for figure in labels
    ]
    return section_table(
        row_heading="Started in the year", columns=[Column(y) for y in years], rows=rows
    )
