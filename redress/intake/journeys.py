"""The public journeys as ordered pages, and what each one sends to the case services.

A journey is a list of steps. Whether a step is asked depends on earlier answers (the consent
page only when someone complains for a child; "why now" only when the complaint is over the time
limit). Navigation follows one rule: a page can be visited once every page before it that applies
has been answered, and "Check your answers" sends the complainant to the first applicable page
still unanswered. Answers to pages that no longer apply are kept in the draft but never sent.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from redress.cases.models import Channel, ComplainantType, PersonRole
from redress.cases.services import NewComplaint, PersonDetails
from redress.domain.facts import Route
from redress.domain.service_areas import ServiceArea, procedure_for
from redress.intake import steps
from redress.intake.models import Journey as JourneyName
from redress.intake.steps import StepContext, StepForm

Answers = Mapping[str, Mapping[str, Any]]
SUMMARY_LENGTH = 300


@dataclass(frozen=True)
class Step:
    slug: str
    form: type[StepForm]
    applies: Callable[[StepContext], bool] = lambda context: True


@dataclass(frozen=True)
class Journey:
    name: JourneyName
    steps: tuple[Step, ...]
    # What the thing being sent is called: "complaint", "compliment, comment or suggestion"
    noun: str
    build: Callable[[StepContext, datetime], NewComplaint]
    uploads: bool = False

    def step(self, slug: str) -> Step | None:
        return next((step for step in self.steps if step.slug == slug), None)

    def applicable(self, context: StepContext) -> list[Step]:
        return [step for step in self.steps if step.applies(context)]

    def first_unanswered(self, context: StepContext) -> Step | None:
        return next(
            (step for step in self.applicable(context) if step.slug not in context.answers), None
        )

    def can_visit(self, slug: str, context: StepContext) -> bool:
        for step in self.applicable(context):
            if step.slug == slug:
                return True
            if step.slug not in context.answers:
                return False
        return False

    def next_after(self, slug: str, context: StepContext) -> Step | None:
        applicable = self.applicable(context)
        slugs = [step.slug for step in applicable]
        if slug not in slugs:
            return self.first_unanswered(context)
        index = slugs.index(slug)
        return applicable[index + 1] if index + 1 < len(applicable) else None

    def previous_before(self, slug: str, context: StepContext) -> Step | None:
        applicable = self.applicable(context)
        slugs = [step.slug for step in applicable]
        index = slugs.index(slug) if slug in slugs else len(slugs)
        return applicable[index - 1] if index > 0 else None


def summary_of(text: str) -> str:
    """A sentence or two for the case list: the start of what happened."""
    flat = " ".join(text.split())
    if len(flat) <= SUMMARY_LENGTH:
        return flat
    return flat[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"


CONSENT = {"yes": True, "no": False}


SAFE = {"yes": True, "no": False}


def _contact(context: StepContext, safe_step: str) -> dict[str, Any]:
    """The complainant's contact details and preferences, as `PersonDetails` fields."""
    methods = list(context.get("contact", "methods", []) or [])
    return {
        "email": (context.get("contact", "email") or "") if "email" in methods else "",
        "phone": (context.get("contact", "phone") or "") if "phone" in methods else "",
        "postal_address": (context.get("contact", "address") or "") if "post" in methods else "",
        "contact_methods": methods,
        "safe_to_contact": SAFE.get(context.get(safe_step, "safe") or ""),
        "safe_contact_details": context.get("safe-how", "safe_details") or "",
        "support_needs": _support_needs(context),
    }


def _support_needs(context: StepContext) -> str:
    """The support page's answers in one line for staff: formats, language, anything else."""
    labels = dict(steps.SupportForm.base_fields["formats"].choices)  # type: ignore[attr-defined]
    formats = [labels.get(value, value) for value in context.get("support", "formats", []) or []]
    language = context.get("support", "language") or ""
    parts = [
        f"Formats: {', '.join(formats)}" if formats else "",
        f"Language: {language}" if language else "",
        context.get("support", "other") or "",
    ]
    return ". ".join(part for part in parts if part)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def build_complaint(context: StepContext, received_at: datetime) -> NewComplaint:
    who = context.who
    young = context.is_young_person
    you = context.answers.get("about-you", {})
    complainant = PersonDetails(
        role=PersonRole.COMPLAINANT,
        name=you.get("name", ""),
        complainant_type=who,
        date_of_birth=_date(you.get("date_of_birth")) if young else None,
        relationship_to_child=(
            you.get("relationship") or you.get("role") or ""
            if who in (ComplainantType.SUFFICIENT_INTEREST, ComplainantType.REPRESENTATIVE)
            else ""
        )[:100],
        **_contact(context, safe_step="safe-contact"),
    )
    people = [complainant]
    if not young:
        child = context.answers.get("child", {})
        people.append(
            PersonDetails(
                role=PersonRole.CHILD,
                name=child.get("name", ""),
                date_of_birth=_date(child.get("date_of_birth")),
                consent_given=CONSENT.get(context.get("consent", "consent")),
            )
        )
    details = context.get("what-happened", "details", "")
    return NewComplaint(
        channel=Channel.ONLINE_FORM,
        received_at=received_at,
        summary=summary_of(details),
        people=people,
        points=[details],
        service_area=context.get("service", "area", ServiceArea.NOT_SURE),
        desired_outcome=context.get("outcome", "outcome", ""),
        grounds_arose_on=context.grounds_arose_on,
        advocacy_offered=young,
    )


def build_young_person(context: StepContext, received_at: datetime) -> NewComplaint:
    you = context.answers.get("you", {})
    details = context.get("whats-wrong", "details", "")
    return NewComplaint(
        channel=Channel.ONLINE_FORM,
        received_at=received_at,
        summary=summary_of(details),
        people=[
            PersonDetails(
                role=PersonRole.COMPLAINANT,
                name=you.get("name", ""),
                complainant_type=ComplainantType.CHILD,
                **_contact(context, safe_step="safe"),
            )
        ],
        points=[details],
        service_area=ServiceArea.NOT_SURE,
        desired_outcome=context.get("make-it-better", "outcome") or "",
        advocacy_offered=True,
    )


def build_feedback(context: StepContext, received_at: datetime) -> NewComplaint:
    kind = dict(steps.FEEDBACK_KINDS)[context.get("kind", "kind")].removeprefix("A ")
    message = context.get("message", "message", "")
    about = context.get("message", "about") or ""
    name = context.get("your-details", "name") or ""
    email = context.get("your-details", "email") or ""
    people = (
        [PersonDetails(role=PersonRole.COMPLAINANT, name=name or "Not given", email=email)]
        if name or email
        else []
    )
    summary = f"{kind.capitalize()}: {summary_of(message)}"
    if about:
        summary = f"{summary} (about {about})"
    return NewComplaint(
        channel=Channel.ONLINE_FORM,
        received_at=received_at,
        summary=summary,
        people=people,
    )


def _not_young(context: StepContext) -> bool:
    return not context.is_young_person


def _chose(step: str, name: str, value: str) -> Callable[[StepContext], bool]:
    return lambda context: context.get(step, name) == value


def _young_with_advocate(context: StepContext) -> bool:
    return context.is_young_person and context.get("advocate", "advocate") == "have"


COMPLAINT = Journey(
    name=JourneyName.COMPLAINT,
    noun="complaint",
    build=build_complaint,
    uploads=True,
    steps=(
        Step("who", steps.WhoForm),
        Step("about-you", steps.AboutYouForm),
        Step("child", steps.ChildForm, _not_young),
        Step("consent", steps.ConsentForm, _not_young),
        Step("service", steps.ServiceForm),
        Step("what-happened", steps.WhatHappenedForm),
        Step("when", steps.WhenForm),
        Step("when-date", steps.WhenDateForm, _chose("when", "when", "exact")),
        Step("when-month", steps.WhenMonthForm, _chose("when", "when", "roughly")),
        Step("why-now", steps.WhyNowForm, lambda context: context.is_late),
        Step("outcome", steps.OutcomeForm),
        Step("advocate", steps.AdvocateForm, lambda context: context.is_young_person),
        Step("your-advocate", steps.YourAdvocateForm, _young_with_advocate),
        Step("contact", steps.ContactForm),
        Step("safe-contact", steps.SafeContactForm),
        Step("safe-how", steps.SafeHowForm, _chose("safe-contact", "safe", "no")),
        Step("support", steps.SupportForm),
        Step("documents", steps.DocumentsDoneForm),
    ),
)

YOUNG_PERSON = Journey(
    name=JourneyName.YOUNG_PERSON,
    noun="complaint",
    build=build_young_person,
    steps=(
        Step("advocate", steps.YoungAdvocateForm),
        Step("your-advocate", steps.YourAdvocateForm, _chose("advocate", "advocate", "have")),
        Step("you", steps.YoungAboutYouForm),
        Step("whats-wrong", steps.WhatsWrongForm),
        Step("make-it-better", steps.MakeItBetterForm),
        Step("contact", steps.YoungContactForm),
        Step("safe", steps.YoungSafeForm),
        Step("safe-how", steps.YoungSafeHowForm, _chose("safe", "safe", "no")),
    ),
)

FEEDBACK = Journey(
    name=JourneyName.FEEDBACK,
    noun="message",
    build=build_feedback,
    steps=(
        Step("kind", steps.FeedbackKindForm),
        Step("message", steps.FeedbackMessageForm),
        Step("your-details", steps.FeedbackContactForm),
    ),
)

JOURNEYS: dict[str, Journey] = {
    journey.name.value: journey for journey in (COMPLAINT, YOUNG_PERSON, FEEDBACK)
}


def expected_procedure(context: StepContext) -> Route:
    area = context.get("service", "area")
    return procedure_for(ServiceArea(area)) if area else Route.UNDECIDED


def advocate_choice(context: StepContext) -> str:
    step = "advocate"
    return str(context.get(step, "advocate") or "")


def contact_email(journey: Journey, context: StepContext) -> str:
    """Where the confirmation goes: only an email the complainant said we may use, safely."""
    if journey.name is JourneyName.FEEDBACK:
        return str(context.get("your-details", "email") or "")
    safe_step = "safe" if journey.name is JourneyName.YOUNG_PERSON else "safe-contact"
    contact = _contact(context, safe_step)
    return str(contact["email"]) if contact["safe_to_contact"] else ""
