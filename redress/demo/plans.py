"""The demo year planned: each case's scenario, content and dated steps, before any is played."""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from random import Random

from redress.cases.models import (
    Channel,
)
from redress.demo import catalogue as text
from redress.demo.complaints import CaseContent, make_content
from redress.demo.scenarios import Scenario, Step
from redress.demo.tables import (
    FAULT,
)
from redress.demo.timing import Timeline, working_days_before
from redress.domain.findings import Finding, FindingStage
from redress.domain.profiles import CouncilProfile
from redress.domain.working_days import WorkingCalendar


@dataclass
class CasePlan:
    """One demo case: its scenario, content and dated steps, and what has happened so far."""

    number: int
    scenario: Scenario
    rng: Random
    content: CaseContent
    received_at: datetime
    steps: list[tuple[date, Step]]
    today: date
    case_id: int = 0
    officer: str = ""
    investigating_officer: str = ""
    independent_person: str = ""
    panel: tuple[str, ...] = ()
    findings: dict[FindingStage, dict[int, Finding]] = field(default_factory=dict)
    themes: list[str] = field(default_factory=list)  # of the points, as the case goes on
    triaged: bool = False

    def describe(self) -> str:
        return f"demo case {self.number} ('{self.scenario.name}')"

    def choose(
        self, count: int, general: tuple[text.Recommendation, ...], *, themed_first: bool = True
    ) -> list[text.Recommendation]:
        """`count` recommendations: about the case's themes, then general ones (or the other
        way round)."""
        themed = [
            recommendation
            for theme in dict.fromkeys(self.themes)
            for recommendation in text.RECOMMENDATIONS_BY_THEME.get(theme, ())
        ]
        pools = [self.rng.sample(themed, k=len(themed)), self.rng.sample(general, k=len(general))]
        ordered = pools[0] + pools[1] if themed_first else pools[1][:1] + pools[0] + pools[1][1:]
        return list(dict.fromkeys(ordered))[:count]

    def any_fault(self, stage: FindingStage) -> bool:
        return any(finding in FAULT for finding in self.findings.get(stage, {}).values())


def plan_case(
    *,
    number: int,
    scenario: Scenario,
    seed: int,
    today: date,
    profile: CouncilProfile,
    calendar: WorkingCalendar,
    grace: int,
) -> CasePlan:
    """Place a scenario in the year before `today`: draw its timings, then its receipt date.

    `grace` is the working days the daily sweep waits after a window before closing the case.
    """
    rng = Random(f"redress-demo:{seed}:{number}")
    timeline = Timeline(profile, rng, grace)
    offsets = []
    for planned in scenario.steps:
        offset = timeline.place(planned.wait)
        timeline.record(planned.name, offset)
        offsets.append(offset)
    if scenario.today is None:
        year = calendar.working_days_between(today - timedelta(days=365), today)
        room = max(1, year - 1 - timeline.last)
        today_offset = timeline.last + rng.randint(1, room)
    else:
        today_offset = timeline.place(scenario.today)
    received = working_days_before(calendar, today, today_offset)
    steps = [
        (calendar.add_working_days(received, offset), planned)
        for offset, planned in zip(offsets, scenario.steps, strict=True)
    ]
    content, received_at = make_content(rng, scenario, received, profile)

    # Some emails and online forms arrive at the weekend or on a bank holiday. Counting from such a
    # day is the same as counting from the working day before it, so the plan still holds.
    following = received + timedelta(days=1)
    if (
        scenario.today is None
        and min(offsets, default=1) >= 1
        and content.complaint.channel in {Channel.EMAIL, Channel.ONLINE_FORM}
        and not profile.receipt.deemed_receipt
        and not calendar.is_working_day(following)
        and rng.random() < 0.3
    ):
        received_at = received_at + timedelta(days=1)
        content = replace(content, complaint=replace(content.complaint, received_at=received_at))
    plan = CasePlan(number, scenario, rng, content, received_at, steps, today)
    plan.themes = list(content.themes)
    return plan


def plan_year(
    *,
    scenarios: list[Scenario],
    seed: int,
    today: date,
    profile: CouncilProfile,
    calendar: WorkingCalendar,
    grace: int,
) -> list[CasePlan]:
    return [
        plan_case(
            number=number,
            scenario=scenario,
            seed=seed,
            today=today,
            profile=profile,
            calendar=calendar,
            grace=grace,
        )
        for number, scenario in enumerate(scenarios, start=1)
    ]


# A timeline entry: (date, receipt order, sequence, plan, what happens). `None` is the receipt.
Happening = Step | Callable[[date], None] | None
