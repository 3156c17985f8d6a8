"""Who does what in the procedure (domain.md §1.2), and who may act as an independent person.

Reg 2 of SI 2006/1738: an independent person is neither a member nor an officer of the local
authority, nor the spouse or civil partner of such a person. Reg 19(2)-(3): the review panel is
three independent persons, one of whom chairs, and none of them is the stage 2 independent
person.
"""

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    COMPLAINTS_MANAGER = "complaints_manager"
    COMPLAINTS_OFFICER = "complaints_officer"
    RESPONDING_MANAGER = "responding_manager"
    INVESTIGATING_OFFICER = "investigating_officer"
    INDEPENDENT_PERSON = "independent_person"
    ADJUDICATING_OFFICER = "adjudicating_officer"
    PANEL_CHAIR = "panel_chair"
    PANEL_MEMBER = "panel_member"
    DIRECTOR = "director"
    ADVOCATE = "advocate"
    AUDITOR = "auditor"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.COMPLAINTS_MANAGER: "Complaints manager",
    Role.COMPLAINTS_OFFICER: "Complaints officer",
    Role.RESPONDING_MANAGER: "Responding manager (stage 1)",
    Role.INVESTIGATING_OFFICER: "Investigating officer",
    Role.INDEPENDENT_PERSON: "Independent person",
    Role.ADJUDICATING_OFFICER: "Adjudicating officer",
    Role.PANEL_CHAIR: "Review panel chair",
    Role.PANEL_MEMBER: "Review panel member",
    Role.DIRECTOR: "Director of Children's Services or delegate",
    Role.ADVOCATE: "Advocate",
    Role.AUDITOR: "Auditor (read only)",
    Role.ADMINISTRATOR: "Administrator",
}

# People from outside the council: they see only the cases they are appointed to, while appointed.
EXTERNAL_ROLES = frozenset(
    {
        Role.INVESTIGATING_OFFICER,
        Role.INDEPENDENT_PERSON,
        Role.PANEL_CHAIR,
        Role.PANEL_MEMBER,
        Role.ADVOCATE,
    }
)


@dataclass(frozen=True, slots=True)
class Person:
    """What the rules need to know about someone appointed to a case."""

    id: int
    name: str
    is_council_member: bool = False
    is_council_officer: bool = False
    is_partner_of_member_or_officer: bool = False
    # What they declared about any link to the case (a conflict of interest); "" for none.
    declared_interest: str = ""


def independence_problems(person: Person) -> list[str]:
    """Why `person` cannot be an independent person under Reg 2 (empty when they can)."""
    reasons = {
        "is a member of the council": person.is_council_member,
        "is an officer of the council": person.is_council_officer,
        "is the spouse or civil partner of a council member or officer": (
            person.is_partner_of_member_or_officer
        ),
    }
    return [f"{person.name} {reason}" for reason, applies in reasons.items() if applies]
