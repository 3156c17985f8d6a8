"""A new complaint, compliment or comment comes in: its reference, people, points, first clock."""

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from redress.accounts.models import User
from redress.cases.models import (
    Case,
    CasePerson,
    Channel,
    Clock,
    ComplaintPoint,
    ReferenceSequence,
)
from redress.cases.services._base import _event
from redress.core.calendar import working_calendar
from redress.core.council import active_profile
from redress.domain.calendar_limits import is_late
from redress.domain.profiles import CouncilProfile
from redress.domain.receipt import receipt_dates
from redress.domain.rules import Rule
from redress.domain.workflow import (
    Anchor,
)


@dataclass(frozen=True)
class PersonDetails:
    role: str
    name: str
    complainant_type: str = ""
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    date_of_birth: date | None = None
    relationship_to_child: str = ""
    consent_given: bool | None = None
    contact_methods: Sequence[str] = ()
    safe_to_contact: bool | None = None
    safe_contact_details: str = ""
    support_needs: str = ""


@dataclass(frozen=True)
class NewComplaint:
    channel: Channel
    received_at: datetime
    summary: str
    people: Sequence[PersonDetails] = ()
    points: Sequence[str] = ()
    service_area: str = ""
    desired_outcome: str = ""
    grounds_arose_on: date | None = None
    advocacy_offered: bool = False


def _next_reference(year: int) -> str:
    sequence, _ = ReferenceSequence.objects.select_for_update().get_or_create(year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"CSC-{year}-{sequence.last_number:05d}"


@transaction.atomic
def case_receive(
    *, complaint: NewComplaint, by: User | None = None, profile: CouncilProfile | None = None
) -> Case:
    """Record a new complaint, compliment or comment and start its acknowledgement clock, under
    the deployment's council profile unless another is given (a rehearsal of another council)."""
    profile = profile or active_profile()
    calendar = working_calendar()
    received_at = timezone.localtime(complaint.received_at)
    receipt = receipt_dates(received_at, profile, calendar)
    received_on, ack_days, ack_due = (
        receipt.received_on,
        receipt.acknowledgement_working_days,
        receipt.acknowledge_by,
    )
    late = complaint.grounds_arose_on is not None and is_late(
        complaint.grounds_arose_on,
        received_on,
        profile.time_limit.months,
        profile.time_limit.leap_day,
    )
    case = Case.objects.create(
        reference=_next_reference(received_on.year),
        next_due_on=ack_due,
        next_due_rule=Rule.ACK,
        profile=profile.slug,
        received_on=received_on,
        received_at=received_at,
        channel=complaint.channel,
        summary=complaint.summary,
        service_area=complaint.service_area,
        desired_outcome=complaint.desired_outcome,
        grounds_arose_on=complaint.grounds_arose_on,
        late=late,
        advocacy_offered=complaint.advocacy_offered,
    )
    for person in complaint.people:
        details = asdict(person)
        details["contact_methods"] = list(person.contact_methods)
        CasePerson.objects.create(case=case, **details)
    for number, summary in enumerate(complaint.points, start=1):
        ComplaintPoint.objects.create(case=case, number=number, summary=summary)
    Clock.objects.create(
        case=case,
        rule=Rule.ACK,
        anchor_type=Anchor.RECEIVED,
        anchor_date=received_on,
        working_days=ack_days,
        due_date=ack_due,
    )
    _event(case, action="receive", on=received_on, by=by, channel=complaint.channel, late=late)
    return case
