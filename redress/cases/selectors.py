"""Reads of cases. Every read starts from `cases_visible_to(user)`: access is never forgotten.

What the procedure's rules decide on (`case_facts`) is read in `redress.cases.facts`.
"""

from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import F, Prefetch, Q, QuerySet
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


def cases_visible_to(user: User, *, today: date | None = None) -> QuerySet[Case]:
    """Council staff see every case; external people only the cases they are appointed to now."""
    if not user.is_authenticated or not user.is_active:
        return Case.objects.none()
    if not user.is_external:
        return Case.objects.all()
    today = today or timezone.localdate()
    current = Appointment.objects.current_on(today).filter(person=user)
    return Case.objects.filter(pk__in=current.values("case_id"))


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


def search_cases(user: User, text: str, *, today: date) -> QuerySet[Case]:
    """Cases matching `text`: what the complaint is about, the start of a reference, or part of a
    person's name (case-insensitive). On PostgreSQL the words are a full-text search ranked by
    relevance, and each of the three matches is read from its own index (`case_summary_search`,
    the reference's, `caseperson_name_trgm` for text of three letters or more), then the cases
    are fetched by id; on SQLite, every word must appear in the summary."""
    text = text.strip()
    cases = cases_visible_to(user, today=today)
    by_person = CasePerson.objects.filter(name__icontains=text).order_by().values("case_id")
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        # The same expression as the GIN index `case_summary_search` (migration 0003).
        vector = SearchVector("summary", config="english")
        query = SearchQuery(text, config="english", search_type="websearch")
        by_words = Case.objects.annotate(search=vector).filter(search=query).values("pk")
        # References are issued in capitals (CSC-2026-00042): a plain prefix match uses the
        # reference's own index, where UPPER(reference) would read every case.
        by_reference = Case.objects.filter(reference__startswith=text.upper()).values("pk")
        # One IN over a UNION: PostgreSQL joins the matching ids to the cases by primary key.
        # Three ORed conditions would make it read every case and compute every summary's vector.
        matching = by_words.union(by_reference, by_person.values("case_id"))
        return (
            cases.filter(pk__in=matching)
            .annotate(rank=SearchRank(vector, query))
            .select_related("assigned_to")
            .order_by("-rank", "-received_on", "-pk")
        )
    words = Q()
    for word in text.split():
        words &= Q(summary__icontains=word)
    by_reference = Q(reference__iexact=text) | Q(reference__istartswith=text)
    return (
        cases.filter(words | by_reference | Q(pk__in=by_person))
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
