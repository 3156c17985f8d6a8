"""The triage inbox: emails not yet recorded, contacts waiting for someone to say which case they
belong to, and cases not yet acknowledged, in one queue, oldest first, each with its
acknowledgement clock.

A case's clock is the one `case_receive` started. An email or a held contact has no case yet, so
its clock is worked out the same way (`redress.domain.receipt.receipt_dates`, the active profile,
deemed receipt included): the date shown is the date its case will get.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.urls import reverse
from django.utils import timezone

from redress.accounts.models import User
from redress.cases.models import PersonRole
from redress.casework.deadlines import Status, status_of
from redress.core.calendar import working_calendar
from redress.core.council import active_profile
from redress.domain.receipt import receipt_dates
from redress.mailbox.selectors import messages_awaiting_triage
from redress.triage.contact import Contact
from redress.triage.selectors import awaiting_acknowledgement, held_contacts


@dataclass(frozen=True)
class TriageRow:
    kind: str  # "email", "held" (a contact that may belong to an open case) or "case"
    title: str  # the subject, or the case reference
    href: str
    summary: str
    sender: str
    received_at: datetime | None
    received_on: date  # day 0
    acknowledge_by: date
    status: Status

    @property
    def arrived(self) -> datetime | None:
        """When it actually arrived, in local time (day 0 may be later, by deemed receipt)."""
        return timezone.localtime(self.received_at) if self.received_at else None

    @property
    def order(self) -> tuple[date, datetime, str]:
        at = self.received_at or timezone.make_aware(datetime.combine(self.received_on, time(0)))
        return (self.received_on, at, self.title)


def triage_rows(user: User, *, today: date) -> list[TriageRow]:
    calendar = working_calendar()
    profile = active_profile()
    rows: list[TriageRow] = []
    held_emails = set()
    for held in held_contacts():
        contact = Contact(held.answers)
        receipt = receipt_dates(contact.received_at, profile, calendar)
        held_emails.add(held.message_id)
        rows.append(
            TriageRow(
                kind="held",
                title=f"Contact from {contact.complainant_name}",
                href=reverse("triage:duplicates", args=[held.pk]),
                summary=contact.summary,
                sender=f"{contact.complainant_name} ({contact.channel.label.lower()})",
                received_at=contact.received_at,
                received_on=receipt.received_on,
                acknowledge_by=receipt.acknowledge_by,
                status=status_of(receipt.acknowledge_by, today=today, calendar=calendar),
            )
        )
    for message in messages_awaiting_triage():
        if message.pk in held_emails:
            continue  # it is the held contact's row
        receipt = receipt_dates(message.received_at, profile, calendar)
        rows.append(
            TriageRow(
                kind="email",
                title=message.subject or "(no subject)",
                href=reverse("triage:message", args=[message.pk]),
                summary=message.body,
                sender=message.sender_name or message.sender,
                received_at=message.received_at,
                received_on=receipt.received_on,
                acknowledge_by=receipt.acknowledge_by,
                status=status_of(receipt.acknowledge_by, today=today, calendar=calendar),
            )
        )
    for clock in awaiting_acknowledgement(user):
        case = clock.case
        complainants = [p.name for p in case.people.all() if p.role == PersonRole.COMPLAINANT]
        due = clock.effective_due_date
        rows.append(
            TriageRow(
                kind="case",
                title=case.reference,
                href=reverse("casework:case", args=[case.reference]),
                summary=case.summary,
                sender=", ".join(complainants),
                received_at=case.received_at,
                received_on=case.received_on,
                acknowledge_by=due,
                status=status_of(due, today=today, calendar=calendar),
            )
        )
    return sorted(rows, key=lambda row: row.order)


KIND_NOUNS = {
    "email": ("email", "emails"),
    "held": ("contact that may belong to an open case", "contacts that may belong to an open case"),
    "case": ("case", "cases"),
}


def waiting_summary(rows: list[TriageRow]) -> str:
    """ "3 waiting: 1 email and 2 cases." """
    parts = []
    for kind, (one, many) in KIND_NOUNS.items():
        count = sum(1 for row in rows if row.kind == kind)
        if count:
            parts.append(f"{count} {one if count == 1 else many}")
    if not parts:
        return "Nothing is waiting."
    listed = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
    return f"{len(rows)} waiting: {listed}."
