"""Merge fields: what a letter template may say about a case, and where each value comes from.

Every date is read from the case's clocks (the effective due date: an extension counts) or from a
record the procedure made (an event, an action-plan item, the deferral review date). None is ever
typed into a template, and none is worked out again here: the last day to ask for the next stage is
its window clock's due date, which the engine counts from the day the complainant received the
response (redress/domain/delivery.py), so every letter and the daily sweep that closes the case
give the day that clock holds.

`FIELDS` documents the whole set; the template editor shows it, validation checks templates against
it, and `sample_context()` builds a context holding every field for checking and previews.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings

from redress.accounts.models import Appointment, User
from redress.cases.models import Case, CaseEvent, CasePerson, Clock, ComplaintPoint, PersonRole
from redress.core.council import profile_named
from redress.domain.facts import DeferralReason, Route
from redress.domain.findings import Finding, FindingStage
from redress.domain.roles import Role
from redress.domain.rules import Rule
from redress.domain.workflow import Stage
from redress.letters.catalogue import Audience

# The Local Government and Social Care Ombudsman (lgo.org.uk, "Contact us"). Settings may override
# it (REDRESS_OMBUDSMAN) if the Ombudsman's details change before a release does.
OMBUDSMAN_DEFAULT = {
    "name": "Local Government and Social Care Ombudsman",
    "postal_address": "PO Box 4771\nCoventry\nCV4 0EH",
    "phone": "0300 061 0614",
    "website": "www.lgo.org.uk",
}

# Which clock gives which date. The running clock wins; otherwise the most recent one.
DATE_OF_RULE: dict[Rule, str] = {
    Rule.ACK: "acknowledgement_due",
    Rule.STAGE1_RESPONSE: "stage1_response_due",
    Rule.STAGE2_REQUEST_WINDOW: "stage2_request_last_day",
    Rule.STAGE2_RESPONSE: "stage2_response_due",
    Rule.STAGE3_REQUEST_WINDOW: "stage3_request_last_day",
    Rule.STAGE3_PANEL: "panel_by",
    Rule.STAGE3_PANEL_REPORT: "panel_report_due",
    Rule.STAGE3_LA_RESPONSE: "council_response_due",
    Rule.CORPORATE_STAGE1_RESPONSE: "corporate_stage1_response_due",
    Rule.CORPORATE_STAGE2_REQUEST_WINDOW: "corporate_stage2_request_last_day",
    Rule.CORPORATE_STAGE2_ACK: "corporate_stage2_acknowledgement_due",
    Rule.CORPORATE_STAGE2_RESPONSE: "corporate_stage2_response_due",
}

# How a clock is described to the complainant in an extension notice or a reminder.
CLOCK_DESCRIPTIONS: dict[Rule, str] = {
    Rule.ACK: "our acknowledgement of the complaint",
    Rule.STAGE1_RESPONSE: "our response to your complaint at stage 1",
    Rule.STAGE2_REQUEST_WINDOW: "the time to ask for stage 2",
    Rule.STAGE2_RESPONSE: "our response at stage 2, after the independent investigation",
    Rule.STAGE3_REQUEST_WINDOW: "the time to ask for a review panel (stage 3)",
    Rule.STAGE3_PANEL: "the review panel meeting",
    Rule.STAGE3_PANEL_REPORT: "the review panel's report",
    Rule.STAGE3_LA_RESPONSE: "the council's response to the review panel",
    Rule.CORPORATE_STAGE1_RESPONSE: "our response to your complaint at stage 1",
    Rule.CORPORATE_STAGE2_REQUEST_WINDOW: "the time to ask for stage 2",
    Rule.CORPORATE_STAGE2_ACK: "our acknowledgement of your stage 2 request",
    Rule.CORPORATE_STAGE2_RESPONSE: "our response to your complaint at stage 2",
}

DEFERRAL_REASONS = {
    DeferralReason.ONGOING_COURT: "court proceedings are going on",
    DeferralReason.ONGOING_CRIMINAL: "a criminal investigation or prosecution is going on",
    DeferralReason.ONGOING_DISCIPLINARY: "disciplinary proceedings are going on",
    DeferralReason.TRIBUNAL: "tribunal proceedings are going on",
    DeferralReason.OTHER: "other proceedings are going on",
}

# The complainant's windows to ask for the next stage, and that stage in the letters' words.
WINDOW_NEXT_STAGE: dict[Rule, str] = {
    Rule.STAGE2_REQUEST_WINDOW: "stage 2",
    Rule.STAGE3_REQUEST_WINDOW: "stage 3",
    Rule.CORPORATE_STAGE2_REQUEST_WINDOW: "stage 2",
}

# Events whose reason a letter may quote (not accepted, redirected, withdrawn, ...).
DECISION_ACTIONS = (
    "not_accept",
    "redirect",
    "withdraw",
    "defer",
    "close",
    "refuse_late_stage2_request",
    "refuse_late_stage3_request",
)


@dataclass(frozen=True)
class MergeField:
    path: str
    description: str
    example: Any


def _f(path: str, description: str, example: Any) -> MergeField:
    return MergeField(path, description, example)


D = date(2026, 4, 24)
FIELDS: tuple[MergeField, ...] = (
    _f("council.name", "The council's name (council profile)", "Exampleshire County Council"),
    _f("council.team_name", "The complaints team's name", "Children's Services Complaints Team"),
    _f("council.postal_address", "The team's postal address", "County Hall\nExampletown"),
    _f("council.email", "The team's email address", "complaints@council.example"),
    _f("council.phone", "The team's phone number", "03069 990000"),
    _f("case.reference", "The case reference", "CSC-2026-00042"),
    _f("case.received_on", "The date the complaint was received (deemed receipt applied)", D),
    _f("case.summary", "What the complaint is about", "Contact arrangements for my son"),
    _f("case.desired_outcome", "What the complainant wants to happen", "An apology"),
    _f("case.is_statutory", "True when the statutory (Children Act) procedure applies", True),
    _f("case.is_corporate", "True when the council's corporate procedure applies", False),
    _f("case.stage", "Where the case is now, in words", "Stage 1: local resolution"),
    _f("letter.date", "The date on the letter (the day it is sent)", D),
    _f("recipient.name", "Who the letter is to", "Sam Parent"),
    _f("recipient.address_lines", "The recipient's postal address, one line each", ["1 High St"]),
    _f("recipient.email", "The recipient's email address", "sam@example.org"),
    _f("complainant.name", "The complainant's name", "Sam Parent"),
    _f("child.name", "The child's name, when the case records one", "Alex Parent"),
    _f("sender.name", "The member of staff sending the letter", "Jo Officer"),
    _f("dates.received_on", "The date the complaint was received", D),
    _f("dates.acknowledgement_due", "Acknowledgement due (clock `ack`)", D),
    _f("dates.stage1_response_due", "Stage 1 response due, extension included", D),
    _f("dates.stage2_request_last_day", "Last day to ask for stage 2 (its window clock)", D),
    _f("dates.stage2_response_due", "Stage 2 response due, extension included", D),
    _f("dates.stage3_request_last_day", "Last day to ask for stage 3 (its window clock)", D),
    _f("dates.panel_by", "The date by which the review panel must meet", D),
    _f("dates.panel_report_due", "The panel's report due", D),
    _f("dates.council_response_due", "The council's response to the panel due", D),
    _f("dates.corporate_stage1_response_due", "Corporate stage 1 response due", D),
    _f("dates.corporate_stage2_acknowledgement_due", "Corporate stage 2 acknowledgement due", D),
    _f("dates.corporate_stage2_response_due", "Corporate stage 2 response due", D),
    _f(
        "dates.corporate_stage2_request_last_day",
        "Last day to ask for corporate stage 2 (its window clock)",
        D,
    ),
    _f("dates.deferral_review_on", "When a deferred complaint will be reviewed", D),
    _f("dates.closed_on", "The date the case was closed", D),
    _f(
        "timescales.stage2_request_window",
        "Working days the complainant has to ask for stage 2",
        20,
    ),
    _f(
        "timescales.stage3_request_window",
        "Working days the complainant has to ask for stage 3",
        20,
    ),
    _f(
        "timescales.corporate_stage2_request_window",
        "Working days to ask for corporate stage 2",
        20,
    ),
    _f("extension.what", "What has been extended, in words", "our response to your complaint"),
    _f("extension.original_due", "The date it was due before the extension", D),
    _f("extension.new_due", "The new date", D),
    _f("extension.reason", "Why more time is needed", "We are waiting for records"),
    _f("decision.reason", "The reason recorded for the latest decision on the case", "Reasons"),
    _f("decision.on", "The date of that decision", D),
    _f(
        "deferral.reason",
        "Why the complaint is on hold, in words",
        "court proceedings are going on",
    ),
    _f("eligibility.accepted", "True if the person was found to have sufficient interest", True),
    _f("eligibility.reasons", "The reasons for the sufficient-interest decision", "Reasons"),
    _f("eligibility.decided_on", "The date of that decision", D),
    _f("closure.next_stage", "The stage the complainant did not ask for, in words", "stage 2"),
    _f("closure.last_day", "The last day they could have asked for it", D),
    _f(
        "closure.window_passed",
        "True when the case was closed after that last day had passed; false when it was closed "
        "while the complainant could still ask",
        True,
    ),
    _f(
        "closure.not_going_further_on",
        "The date the complainant told us they do not wish to take the complaint further, as the "
        "closing step recorded it",
        D,
    ),
    _f(
        "resolution.agreed_on",
        "The date the complainant agreed to the stage 1 resolution",
        D,
    ),
    _f("resolution.agreed_how", "How they agreed to it", "by phone"),
    _f(
        "people.responding_officer",
        "The officer dealing with the complaint: the member of staff the case is assigned to "
        "(absent while nobody is)",
        "Jo Officer",
    ),
    _f("people.investigating_officer", "The investigating officer's name", "Chris Investigator"),
    _f("people.independent_person", "The independent person's name", "Pat Independent"),
    _f("people.panel_chair", "The review panel chair's name", "Lee Chair"),
    _f("people.panel_members", "The other panel members' names", ["Max Member"]),
    _f("points", "The complaint points, in order (a list)", None),
    _f("points[].number", "The point's number", 1),
    _f("points[].summary", "What the point is about", "The social worker did not call back"),
    _f("points[].desired_outcome", "What the complainant wants for this point", "A call back"),
    _f("points[].stage1", "The stage 1 finding: .finding, .rationale", None),
    _f("points[].stage2_investigation", "The investigating officer's finding", None),
    _f("points[].stage2_adjudication", "The council's stage 2 decision on the point", None),
    _f("points[].corporate_stage1", "The corporate stage 1 finding", None),
    _f("points[].corporate_stage2", "The corporate stage 2 finding", None),
    _f("points[].stage1.finding", "Upheld, Partially upheld, Not upheld, ...", "Upheld"),
    _f("points[].stage1.rationale", "Why", "We found that..."),
    _f("recommendations", "Recommendations (a list): .text, .source, .decision, .reasons", None),
    _f("recommendations[].text", "What was recommended", "Apologise in writing"),
    _f("recommendations[].source", "Who recommended it", "Review panel (stage 3)"),
    _f("recommendations[].decision", "The council's decision on it", "Accepted"),
    _f("recommendations[].reasons", "The council's reasons (required when rejected)", ""),
    _f("actions", "The action plan (a list): .description, .due_on", None),
    _f("actions[].description", "What the council will do", "Review the contact plan"),
    _f("actions[].due_on", "When it will be done by", D),
    _f("ombudsman.name", "The Ombudsman's name", OMBUDSMAN_DEFAULT["name"]),
    _f("ombudsman.postal_address", "The Ombudsman's address", OMBUDSMAN_DEFAULT["postal_address"]),
    _f("ombudsman.phone", "The Ombudsman's phone number", OMBUDSMAN_DEFAULT["phone"]),
    _f("ombudsman.website", "The Ombudsman's website", OMBUDSMAN_DEFAULT["website"]),
)
DOCUMENTED = {field.path: field for field in FIELDS}
TOP_LEVEL = frozenset(field.path.split(".")[0].removesuffix("[]") for field in FIELDS)


class Fields:
    """A namespace of merge values. Templates read `case.reference`; a missing name is reported
    with its full path (see `rendering.MergeUndefined`), never printed as blank."""

    __slots__ = ("_path", "_values")

    def __init__(self, path: str, values: Mapping[str, Any]) -> None:
        self._path = path
        self._values = dict(values)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"<merge fields {self._path}>"


def to_jsonable(value: Any) -> Any:
    """The merge values as stored on a sent letter: what it said, and why."""
    if isinstance(value, Fields):
        return {key: to_jsonable(item) for key, item in value._values.items()}
    if isinstance(value, dict):
        return {key: to_jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _ns(path: str, values: Mapping[str, Any]) -> Fields:
    return Fields(path, {key: value for key, value in values.items() if value is not None})


NBSP = "\u00a0"


def ombudsman() -> Fields:
    details = dict(getattr(settings, "REDRESS_OMBUDSMAN", None) or OMBUDSMAN_DEFAULT)
    details["phone"] = details["phone"].replace(" ", NBSP)  # never split across lines
    return _ns("ombudsman", details)


def sample_context() -> dict[str, Any]:
    """A context holding every documented field: for validating templates and blank previews."""
    tree: dict[str, Any] = {}
    for field in FIELDS:
        parts = field.path.replace("[]", "").split(".")
        if field.example is None and len(parts) == 1:
            continue
        node = tree
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        if field.example is not None:
            node[parts[-1]] = field.example

    def build(path: str, node: Any) -> Any:
        if not isinstance(node, dict):
            return node
        return Fields(
            path, {key: build(f"{path}.{key}" if path else key, v) for key, v in node.items()}
        )

    context = {}
    for name, node in tree.items():
        is_list = any(f.path.startswith(f"{name}[]") for f in FIELDS)
        value = build(f"{name}[]" if is_list else name, node)
        context[name] = [value] if is_list else value
    point = context["points"][0]
    finding = point.stage1
    for stage in FindingStage:
        point._values[stage.value] = finding
    return context


def _address_lines(address: str) -> list[str]:
    return [line.strip() for line in address.replace(",", "\n").splitlines() if line.strip()]


def _dates(case: Case, clocks: list[Clock]) -> dict[str, date]:
    dates: dict[str, date] = {"received_on": case.received_on}
    for clock in sorted(clocks, key=lambda c: (c.is_running, c.anchor_date, c.pk)):
        name = DATE_OF_RULE.get(Rule(clock.rule))
        if name:
            dates[name] = clock.effective_due_date
    if case.deferral_review_on:
        dates["deferral_review_on"] = case.deferral_review_on
    if case.closed_on:
        dates["closed_on"] = case.closed_on
    return dates


def _latest_event(events: list[CaseEvent], actions: Iterable[str]) -> CaseEvent | None:
    wanted = set(actions)
    matching = [event for event in events if event.action in wanted]
    return matching[-1] if matching else None


def _extension(clocks: list[Clock]) -> Fields | None:
    extended = [c for c in clocks if c.extended_due_date and c.is_running]
    if not extended:
        return None
    clock = max(extended, key=lambda c: (c.extension_notified_on or date.min, c.pk))
    return _ns(
        "extension",
        {
            "what": CLOCK_DESCRIPTIONS.get(Rule(clock.rule), clock.rule),
            "original_due": clock.due_date,
            "new_due": clock.extended_due_date,
            "reason": clock.extension_reason,
        },
    )


def _iso_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    return date.fromisoformat(value) if value else None


def not_going_further_on(close: CaseEvent) -> date | None:
    """The date the complainant said they will not take the complaint further, as the closing
    step recorded it: `not_going_further_on` in the step's details, or the date of the
    complainant's word that the step was given (the close guard asks for it while a window is
    open: redress/domain/guards.py `window_closed_or_declined`)."""
    recorded = close.details or {}
    given = recorded.get("details") or {}
    request = recorded.get("request") or {}
    return _iso_date(
        given.get("not_going_further_on")
        or recorded.get("not_going_further_on")
        or request.get("complainant_agreed_on")
    )


def _closure(case: Case, clocks: list[Clock], events: list[CaseEvent]) -> Fields:
    """Why the case closed, for the closing letter. The time to ask for the next stage "has
    passed" only when the case closed after the window's last day: never while it was open."""
    close = _latest_event(events, ["close"])
    if close is None:
        return _ns("closure", {})
    values: dict[str, Any] = {"not_going_further_on": not_going_further_on(close)}
    ended = [
        c
        for c in clocks
        if c.rule in WINDOW_NEXT_STAGE and c.stopped_by == "close" and c.completed_on == close.on
    ]
    if ended:
        clock = ended[-1]
        values["next_stage"] = WINDOW_NEXT_STAGE[Rule(clock.rule)]
        values["last_day"] = clock.effective_due_date
        values["window_passed"] = close.on > clock.effective_due_date
    return _ns("closure", values)


def _resolution(events: list[CaseEvent]) -> Fields:
    resolved = _latest_event(events, ["resolve_stage1"])
    if resolved is None:
        return _ns("resolution", {})
    request = (resolved.details or {}).get("request") or {}
    return _ns(
        "resolution",
        {
            "agreed_on": _iso_date(request.get("complainant_agreed_on")),
            "agreed_how": request.get("agreed_how") or None,
        },
    )


def _finding(point: ComplaintPoint, stage: FindingStage) -> Fields | None:
    for finding in point.findings.all():
        if finding.stage == stage:
            return _ns(
                f"points[].{stage.value}",
                {
                    "finding": Finding(finding.finding).label,
                    "rationale": finding.rationale,
                    "independent_person_agrees": finding.independent_person_agrees,
                    "independent_person_comment": finding.independent_person_comment,
                },
            )
    return None


def _people(case: Case, today: date) -> tuple[Fields, dict[Role, list[User]]]:
    appointments = Appointment.objects.current_on(today).filter(case=case).select_related("person")
    by_role: dict[Role, list[User]] = {}
    for appointment in appointments:
        by_role.setdefault(Role(appointment.role), []).append(appointment.person)

    def one(role: Role) -> str | None:
        people = by_role.get(role)
        return str(people[-1]) if people else None

    members = [str(person) for person in by_role.get(Role.PANEL_MEMBER, [])]
    fields = _ns(
        "people",
        {
            "investigating_officer": one(Role.INVESTIGATING_OFFICER),
            "independent_person": one(Role.INDEPENDENT_PERSON),
            "panel_chair": one(Role.PANEL_CHAIR),
            "panel_members": members or None,
            "responding_officer": str(case.assigned_to) if case.assigned_to else None,
        },
    )
    return fields, by_role


@dataclass(frozen=True)
class Recipient:
    role: str
    name: str
    email: str
    postal_address: str


class NoRecipient(Exception):
    pass


def recipient_for(case: Case, audience: Audience, today: date) -> Recipient:
    if audience is Audience.COMPLAINANT:
        person = complainant_of(case)
        if person is None:
            raise NoRecipient("The case has no complainant recorded: add one before writing")
        return Recipient(audience.value, person.name, person.email, person.postal_address)
    role = Role(audience.value)
    _, by_role = _people(case, today)
    people = by_role.get(role)
    if not people:
        raise NoRecipient(f"No {role.label.lower()} is appointed to this case yet")
    person = people[-1]
    return Recipient(audience.value, str(person), person.email, "")


def complainant_of(case: Case) -> CasePerson | None:
    people = list(case.people.all())
    for person in people:
        if person.role == PersonRole.COMPLAINANT:
            return person
    return None


def case_context(
    case: Case, *, audience: Audience, today: date, sender: User | None
) -> dict[str, Any]:
    """Every merge value for one letter about `case`, as it stands on `today`."""
    profile = profile_named(case.profile)
    clocks = list(case.clocks.all())
    events = list(case.events.order_by("at", "pk"))
    people = list(case.people.all())
    complainant = complainant_of(case)
    child = next((p for p in people if p.role == PersonRole.CHILD), None)
    recipient = recipient_for(case, audience, today)
    people_fields, _ = _people(case, today)
    dates = _dates(case, clocks)

    decision = _latest_event(events, DECISION_ACTIONS)
    decision_fields = _ns("decision", {})
    if decision is not None:
        reason = (decision.details.get("request") or {}).get("reason", "")
        decision_fields = _ns("decision", {"reason": reason or None, "on": decision.on})

    eligibility = _ns("eligibility", {})
    if complainant is not None and complainant.eligibility_decision:
        eligibility = _ns(
            "eligibility",
            {
                "accepted": complainant.eligibility_decision == "accept",
                "reasons": complainant.eligibility_reasons,
                "decided_on": complainant.eligibility_decided_on,
            },
        )

    points = [
        _ns(
            "points[]",
            {
                "number": point.number,
                "summary": point.summary,
                "desired_outcome": point.desired_outcome,
                **{stage.value: _finding(point, stage) for stage in FindingStage},
            },
        )
        for point in case.points.prefetch_related("findings").order_by("number")
        if point.route in (Route.STATUTORY, Route.CORPORATE, Route.UNDECIDED)
    ]
    recommendations = [
        _ns(
            "recommendations[]",
            {
                "text": r.text,
                "source": r.get_source_display(),
                "decision": r.get_decision_display(),
                "reasons": r.decision_reasons,
            },
        )
        for r in case.recommendations.all()
    ]
    actions = [
        _ns("actions[]", {"description": a.description, "due_on": a.due_on})
        for a in case.action_plan.all()
    ]
    route = Route(case.route)
    return {
        "council": _ns(
            "council",
            {
                "name": profile.name,
                "team_name": profile.team_name,
                "postal_address": profile.contact.postal_address,
                "email": profile.contact.email,
                "phone": profile.contact.phone.replace(" ", NBSP),
            },
        ),
        "case": _ns(
            "case",
            {
                "reference": case.reference,
                "received_on": case.received_on,
                "summary": case.summary,
                "desired_outcome": case.desired_outcome,
                "is_statutory": route is Route.STATUTORY,
                "is_corporate": route is Route.CORPORATE,
                "stage": Stage(case.stage).label,
            },
        ),
        "letter": _ns("letter", {"date": today}),
        "recipient": _ns(
            "recipient",
            {
                "name": recipient.name,
                "address_lines": _address_lines(recipient.postal_address),
                "email": recipient.email,
            },
        ),
        "complainant": _ns("complainant", {"name": complainant.name if complainant else None}),
        "child": _ns("child", {"name": child.name if child else None}),
        "sender": _ns("sender", {"name": str(sender) if sender else ""}),
        "dates": _ns("dates", dates),
        "timescales": _ns(
            "timescales",
            {
                "stage2_request_window": profile.stage2.request_window_working_days,
                "stage3_request_window": profile.stage3.request_window_working_days,
                "corporate_stage2_request_window": (
                    profile.corporate.stage2_request_window_working_days
                ),
            },
        ),
        "extension": _extension(clocks) or _ns("extension", {}),
        "decision": decision_fields,
        "deferral": _ns(
            "deferral",
            {
                "reason": DEFERRAL_REASONS.get(DeferralReason(case.deferral_reason))
                if case.deferral_reason
                else None
            },
        ),
        "eligibility": eligibility,
        "closure": _closure(case, clocks, events),
        "resolution": _resolution(events),
        "people": people_fields,
        "points": points,
        "recommendations": recommendations,
        "actions": actions,
        "ombudsman": ombudsman(),
    }
