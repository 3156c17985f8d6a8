"""What the public side keeps of its own: forms in progress and their uploads, what was sent,
one-time tracking codes, rate-limit counts, late requests for the next stage, and information a
complainant adds later. Everything on a case itself is written by the case services."""

import uuid
from pathlib import PurePath

from django.db import models
from django.db.models import F

from redress.domain.workflow import Stage


class Journey(models.TextChoices):
    COMPLAINT = "complaint", "Complaint"
    YOUNG_PERSON = "young_person", "Young person's complaint"
    FEEDBACK = "feedback", "Compliment, comment or suggestion"


class Draft(models.Model):
    """A form the public has started but not sent. Its key is also the idempotency key of the
    submission it becomes: sending it twice finds the first submission."""

    key = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    journey = models.CharField(max_length=20, choices=Journey.choices)
    answers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.get_journey_display()} draft {self.key}"


def held_upload_path(upload: "HeldUpload", filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"intake/held/{upload.draft.key}/{uuid.uuid4().hex}{suffix}"


class HeldUpload(models.Model):
    """A file attached to a draft, stored before the form is sent so that sending cannot lose
    it. It moves onto the case as a document when the form is sent."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="uploads")
    file = models.FileField(upload_to=held_upload_path, max_length=200)
    name = models.CharField(max_length=200, help_text="The file's name on the sender's device")
    content_type = models.CharField(max_length=100)
    size_bytes = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.name


class Submission(models.Model):
    """A form as it was sent, and the case it created."""

    key = models.UUIDField(unique=True, help_text="The draft's key: a resent form finds this")
    journey = models.CharField(max_length=20, choices=Journey.choices)
    case = models.OneToOneField(
        "cases.Case", on_delete=models.PROTECT, related_name="online_submission"
    )
    answers = models.JSONField()
    submitted_at = models.DateTimeField()
    client = models.CharField(max_length=64, help_text="A keyed hash of the sender's address")

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"{self.get_journey_display()} {self.case}"


class TrackingCode(models.Model):
    """A one-time code emailed to a complainant. Only a keyed hash of the code is stored."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    email = models.EmailField()
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["case", "email", "created_at"])]

    def __str__(self) -> str:
        return f"Code for {self.case} sent {self.created_at:%Y-%m-%d %H:%M}"


class RateLimitHit(models.Model):
    """One counted action (a submission, a code request) from one client in one bucket."""

    bucket = models.CharField(max_length=32)
    key = models.CharField(max_length=64)
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["bucket", "key", "at"])]

    def __str__(self) -> str:
        return f"{self.bucket} {self.at:%Y-%m-%d %H:%M:%S}"


class LateStageRequestQuerySet(models.QuerySet["LateStageRequest"]):
    def awaiting_decision(self) -> "LateStageRequestQuerySet":
        """Requests whose case has not moved on since: no manager has decided them yet."""
        return self.filter(case__stage=F("from_stage"))


class LateStageRequest(models.Model):
    """A request for the next stage made after its window closed (domain.md §2.4).

    It is never refused by the system: it waits here, and on the case's timeline, for a
    manager's discretion decision (accept it with `case_take_action(REQUEST_STAGE2, ...,
    discretion=ACCEPT)`, dated `requested_on`, or refuse it as late, with reasons).
    """

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="late_stage_requests"
    )
    from_stage = models.CharField(max_length=32, choices=[(s.value, s.label) for s in Stage])
    action = models.CharField(max_length=40, help_text="The action a manager would take")
    requested_on = models.DateField()
    window_closed_on = models.DateField()
    reason = models.TextField(help_text="Why the complainant is unhappy with the response")
    why_now = models.TextField(help_text="Why the complainant is asking after the window closed")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = LateStageRequestQuerySet.as_manager()

    class Meta:
        ordering = ["requested_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case} late {self.action} on {self.requested_on}"


class ComplainantMessage(models.Model):
    """Information a complainant added to their case through "track my complaint"."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="complainant_messages"
    )
    text = models.TextField()
    received_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case} message on {self.received_on}"
