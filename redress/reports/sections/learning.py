"""Learning from complaints: "you said, we did"."""

from redress.reports.queries import learning
from redress.reports.sections.context import ReportContext
from redress.reports.sections.labels import NOT_RECORDED, service_area_label
from redress.reports.sections.section import section_table
from redress.reports.tables import Column, Kind, Row, Table, text


def learning_table(ctx: ReportContext) -> Table:
    items = learning.learning(ctx.cases, ctx.period)
    rows = [
        Row(
            item.theme or NOT_RECORDED,
            [text(service_area_label(item.service_area)), text(item.practice_change)],
        )
        for item in items
    ]
    table = section_table(
        row_heading="What people told us about (theme)",
        columns=[Column("Service area", Kind.TEXT), Column("What we did", Kind.TEXT)],
        rows=rows,
    )
    if not rows:
        table.notes.append("No actions with a change to practice were completed in the period.")
    return table
