"""The report's outline: its parts, and in each part its sections in the order the page, the PDF
and the spreadsheet show them, each with its title, what it counts, the builder of its table and
the chart drawn from it; and building the whole report in one read transaction."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import QuerySet

from redress.cases.models import Case
from redress.reports.periods import Period, trend_years
from redress.reports.queries.scope import reporting_transaction
from redress.reports.sections.context import ReportContext
from redress.reports.sections.learning import learning_table
from redress.reports.sections.ombudsman import (
    ombudsman_decisions,
    ombudsman_enquiries,
    ombudsman_trend,
    remedy_payments,
)
from redress.reports.sections.outcomes import (
    corporate_case_outcomes,
    corporate_point_outcomes,
    statutory_case_outcomes,
    statutory_point_outcomes,
)
from redress.reports.sections.people import (
    advocacy,
    channels,
    complainants,
    compliments,
    service_areas,
    themes,
)
from redress.reports.sections.routing import statutory_matters_corporate
from redress.reports.sections.section import Chart, Part, Section
from redress.reports.sections.summary import contacts_received, key_figures, trend
from redress.reports.sections.timeliness import corporate_timeliness, statutory_timeliness
from redress.reports.sections.volumes import (
    corporate_escalation,
    corporate_volumes,
    local_resolution,
    statutory_escalation,
    statutory_volumes,
)
from redress.reports.tables import Table, suppress

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
            Section(
                "statutory_matters_corporate",
                "Children Act matters taken through the corporate procedure",
                "Complaints, and points of complaints, about a service inside the Children Act "
                "1989 procedure that the complaints manager sent to the corporate procedure in "
                "the period, by service area, with the reason recorded for each decision (names, "
                "contact details and case references removed). A complaint or point counts once "
                "for each reason recorded for it.",
                statutory_matters_corporate,
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
