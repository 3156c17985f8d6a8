"""Guards: conditions a transition needs beyond being in the table.

Each guard returns the problems it finds as sentences a member of staff can act on; an empty list
means the guard holds. Every sentence says which rule refused the step and, where a date is the
problem, which date and why. The rights each guard protects, with their sources, are listed in
docs/rules.md. Sources: Reg 2, Reg 9, Reg 14, Regs 17-20 of SI 2006/1738 (independence, the time
limit, extensions, the panel); *Getting the Best from Complaints* (2006); the Ombudsman's guide for
practitioners; domain.md §2.2 (receipt of responses), §2.4-§2.6 (extensions, late requests), §3.1
(direct stage 2), §3.3 (the time limit), §3.4 (deferral). docs/law/ holds the reading of each.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from redress.domain.calendar_limits import time_limit_last_day
from redress.domain.facts import (
    ActionRequest,
    CaseFacts,
    Discretion,
    NotAcceptedGrounds,
    Route,
    TimeLimitDecision,
)
from redress.domain.findings import FindingStage
from redress.domain.profiles import CouncilProfile
from redress.domain.roles import Person, Role, independence_problems
from redress.domain.rules import EXTENDED_RULE, Rule, working_days_for
from redress.domain.service_areas import SERVICE_AREAS, ServiceArea
from redress.domain.working_days import WorkingCalendar


@dataclass(frozen=True, slots=True)
class Check:
    facts: CaseFacts
    request: ActionRequest
    profile: CouncilProfile
    calendar: WorkingCalendar
    extends: Rule | None = None

    @property
    def by_manager(self) -> bool:
        return Role.COMPLAINTS_MANAGER in self.request.actor_roles


Guard = Callable[[Check], list[str]]


def long_date(day: date) -> str:
    return f"{day:%-d %B %Y}"


def needs_reason(check: Check) -> list[str]:
    return [] if check.request.reason.strip() else ["Enter the reason for this decision"]


def agreement_date_problems(check: Check, what: str) -> list[str]:
    """The date the complainant agreed to `what`: not before the complaint, not after the step."""
    agreed = check.request.complainant_agreed_on
    if agreed is None:
        return [f"Enter the date the complainant agreed {what}"]
    if agreed < check.facts.received_on:
        return [
            f"The date the complainant agreed ({long_date(agreed)}) is before the complaint was "
            f"received on {long_date(check.facts.received_on)}: an agreement cannot come first"
        ]
    if agreed > check.request.on:
        return [
            f"The date the complainant agreed ({long_date(agreed)}) is after the date of this "
            f"step ({long_date(check.request.on)}): record the step on or after the agreement"
        ]
    return []


def direct_stage2_was_agreed(check: Check) -> list[str]:
    problems = agreement_date_problems(check, "to go straight to stage 2")
    return problems + needs_reason(check)


def chronology(check: Check) -> list[str]:
    """Every step follows the case's chronology (applies to every move of the table)."""
    on, facts = check.request.on, check.facts
    if on < facts.received_on:
        return [
            f"The date of this step ({long_date(on)}) is before the complaint was received on "
            f"{long_date(facts.received_on)}: a step cannot come before the complaint"
        ]
    if facts.last_step is not None and on < facts.last_step[1]:
        action, day = facts.last_step
        return [
            f"The date of this step ({long_date(on)}) is before the last step on the case "
            f"({action.replace('_', ' ')} on {long_date(day)}): steps are recorded in the order "
            "they happened"
        ]
    return []


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


def stage1_response_is_overdue(check: Check) -> list[str]:
    """Escalation when stage 1 is late (docs/law/escalation.md): once the stage 1 response is
    overdue (past its extended day, if extended) and not sent, the complainant may ask for stage
    2. Before then a request waits for the response."""
    clock = check.facts.running_clocks.get(Rule.STAGE1_RESPONSE)
    if clock is None or check.request.on > clock.effective_due:
        return []
    from_day = check.calendar.next_working_day(clock.effective_due)
    return [
        f"A request for stage 2 before the stage 1 response can be made from "
        f"{long_date(from_day)}: the response is due by {long_date(clock.effective_due)}, and "
        "only once it is overdue may the complainant go to stage 2 without it (Reg 14; "
        "docs/law/escalation.md)"
    ]


def window_closed_or_declined(window: Rule, next_stage: str) -> Guard:
    """No closing while the complainant's window is open, unless they said they will not go
    further (recorded with the date they said so)."""

    def guard(check: Check) -> list[str]:
        clock = check.facts.running_clocks.get(window)
        if clock is None or check.request.on > clock.effective_due:
            return []
        if check.request.complainant_agreed_on is None:
            return [
                f"The complainant has until {long_date(clock.effective_due)} to ask for "
                f"{next_stage}: close the case after that day, or enter the date the complainant "
                "said they will not take it further"
            ]
        return agreement_date_problems(check, f"not to ask for {next_stage}")

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
    if check.request.on > clock.effective_due:
        return [
            f"The deadline was {long_date(clock.effective_due)}: an extension is recorded on or "
            f"before the day it extends, and {long_date(check.request.on)} is after it. The "
            "deadline was missed and stays missed"
        ]
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
    if check.request.complainant_agreed_on is not None or AGREEMENT_REQUIRED[rule](check.profile):
        problems += agreement_date_problems(check, "to the extension")
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


def declared_interest_problems(check: Check, person: Person, role: str) -> list[str]:
    """Someone who declared an interest is appointed only by the complaints manager, who records
    why (GBFC: those considering a complaint have no involvement in it; docs/law/sources.md)."""
    if not person.declared_interest.strip():
        return []
    if not check.by_manager:
        return [
            f"{person.name} declared an interest ({person.declared_interest.strip()}): only the "
            f"complaints manager can appoint them as {role}, with the reason recorded"
        ]
    if not check.request.reason.strip():
        return [
            f"{person.name} declared an interest: enter the reason for appointing them as {role} "
            "all the same"
        ]
    return []


def appointed_investigators_are_eligible(check: Check) -> list[str]:
    officer, independent = check.request.investigating_officer, check.request.independent_person
    problems = []
    if officer is None:
        problems.append("Choose the investigating officer")
    else:
        if check.profile.stage2.investigating_officer_must_be_external and (
            officer.is_council_officer or officer.is_council_member
        ):
            problems.append(
                f"{officer.name} works for the council: {check.profile.name} promises an "
                "investigating officer from outside the council (profile key "
                "stage2.investigating_officer_must_be_external)"
            )
        problems += declared_interest_problems(check, officer, "investigating officer")
    if independent is None:
        problems.append("Choose the independent person")
    else:
        problems += independence_problems(independent)
        problems += declared_interest_problems(check, independent, "independent person")
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
        if person.id in check.facts.stage2_investigating_officer_ids:
            problems.append(
                f"{person.name} was the stage 2 investigating officer and cannot sit on the panel: "
                "panel members have had no previous involvement in the complaint (GBFC)"
            )
        problems += declared_interest_problems(check, person, "a panel member")
    return problems


def panel_date_follows_the_request(check: Check) -> list[str]:
    """The panel meets after the stage 3 request, within 30 working days of it (Reg 19(4)); a
    later date needs its reason, and the clock is then missed."""
    meets_on = check.request.meets_on
    if meets_on is None:
        return ["Enter the date the panel will meet"]
    clock = check.facts.running_clocks.get(Rule.STAGE3_PANEL)
    if clock is None:
        return []
    if meets_on <= clock.anchor_date:
        return [
            f"The panel date ({long_date(meets_on)}) must be after the stage 3 request was "
            f"received on {long_date(clock.anchor_date)}"
        ]
    if meets_on > clock.effective_due and not check.request.reason.strip():
        return [
            f"The panel should meet by {long_date(clock.effective_due)} (Reg 19(4): within 30 "
            f"working days of the request): enter why it cannot meet until {long_date(meets_on)}"
        ]
    return []


def every_recommendation_decided(source: str, whose: str) -> Guard:
    """The council decides on every recommendation, accepting or rejecting it with reasons
    (Reg 20(3) for the panel; GBFC for the investigating officer's at adjudication)."""

    def guard(check: Check) -> list[str]:
        given = {d.recommendation_id: d for d in check.request.decisions}
        problems = []
        pending = [r for r in check.facts.recommendations if r.source == source and not r.decided]
        for number, recommendation in enumerate(pending, start=1):
            decision = given.get(recommendation.id)
            if decision is None:
                problems.append(f"Decide on {whose} recommendation {number}: accept or reject it")
            elif not decision.reasons.strip():
                problems.append(
                    f"Enter the reasons for the decision on {whose} recommendation {number}"
                )
        return problems

    return guard


def statutory_matter_needs_manager(check: Check) -> list[str]:
    """No detour into the corporate procedure: a complaint about a service inside the statutory
    procedure goes corporate only by the complaints manager's decision, with its reason (the
    Ombudsman finds fault for choosing the wrong procedure: Leeds 24 013 350)."""
    return corporate_route_problems(
        check.facts.service_area, check.request.actor_roles, check.request.reason
    )


def corporate_route_problems(
    service_area: str, actor_roles: frozenset[Role], reason: str
) -> list[str]:
    """Why a complaint, or a point, about `service_area` may not go to the corporate procedure."""
    if service_area not in ServiceArea.__members__.values():
        return []
    rule = SERVICE_AREAS[ServiceArea(service_area)]
    if rule.procedure is not Route.STATUTORY:
        return []
    if Role.COMPLAINTS_MANAGER not in actor_roles:
        return [
            f"Complaints about {rule.label.lower()} go through the Children Act procedure: only "
            "the complaints manager can send one to the corporate procedure, with the reason"
        ]
    if not reason.strip():
        return [
            f"Enter why a complaint about {rule.label.lower()} goes to the corporate procedure "
            "rather than the Children Act procedure"
        ]
    return []


def not_accepted_on_grounds(check: Check) -> list[str]:
    """Not accepting a complaint takes structured grounds; "out of time" only for a complaint that
    is really outside the time limit, with a discretion decision answering both questions (Reg 9;
    the Ombudsman: the time limit is not to be applied rigidly, West Sussex 20 006 409)."""
    grounds = check.request.grounds
    if grounds is None:
        return ["Select the grounds for not accepting the complaint"]
    problems = needs_reason(check)
    if grounds is not NotAcceptedGrounds.OUT_OF_TIME:
        return problems
    arose = check.facts.grounds_arose_on
    if arose is None:
        return [
            *problems,
            "Record when the matter complained about happened: a complaint is out of time only "
            "if it is outside the time limit",
        ]
    limit = check.profile.time_limit
    last_day = time_limit_last_day(arose, limit.months, limit.leap_day)
    if check.facts.received_on <= last_day:
        return [
            *problems,
            f"The complaint is in time: it was received on {long_date(check.facts.received_on)}, "
            f"and the time limit ({limit.months} months from {long_date(arose)}) ran until "
            f"{long_date(last_day)}",
        ]
    request = check.request
    decision = (
        TimeLimitDecision(request.discretion, request.why_not_in_time, request.fair_consideration)
        if request.discretion is not None
        else check.facts.time_limit_decision
    )
    if decision is None:
        return [
            *problems,
            f"The complaint is outside the {limit.months}-month time limit, but the limit is a "
            "discretion, never a rule applied rigidly: record the decision not to consider it "
            "late, answering why it was not made in time and whether it can still be considered "
            "fairly",
        ]
    if decision.discretion is Discretion.ACCEPT:
        return [
            *problems,
            "The decision on the time limit was to consider this complaint late: it cannot then "
            "be refused as out of time",
        ]
    if not decision.why_not_in_time.strip():
        problems.append(
            "Enter why the complaint was not made in time, and why that does not excuse it"
        )
    if not decision.fair_consideration.strip():
        problems.append(
            "Enter whether the complaint can still be considered effectively and fairly"
        )
    return problems


def response_receipt_follows_sending(check: Check) -> list[str]:
    received = check.request.received_by_complainant_on
    if received is not None and received < check.request.on:
        return [
            f"The complainant cannot have received the response ({long_date(received)}) before "
            f"it was sent on {long_date(check.request.on)}"
        ]
    return []


def resolution_was_agreed(check: Check) -> list[str]:
    """Resolved at stage 1 is the complainant's word: the date they agreed and how (Reg 15;
    GBFC 3.5.7: the terms of resolution confirmed in writing)."""
    problems = agreement_date_problems(check, "to the resolution")
    if not check.request.agreed_how.strip():
        problems.append("Enter how the complainant agreed to the resolution")
    return problems
