"""What complaints were about and who made them: service areas, themes, complainants, advocacy
and channels; and compliments by service area."""

from redress.cases.models import Channel, ComplainantType
from redress.domain.facts import Route
from redress.domain.service_areas import ServiceArea
from redress.reports.queries import outcomes, received
from redress.reports.sections.context import ReportContext
from redress.reports.sections.labels import NOT_RECORDED, choice_label, service_area_label
from redress.reports.sections.section import counts_table, section_table
from redress.reports.tables import Column, Row, Table, count, part


def service_areas(ctx: ReportContext) -> Table:
    found = ctx.received()
    areas = received.in_order(
        dict.fromkeys(found.values("service_area")), [a.value for a in ServiceArea]
    )
    rows = []
    for area in areas:
        statutory = found.total(service_area=area, route=str(Route.STATUTORY))
        corporate = found.total(service_area=area, route=str(Route.CORPORATE))
        if statutory or corporate:
            label = service_area_label(area)
            rows.append(
                Row(label, [count(statutory), count(corporate), count(statutory + corporate)])
            )
    return section_table(
        row_heading="Service area",
        columns=[
            Column("Children Act 1989 procedure"),
            Column("Corporate procedure"),
            Column("Total"),
        ],
        rows=rows,
        total="Total",
        total_column=2,
        summed_columns=(0, 1),
    )


def themes(ctx: ReportContext) -> Table:
    raised = ctx.once(("themes",), lambda: received.themes_raised(ctx.cases, ctx.period))
    decided = ctx.findings().by_theme
    keys = set(raised) | set(decided)
    order = sorted(keys, key=lambda theme: (theme == "", -raised.get(theme, 0), theme))
    none = outcomes.ThemeOutcomes(0, 0)
    rows = [
        Row(
            theme or NOT_RECORDED,
            [
                count(raised.get(theme, 0)),
                count(decided.get(theme, none).decided),
                part(decided.get(theme, none).upheld, decided.get(theme, none).decided),
            ],
        )
        for theme in order
    ]
    return section_table(
        row_heading="Theme",
        columns=[
            Column("Points raised"),
            Column("Findings made"),
            Column("Upheld or partially upheld"),
        ],
        rows=rows,
        total="Total",
    )


def complainants(ctx: ReportContext) -> Table:
    found: dict[str, int] = {}
    for (kind, _), n in ctx.complainants().items():
        found[kind] = found.get(kind, 0) + n
    keys = received.in_order(found, [value for value, _ in ComplainantType.choices])
    counts = [(choice_label(ComplainantType.choices, k), found[k]) for k in keys if k in found]
    return counts_table("Who complained", "Complainants", counts, "Total")


def advocacy(ctx: ReportContext) -> Table:
    found, people = ctx.received(), ctx.complainants()
    complaints = list(received.COMPLAINT_ROUTES)
    children = sum(n for (kind, _), n in people.items() if kind in received.CHILD_TYPES)
    with_advocate = sum(
        n for (kind, involved), n in people.items() if kind in received.CHILD_TYPES and involved
    )
    rows = [
        Row(
            "Complaints where advocacy was offered",
            [count(found.total(route=complaints, advocacy_offered=True))],
        ),
        Row(
            "Complaints where an advocate was involved",
            [count(found.total(route=complaints, advocate_involved=True))],
        ),
        Row("Complaints made by a child or young person", [count(children)]),
        Row(
            "Complaints made by a child or young person with an advocate",
            [count(with_advocate)],
        ),
    ]
    return section_table(row_heading="Measure", columns=[Column("Complaints")], rows=rows)


def channels(ctx: ReportContext) -> Table:
    found = ctx.received()
    complaints = list(received.COMPLAINT_ROUTES)
    counts = [
        (label, found.total(channel=value, route=complaints)) for value, label in Channel.choices
    ]
    return counts_table("How the complaint was made", "Complaints", counts, "Total")


def compliments(ctx: ReportContext) -> Table:
    found = ctx.received()
    areas = received.in_order(
        dict.fromkeys(found.values("service_area")), [a.value for a in ServiceArea]
    )
    counts = [
        (service_area_label(area), n)
        for area in areas
        if (n := found.total(route=str(Route.COMPLIMENT), service_area=area))
    ]
    return counts_table("Service area", "Compliments", counts, "Total")
