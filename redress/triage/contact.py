"""A contact recorded by staff, as the case services take it.

The "Record a contact" form turns what was typed into plain answers (JSON: they may wait on a
held contact while staff look at possible duplicates). This module reads those answers: who the
people are, and the `NewComplaint` that `case_receive` records, exactly as the public form's
answers become one (`redress.intake.journeys.build_complaint`).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from redress.cases.models import Channel, ComplainantType, PersonRole
from redress.cases.services import NewComplaint, PersonDetails
from redress.intake.journeys import SAFE, summary_of

Answers = Mapping[str, Any]

# The complainant is the child or young person: there is no one else's consent to ask.
YOUNG_TYPES = frozenset({ComplainantType.CHILD.value, ComplainantType.CARE_LEAVER.value})
CONSENT = {"yes": True, "no": False, "not_asked": None}
CONSENT_CHOICES = [("yes", "Yes"), ("no", "No"), ("not_asked", "Not yet asked")]
SAFE_CHOICES = [("yes", "Yes"), ("no", "No, or only in some ways")]
# Every way a contact reaches the team except the online form, which records itself.
STAFF_CHANNELS = [
    (value, label) for value, label in Channel.choices if value != Channel.ONLINE_FORM
]


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _text(answers: Answers, name: str) -> str:
    return str(answers.get(name) or "").strip()


@dataclass(frozen=True)
class Contact:
    """The answers, read."""

    answers: Answers

    @property
    def received_at(self) -> datetime:
        return datetime.fromisoformat(self.answers["received_at"])

    @property
    def channel(self) -> Channel:
        return Channel(self.answers["channel"])

    @property
    def complainant_is_the_child(self) -> bool:
        return self.answers.get("complainant_type") in YOUNG_TYPES

    @property
    def child_name(self) -> str:
        """The child's name; a child or care leaver complaining for themselves is the child."""
        named = _text(self.answers, "child_name")
        if named or not self.complainant_is_the_child:
            return named
        return _text(self.answers, "complainant_name")

    @property
    def child_born_on(self) -> date | None:
        return _date(self.answers.get("child_date_of_birth"))

    @property
    def complainant_name(self) -> str:
        return _text(self.answers, "complainant_name")

    @property
    def email(self) -> str:
        return _text(self.answers, "email")

    @property
    def phone(self) -> str:
        return _text(self.answers, "phone")

    @property
    def details(self) -> str:
        return _text(self.answers, "details")

    @property
    def summary(self) -> str:
        return summary_of(self.details)

    def people(self) -> list[PersonDetails]:
        answers = self.answers
        separate_child = bool(_text(answers, "child_name"))
        people = [
            PersonDetails(
                role=PersonRole.COMPLAINANT,
                name=self.complainant_name,
                complainant_type=answers["complainant_type"],
                email=self.email,
                phone=self.phone,
                postal_address=_text(answers, "address"),
                relationship_to_child=_text(answers, "relationship")[:100],
                contact_methods=[
                    method
                    for method, given in (
                        ("email", self.email),
                        ("phone", self.phone),
                        ("post", _text(answers, "address")),
                    )
                    if given
                ],
                safe_to_contact=SAFE.get(answers.get("safe_to_contact") or ""),
                safe_contact_details=_text(answers, "safe_contact_details"),
                support_needs=_text(answers, "support_needs"),
                date_of_birth=(
                    self.child_born_on
                    if self.complainant_is_the_child and not separate_child
                    else None
                ),
            )
        ]
        if separate_child:
            people.append(
                PersonDetails(
                    role=PersonRole.CHILD,
                    name=_text(answers, "child_name"),
                    date_of_birth=self.child_born_on,
                    consent_given=CONSENT.get(answers.get("consent") or ""),
                )
            )
        if _text(answers, "representative_name"):
            people.append(
                PersonDetails(
                    role=PersonRole.REPRESENTATIVE,
                    name=_text(answers, "representative_name"),
                    relationship_to_child=_text(answers, "representative_role")[:100],
                    email=_text(answers, "representative_email"),
                    phone=_text(answers, "representative_phone"),
                )
            )
        return people

    def complaint(self) -> NewComplaint:
        answers = self.answers
        return NewComplaint(
            channel=self.channel,
            received_at=self.received_at,
            summary=self.summary,
            people=self.people(),
            points=[self.details],
            service_area=answers["service_area"],
            desired_outcome=_text(answers, "outcome"),
            grounds_arose_on=_date(answers.get("grounds_arose_on")),
            advocacy_offered=bool(answers.get("advocacy_offered")),
        )
