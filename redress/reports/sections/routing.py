"""Where complaints were sent: Children Act matters the complaints manager took through the
corporate procedure, and why (issue 12 item 6)."""

from redress.reports.queries import routing
from redress.reports.sections.context import ReportContext
from redress.reports.sections.labels import service_area_label
from redress.reports.sections.section import section_table
from redress.reports.tables import Column, Kind, Row, Table, count, text

NO_REASON = "No reason recorded"


def statutory_matters_corporate(ctx: ReportContext) -> Table:
    found = routing.corporate_routes(ctx.cases, ctx.period)
    rows = [
        Row(
            service_area_label(route.service_area),
            [count(route.complaints), count(route.points), text(route.reason or NO_REASON)],
        )
        for route in found
    ]
    table = section_table(
        row_heading="Service area",
        columns=[
            Column("Complaints"),
            Column("Points of complaints"),
            Column("Reason recorded", Kind.TEXT),
        ],
        rows=rows,
        total="Total" if rows else "",
    )
    if not rows:
        table.notes.append(
            "No complaint or point about a service inside the Children Act 1989 procedure was "
            "sent to the corporate procedure in the period."
        )
    return table
