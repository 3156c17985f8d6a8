"""Council profiles: each council's timescales and contact details, loaded from TOML.

Rule: domain spec §3.8 ("Council Profile"). A profile may be stricter than the Children Act 1989
Representations Procedure (England) Regulations 2006 (SI 2006/1738), never looser; fields the Regs
do not fix (acknowledgement, the corporate procedure under the LGSCO Complaint Handling Code,
receipt policy, consent age, contact) are only sanity-checked.

Each file `redress/domain/profiles/<slug>.toml` is the whole truth for one council: every key is
required, no other key is allowed, and the slug is the file's stem. Layout: top-level `name` and
`team_name`; tables `[acknowledgement]` (`working_days`), `[stage1]`, `[stage2]`, `[stage3]`,
`[corporate]`, `[time_limit]`, `[receipt]`, `[delivery]`, `[consent]` and `[contact]`, whose keys
are named exactly like the fields of the dataclasses below.

`[receipt] cut_off` is a 24-hour "HH:MM" string, or "" for no cut-off time (the key is still
required). The cut-off only matters when `deemed_receipt` is true.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import time
from enum import StrEnum
from pathlib import Path
from typing import Any, Final, get_type_hints

PROFILES_DIR: Final = Path(__file__).with_name("profiles")


class Stage2ClockStart(StrEnum):
    REQUEST_RECEIVED = "request_received"
    STATEMENT_AGREED = "statement_agreed"


class LaResponseAnchor(StrEnum):
    PANEL_DATE = "panel_date"
    REPORT_RECEIVED = "report_received"


class CorporateAnchor(StrEnum):
    """What a corporate response clock counts from."""

    RECEIPT = "receipt"
    ACKNOWLEDGEMENT = "acknowledgement"


class LeapDayPolicy(StrEnum):
    """Where an anniversary of 29 February lands in a year without one (domain §10 item 14)."""

    LAST_DAY_OF_FEBRUARY = "last_day_of_february"
    FIRST_OF_MARCH = "first_of_march"


@dataclass(frozen=True)
class Stage1Timescales:
    response_working_days: int
    maximum_working_days: int
    extension_requires_agreement: bool


@dataclass(frozen=True)
class Stage2Timescales:
    request_window_working_days: int
    clock_start: Stage2ClockStart
    response_working_days: int
    maximum_working_days: int
    extension_requires_agreement: bool
    # The council promises an investigating officer from outside the council (Lancashire, S2).
    investigating_officer_must_be_external: bool


@dataclass(frozen=True)
class Stage3Timescales:
    request_window_working_days: int
    panel_working_days: int
    panel_report_working_days: int
    la_response_working_days: int
    la_response_anchor: LaResponseAnchor


@dataclass(frozen=True)
class CorporateTimescales:
    stage1_response_working_days: int
    stage1_response_anchor: CorporateAnchor
    stage1_maximum_working_days: int
    stage1_extension_requires_agreement: bool
    stage2_request_window_working_days: int
    stage2_acknowledgement_working_days: int
    stage2_response_working_days: int
    stage2_response_anchor: CorporateAnchor
    stage2_maximum_working_days: int
    # Council closure days (not bank holidays) are non-working days for the corporate procedure
    # only: Reg 2 fixes the statutory working day (domain §2.1).
    closure_days_are_non_working: bool


@dataclass(frozen=True)
class TimeLimit:
    months: int
    leap_day: LeapDayPolicy


@dataclass(frozen=True)
class Receipt:
    deemed_receipt: bool
    cut_off: time | None


@dataclass(frozen=True)
class Delivery:
    """When the complainant receives a response (domain §2.2): email and hand delivery that day;
    first-class post this many working days after posting (CPR 6.26: the second business day)."""

    post_working_days: int


@dataclass(frozen=True)
class Consent:
    child_age_for_written_consent: int


@dataclass(frozen=True)
class Contact:
    postal_address: str
    email: str
    phone: str
    accepts_recordings: bool


@dataclass(frozen=True)
class _Acknowledgement:
    working_days: int


@dataclass(frozen=True)
class CouncilProfile:
    slug: str
    name: str
    team_name: str
    acknowledgement_working_days: int
    stage1: Stage1Timescales
    stage2: Stage2Timescales
    stage3: Stage3Timescales
    corporate: CorporateTimescales
    time_limit: TimeLimit
    receipt: Receipt
    delivery: Delivery
    consent: Consent
    contact: Contact


class ProfileError(ValueError):
    """A profile file that cannot be used; the message names the file, the key and the rule."""


# The file's layout: top-level keys, then each table and the dataclass it fills.
TOP_LEVEL_KEYS: Final[tuple[str, ...]] = ("name", "team_name")
TABLES: Final[Mapping[str, type]] = {
    "acknowledgement": _Acknowledgement,
    "stage1": Stage1Timescales,
    "stage2": Stage2Timescales,
    "stage3": Stage3Timescales,
    "corporate": CorporateTimescales,
    "time_limit": TimeLimit,
    "receipt": Receipt,
    "delivery": Delivery,
    "consent": Consent,
    "contact": Contact,
}

# Statutory ceilings: a profile may be stricter (fewer working days), never looser.
CEILINGS: Final[Mapping[str, tuple[int, str]]] = {
    "stage1.response_working_days": (
        10,
        "Reg 14 (via FRG): the stage 1 response is due within 10 working days",
    ),
    "stage1.maximum_working_days": (
        20,
        "Reg 14 (via FRG): an extended stage 1 response is due within 20 working days",
    ),
    "stage2.response_working_days": (
        25,
        "Regs 16-17 (via FRG, GBFC): the stage 2 response is due within 25 working days",
    ),
    "stage2.maximum_working_days": (
        65,
        "Regs 16-17 (via FRG, GBFC): stage 2 may never run beyond 65 working days",
    ),
    "stage3.panel_working_days": (
        30,
        "Reg 19(4): the panel meets within 30 working days",
    ),
    "stage3.panel_report_working_days": (
        5,
        "Reg 20: the panel reports within 5 working days of meeting",
    ),
    "stage3.la_response_working_days": (
        15,
        "Reg 20(3): the council responds within 15 working days of the panel's recommendations",
    ),
}

# Complainants' windows and time limits may be longer (kinder), never shorter.
FLOORS: Final[Mapping[str, tuple[int, str]]] = {
    "stage2.request_window_working_days": (
        20,
        "domain §2.4: the complainant has 20 working days to ask for stage 2",
    ),
    "stage3.request_window_working_days": (
        20,
        "domain §2.5: the complainant has 20 working days to ask for stage 3",
    ),
    "delivery.post_working_days": (
        2,
        "CPR 6.26 (domain §2.2): first-class post arrives the second working day after posting",
    ),
    "time_limit.months": (
        12,
        "Reg 9 (domain §3.3): a complaint may be made up to one year after the grounds arose",
    ),
}

# Each maximum is counted from the same day 0 as its base, so it can never be shorter.
MAXIMA: Final[Mapping[str, str]] = {
    "stage1.maximum_working_days": "stage1.response_working_days",
    "stage2.maximum_working_days": "stage2.response_working_days",
    "corporate.stage1_maximum_working_days": "corporate.stage1_response_working_days",
    "corporate.stage2_maximum_working_days": "corporate.stage2_response_working_days",
}


def _parse_time(value: str) -> time | None:
    if value == "":
        return None
    hours, sep, minutes = value.partition(":")
    if not (sep and len(hours) == 2 and len(minutes) == 2 and (hours + minutes).isdigit()):
        raise ValueError(value)
    return time(int(hours), int(minutes))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# How each field type is read from TOML: (accepts the raw value?, converter, what is expected).
_READERS: Final[Mapping[object, tuple[Callable[[object], bool], Callable[[Any], Any], str]]] = {
    int: (_is_int, int, "an integer"),
    bool: (lambda value: isinstance(value, bool), bool, "true or false"),
    str: (lambda value: isinstance(value, str) and value.strip() != "", str, "a non-empty string"),
    time | None: (
        lambda value: isinstance(value, str),
        _parse_time,
        'a 24-hour "HH:MM" string, or "" for none',
    ),
}


def available_profiles() -> list[str]:
    return sorted(path.stem for path in PROFILES_DIR.glob("*.toml"))


def load_profile(slug: str) -> CouncilProfile:
    path = PROFILES_DIR / f"{slug}.toml"
    if slug not in available_profiles():
        raise ProfileError(
            f"unknown council profile {slug!r}; available: {', '.join(available_profiles())}"
        )
    return load_profile_file(path)


def load_profile_file(path: Path) -> CouncilProfile:
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except OSError as error:
        raise ProfileError(f"{path}: cannot read the profile: {error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"{path}: not valid TOML: {error}") from error

    problems: list[str] = []
    values = _read_structure(data, problems)
    if not problems:
        problems.extend(_check_limits(values))
    if problems:
        raise ProfileError("\n".join(f"{path}: {problem}" for problem in problems))
    return _build(path.stem, values)


def _read_structure(data: Mapping[str, object], problems: list[str]) -> dict[str, object]:
    """Flatten the file into {"table.key": value}, converting and type-checking each value."""
    values: dict[str, object] = {}
    expected_top = (*TOP_LEVEL_KEYS, *TABLES)
    for key, raw in data.items():
        if key not in expected_top:
            what = f"table [{key}]" if isinstance(raw, dict) else f"key {key}"
            problems.append(f"unknown {what}; allowed: {', '.join(expected_top)}")
    for key in TOP_LEVEL_KEYS:
        _read_value(key, data, key, str, values, problems)
    for table, cls in TABLES.items():
        raw = data.get(table)
        if raw is None:
            problems.append(f"missing table [{table}]")
            continue
        if not isinstance(raw, dict):
            problems.append(f"{table} must be a table ([{table}]), got {_describe(raw)}")
            continue
        hints = get_type_hints(cls)
        names = [field.name for field in fields(cls)]
        for key in raw:
            if key not in names:
                problems.append(
                    f"unknown key {table}.{key}; allowed in [{table}]: {', '.join(names)}"
                )
        for name in names:
            _read_value(f"{table}.{name}", raw, name, hints[name], values, problems)
    return values


def _read_value(
    dotted: str,
    table: Mapping[str, object],
    key: str,
    kind: object,
    values: dict[str, object],
    problems: list[str],
) -> None:
    if key not in table:
        problems.append(f"missing key {dotted} ({_expected(kind)})")
        return
    raw = table[key]
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        allowed = [member.value for member in kind]
        if raw not in allowed:
            problems.append(f"{dotted} = {_describe(raw)} is not allowed; {_expected(kind)}")
        else:
            values[dotted] = kind(raw)
        return
    accepts, convert, expected = _READERS[kind]
    if not accepts(raw):
        problems.append(f"{dotted} must be {expected}, got {_describe(raw)}")
        return
    try:
        values[dotted] = convert(raw)
    except ValueError:
        problems.append(f"{dotted} must be {expected}, got {_describe(raw)}")


def _expected(kind: object) -> str:
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return "one of: " + ", ".join(member.value for member in kind)
    return _READERS[kind][2]


def _describe(raw: object) -> str:
    if isinstance(raw, bool):
        return f"boolean {str(raw).lower()}"
    return f"{type(raw).__name__} {raw!r}"


def _check_limits(values: Mapping[str, object]) -> list[str]:
    problems: list[str] = []
    counts = {key: value for key, value in values.items() if _is_int(value)}
    for key, count in counts.items():
        if isinstance(count, int) and count < 1:
            problems.append(f"{key} = {count} must be positive (at least 1)")
    for key, (ceiling, source) in CEILINGS.items():
        value = values[key]
        if isinstance(value, int) and value > ceiling:
            problems.append(
                f"{key} = {value} is looser than the Regulations allow: at most {ceiling} "
                f"({source})"
            )
    for key, (floor, source) in FLOORS.items():
        value = values[key]
        if isinstance(value, int) and value < floor:
            problems.append(
                f"{key} = {value} is shorter than the complainant is allowed: at least {floor} "
                f"({source})"
            )
    for maximum_key, base_key in MAXIMA.items():
        maximum, base = values[maximum_key], values[base_key]
        if isinstance(maximum, int) and isinstance(base, int) and maximum < base:
            problems.append(
                f"{maximum_key} = {maximum} must be at least {base_key} = {base}: an extension "
                "counts from the same day 0 and cannot end before the standard deadline"
            )
    return problems


def _build(slug: str, values: Mapping[str, object]) -> CouncilProfile:
    """Values are already checked against the field types, so the tables can be filled blind."""
    tables: dict[str, Any] = {
        table: cls(**{field.name: values[f"{table}.{field.name}"] for field in fields(cls)})
        for table, cls in TABLES.items()
    }
    acknowledgement: _Acknowledgement = tables.pop("acknowledgement")
    return CouncilProfile(
        slug=slug,
        name=str(values["name"]),
        team_name=str(values["team_name"]),
        acknowledgement_working_days=acknowledgement.working_days,
        **tables,
    )
