"""Case notes, and the access log: who opened which case, and when (issue 4, item 6).

Views are kept apart from `CaseEvent` on purpose: a busy case is opened hundreds of times, and the
timeline must stay a readable history of what was done. The auditor sees both in the export.
"""

from django.conf import settings
from django.db import models


class CaseNote(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="notes")
    text = models.TextField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["case", "at"])]

    def __str__(self) -> str:
        return f"{self.case} note {self.at:%Y-%m-%d}"


class CaseView(models.Model):
    """One opening of a case page (or a download from it) by a signed-in person."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="views")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    path = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["case", "at"]), models.Index(fields=["at"])]

    def __str__(self) -> str:
        return f"{self.by} viewed {self.case} at {self.at:%Y-%m-%d %H:%M}"
