"""Documents on a case: letters, reports, recordings, evidence."""

from django.conf import settings
from django.db import models


def document_path(document: "Document", filename: str) -> str:
    return f"cases/{document.case.reference}/{filename}"


class Document(models.Model):
    class Kind(models.TextChoices):
        COMPLAINT = "complaint", "The complaint"
        EVIDENCE = "evidence", "Evidence from the complainant"
        LETTER = "letter", "Letter"
        INVESTIGATION_REPORT = "investigation_report", "Investigating officer's report"
        INDEPENDENT_PERSON_REPORT = "independent_person_report", "Independent person's report"
        ADJUDICATION = "adjudication", "Adjudication"
        PANEL_REPORT = "panel_report", "Review panel report"
        OTHER = "other", "Other"

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=document_path)
    content_type = models.CharField(max_length=100)
    size_bytes = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title
