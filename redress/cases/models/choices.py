"""Django choices built from the domain's enums, so the two can never drift apart."""

from enum import StrEnum


def choices_of(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [
        (member.value, getattr(member, "label", member.value.replace("_", " ").capitalize()))
        for member in enum
    ]
