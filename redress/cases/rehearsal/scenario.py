"""A rehearsal scenario: read from TOML and checked key by key (shared/rehearsal.md).

Everything wrong with a file is a `ScenarioError` naming the file, the step and the key, so the
command can exit 2 before anything runs. What each step may carry is a table: `STEP_KEYS` says
which optional keys apply to which actions; anything else is malformed.
"""

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from redress.domain.facts import Discretion, NotAcceptedGrounds, SentBy
from redress.domain.findings import Finding
from redress.domain.profiles import ProfileError, available_profiles, load_profile
from redress.domain.roles import Role
from redress.domain.service_areas import ServiceArea
from redress.domain.workflow import FINDINGS_RECORDED, RESPONSES, Action

A = Action


class ScenarioError(ValueError):
    """A malformed scenario: the message names the file, the step (if any) and the key."""


@dataclass(frozen=True)
class PersonSpec:
    """Someone appointed in the rehearsal (`io`, `ip`, a panel member), known by their `id`."""

    id: int
    council_officer: bool = False
    council_member: bool = False
    declared_interest: str = ""


@dataclass(frozen=True)
class StepSpec:
    number: int
    on: date
    action: Action
    by: Role = Role.COMPLAINTS_MANAGER
    expect: str | None = None  # "done" or "refused"
    reason: str = ""
    grounds: NotAcceptedGrounds | None = None
    discretion: Discretion | None = None
    complainant_agreed_on: date | None = None
    working_days: int | None = None
    findings: tuple[Finding, ...] = ()
    sent_by: SentBy | None = None
    received_by_complainant_on: date | None = None
    meets_on: date | None = None
    io: PersonSpec | None = None
    ip: PersonSpec | None = None
    panel: tuple[PersonSpec, ...] = ()


@dataclass(frozen=True)
class Scenario:
    file: str
    council: str
    received: date
    points: int = 1
    service_area: str = ""
    events_on: date | None = None
    steps: tuple[StepSpec, ...] = field(default_factory=tuple)


EXTENSIONS = frozenset(
    {A.EXTEND_STAGE1, A.EXTEND_STAGE2, A.EXTEND_CORPORATE_STAGE1, A.EXTEND_CORPORATE_STAGE2}
)
GIVES_FINDINGS = frozenset(FINDINGS_RECORDED) | {A.WITHDRAW}
EVERY_ACTION = frozenset(Action)
# Which optional keys apply to which actions (shared/rehearsal.md's table).
STEP_KEYS: Mapping[str, frozenset[Action]] = {
    "reason": EVERY_ACTION,
    "grounds": frozenset({A.NOT_ACCEPT}),
    "discretion": frozenset(
        {
            A.REQUEST_STAGE2,
            A.REQUEST_STAGE3,
            A.REQUEST_CORPORATE_STAGE2,
            A.NOT_ACCEPT,
            A.ACCEPT_STATUTORY,
            A.ACCEPT_STATUTORY_STAGE2,
            A.ACCEPT_CORPORATE,
        }
    ),
    "complainant_agreed_on": EXTENSIONS | {A.RESOLVE_STAGE1, A.ACCEPT_STATUTORY_STAGE2, A.CLOSE},
    "working_days": EXTENSIONS,
    "findings": GIVES_FINDINGS,
    "sent_by": RESPONSES,
    "received_by_complainant_on": RESPONSES,
    "meets_on": frozenset({A.CONVENE_PANEL}),
    "io": frozenset({A.APPOINT_INVESTIGATORS}),
    "ip": frozenset({A.APPOINT_INVESTIGATORS}),
    "panel": frozenset({A.CONVENE_PANEL}),
}
REQUIRED_STEP_KEYS = ("on", "action")
STEP_BASE_KEYS = frozenset({"on", "action", "by", "expect"})
TOP_KEYS = frozenset({"council", "received", "points", "service_area", "events_on", "step"})
PERSON_KEYS = frozenset({"id", "council_officer", "council_member", "declared_interest"})


class _Where:
    """Where in a file a value is, for the messages."""

    def __init__(self, file: str, step: int | None = None) -> None:
        self.file, self.step = file, step

    def error(self, key: str, problem: str) -> ScenarioError:
        place = f"{self.file}: step {self.step}" if self.step is not None else self.file
        return ScenarioError(f"{place}: key '{key}': {problem}")


def _date(where: _Where, key: str, value: Any) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise where.error(key, f"expected a date like 2026-01-05, got {value!r}")
    return value


def _string(where: _Where, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise where.error(key, f"expected a string, got {value!r}")
    return value


def _integer(where: _Where, key: str, value: Any, *, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.error(key, f"expected a whole number, got {value!r}")
    if value < minimum:
        raise where.error(key, f"expected a number of at least {minimum}, got {value}")
    return value


def _choice[E](where: _Where, key: str, value: Any, choices: Callable[[str], E], names: Any) -> E:
    text = _string(where, key, value)
    try:
        return choices(text)
    except ValueError:
        allowed = ", ".join(sorted(str(n) for n in names))
        raise where.error(key, f"unknown value '{text}' (one of: {allowed})") from None


def _person(where: _Where, key: str, value: Any) -> PersonSpec:
    if not isinstance(value, dict):
        raise where.error(key, f"expected a table with an id, got {value!r}")
    unknown = sorted(set(value) - PERSON_KEYS)
    if unknown:
        raise where.error(f"{key}.{unknown[0]}", "unknown key (id, council_officer, "
                          "council_member or declared_interest)")  # fmt: skip
    if "id" not in value:
        raise where.error(f"{key}.id", "required")
    flags = {}
    for flag in ("council_officer", "council_member"):
        if flag in value:
            if not isinstance(value[flag], bool):
                raise where.error(f"{key}.{flag}", f"expected true or false, got {value[flag]!r}")
            flags[flag] = value[flag]
    interest = value.get("declared_interest", "")
    return PersonSpec(
        id=_integer(where, f"{key}.id", value["id"]),
        declared_interest=_string(where, f"{key}.declared_interest", interest),
        **flags,
    )


def _step(file: str, number: int, raw: Any) -> StepSpec:
    where = _Where(file, number)
    if not isinstance(raw, dict):
        raise where.error("step", "expected a [[step]] table")
    for key in REQUIRED_STEP_KEYS:
        if key not in raw:
            raise where.error(key, "required")
    action = _choice(where, "action", raw["action"], Action, [a.value for a in Action])
    for key in raw:
        if key in STEP_BASE_KEYS:
            continue
        if key not in STEP_KEYS:
            raise where.error(key, "unknown key")
        if action not in STEP_KEYS[key]:
            raise where.error(key, f"does not apply to the action '{action.value}'")
    values: dict[str, Any] = {
        "number": number,
        "on": _date(where, "on", raw["on"]),
        "action": action,
    }
    if "by" in raw:
        values["by"] = _choice(where, "by", raw["by"], Role, [r.value for r in Role])
    if "expect" in raw:
        values["expect"] = _choice(where, "expect", raw["expect"], _expectation, EXPECTATIONS)
    if "reason" in raw:
        values["reason"] = _string(where, "reason", raw["reason"])
    if "grounds" in raw:
        values["grounds"] = _choice(
            where,
            "grounds",
            raw["grounds"],
            NotAcceptedGrounds,
            [g.value for g in NotAcceptedGrounds],
        )
    if "discretion" in raw:
        values["discretion"] = _choice(
            where, "discretion", raw["discretion"], Discretion, [d.value for d in Discretion]
        )
    for key in ("complainant_agreed_on", "received_by_complainant_on", "meets_on"):
        if key in raw:
            values[key] = _date(where, key, raw[key])
    if "working_days" in raw:
        values["working_days"] = _integer(where, "working_days", raw["working_days"])
    if "findings" in raw:
        given = raw["findings"]
        if not isinstance(given, list):
            raise where.error("findings", f"expected a list of findings, got {given!r}")
        values["findings"] = tuple(
            _choice(where, "findings", f, Finding, [x.value for x in Finding]) for f in given
        )
    if "sent_by" in raw:
        values["sent_by"] = _choice(
            where, "sent_by", raw["sent_by"], SentBy, [s.value for s in SentBy]
        )
    for key in ("io", "ip"):
        if key in raw:
            values[key] = _person(where, key, raw[key])
    if "panel" in raw:
        panel = raw["panel"]
        if not isinstance(panel, list):
            raise where.error("panel", f"expected a list of people, chair first, got {panel!r}")
        values["panel"] = tuple(_person(where, "panel", member) for member in panel)
    return StepSpec(**values)


EXPECTATIONS = ("done", "refused")


def _expectation(text: str) -> str:
    if text not in EXPECTATIONS:
        raise ValueError(text)
    return text


def parse_scenario(file: str, text: str) -> Scenario:
    """The scenario in `text` (the contents of `file`), or ScenarioError saying what is wrong."""
    where = _Where(file)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(f"{file}: not valid TOML: {error}") from None
    unknown = sorted(set(raw) - TOP_KEYS)
    if unknown:
        raise where.error(unknown[0], "unknown key")
    for key in ("council", "received"):
        if key not in raw:
            raise where.error(key, "required")
    council = _string(where, "council", raw["council"])
    try:
        load_profile(council)
    except ProfileError:
        raise where.error(
            "council",
            f"unknown council profile '{council}' (one of: {', '.join(available_profiles())})",
        ) from None
    service_area = ""
    if "service_area" in raw:
        service_area = _choice(
            where, "service_area", raw["service_area"], ServiceArea, [s.value for s in ServiceArea]
        ).value
    steps = raw.get("step", [])
    if not isinstance(steps, list):
        raise where.error("step", "expected [[step]] tables")
    return Scenario(
        file=file,
        council=council,
        received=_date(where, "received", raw["received"]),
        points=_integer(where, "points", raw.get("points", 1)),
        service_area=service_area,
        events_on=_date(where, "events_on", raw["events_on"]) if "events_on" in raw else None,
        steps=tuple(_step(file, number, step) for number, step in enumerate(steps, start=1)),
    )


def read_scenario(path: Path) -> Scenario:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ScenarioError(f"{path}: cannot be read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise ScenarioError(f"{path}: not a UTF-8 text file") from None
    return parse_scenario(str(path), text)
