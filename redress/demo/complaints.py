"""Who complains, about what, how and when: one demo case's `NewComplaint`, from the catalogue.

Domain.md §1.1 gives the complainant types: a child or care leaver is offered an advocate (s.26A);
someone with "sufficient interest" needs an eligibility decision; a representative acts for an
eligible person, and an older child's consent is recorded when someone else complains for them.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from random import Random
from zoneinfo import ZoneInfo

from django.conf import settings

from redress.cases.models import Channel, ComplainantType, PersonRole
from redress.cases.services import NewComplaint, PersonDetails
from redress.demo.catalogue import (
    ADVOCACY_PROVIDER,
    CHANNELS,
    COMMENTS,
    COMPLAINANT_TYPES,
    COMPLIMENTS,
    DESIRED_OUTCOMES,
    RELATIONSHIPS,
    REPORTING_AREAS,
    SERVICE_AREAS,
    ServiceArea,
    areas_on,
)
from redress.demo.people import (
    ADULT_FIRST_NAMES,
    CHILD_FIRST_NAMES,
    STAFF_BY_USERNAME,
    STREETS,
    SURNAMES,
    TOWNS,
    usernames_in,
)
from redress.demo.scenarios import Kind, Scenario
from redress.domain.facts import Discretion
from redress.domain.profiles import CouncilProfile
from redress.domain.roles import Role


@dataclass(frozen=True)
class CaseContent:
    complaint: NewComplaint
    area: ServiceArea
    themes: tuple[str, ...]  # one per point
    advocate: str | None  # username of the external advocate appointed, if any
    needs_eligibility_decision: bool
    late_discretion: Discretion | None
    child_consent: bool = False  # an older child agreed to someone else complaining for them


# Someone complaining for a child: the child's consent is sought when they are old enough (§1.1).
ON_BEHALF = frozenset({ComplainantType.SUFFICIENT_INTEREST, ComplainantType.REPRESENTATIVE})


def weighted[T](rng: Random, table: tuple[tuple[T, int], ...]) -> T:
    return rng.choices([item for item, _ in table], weights=[w for _, w in table])[0]


def _date_of_birth(rng: Random, received: date, youngest: int, oldest: int) -> date:
    age_days = rng.randint(youngest * 365 + 1, oldest * 365 + 364)
    return received - timedelta(days=age_days)


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _contact(rng: Random, first: str, last: str) -> dict[str, str]:
    handle = f"{first}.{last}".lower().replace("'", "").replace(" ", "")
    return {
        "email": f"{handle}{rng.randint(1, 99)}@example.org",
        "phone": f"07700 900{rng.randint(0, 999):03d}",
        "postal_address": (
            f"{rng.randint(1, 120)} {rng.choice(STREETS)}, {rng.choice(TOWNS)}"
            if rng.random() < 0.5
            else ""
        ),
    }


def _received_at(rng: Random, day: date, channel: str, profile: CouncilProfile) -> datetime:
    """Office hours for phone and visits; emails and forms also arrive in the evening."""
    latest = 21 if channel in {Channel.EMAIL, Channel.ONLINE_FORM} else 16
    if profile.receipt.deemed_receipt and profile.receipt.cut_off is not None:
        # The plan counts from the day itself: keep clear of the deemed-receipt cut-off.
        latest = max(8, min(latest, profile.receipt.cut_off.hour - 1))
    moment = time(rng.randint(8, latest), rng.choice((0, 5, 10, 20, 30, 40, 45, 50)))
    return datetime.combine(day, moment, tzinfo=ZoneInfo(settings.TIME_ZONE))


def make_content(
    rng: Random, scenario: Scenario, received: date, profile: CouncilProfile
) -> tuple[CaseContent, datetime]:
    channel = scenario.channel or weighted(rng, CHANNELS)
    if scenario.kind is not Kind.COMPLAINT:
        return _feedback(rng, scenario, received, channel, profile)

    areas = areas_on(scenario.route)
    area = weighted(rng, tuple((a, a.weight) for a in areas))
    how_many = rng.randint(*scenario.points)
    chosen = rng.sample(area.points, k=min(how_many, len(area.points)))
    kind = ComplainantType(scenario.complainant_type or weighted(rng, COMPLAINANT_TYPES))
    if channel == Channel.MP_OR_COUNCILLOR:
        kind = ComplainantType.REPRESENTATIVE
    people, advocate = _people(rng, kind, area, received, channel)
    born = next((p.date_of_birth for p in people if p.role == PersonRole.CHILD), None)
    older_child = (
        born is not None and _age(born, received) >= profile.consent.child_age_for_written_consent
    )
    limit = profile.time_limit.months  # a late complaint comes after it; the rest well within
    late = scenario.late_complaint is not None
    months_ago = rng.randint(limit + 1, limit + 10) if late else rng.randint(0, 8)
    grounds = received - timedelta(days=months_ago * 31 + rng.randint(0, 25))
    points = tuple(text for _, text in chosen)
    others = len(points) - 1
    summary = points[0] + (f" (and {others} other concern{'s' * (others > 1)})" if others else "")
    complaint = NewComplaint(
        channel=Channel(channel),
        received_at=_received_at(rng, received, channel, profile),
        summary=summary,
        people=people,
        points=points,
        service_area=REPORTING_AREAS[area.name],
        desired_outcome=rng.choice(DESIRED_OUTCOMES),
        grounds_arose_on=grounds,
        advocacy_offered=kind in {ComplainantType.CHILD, ComplainantType.CARE_LEAVER},
    )
    content = CaseContent(
        complaint=complaint,
        area=area,
        themes=tuple(theme for theme, _ in chosen),
        advocate=advocate,
        needs_eligibility_decision=kind.needs_eligibility_decision,
        late_discretion=scenario.late_complaint,
        child_consent=older_child and kind in ON_BEHALF,
    )
    return content, complaint.received_at


def _feedback(
    rng: Random, scenario: Scenario, received: date, channel: str, profile: CouncilProfile
) -> tuple[CaseContent, datetime]:
    """A compliment, comment or suggestion: who it is from and what it says; no points."""
    if channel in {Channel.MP_OR_COUNCILLOR, Channel.OMBUDSMAN_REFERRAL, Channel.RECORDING}:
        channel = Channel.EMAIL
    area = weighted(rng, tuple((a, a.weight) for a in SERVICE_AREAS))
    text = rng.choice(COMPLIMENTS if scenario.kind is Kind.COMPLIMENT else COMMENTS)
    first, last = rng.choice(ADULT_FIRST_NAMES), rng.choice(SURNAMES)
    person = PersonDetails(
        role=PersonRole.COMPLAINANT, name=f"{first} {last}", **_contact(rng, first, last)
    )
    complaint = NewComplaint(
        channel=Channel(channel),
        received_at=_received_at(rng, received, channel, profile),
        summary=text,
        people=(person,),
        service_area=REPORTING_AREAS[area.name],
    )
    content = CaseContent(complaint, area, (), None, False, None)
    return content, complaint.received_at


def _people(
    rng: Random, kind: ComplainantType, area: ServiceArea, received: date, channel: str
) -> tuple[tuple[PersonDetails, ...], str | None]:
    """The complainant, the child the complaint is about, and any representative or advocate."""
    surname = rng.choice(SURNAMES)
    child_first = rng.choice(CHILD_FIRST_NAMES)
    advocate: str | None = None
    people: list[PersonDetails] = []

    if kind in {ComplainantType.CHILD, ComplainantType.CARE_LEAVER}:
        youngest, oldest = (11, 17) if kind is ComplainantType.CHILD else (18, 23)
        people.append(
            PersonDetails(
                role=PersonRole.COMPLAINANT,
                name=f"{child_first} {surname}",
                complainant_type=kind,
                date_of_birth=_date_of_birth(rng, received, youngest, oldest),
                **_contact(rng, child_first, surname),
            )
        )
        if rng.random() < 0.6:  # s.26A: most children who complain take up the offer
            advocate = rng.choice(usernames_in(Role.ADVOCATE))
            who = STAFF_BY_USERNAME[advocate]
            people.append(
                PersonDetails(
                    role=PersonRole.ADVOCATE,
                    name=who.full_name,
                    email=who.email,
                    relationship_to_child=f"Advocate from {ADVOCACY_PROVIDER}",
                )
            )
        return tuple(people), advocate

    child_age = (0, 17) if area.name != "Leaving care" else (16, 17)
    child = PersonDetails(
        role=PersonRole.CHILD,
        name=f"{child_first} {surname if rng.random() < 0.8 else rng.choice(SURNAMES)}",
        date_of_birth=_date_of_birth(rng, received, *child_age),
    )
    first = rng.choice(ADULT_FIRST_NAMES)
    relationship = rng.choice(RELATIONSHIPS.get(kind, ("Parent",)))
    if kind is ComplainantType.REPRESENTATIVE:
        # The eligible person is the parent; the representative writes for them.
        parent_first = rng.choice(ADULT_FIRST_NAMES)
        people.append(
            PersonDetails(
                role=PersonRole.COMPLAINANT,
                name=f"{parent_first} {surname}",
                complainant_type=ComplainantType.PARENT,
                relationship_to_child="Parent",
                **_contact(rng, parent_first, surname),
            )
        )
        if channel == Channel.MP_OR_COUNCILLOR:
            relationship = "Member of Parliament, writing for a constituent"
        rep_last = rng.choice(SURNAMES)
        people.append(
            PersonDetails(
                role=PersonRole.REPRESENTATIVE,
                name=f"{first} {rep_last}",
                complainant_type=kind,
                relationship_to_child=relationship,
                email=f"{first}.{rep_last}".lower().replace("'", "") + "@example.org",
            )
        )
    else:
        people.append(
            PersonDetails(
                role=PersonRole.COMPLAINANT,
                name=f"{first} {surname}",
                complainant_type=kind,
                relationship_to_child=relationship,
                **_contact(rng, first, surname),
            )
        )
    people.append(child)
    return tuple(people), advocate
