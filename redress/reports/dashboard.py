"""The managers' live dashboard: open cases by stage, what is due this week and overdue,
timeliness this quarter against the last, and complaints month by month.

Each figure is one aggregate query on indexed columns (`Case.stage`, `Case.next_due_on`,
`Case.waiting_until`, `Clock.completed_on`, `Case.received_on`). The dashboard is a working
screen for staff who may open every case, not a publication, so its numbers are not suppressed.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet

from redress.cases.models import Case, Clock
from redress.domain.rules import Rule
from redress.domain.workflow import FINISHED_STAGES, Stage
from redress.reports.periods import Period, quarter_of
from redress.reports.queries.received import COMPLAINT_ROUTES
from redress.reports.queries.scope import scoped
from redress.reports.sections import RULE_LABELS, Chart
from redress.reports.tables import Column, Kind, Row, Table, count, percent

OPEN_STAGES = [stage for stage in Stage if stage not in FINISHED_STAGES]
QUARTER_RULES = (
    Rule.STAGE1_RESPONSE,
    Rule.STAGE2_RESPONSE,
    Rule.STAGE3_LA_RESPONSE,
    Rule.CORPORATE_STAGE1_RESPONSE,
    Rule.CORPORATE_STAGE2_RESPONSE,
)
MONTHS = 12


@dataclass
class Dashboard:
    today: date
    week: Period
    this_quarter: Period
    last_quarter: Period
    open_total: int
    due_this_week: int
    overdue: int
    waiting: int
    open_by_stage: Table
    timeliness: Table
    months: Table
    months_chart: Chart


def quarter_label(quarter: Period) -> str:
    return f"{quarter.start:%b} to {quarter.end:%b %Y}"


def _month_starts(today: date) -> list[date]:
    first = today.replace(day=1)
    starts = [first]
    while len(starts) < MONTHS:
        starts.insert(0, (starts[0] - timedelta(days=1)).replace(day=1))
    return starts


def build_dashboard(cases: QuerySet[Case], today: date) -> Dashboard:
    week = Period(today - timedelta(days=today.weekday()), today + timedelta(6 - today.weekday()))
    this_quarter = quarter_of(today)
    last_quarter = quarter_of(this_quarter.start - timedelta(days=1))

    # One pass over the open cases, by stage (NOT IN the finished stages, as a partial index on
    # open cases would be written).
    open_by_stage = {
        row["stage"]: row
        for row in cases.exclude(stage__in=[str(s) for s in FINISHED_STAGES])
        .values("stage")
        .annotate(
            total=Count("pk"),
            due=Count("pk", filter=Q(next_due_on__gte=today, next_due_on__lte=week.end)),
            overdue=Count("pk", filter=Q(next_due_on__lt=today)),
            waiting=Count("pk", filter=Q(waiting_until__isnull=False)),
        )
        .order_by()
    }
    headline = {
        name: sum(row[name] for row in open_by_stage.values())
        for name in ("total", "due", "overdue", "waiting")
    }
    stage_rows = [
        Row(stage.label, [count(open_by_stage[stage]["total"])])
        for stage in OPEN_STAGES
        if stage in open_by_stage
    ]
    stage_rows.append(Row("All open cases", [count(headline["total"])], is_total=True))

    clocks = scoped(
        Clock.objects.filter(
            completed_on__range=(last_quarter.start, this_quarter.end),
            met__isnull=False,
            rule__in=[str(r) for r in QUARTER_RULES],
        ),
        cases,
    )
    # Grouped by deadline: four counts per rule, not twenty per clock.
    this, last = (
        Q(completed_on__range=(quarter.start, quarter.end))
        for quarter in (this_quarter, last_quarter)
    )
    found = {
        row["rule"]: row
        for row in clocks.values("rule")
        .annotate(
            this=Count("pk", filter=this),
            this_met=Count("pk", filter=this & Q(met=True)),
            last=Count("pk", filter=last),
            last_met=Count("pk", filter=last & Q(met=True)),
        )
        .order_by()
    }
    nothing = {"this": 0, "this_met": 0, "last": 0, "last_met": 0}
    timeliness_rows = []
    for rule in QUARTER_RULES:
        done = found.get(rule, nothing)
        timeliness_rows.append(
            Row(
                RULE_LABELS[rule],
                [
                    count(done["this"]),
                    percent(done["this_met"], done["this"]),
                    count(done["last"]),
                    percent(done["last_met"], done["last"]),
                ],
            )
        )

    # Grouped by day (a streaming aggregate over the receipt-date index), then by month here:
    # at most a year of day totals, not cases.
    starts = _month_starts(today)
    by_day = (
        cases.filter(received_on__gte=starts[0], received_on__lte=today)
        .values("received_on")
        .annotate(
            all=Count("pk"),
            complaints=Count("pk", filter=Q(route__in=COMPLAINT_ROUTES)),
        )
        .order_by()
    )
    per_month: dict[date, dict[str, int]] = {}
    for day in by_day:
        month = per_month.setdefault(day["received_on"].replace(day=1), {"all": 0, "complaints": 0})
        month["all"] += day["all"]
        month["complaints"] += day["complaints"]
    month_rows = [
        Row(
            f"{start:%B %Y}",
            [
                count(per_month.get(start, {}).get("complaints", 0)),
                count(per_month.get(start, {}).get("all", 0)),
            ],
        )
        for start in starts
    ]

    return Dashboard(
        today=today,
        week=week,
        this_quarter=this_quarter,
        last_quarter=last_quarter,
        open_total=headline["total"],
        due_this_week=headline["due"],
        overdue=headline["overdue"],
        waiting=headline["waiting"],
        open_by_stage=Table(
            "open_by_stage",
            "Open cases by stage",
            "Stage",
            [Column("Cases")],
            stage_rows,
            description="Every case not yet finished, by where it stands now.",
        ),
        timeliness=Table(
            "quarter_timeliness",
            "Responses in time: this quarter against last",
            "Deadline",
            [
                Column(f"Responses {quarter_label(this_quarter)}"),
                Column(f"In time {quarter_label(this_quarter)}", Kind.PERCENT),
                Column(f"Responses {quarter_label(last_quarter)}"),
                Column(f"In time {quarter_label(last_quarter)}", Kind.PERCENT),
            ],
            timeliness_rows,
            description="Responses sent in each quarter, and the share sent by the deadline.",
        ),
        months=Table(
            "months",
            "Received month by month",
            "Month",
            [Column("Complaints"), Column("Everything received")],
            month_rows,
            description="Complaints (under either procedure) and all contacts, by month received.",
        ),
        months_chart=Chart("bar"),
    )
