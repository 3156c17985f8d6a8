"""The annual report as data: its parts, and in each part its sections, each naming the query
that fills it, its columns and rows, and the chart drawn from it (domain.md §5.2).

`build_report()` runs every section against one context. Queries shared by several sections
(the key figures reuse the others) run once per report: `ReportContext.once` remembers them.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import QuerySet

from redress.cases.models import Case, Channel, ComplainantType, Remedy
from redress.domain.facts import Route
from redress.domain.findings import Finding, FindingStage
from redress.domain.ombudsman import OmbudsmanDecision
from redress.domain.rules import EXTENDED_RULE, Rule
from redress.domain.service_areas import SERVICE_AREAS, ServiceArea
from redress.reports.periods import Period, trend_years
from redress.reports.queries import activity, learning, ombudsman, outcomes, received
from redress.reports.queries import timeliness as clocks
from redress.reports.queries.activity import PROCEDURE_STAGES, ProcedureStage
from redress.reports.queries.scope import reporting_transaction
from redress.reports.tables import (
    Cell,
    Column,
    Kind,
    Row,
    Table,
    average,
    count,
    money,
    not_applicable,
    part,
    percent,
    suppress,
    text,
)

# --- Labels ---------------------------------------------------------------------------------

ROUTE_LABELS: Mapping[str, str] = {
    Route.STATUTORY: "Complaints under the Children Act 1989 procedure",
    Route.CORPORATE: "Complaints under the corporate procedure",
    Route.NOT_ACCEPTED: "Not accepted as complaints",
    Route.OTHER_PROCESS: "Passed to another process",
    Route.DEFERRED: "Deferred while other proceedings run",
    Route.COMPLIMENT: "Compliments",
    Route.COMMENT: "Comments and suggestions",
    Route.UNDECIDED: "Not yet triaged, or withdrawn before triage",
}
RULE_LABELS: Mapping[Rule, str] = {
    Rule.STAGE1_RESPONSE: "Stage 1 response",
    Rule.STAGE2_RESPONSE: "Stage 2 response (adjudication)",
    Rule.STAGE3_PANEL: "Stage 3 panel meeting",
    Rule.STAGE3_PANEL_REPORT: "Stage 3 panel report",
    Rule.STAGE3_LA_RESPONSE: "Stage 3 council response",
    Rule.CORPORATE_STAGE1_RESPONSE: "Corporate stage 1 response",
    Rule.CORPORATE_STAGE2_ACK: "Corporate stage 2 acknowledgement",
    Rule.CORPORATE_STAGE2_RESPONSE: "Corporate stage 2 response",
}
STATUTORY_RULES = (
    Rule.STAGE1_RESPONSE,
    Rule.STAGE2_RESPONSE,
    Rule.STAGE3_PANEL,
    Rule.STAGE3_PANEL_REPORT,
    Rule.STAGE3_LA_RESPONSE,
)
CORPORATE_RULES = (
    Rule.CORPORATE_STAGE1_RESPONSE,
    Rule.CORPORATE_STAGE2_ACK,
    Rule.CORPORATE_STAGE2_RESPONSE,
)
FINDING_STAGE_LABELS: Mapping[FindingStage, str] = {
    FindingStage.STAGE1: "Stage 1",
    FindingStage.STAGE2_ADJUDICATION: "Stage 2 (adjudication)",
    FindingStage.CORPORATE_STAGE1: "Corporate stage 1",
    FindingStage.CORPORATE_STAGE2: "Corporate stage 2",
}
STATUTORY_FINDINGS = [FindingStage.STAGE1, FindingStage.STAGE2_ADJUDICATION]
CORPORATE_FINDINGS = [FindingStage.CORPORATE_STAGE1, FindingStage.CORPORATE_STAGE2]
DECISION_LABELS: Mapping[OmbudsmanDecision, str] = {
    OmbudsmanDecision.UPHELD: "Upheld: fault and injustice found",
    OmbudsmanDecision.NOT_UPHELD: "Not upheld",
    OmbudsmanDecision.CLOSED_AFTER_INITIAL_ENQUIRIES: "Closed after initial enquiries",
    OmbudsmanDecision.EARLY_RESOLUTION: "Resolved early with a remedy the council agreed",
}
NOT_RECORDED = "Not recorded"


def service_area_label(value: str) -> str:
    if not value:
        return NOT_RECORDED
    try:
        return SERVICE_AREAS[ServiceArea(value)].label
    except ValueError:
        return value


def choice_label(choices: Sequence[tuple[str, str]], value: str) -> str:
    return dict(choices).get(value, value) or NOT_RECORDED


# --- The context every section is built in ---------------------------------------------------


@dataclass
class ReportContext:
    cases: QuerySet[Case]
    period: Period
    threshold: int
    trend: list[Period]
    today: date
    _memo: dict[tuple[Any, ...], Any] = field(default_factory=dict)

    def once(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    # Shared queries, each run at most once per report.
    def volumes(self) -> dict[str, dict[str, int]]:
        figures = {}
        for stage in PROCEDURE_STAGES:
            figures[f"{stage.key}:started"] = activity.started(stage)
            figures[f"{stage.key}:completed"] = activity.completed(stage)
            figures[f"{stage.key}:withdrawn"] = activity.withdrawn(stage)
        for escalation in activity.ESCALATIONS:
            figures[f"{escalation.key}:escalated"] = escalation.escalated
            if escalation.late_accepted is not None:
                figures[f"{escalation.key}:late_accepted"] = escalation.late_accepted
            if escalation.late_refused is not None:
                figures[f"{escalation.key}:late_refused"] = escalation.late_refused
        figures["reopened"] = activity.REOPENED
        figures["resolved"] = activity.RESOLVED
        counted = self.once(
            ("volumes",),
            lambda: activity.event_counts(self.cases, figures, {"period": self.period}),
        )
        return {figure: by_bucket["period"] for figure, by_bucket in counted.items()}

    def volume(self, figure: str) -> int:
        return int(self.volumes().get(figure, 0))

    def trend_counts(self) -> dict[str, dict[str, int]]:
        figures = {stage.key: activity.started(stage) for stage in PROCEDURE_STAGES}
        figures["compliments"] = activity.COMPLIMENTS
        buckets = {year.label: year for year in self.trend}
        return self.once(("trend",), lambda: activity.event_counts(self.cases, figures, buckets))

    def timeliness(self) -> dict[str, clocks.Timeliness]:
        rules = [*STATUTORY_RULES, *CORPORATE_RULES]
        return self.once(("timeliness",), lambda: clocks.timeliness(self.cases, self.period, rules))

    def findings(self) -> outcomes.Findings:
        stages = [*STATUTORY_FINDINGS, *CORPORATE_FINDINGS]
        return self.once(("findings",), lambda: outcomes.findings(self.cases, self.period, stages))

    def received(self) -> received.Received:
        return self.once(("received",), lambda: received.received_groups(self.cases, self.period))

    def complainants(self) -> dict[tuple[str, bool], int]:
        return self.once(("complainants",), lambda: received.complainants(self.cases, self.period))

    def contacts(self) -> dict[str, int]:
        found = self.received()
        return {route: found.total(route=route) for route in found.values("route")}

    def ombudsman(self) -> dict[str, dict[str, int]]:
        buckets = {"period": self.period, **{year.label: year for year in self.trend}}
        return self.once(("ombudsman",), lambda: ombudsman.ombudsman_by_period(self.cases, buckets))

    def payments(self) -> dict[str, tuple[int, int]]:
        return self.once(
            ("payments",), lambda: ombudsman.payments_by_reason(self.cases, self.period)
        )


# --- Sections -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Chart:
    """A chart drawn from a section's table: a bar per row (`column` gives the values), or a
    line per row across the columns (`kind="line"`)."""

    kind: str  # "bar" or "line"
    column: int = 0
    unit: str = ""
    include_total: bool = False


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    description: str
    build: Callable[[ReportContext], Table]
    chart: Chart | None = None

    def table(self, ctx: ReportContext) -> Table:
        """The section's table, with the key, title and description the section declares."""
        table = self.build(ctx)
        table.key, table.title, table.description = self.key, self.title, self.description
        return table


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    sections: Sequence[Section]


def section_table(*, total: str = "", **kwargs: Any) -> Table:
    """A section's table (`Section.table` gives it the section's key, title and description);
    with `total`, a total row so labelled is added under the rows."""
    if total:
        rows = kwargs["rows"]
        rows.append(total_row(rows, len(kwargs["columns"]), total))
        kwargs["total_row"] = True
    return Table(key="", title="", **kwargs)


def counts_table(
    row_heading: str, heading: str, counts: list[tuple[str, int]], total: str
) -> Table:
    """A table of one column of counts, one row each, and their total."""
    rows = [Row(label, [count(n)]) for label, n in counts]
    return section_table(row_heading=row_heading, columns=[Column(heading)], rows=rows, total=total)


def total_row(rows: list[Row], columns: int, label: str = "Total") -> Row:
    """A total row: the sum of the rows' numbers in each count or money column."""
    cells: list[Cell] = []
    for index in range(columns):
        first = rows[0].cells[index] if rows else count(0)
        values = [row.cells[index].value for row in rows]
        if first.kind is Kind.COUNT:
            cells.append(count(sum(int(v or 0) for v in values)))
        elif first.kind is Kind.MONEY:
            payments = sum(row.cells[index].reveals[0] for row in rows)
            cells.append(money(sum(int(v or 0) for v in values), payments))
        else:
            cells.append(not_applicable(first.kind))
    return Row(label, cells, is_total=True)


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


PARTS: Sequence[Part] = (
    Part(
        "summary",
        "Summary",
        (
            Section(
                "key_figures",
                "Key figures",
                "The headline figures for the period, each taken from a table later in the report.",
                key_figures,
            ),
            Section(
                "contacts",
                "Complaints and other contacts received",
                "Everything received in the period, by how it was handled. A case counts where "
                "it stands now: a complaint deferred while proceedings run counts as deferred.",
                contacts_received,
                Chart("bar"),
            ),
            Section(
                "trend",
                "Complaints year by year",
                "Complaints that started each stage in each financial year, and compliments "
                "received. A case counts once a year at each stage, even if it was reopened.",
                trend,
                Chart("line"),
            ),
        ),
    ),
    Part(
        "statutory",
        "Complaints under the Children Act 1989 procedure",
        (
            Section(
                "statutory_volumes",
                "Complaints at each stage",
                "Complaints that started, were responded to, or were withdrawn at each stage in "
                "the period. A stage is responded to by the stage 1 response or resolution, the "
                "stage 2 adjudication, or the council's response to the review panel.",
                statutory_volumes,
                Chart("bar"),
            ),
            Section(
                "statutory_escalation",
                "Escalation from one stage to the next",
                "Requests for the next stage made in the period, against the responses sent at "
                "the earlier stage in the period. Late requests are those made after the window "
                "to ask had closed; the complaints manager decided whether to accept them.",
                statutory_escalation,
            ),
            Section(
                "statutory_timeliness",
                "Responding in time",
                "Responses sent in the period, how many were sent by the deadline (including an "
                "agreed extension), the average working days taken from the day the clock "
                "started, how many deadlines were extended, and how many responses went past "
                "the maximum the procedure allows.",
                statutory_timeliness,
                Chart("bar", column=2, unit="%"),
            ),
            Section(
                "statutory_case_outcomes",
                "Outcomes of complaints",
                "A complaint is upheld if every point decided was upheld, not upheld if none "
                "was, and partially upheld otherwise. Counted when the stage's response was "
                "sent in the period.",
                statutory_case_outcomes,
            ),
            Section(
                "statutory_point_outcomes",
                "Outcomes of complaint points",
                "The finding on each complaint point. Other outcomes are points resolved without "
                "a finding, withdrawn, not considered, or where the facts could not be "
                "determined.",
                statutory_point_outcomes,
            ),
            Section(
                "local_resolution",
                "Local resolution, mediation and meetings",
                "Stage 1 complaints resolved by agreement in the period.",
                local_resolution,
            ),
        ),
    ),
    Part(
        "people",
        "What complaints were about and who made them",
        (
            Section(
                "service_areas",
                "Complaints by service area",
                "Complaints received in the period under either procedure, by the service they "
                "were about.",
                service_areas,
                Chart("bar", column=2),
            ),
            Section(
                "themes",
                "Complaint points by theme",
                "The points of complaints received in the period, by theme; and the findings made "
                "on points in the period (at each stage), and how many upheld the point in whole "
                "or in part.",
                themes,
                Chart("bar"),
            ),
            Section(
                "complainants",
                "Who complained",
                "The complainants on complaints received in the period.",
                complainants,
                Chart("bar"),
            ),
            Section(
                "advocacy",
                "Advocacy",
                "Advocacy offered to and used by complainants (s.26A Children Act 1989).",
                advocacy,
            ),
            Section(
                "channels",
                "How complaints were made",
                "Complaints received in the period, by how they reached the council.",
                channels,
                Chart("bar"),
            ),
        ),
    ),
    Part(
        "corporate",
        "Complaints under the corporate procedure",
        (
            Section(
                "corporate_volumes",
                "Corporate complaints at each stage",
                "Complaints about children's services outside the Children Act 1989 procedure "
                "that started, were responded to, or were withdrawn at each stage in the period.",
                corporate_volumes,
            ),
            Section(
                "corporate_escalation",
                "Corporate complaints going to stage 2",
                "Requests for stage 2 made in the period, against the stage 1 responses sent.",
                corporate_escalation,
            ),
            Section(
                "corporate_timeliness",
                "Corporate complaints answered in time",
                "As for the statutory procedure, against the corporate procedure's deadlines.",
                corporate_timeliness,
            ),
            Section(
                "corporate_case_outcomes",
                "Outcomes of corporate complaints",
                "Rolled up from the points as for statutory complaints.",
                corporate_case_outcomes,
            ),
            Section(
                "corporate_point_outcomes",
                "Outcomes of corporate complaint points",
                "The finding on each complaint point.",
                corporate_point_outcomes,
            ),
        ),
    ),
    Part(
        "ombudsman",
        "The Ombudsman and remedies",
        (
            Section(
                "ombudsman",
                "The Local Government and Social Care Ombudsman",
                "Enquiries and premature referrals received in the period, decisions made in the "
                "period, and the remedies those decisions asked for.",
                ombudsman_enquiries,
            ),
            Section(
                "ombudsman_decisions",
                "Ombudsman decisions",
                "Decisions made in the period, by outcome.",
                ombudsman_decisions,
                Chart("bar"),
            ),
            Section(
                "ombudsman_trend",
                "The Ombudsman year by year",
                "Enquiries, premature referrals and decisions in each financial year.",
                ombudsman_trend,
            ),
            Section(
                "remedy_payments",
                "Remedy payments",
                "Payments made to complainants in the period, by reason.",
                remedy_payments,
            ),
        ),
    ),
    Part(
        "compliments",
        "Compliments",
        (
            Section(
                "compliments",
                "Compliments by service area",
                "Compliments received in the period.",
                compliments,
                Chart("bar"),
            ),
        ),
    ),
    Part(
        "learning",
        "Learning from complaints",
        (
            Section(
                "learning",
                "You said, we did",
                "Changes to practice made in the period as a result of complaints, from the "
                "actions completed. Names, contact details and case references are removed.",
                learning_table,
            ),
        ),
    ),
)
SECTIONS_BY_KEY: Mapping[str, Section] = {
    section.key: section for part in PARTS for section in part.sections
}


@dataclass
class BuiltPart:
    part: Part
    tables: list[tuple[Section, Table]]


@dataclass
class Report:
    period: Period
    threshold: int
    parts: list[BuiltPart]
    today: date

    def tables(self) -> list[tuple[Section, Table]]:
        return [pair for built in self.parts for pair in built.tables]

    def table(self, key: str) -> Table:
        for section, table in self.tables():
            if section.key == key:
                return table
        raise KeyError(key)


def report_context(cases: QuerySet[Case], period: Period, today: date) -> ReportContext:
    threshold = settings.REDRESS_REPORT_SUPPRESSION_THRESHOLD
    years = trend_years(period, settings.REDRESS_REPORT_TREND_YEARS)
    return ReportContext(cases=cases, period=period, threshold=threshold, trend=years, today=today)


def build_report(cases: QuerySet[Case], period: Period, today: date) -> Report:
    ctx = report_context(cases, period, today)
    with reporting_transaction():
        parts = [
            BuiltPart(
                part,
                [
                    (section, suppress(section.table(ctx), ctx.threshold))
                    for section in part.sections
                ],
            )
            for part in PARTS
        ]
    return Report(period=period, threshold=ctx.threshold, parts=parts, today=today)
