"""Recommendations, action plans, remedies and the Ombudsman (domain.md §2.7, §4.2)."""

from django.conf import settings
from django.db import models

from redress.cases.models.choices import choices_of
from redress.domain.ombudsman import OmbudsmanDecision


class Recommendation(models.Model):
    class Source(models.TextChoices):
        INVESTIGATING_OFFICER = "investigating_officer", "Investigating officer (stage 2)"
        REVIEW_PANEL = "review_panel", "Review panel (stage 3)"
        OMBUDSMAN = "ombudsman", "Ombudsman"
        STAGE1 = "stage1", "Stage 1 response"

    class Decision(models.TextChoices):
        PENDING = "pending", "Awaiting the council's decision"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="recommendations")
    point = models.ForeignKey(
        "cases.ComplaintPoint", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(max_length=24, choices=Source.choices)
    text = models.TextField()
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decision_reasons = models.TextField(blank=True, help_text="Required when rejected")
    decided_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["case", "pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.text[:60]}"


class ActionPlanItem(models.Model):
    """An action the council commits to, from a recommendation or a stage response."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        COMPLETE = "complete", "Complete"

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="action_plan")
    recommendation = models.ForeignKey(
        Recommendation, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    evidence = models.TextField(blank=True)
    learning_theme = models.CharField(max_length=60, blank=True)
    practice_change = models.TextField(blank=True, help_text='"You said, we did"')

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = "action"
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.case}: {self.description[:60]}"


class OmbudsmanReferral(models.Model):
    class Kind(models.TextChoices):
        ENQUIRY = "enquiry", "Enquiry"
        PREMATURE = "premature", "Premature referral back to the council"

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="ombudsman_referrals"
    )
    ombudsman_reference = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    received_on = models.DateField()
    decision = models.CharField(max_length=32, choices=choices_of(OmbudsmanDecision), blank=True)
    decided_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["received_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case} Ombudsman {self.ombudsman_reference or self.kind}"


class Remedy(models.Model):
    class Kind(models.TextChoices):
        APOLOGY = "apology", "Apology"
        SERVICE = "service", "Service provided or reassessment"
        PAYMENT = "payment", "Payment"
        PRACTICE = "practice", "Service improvement"

    class PaymentReason(models.TextChoices):
        TIME_AND_TROUBLE = "time_and_trouble", "Time and trouble"
        DISTRESS = "distress", "Distress"
        LOSS_OF_SERVICE = "loss_of_service", "Loss of service"
        DELAY = "delay", "Delay"

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="remedies")
    referral = models.ForeignKey(
        OmbudsmanReferral, null=True, blank=True, on_delete=models.SET_NULL, related_name="remedies"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    amount_pence = models.PositiveIntegerField(null=True, blank=True)
    payment_reason = models.CharField(max_length=20, choices=PaymentReason.choices, blank=True)
    due_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["case", "pk"]
        verbose_name_plural = "remedies"

    def __str__(self) -> str:
        return f"{self.case}: {self.get_kind_display()}"
