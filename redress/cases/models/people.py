"""People on a case (domain.md §1.1): the complainant, the child, a representative or advocate."""

from django.conf import settings
from django.db import models

from redress.cases.models.choices import choices_of
from redress.domain.facts import Discretion


class PersonRole(models.TextChoices):
    COMPLAINANT = "complainant", "Complainant"
    CHILD = "child", "Child or young person"
    REPRESENTATIVE = "representative", "Representative"
    ADVOCATE = "advocate", "Advocate"


class ComplainantType(models.TextChoices):
    """Who may complain, and on what basis (s.26(3), (3B), (3C), s.24D Children Act 1989)."""

    CHILD = "child", "The child or young person"
    PARENT = "parent", "A parent"
    PR_HOLDER = "pr_holder", "Someone with parental responsibility"
    LA_FOSTER_CARER = "la_foster_carer", "A local authority foster carer"
    CARE_LEAVER = "care_leaver", "A care leaver"
    SPECIAL_GUARDIAN = "special_guardian", "A special guardian"
    SGO_CHILD = "sgo_child", "A child subject to a special guardianship order"
    SGO_PARENT = "sgo_parent", "A parent of a child subject to a special guardianship order"
    SGS_APPLICANT = "sgs_applicant", "An applicant for special guardianship support"
    ADOPTION = "adoption", "Someone affected by adoption"
    SUFFICIENT_INTEREST = "sufficient_interest", "Someone with sufficient interest in the child"
    REPRESENTATIVE = "representative", "Someone acting on behalf of an eligible person"

    @property
    def needs_eligibility_decision(self) -> bool:
        return self in {ComplainantType.SUFFICIENT_INTEREST, ComplainantType.REPRESENTATIVE}


class CasePerson(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="people")
    role = models.CharField(max_length=20, choices=PersonRole.choices)
    complainant_type = models.CharField(max_length=24, choices=ComplainantType.choices, blank=True)
    name = models.CharField(max_length=200)
    date_of_birth = models.DateField(null=True, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    postal_address = models.TextField(blank=True)
    social_care_id = models.CharField(max_length=40, blank=True, verbose_name="social care ID")
    relationship_to_child = models.CharField(max_length=100, blank=True)
    # How to reach them (domain.md §8): the ways they chose, whether that is safe, and what would
    # help them take part (formats, a language, other reasonable adjustments).
    contact_methods = models.JSONField(
        default=list,
        blank=True,
        help_text="The ways they asked to be contacted (email, phone, post)",
    )
    safe_to_contact = models.BooleanField(null=True, blank=True)
    safe_contact_details = models.TextField(
        blank=True, help_text="How to contact them safely, when contact is not always safe"
    )
    support_needs = models.TextField(
        blank=True, help_text="Formats, a language other than English, other help they need"
    )
    # Consent of the child where someone else complains for them (domain.md §1.1)
    consent_given = models.BooleanField(null=True, blank=True)
    consent_recorded_on = models.DateField(null=True, blank=True)
    # Sufficient-interest or representative eligibility decision, made as soon as possible
    eligibility_decision = models.CharField(
        max_length=10, choices=choices_of(Discretion), blank=True
    )
    eligibility_reasons = models.TextField(blank=True)
    eligibility_decided_on = models.DateField(null=True, blank=True)
    eligibility_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["case", "pk"]
        verbose_name = "person on a case"

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"
