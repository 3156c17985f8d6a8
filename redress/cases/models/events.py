"""The case's history: one immutable event for every step of the procedure."""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models


class ImmutableEventError(Exception):
    pass


class CaseEventQuerySet(models.QuerySet["CaseEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise ImmutableEventError("Case events are never changed")

    def delete(self) -> NoReturn:
        raise ImmutableEventError("Case events are never deleted")


class CaseEvent(models.Model):
    """Who did what to a case, when, and what it changed. Written once, never altered."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    on = models.DateField(help_text="The date the action took effect (may be earlier than `at`)")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=40)
    from_stage = models.CharField(max_length=32, blank=True)
    to_stage = models.CharField(max_length=32, blank=True)
    details = models.JSONField(default=dict, blank=True)

    objects = CaseEventQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["case", "at"]), models.Index(fields=["action", "on"])]

    def __str__(self) -> str:
        return f"{self.case} {self.action} on {self.on}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableEventError("Case events are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ImmutableEventError("Case events are never deleted")
