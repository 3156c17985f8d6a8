"""Letters: versioned templates, letters prepared and sent, their deliveries, and reminders.

A sent letter is a record the council may have to produce years later (to the Ombudsman, in a
subject access request), so once sent it never changes: `Letter.save` refuses, and its PDF is also
stored as a case `Document`. Template versions are immutable too: editing a template adds a version.
"""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.db.models import Q


class ImmutableRecordError(Exception):
    pass


class LetterTemplate(models.Model):
    """One letter in the catalogue (`redress.letters.catalogue.LETTERS`), with its versions."""

    key = models.CharField(max_length=60, unique=True)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class LetterTemplateVersion(models.Model):
    template = models.ForeignKey(LetterTemplate, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    subject = models.CharField(max_length=300)
    body = models.TextField(help_text="HTML with merge fields, rendered in a sandbox")
    note = models.CharField(max_length=300, blank=True, help_text="What changed and why")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["template", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="one_template_version")
        ]

    def __str__(self) -> str:
        return f"{self.template.key} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableRecordError("A template version is never changed: add a new version")
        super().save(*args, **kwargs)


class CorrespondencePreference(models.Model):
    """How the complainant wants to hear from the council (the case has no such field)."""

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        POST = "post", "Post"

    class Format(models.TextChoices):
        STANDARD = "standard", "Standard"
        LARGE_PRINT = "large_print", "Large print"

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="correspondence_preference"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    format = models.CharField(max_length=12, choices=Format.choices, default=Format.STANDARD)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.case}: {self.get_channel_display()}, {self.get_format_display()}"


class Letter(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SENT = "sent", "Sent"
        DISCARDED = "discarded", "Discarded"

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="letters")
    key = models.CharField(max_length=60)
    template_version = models.ForeignKey(
        LetterTemplateVersion, on_delete=models.PROTECT, related_name="letters"
    )
    stage = models.CharField(max_length=32, help_text="The case's stage when it was prepared")
    recipient_role = models.CharField(max_length=32)
    recipient_name = models.CharField(max_length=200)
    recipient_email = models.EmailField(blank=True)
    recipient_address = models.TextField(blank=True)
    channel = models.CharField(max_length=10, choices=CorrespondencePreference.Channel.choices)
    format = models.CharField(max_length=12, choices=CorrespondencePreference.Format.choices)
    subject = models.CharField(max_length=300)
    body = models.TextField(help_text="The template body, as edited for this letter")
    edited = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    prepared_at = models.DateTimeField(auto_now_add=True)
    # Set once, when sent
    dated = models.DateField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    merge_values = models.JSONField(default=dict, blank=True)
    html = models.TextField(blank=True, help_text="The letter as printed (the PDF's source)")
    email_html = models.TextField(blank=True, help_text="The letter as the body of an email")
    text = models.TextField(blank=True, help_text="The plain-text version")
    document = models.ForeignKey(
        "cases.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-prepared_at", "-pk"]
        indexes = [models.Index(fields=["case", "status"])]

    def __str__(self) -> str:
        return f"{self.case} {self.key} ({self.status})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and Letter.objects.filter(pk=self.pk, status="sent").exists():
            raise ImmutableRecordError("A sent letter is never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ImmutableRecordError("Letters are never deleted: discard a draft instead")


class Delivery(models.Model):
    """Getting one message to one address: a letter by email or post, or a staff reminder."""

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        POST = "post", "Post"
        STAFF_EMAIL = "staff_email", "Email to staff"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to send"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed: needs attention"
        AWAITING_PRINT = "awaiting_print", "Waiting to be printed and posted"
        POSTED = "posted", "Posted"

    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="deliveries"
    )
    letter = models.ForeignKey(
        Letter, null=True, blank=True, on_delete=models.PROTECT, related_name="deliveries"
    )
    channel = models.CharField(max_length=12, choices=Channel.choices)
    to_address = models.TextField()
    subject = models.CharField(max_length=300)
    text = models.TextField(blank=True, help_text="Staff messages: the plain-text body")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    transport = models.CharField(max_length=20, blank=True)
    provider_reference = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "deliveries"
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} to {self.to_address[:40]} ({self.status})"


class DeliveryAttempt(models.Model):
    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveSmallIntegerField()
    at = models.DateTimeField()
    transport = models.CharField(max_length=20)
    succeeded = models.BooleanField()
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["delivery", "number"]
        constraints = [
            models.UniqueConstraint(fields=["delivery", "number"], name="one_attempt_number")
        ]

    def __str__(self) -> str:
        return f"{self.delivery} attempt {self.number}"


class Reminder(models.Model):
    """One reminder the sweep sent to one person. Unique, so a second sweep sends nothing again."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", "Deadline coming up"
        BREACHED = "breached", "Deadline missed"
        BREACH_FOR_MANAGER = "breach_for_manager", "Deadline missed (complaints manager)"
        ACTION_DUE_SOON = "action_due_soon", "Action coming due"
        ACTION_OVERDUE = "action_overdue", "Action overdue"
        DEFERRAL_REVIEW = "deferral_review", "Deferral due for review"
        AUTO_CLOSED = "auto_closed", "Closed after the escalation window"

    key = models.CharField(max_length=200, help_text="What is being reminded about, and when")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    clock = models.ForeignKey(
        "cases.Clock", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action_item = models.ForeignKey(
        "cases.ActionPlanItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_on = models.DateField(null=True, blank=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recipient_email = models.EmailField(blank=True)
    swept_on = models.DateField()
    text = models.TextField()
    delivery = models.ForeignKey(
        Delivery, null=True, blank=True, on_delete=models.SET_NULL, related_name="reminders"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-swept_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["key", "recipient_email"], name="one_reminder_each")
        ]
        indexes = [
            models.Index(fields=["swept_on"]),
            models.Index(fields=["clock", "kind", "due_on"], name="reminder_about_clock"),
            models.Index(fields=["action_item", "kind", "due_on"], name="reminder_about_action"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} to {self.recipient_email}"


# Running deliveries: what the sweep and the staff lists look at.
OPEN_DELIVERY = Q(status__in=[Delivery.Status.PENDING, Delivery.Status.FAILED])
