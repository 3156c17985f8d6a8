"""Reads for triage: open cases a new contact may belong to, what waits for acknowledgement, and
the mailbox's messages. Cases are read from `cases_visible_to(user)`, as everywhere."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Replace

from redress.accounts.models import User
from redress.cases.models import Case, CasePerson, Clock, PersonRole
from redress.cases.selectors import cases_visible_to, open_cases
from redress.domain.rules import Rule
from redress.triage.contact import YOUNG_TYPES, Contact
from redress.triage.models import HeldContact

MOST_DUPLICATES = 10
PHONE_PUNCTUATION = (" ", "-", "(", ")")


def phone_digits(phone: str) -> set[str]:
    """The ways a UK number may be stored once spaces and brackets are gone: 01632 960 001 is
    also +441632960001."""
    bare = phone
    for mark in PHONE_PUNCTUATION:
        bare = bare.replace(mark, "")
    if not bare:
        return set()
    forms = {bare}
    if bare.startswith("0"):
        forms.add("+44" + bare[1:])
    elif bare.startswith("+44"):
        forms.add("0" + bare[3:])
    return forms


def _bare_phone() -> Replace:
    expression: Replace | str = "phone"
    for mark in PHONE_PUNCTUATION:
        expression = Replace(expression, Value(mark), Value(""))
    assert isinstance(expression, Replace)
    return expression


@dataclass(frozen=True)
class PossibleDuplicate:
    case: Case
    reasons: list[str]  # "the same child", "the same email address", ...


def _same_child(contact: Contact) -> Q | None:
    if not (contact.child_name and contact.child_born_on):
        return None
    is_child = Q(role=PersonRole.CHILD) | Q(
        role=PersonRole.COMPLAINANT, complainant_type__in=YOUNG_TYPES
    )
    return is_child & Q(name__iexact=contact.child_name, date_of_birth=contact.child_born_on)


def possible_duplicates(user: User, contact: Contact) -> list[PossibleDuplicate]:
    """Open cases about the same child (name and date of birth), or from the same complainant
    (email, phone or name), newest first, with what matched."""
    child = _same_child(contact)
    complainant = Q()
    phones = phone_digits(contact.phone)
    if contact.email:
        complainant |= Q(email__iexact=contact.email)
    if phones:
        complainant |= Q(bare_phone__in=phones)
    if contact.complainant_name:
        complainant |= Q(name__iexact=contact.complainant_name)
    matches = Q(pk__in=[])
    if child is not None:
        matches |= child
    if complainant:
        matches |= Q(role=PersonRole.COMPLAINANT) & complainant
    people = CasePerson.objects.annotate(bare_phone=_bare_phone()).filter(matches)
    cases = list(
        open_cases(cases_visible_to(user))
        .filter(pk__in=people.values("case_id"))
        .prefetch_related("people")
        .order_by("-received_on", "-pk")[:MOST_DUPLICATES]
    )
    return [PossibleDuplicate(case, _reasons(case, contact, phones)) for case in cases]


def _reasons(case: Case, contact: Contact, phones: set[str]) -> list[str]:
    reasons: list[str] = []

    def note(reason: str) -> None:
        if reason not in reasons:
            reasons.append(reason)

    for person in case.people.all():
        child_like = person.role == PersonRole.CHILD or (
            person.role == PersonRole.COMPLAINANT and person.complainant_type in YOUNG_TYPES
        )
        if (
            child_like
            and contact.child_born_on
            and person.date_of_birth == contact.child_born_on
            and person.name.casefold() == contact.child_name.casefold()
        ):
            note("the same child")
        if person.role != PersonRole.COMPLAINANT:
            continue
        if contact.email and person.email.casefold() == contact.email.casefold():
            note("the same email address")
        if phones and phone_digits(person.phone) & phones:
            note("the same phone number")
        if (
            contact.complainant_name
            and person.name.casefold() == contact.complainant_name.casefold()
        ):
            note("the same complainant's name")
    return reasons


def awaiting_acknowledgement(user: User) -> QuerySet[Clock]:
    """The running acknowledgement clocks of open cases, with their cases and people."""
    return (
        Clock.objects.running()
        .filter(rule=Rule.ACK, case__in=open_cases(cases_visible_to(user)))
        .select_related("case")
        .prefetch_related("case__people")
        .order_by("case__received_on", "case__received_at", "pk")
    )


def held_contact(held_id: int) -> HeldContact | None:
    """A contact waiting for someone in the complaints team to say which case it belongs to."""
    return HeldContact.objects.prefetch_related("files").filter(pk=held_id).first()


def held_contact_from(message_id: int) -> HeldContact | None:
    """The contact recorded from this email that is waiting for a decision, if there is one."""
    return (
        HeldContact.objects.select_related("recorded_by")  # the email's page names them
        .filter(message_id=message_id)
        .order_by("pk")
        .first()
    )


def held_contacts() -> QuerySet[HeldContact]:
    """Every contact still waiting for that decision, the longest waiting first."""
    return HeldContact.objects.order_by("created_at", "pk")
