"""Guards: conditions a transition needs beyond being in the table.

Each guard returns the problems it finds as sentences a member of staff can act on; an empty list
means the guard holds. Sources: Reg 2 and Reg 19(2)-(3) of SI 2006/1738 (independence, the panel);
domain.md §2.4-§2.6 (extensions, late requests), §3.1 (direct stage 2), §3.4 (deferral).
"""

from collections.abc import Callable
from dataclasses import dataclass

from redress.domain.facts import ActionRequest, CaseFacts, Discretion, Route
from redress.domain.findings import FindingStage
from redress.domain.profiles import CouncilProfile
from redress.domain.roles import Person, independence_problems
from redress.domain.rules import EXTENDED_RULE, Rule, working_days_for
from redress.domain.working_days import WorkingCalendar


@dataclass(frozen=True, slots=True)
class Check:
    facts: CaseFacts
    request: ActionRequest
    profile: CouncilProfile
    calendar: WorkingCalendar
    extends: Rule | None = None


Guard = Callable[[Check], list[str]]


def needs_reason(check: Check) -> list[str]:
    return [] if check.request.reason.strip() else ["Enter the reason for this decision"]


def direct_stage2_was_agreed(check: Check) -> list[str]:
    if check.request.complainant_agreed_on is None:
        return ["Enter the date the complainant agreed to go straight to stage 2"]
    return needs_reason(check)


def deferral_has_reason_and_review_date(check: Check) -> list[str]:
    problems = []
    if check.request.deferral_reason is None:
        problems.append("Select why the complaint is being deferred")
    if check.request.review_on is None:
        problems.append("Enter the date to review the deferral")
    elif check.request.review_on <= check.request.on:
        problems.append("The review date must be in the future")
    return problems


def _window_closed_on(check: Check, window: Rule) -> str | None:
    """The last day of the window if the request comes after it, else None."""
    clock = check.facts.running_clocks.get(window)
    if clock is None or check.request.on <= clock.effective_due:
        return None
    return f"{clock.effective_due:%-d %B %Y}"


def late_request_has_discretion_decision(window: Rule) -> Guard:
    def guard(check: Check) -> list[str]:
        closed_on = _window_closed_on(check, window)
        if closed_on is None:
            return []
        if check.request.discretion is not Discretion.ACCEPT:
            return [
                f"This request is late: the window closed on {closed_on}. Record the decision "
                "to accept it anyway, or refuse it as late"
            ]
        return needs_reason(check)

    return guard


def refusal_only_for_late_request(window: Rule) -> Guard:
    def guard(check: Check) -> list[str]:
        if _window_closed_on(check, window) is None:
            return ["A request made in time cannot be refused: record the request instead"]
        return []

    return guard


# Whether the complainant must agree to an extension, by clock: the profile key says.
AGREEMENT_REQUIRED: dict[Rule, Callable[[CouncilProfile], bool]] = {
    Rule.STAGE1_RESPONSE: lambda p: p.stage1.extension_requires_agreement,
    Rule.STAGE2_RESPONSE: lambda p: p.stage2.extension_requires_agreement,
    Rule.CORPORATE_STAGE1_RESPONSE: lambda p: p.corporate.stage1_extension_requires_agreement,
    Rule.CORPORATE_STAGE2_RESPONSE: lambda p: False,
}


def extension_within_maximum(check: Check) -> list[str]:
    rule = check.extends
    if rule is None:  # pragma: no cover - the table pairs this guard with `extends`
        raise ValueError("extension_within_maximum needs the rule being extended")
    clock = check.facts.running_clocks.get(rule)
    if clock is None:
        return ["There is no running clock to extend"]
    requested = check.request.extend_to_working_days
    maximum = working_days_for(EXTENDED_RULE[rule], check.profile)
    current = clock.extended_working_days or working_days_for(rule, check.profile)
    problems = []
    if requested is None:
        problems.append("Enter the number of working days the extended deadline allows")
    elif requested > maximum:
        problems.append(
            f"The extended deadline can be at most {maximum} working days from the start; "
            f"{requested} is more than the council's maximum"
        )
    elif requested <= current:
        problems.append(f"An extension must allow more than the current {current} working days")
    if AGREEMENT_REQUIRED[rule](check.profile) and check.request.complainant_agreed_on is None:
        problems.append("Enter the date the complainant agreed to the extension")
    if not check.request.reason.strip():
        problems.append("Enter the reason for the extension")
    return problems


# Which points need a finding at each stage
ROUTE_OF_FINDING_STAGE: dict[FindingStage, Route] = {
    FindingStage.STAGE1: Route.STATUTORY,
    FindingStage.STAGE2_INVESTIGATION: Route.STATUTORY,
    FindingStage.STAGE2_ADJUDICATION: Route.STATUTORY,
    FindingStage.CORPORATE_STAGE1: Route.CORPORATE,
    FindingStage.CORPORATE_STAGE2: Route.CORPORATE,
}


def every_point_has_finding(stage: FindingStage) -> Guard:
    route = ROUTE_OF_FINDING_STAGE[stage]

    def guard(check: Check) -> list[str]:
        points = [p for p in check.facts.points if p.route is route]
        if not points:
            return [f"The case has no {route.value} complaint points"]
        missing = [str(p.number) for p in points if stage not in p.findings]
        if missing:
            return [f"Record a finding for complaint point {', '.join(missing)}"]
        return []

    return guard


def appointed_investigators_are_eligible(check: Check) -> list[str]:
    officer, independent = check.request.investigating_officer, check.request.independent_person
    problems = []
    if officer is None:
        problems.append("Choose the investigating officer")
    if independent is None:
        problems.append("Choose the independent person")
    else:
        problems += independence_problems(independent)
    if officer and independent and officer.id == independent.id:
        problems.append("The investigating officer and the independent person must be different")
    return problems


def statement_has_investigators_and_points(check: Check) -> list[str]:
    problems = []
    if check.facts.investigating_officer is None or check.facts.independent_person is None:
        problems.append("Appoint the investigating officer and the independent person first")
    if not any(p.route is Route.STATUTORY for p in check.facts.points):
        problems.append("The statement of complaint needs at least one complaint point")
    return problems


def panel_is_three_independent_people(check: Check) -> list[str]:
    panel: tuple[Person, ...] = check.request.panel
    problems = []
    if len(panel) != 3 or len({p.id for p in panel}) != 3:
        problems.append("The review panel must be three different people, one of them the chair")
    for person in panel:
        problems += independence_problems(person)
        if person.id in check.facts.stage2_independent_person_ids:
            problems.append(
                f"{person.name} was the stage 2 independent person and cannot sit on the panel"
            )
    return problems
