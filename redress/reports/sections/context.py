"""The context every section is built in: the reader's cases, the period, the threshold, and
the queries several sections share, each run at most once per report."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import QuerySet

from redress.cases.models import Case
from redress.reports.periods import Period
from redress.reports.queries import activity, ombudsman, outcomes, received
from redress.reports.queries import timeliness as clocks
from redress.reports.queries.activity import PROCEDURE_STAGES
from redress.reports.sections.labels import (
    CORPORATE_FINDINGS,
    CORPORATE_RULES,
    STATUTORY_FINDINGS,
    STATUTORY_RULES,
)


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
