"""Reads for the letters screens. Cases are always reached through `cases_visible_to(user)`."""

from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from redress.accounts.models import User
from redress.cases.models import Case, CaseEvent
from redress.cases.selectors import cases_visible_to
from redress.letters.models import Delivery, Letter, LetterTemplate, LetterTemplateVersion

LETTER_EVENTS = (
    "send_letter",
    "post_letter",
    "letter_delivered",
    "letter_delivery_failed",
    "letter_delivery_retrying",
    "letter_delivery_retry_requested",
)
# A waiting email this long past its next try has lost its background task: staff should look.
STUCK_AFTER = timedelta(hours=1)


def case_for(user: User, reference: str) -> Case:
    return cases_visible_to(user).get(reference=reference)


def letters_on(case: Case) -> QuerySet[Letter]:
    return case.letters.select_related("template_version", "document", "prepared_by", "sent_by")


def letter_for(user: User, letter_id: int) -> Letter:
    visible = cases_visible_to(user)
    return Letter.objects.select_related("case", "template_version", "document").get(
        pk=letter_id, case__in=visible
    )


def deliveries_on(case: Case) -> QuerySet[Delivery]:
    return case.deliveries.prefetch_related("attempt_log").select_related("letter")


def letter_events(case: Case) -> QuerySet[CaseEvent]:
    return case.events.filter(action__in=LETTER_EVENTS).order_by("at", "pk")


def deliveries_needing_attention(user: User) -> QuerySet[Delivery]:
    """Emails that failed for good, or are still waiting: what staff must not lose sight of."""
    visible = cases_visible_to(user)
    return (
        Delivery.objects.filter(status__in=[Delivery.Status.FAILED, Delivery.Status.PENDING])
        .filter(case__in=visible)
        .select_related("case", "letter")
        .order_by("status", "next_attempt_at", "pk")
    )


def is_stuck(delivery: Delivery) -> bool:
    return (
        delivery.status == Delivery.Status.PENDING
        and delivery.next_attempt_at is not None
        and delivery.next_attempt_at < timezone.now() - STUCK_AFTER
    )


def print_queue(user: User) -> QuerySet[Delivery]:
    visible = cases_visible_to(user)
    return (
        Delivery.objects.filter(status=Delivery.Status.AWAITING_PRINT, case__in=visible)
        .select_related("case", "letter", "letter__document")
        .order_by("created_at", "pk")
    )


def delivery_for(user: User, delivery_id: int) -> Delivery:
    return Delivery.objects.get(pk=delivery_id, case__in=cases_visible_to(user))


def templates() -> list[tuple[LetterTemplate, LetterTemplateVersion | None]]:
    found = {t.key: t for t in LetterTemplate.objects.prefetch_related("versions").order_by("key")}
    return [
        (t, max(t.versions.all(), key=lambda v: v.number, default=None)) for t in found.values()
    ]


def template_versions(key: str) -> QuerySet[LetterTemplateVersion]:
    return LetterTemplateVersion.objects.filter(template__key=key).select_related("created_by")
