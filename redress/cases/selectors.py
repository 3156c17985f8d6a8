"""Reads of cases. Every read starts from `cases_visible_to(user)`: access is never forgotten.

What the procedure's rules decide on (`case_facts`) is read in `redress.cases.facts`.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import (
    CharField,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Coalesce, Replace, Upper
from django.utils import timezone

from redress.accounts.models import Appointment, User
from redress.cases.models import (
    ActionPlanItem,
    Case,
    CaseEvent,
    CaseNote,
    CasePerson,
    CaseView,
    Clock,
    ComplaintPoint,
)
from redress.cases.models.case import FINISHED_STAGE_VALUES
from redress.domain.roles import EXTERNAL_ROLES, Role

# Staff roles that see every case (ADR 0011): the complaints team, the adjudicator, the director,
# and the oversight roles (auditor, administrator). A responding manager sees only the cases
# given to them or to one of their teams (issue 13 item 5, "Who sees what").
SEES_EVERY_CASE = frozenset(
    {
        Role.COMPLAINTS_MANAGER,
        Role.COMPLAINTS_OFFICER,
        Role.ADJUDICATING_OFFICER,
        Role.DIRECTOR,
        Role.AUDITOR,
        Role.ADMINISTRATOR,
    }
)


def cases_visible_to(user: User, *, today: date | None = None) -> QuerySet[Case]:
    """Who sees what. The complaints team, the adjudicator and the director (and the auditor and
    the administrator) see every case; a responding manager sees the cases assigned to them or to
    one of their teams, and any they are appointed to now; external people only the cases they
    are appointed to now."""
    if not user.is_authenticated or not user.is_active:
        return Case.objects.none()
    staff_roles = user.roles - EXTERNAL_ROLES if not user.is_external else frozenset()
    if not user.is_external and (staff_roles & SEES_EVERY_CASE or not staff_roles):
        return Case.objects.all()
    today = today or timezone.localdate()
    current = Appointment.objects.current_on(today).filter(person=user)
    appointed = Q(pk__in=current.values("case_id"))
    if user.is_external:
        return Case.objects.filter(appointed)
    # Each condition is read from its own index (`assigned_to`, `team`); the teams are a subquery.
    mine = Q(assigned_to=user) | Q(team__in=user.teams.values("pk"))
    return Case.objects.filter(mine | appointed)


def running_clocks(case: Case) -> QuerySet[Clock]:
    return case.clocks.running().order_by("pk")


def overdue_clocks(day: date) -> QuerySet[Clock]:
    return Clock.objects.overdue_on(day).select_related("case")


# --- Work queues, the case page, search and the audit log (issue 4) ----------------------------

QUEUE_SORTS = {
    "due": ("F_next_due", "pk"),
    "-due": ("-F_next_due", "-pk"),
    "received": ("received_on", "pk"),
    "-received": ("-received_on", "-pk"),
    "reference": ("reference",),
    "-reference": ("-reference",),
}


def open_cases(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Cases not yet finished (the same condition as the `case_open_due` partial index)."""
    return cases.exclude(stage__in=FINISHED_STAGE_VALUES)


@dataclass(frozen=True)
class QueueFilter:
    """One work queue and its filters, as the queue page's query string gives them."""

    view: str = "all"  # mine, team, unassigned, due, overdue, waiting, all
    stages: tuple[str, ...] = ()
    within_due: date | None = None  # for "due": the last day counted as due soon
    sort: str = "due"


def queue_for(user: User, queue: QueueFilter, *, today: date) -> QuerySet[Case]:
    """The cases in one work queue, sorted, with what the queue table shows joined in."""
    cases = cases_visible_to(user, today=today)
    if queue.view == "overdue":
        cases = cases.filter(next_due_on__lt=today)
    elif queue.view == "due":
        cases = cases.filter(next_due_on__gte=today, next_due_on__lte=queue.within_due or today)
    elif queue.view == "waiting":
        cases = cases.filter(waiting_until__isnull=False)
    else:
        cases = open_cases(cases)
        if queue.view == "mine":
            cases = cases.filter(assigned_to=user)
        elif queue.view == "team":
            cases = cases.filter(team__in=user.teams.all())
        elif queue.view == "unassigned":
            cases = cases.filter(assigned_to__isnull=True)
    if queue.stages:
        cases = cases.filter(stage__in=queue.stages)
    order = QUEUE_SORTS.get(queue.sort, QUEUE_SORTS["due"])
    ordering = [
        F("next_due_on").asc(nulls_last=True)
        if part == "F_next_due"
        else F("next_due_on").desc(nulls_last=True)
        if part == "-F_next_due"
        else part
        for part in order
    ]
    if queue.view == "waiting":
        ordering = [F("waiting_until").asc(), "pk"]
    return cases.select_related("assigned_to", "team").order_by(*ordering)


def queue_counts(user: User, *, today: date) -> dict[str, int]:
    """How many cases the headline queues hold: one small count each, each answered from its own
    index (a count of every open case would read them all; the queue page shows that total)."""
    cases = cases_visible_to(user, today=today)
    open_ = open_cases(cases)
    return {
        "mine": open_.filter(assigned_to=user).count(),
        "unassigned": open_.filter(assigned_to__isnull=True).count(),
        "overdue": cases.filter(next_due_on__lt=today).count(),
        "waiting": cases.filter(waiting_until__isnull=False).count(),
    }


def case_for_page(user: User, reference: str, *, today: date) -> Case | None:
    """One case with everything its page shows, in a fixed number of queries."""
    return (
        cases_visible_to(user, today=today)
        .select_related("assigned_to", "team")
        .prefetch_related(
            "people",
            Prefetch("points", queryset=ComplaintPoint.objects.prefetch_related("findings")),
            "clocks",
            Prefetch(
                "events", queryset=CaseEvent.objects.select_related("by").order_by("-at", "-pk")
            ),
            "documents",
            Prefetch("notes", queryset=CaseNote.objects.select_related("by")),
            Prefetch(
                "linked_cases", queryset=Case.objects.only("pk", "reference", "stage", "summary")
            ),
            Prefetch("appointments", queryset=Appointment.objects.select_related("person")),
            "recommendations",
            Prefetch("action_plan", queryset=ActionPlanItem.objects.select_related("owner")),
            "remedies",
            "ombudsman_referrals",
        )
        .filter(reference=reference)
        .first()
    )


def case_visible(user: User, reference: str, *, today: date) -> Case | None:
    return cases_visible_to(user, today=today).filter(reference=reference).first()


def appointed_roles(user: User, case: Case, *, today: date) -> list[str]:
    return list(
        case.appointments.current_on(today).filter(person=user).values_list("role", flat=True)
    )


# --- Search: what callers quote (issue 13 item 9, docs/adr/0017-search-what-callers-quote.md) ---

# Punctuation people put in a phone number: stripped from the stored number and the text alike.
_PHONE_PUNCTUATION = (" ", "-", "(", ")", ".", "+")
_PHONE_TEXT = re.compile(r"^[\d\s().+\-]+$")
# A UK national number has 9 or 10 digits after its leading 0: fewer is not a number to look up
# (and keeps "3 4 2015" or a part of a reference from matching someone's phone).
_PHONE_MIN_DIGITS = 9
_POSTCODE = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$", re.I)
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[\s/.\-]+(\d{1,2})[\s/.\-]+(\d{4})$")
_YEAR_MONTH_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_MONTHNAME_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


def stored_phone_digits(field: str = "phone") -> Replace:
    """The digits of a stored phone number: the same expression as `caseperson_phone_digits_trgm`
    (migration 0013). Triage's `_bare_phone` keeps the + for its exact match on whole numbers."""
    expression: Replace | F = F(field)
    for mark in _PHONE_PUNCTUATION:
        expression = Replace(expression, Value(mark), Value(""), output_field=CharField())
    assert isinstance(expression, Replace)
    return expression


def national_number(text: str) -> str | None:
    """The digits of a phone number after the country code or the leading 0 ("+44 7700 900 123",
    "(07700)900123" and "0044 7700 900123" are all 7700900123), or None if `text` is not one."""
    if not _PHONE_TEXT.match(text):
        return None
    digits = re.sub(r"\D", "", text)
    if text.lstrip().startswith("+") and digits.startswith("44"):
        digits = digits[2:]
    elif digits.startswith("0044"):
        digits = digits[4:]
    digits = digits.lstrip("0")  # the trunk 0, also when written "+44 (0)7700 ..."
    return digits if len(digits) >= _PHONE_MIN_DIGITS else None


def compact_postcode(text: str) -> str | None:
    """A UK postcode in capitals without spaces ("sw1a 1aa" is SW1A1AA), or None."""
    found = _POSTCODE.match(text)
    return (found.group(1) + found.group(2)).upper() if found else None


def date_typed(text: str) -> date | None:
    """A whole date as people type it, day first (UK): 3/4/2015, 03-04-2015, 3 4 2015, 2015-04-03,
    3 April 2015. A part of a date (3/4, April 2015) or a two-digit year is not one."""
    try:
        if found := _DAY_MONTH_YEAR.match(text):
            return date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
        if found := _YEAR_MONTH_DAY.match(text):
            return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        if (found := _DAY_MONTHNAME_YEAR.match(text)) and found.group(2).lower() in _MONTHS:
            month = _MONTHS[found.group(2).lower()]
            return date(int(found.group(3)), month, int(found.group(1)))
    except ValueError:  # 31/02/2015
        return None
    return None


def _people_matching_contact_details(text: str) -> list[QuerySet[CasePerson]]:
    """One query of people per kind of detail `text` is (a phone number, an email or part of one,
    a postcode, a date of birth), each read on PostgreSQL from its own index (migration 0013)."""
    people = CasePerson.objects.order_by()
    matches = []
    if number := national_number(text):
        matches.append(
            people.annotate(phone_digits=stored_phone_digits()).filter(
                phone_digits__endswith=number
            )
        )
    if " " not in text and len(text) >= 3:
        matches.append(people.filter(email__icontains=text))
    if postcode := compact_postcode(text):
        compacted = Upper(
            Replace(F("postal_address"), Value(" "), Value(""), output_field=TextField())
        )
        matches.append(
            people.annotate(compact_address=compacted).filter(compact_address__contains=postcode)
        )
    if born_on := date_typed(text):
        matches.append(people.filter(date_of_birth=born_on))
    return matches


def search_cases(user: User, text: str, *, today: date) -> QuerySet[Case]:
    """Cases matching `text`: what the complaint is about, part of a reference, part of a person's
    name, or what a caller quotes of a person (a phone number however spaced, an email or part of
    it, a postcode, a date of birth). On PostgreSQL the words are a full-text search, names also
    match by trigram similarity ("Jon Smyth" finds John Smith), ranked by both; each match is read
    from its own index and the cases are fetched by id from their UNION (ADR 0015, ADR 0017). On
    SQLite, every word must appear in the summary, or every word in one person's name."""
    text = text.strip()
    cases = cases_visible_to(user, today=today)
    contact_details = _people_matching_contact_details(text)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.lookups import TrigramSimilar
        from django.contrib.postgres.search import (
            SearchQuery,
            SearchRank,
            SearchVector,
            TrigramSimilarity,
        )

        # The same expression as the GIN index `case_summary_search` (migration 0003).
        vector = SearchVector("summary", config="english")
        query = SearchQuery(text, config="english", search_type="websearch")
        by_words = Case.objects.annotate(search=vector).filter(search=query).values("pk")
        # References are issued in capitals (CSC-2026-00042): part of one is read from the
        # reference's trigram index (three characters or more), a shorter start from its B-tree.
        reference = text.upper()
        if len(reference) >= 3:
            by_reference = Case.objects.filter(reference__contains=reference).values("pk")
        else:
            by_reference = Case.objects.filter(reference__startswith=reference).values("pk")
        # Both name matches read `caseperson_name_trgm` (pg_trgm ignores case for `%`).
        people = CasePerson.objects.order_by()
        upper_name = Upper("name")
        by_name = people.filter(name__icontains=text).values("case_id")
        by_likeness = people.filter(TrigramSimilar(upper_name, Value(reference))).values("case_id")
        # One IN over a UNION: PostgreSQL joins the matching ids to the cases by primary key.
        # ORed conditions would make it read every case and compute every summary's vector.
        matching = by_words.union(
            by_reference, by_name, by_likeness, *(m.values("case_id") for m in contact_details)
        )
        likeness = Subquery(
            CasePerson.objects.filter(case=OuterRef("pk"))
            .annotate(similarity=TrigramSimilarity(upper_name, reference))
            .order_by("-similarity")
            .values("similarity")[:1]
        )
        return (
            cases.filter(pk__in=matching)
            .annotate(rank=SearchRank(vector, query) + Coalesce(likeness, 0.0))
            .select_related("assigned_to")
            .order_by("-rank", "-received_on", "-pk")
        )
    words = Q()
    every_word_in_name = Q()
    for word in text.split():
        words &= Q(summary__icontains=word)
        every_word_in_name &= Q(name__icontains=word)
    people_ids = CasePerson.objects.filter(every_word_in_name).order_by().values("case_id")
    for match in contact_details:
        people_ids = people_ids.union(match.values("case_id"))
    return (
        cases.filter(words | Q(reference__icontains=text) | Q(pk__in=people_ids))
        .select_related("assigned_to")
        .order_by("-received_on", "-pk")
    )


def audit_log(*, since: date | None = None, until: date | None = None) -> list[dict[str, object]]:
    """Every change (case events) and every view (the access log), oldest first, for the auditor."""
    events = CaseEvent.objects.select_related("case", "by").order_by("at", "pk")
    views = CaseView.objects.select_related("case", "by").order_by("at", "pk")
    if since:
        events, views = events.filter(at__date__gte=since), views.filter(at__date__gte=since)
    if until:
        events, views = events.filter(at__date__lte=until), views.filter(at__date__lte=until)
    rows: list[dict[str, object]] = [
        {
            "at": e.at,
            "case": e.case.reference,
            "by": e.by,
            "kind": "change",
            "what": e.action,
            "from_stage": e.from_stage,
            "to_stage": e.to_stage,
            "details": e.details,
        }
        for e in events.iterator(chunk_size=2000)
    ]
    rows += [
        {
            "at": v.at,
            "case": v.case.reference,
            "by": v.by,
            "kind": "view",
            "what": "viewed",
            "from_stage": "",
            "to_stage": "",
            "details": {"path": v.path},
        }
        for v in views.iterator(chunk_size=2000)
    ]
    rows.sort(key=lambda row: row["at"])  # type: ignore[arg-type, return-value]
    return rows
