"""The Ombudsman's enquiries and decisions, year by year, and remedy payments."""

from redress.cases.models import Remedy
from redress.domain.ombudsman import OmbudsmanDecision
from redress.reports.queries import ombudsman, received
from redress.reports.sections.context import ReportContext
from redress.reports.sections.labels import DECISION_LABELS, choice_label
from redress.reports.sections.section import counts_table, section_table
from redress.reports.tables import Column, Kind, Row, Table, count, money


def ombudsman_enquiries(ctx: ReportContext) -> Table:
    found = ctx.ombudsman()["period"]
    remedies = ctx.once(("remedies",), lambda: ombudsman.ombudsman_remedies(ctx.cases, ctx.period))
    rows = [
        Row("Enquiries received from the Ombudsman", [count(found["enquiries"])]),
        Row("Complaints referred back as premature", [count(found["premature"])]),
        Row("Decisions received", [count(found["decisions"])]),
        Row("Remedies asked for in those decisions", [count(remedies["recommended"])]),
        Row("Remedies completed", [count(remedies["completed"])]),
        Row("Remedies completed by the date agreed", [count(remedies["completed_on_time"])]),
    ]
    return section_table(row_heading="Measure", columns=[Column("Number")], rows=rows)


def ombudsman_decisions(ctx: ReportContext) -> Table:
    found = ctx.ombudsman()["period"]
    counts = [(DECISION_LABELS[d], found[d]) for d in OmbudsmanDecision]
    return counts_table("Decision", "Decisions", counts, "All decisions")


def ombudsman_trend(ctx: ReportContext) -> Table:
    found = ctx.ombudsman()
    years = [year.label for year in ctx.trend]
    figures = {
        "enquiries": "Enquiries received",
        "premature": "Referred back as premature",
        "decisions": "Decisions received",
        str(OmbudsmanDecision.UPHELD): "Decisions that found fault",
    }
    rows = [
        Row(label, [count(found[year][figure]) for year in years])
        for figure, label in figures.items()
    ]
    return section_table(
        row_heading="In the year",
        columns=[Column(year) for year in years],
        rows=rows,
    )


def remedy_payments(ctx: ReportContext) -> Table:
    found = ctx.payments()
    keys = received.in_order(found, [value for value, _ in Remedy.PaymentReason.choices])
    rows = [
        Row(
            choice_label(Remedy.PaymentReason.choices, key),
            [
                count(found.get(key, (0, 0))[0]),
                money(found.get(key, (0, 0))[1], found.get(key, (0, 0))[0]),
            ],
        )
        for key in keys
    ]
    return section_table(
        row_heading="Reason for the payment",
        columns=[Column("Payments"), Column("Amount paid", Kind.MONEY)],
        rows=rows,
        total="Total",
    )
