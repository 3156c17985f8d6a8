"""Staff screens for letters: prepare, preview, edit and send; templates; the print queue and
emails needing attention. Complaints team only (template editing: the complaints manager)."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from redress.accounts.access import forbidden, local_today, staff_view
from redress.domain.roles import Role
from redress.domain.workflow import Stage
from redress.letters import selectors, services
from redress.letters.catalogue import LETTERS, letters_for_stage
from redress.letters.forms import LetterForm, PreferenceForm, PrepareForm, TemplateForm
from redress.letters.merge import FIELDS
from redress.letters.rendering import LetterError, letter_pdf
from redress.letters.services import TemplateProblems

COMPLAINTS_TEAM = frozenset({Role.COMPLAINTS_MANAGER, Role.COMPLAINTS_OFFICER})
MANAGER = frozenset({Role.COMPLAINTS_MANAGER})
View = Callable[..., HttpResponse]


def letters_view(roles: frozenset[Role]) -> Callable[[View], View]:
    """Signed in with both factors, a complaints-team role, and from inside the council."""

    def decorator(view: View) -> View:
        @wraps(view)
        def inside_only(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.user.is_external:
                return forbidden(request)
            try:
                return view(request, *args, **kwargs)
            except ObjectDoesNotExist:
                raise Http404("No such letter, case or delivery") from None

        return staff_view(roles)(inside_only)

    return decorator


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


@letters_view(COMPLAINTS_TEAM)
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "letters/index.html",
        {
            "templates": selectors.templates(),
            "kinds": LETTERS,
            "print_count": selectors.print_queue(request.user).count(),
            "attention_count": selectors.deliveries_needing_attention(request.user).count(),
        },
    )


@letters_view(COMPLAINTS_TEAM)
@require_safe
def template_detail(request: HttpRequest, key: str) -> HttpResponse:
    kind = LETTERS.get(key)
    if kind is None:
        raise Http404("No such letter")
    versions = list(selectors.template_versions(key))
    return render(
        request,
        "letters/template.html",
        {"kind": kind, "versions": versions, "current": versions[0] if versions else None,
         "can_edit": bool(request.user.roles & MANAGER)},
    )  # fmt: skip


@letters_view(MANAGER)
@require_http_methods(["GET", "POST"])
def template_edit(request: HttpRequest, key: str) -> HttpResponse:
    kind = LETTERS.get(key)
    if kind is None:
        raise Http404("No such letter")
    current = services.template_current(key)
    form = TemplateForm(
        _posted(request), initial={"subject": current.subject, "body": current.body}
    )
    if form.is_valid():
        try:
            version = services.letter_template_save(key=key, by=request.user, **form.cleaned_data)
        except TemplateProblems as refused:
            for problem in refused.problems:
                form.add_error("body", problem)
        else:
            messages.success(request, f"Saved version {version.number} of the {kind.title} letter")
            return redirect("letters:template", key=key)
    return render(
        request, "letters/template_edit.html", {"kind": kind, "form": form, "fields": FIELDS}
    )


def _case_page(request: HttpRequest, case: Any, **forms: Any) -> HttpResponse:
    kinds = letters_for_stage(Stage(case.stage))
    channel, format = services.preference_for(case)
    context = {
        "case": case,
        "letters": selectors.letters_on(case),
        "deliveries": selectors.deliveries_on(case),
        "prepare_form": forms.get("prepare_form") or PrepareForm(kinds=kinds),
        "preference_form": forms.get("preference_form")
        or PreferenceForm(initial={"channel": channel, "format": format}),
        "kinds": kinds,
        "form": forms.get("prepare_form") or forms.get("preference_form"),
    }
    return render(request, "letters/case.html", context)


@letters_view(COMPLAINTS_TEAM)
@require_safe
def case_letters(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_page(request, selectors.case_for(request.user, reference))


@letters_view(COMPLAINTS_TEAM)
@require_POST
def prepare(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.case_for(request.user, reference)
    form = PrepareForm(request.POST, kinds=letters_for_stage(Stage(case.stage)))
    if form.is_valid():
        try:
            letter = services.letter_prepare(
                case_id=case.pk, key=form.cleaned_data["key"], by=request.user, today=local_today()
            )
        except LetterError as refused:
            form.add_error("key", str(refused))
        else:
            return redirect("letters:letter", pk=letter.pk)
    return _case_page(request, case, prepare_form=form)


@letters_view(COMPLAINTS_TEAM)
@require_POST
def preference(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.case_for(request.user, reference)
    form = PreferenceForm(request.POST)
    if form.is_valid():
        services.preference_set(case_id=case.pk, by=request.user, on=local_today(),
                                **form.cleaned_data)  # fmt: skip
        messages.success(request, "Saved how the complainant wants letters")
        return redirect("letters:case", reference=case.reference)
    return _case_page(request, case, preference_form=form)


@letters_view(COMPLAINTS_TEAM)
@require_http_methods(["GET", "POST"])
def letter(request: HttpRequest, pk: int) -> HttpResponse:
    letter = selectors.letter_for(request.user, pk)
    form = LetterForm(
        _posted(request),
        initial={"subject": letter.subject, "body": letter.body, "channel": letter.channel,
                 "format": letter.format},
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            services.letter_edit(letter_id=letter.pk, by=request.user, today=local_today(),
                                 **form.cleaned_data)  # fmt: skip
        except TemplateProblems as refused:
            for problem in refused.problems:
                form.add_error("body", problem)
        except LetterError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Saved your changes to the letter")
            return redirect("letters:letter", pk=letter.pk)
    preview, problem = None, ""
    if letter.status == letter.Status.DRAFT:
        try:
            preview = services.letter_render(letter, today=local_today(), sender=request.user)
        except LetterError as error:
            problem = str(error)
    return render(
        request,
        "letters/letter.html",
        {"letter": letter, "case": letter.case, "form": form, "preview": preview,
         "problem": problem, "kind": LETTERS[letter.key], "fields": FIELDS},
    )  # fmt: skip


@letters_view(COMPLAINTS_TEAM)
@require_safe
def letter_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    letter = selectors.letter_for(request.user, pk)
    name = f"{letter.case.reference}-{letter.key}.pdf"
    if letter.document is not None:
        return FileResponse(letter.document.file.open("rb"), filename=name,
                            content_type="application/pdf")  # fmt: skip
    try:
        rendered = services.letter_render(letter, today=local_today(), sender=request.user)
    except LetterError as error:
        messages.error(request, str(error))
        return redirect("letters:letter", pk=letter.pk)
    response = HttpResponse(letter_pdf(rendered.html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="draft-{name}"'
    return response


@letters_view(COMPLAINTS_TEAM)
@require_POST
def send(request: HttpRequest, pk: int) -> HttpResponse:
    letter = selectors.letter_for(request.user, pk)
    try:
        services.letter_send(letter_id=letter.pk, by=request.user, today=local_today())
    except LetterError as refused:
        messages.error(request, f"The letter was not sent: {refused}")
        return redirect("letters:letter", pk=letter.pk)
    how = "queued to email" if letter.channel == "email" else "added to the print queue"
    messages.success(request, f"Letter sent: {how}, and stored on the case")
    return redirect("letters:case", reference=letter.case.reference)


@letters_view(COMPLAINTS_TEAM)
@require_POST
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    letter = selectors.letter_for(request.user, pk)
    try:
        services.letter_discard(letter_id=letter.pk, by=request.user)
    except LetterError as refused:
        messages.error(request, str(refused))
    return redirect("letters:case", reference=letter.case.reference)


@letters_view(COMPLAINTS_TEAM)
@require_safe
def print_queue(request: HttpRequest) -> HttpResponse:
    return render(request, "letters/print_queue.html",
                  {"deliveries": selectors.print_queue(request.user)})  # fmt: skip


@letters_view(COMPLAINTS_TEAM)
@require_POST
def mark_posted(request: HttpRequest, pk: int) -> HttpResponse:
    delivery = selectors.delivery_for(request.user, pk)
    try:
        services.delivery_mark_posted(delivery_id=delivery.pk, by=request.user, on=local_today())
    except LetterError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"Recorded as posted to {delivery.to_address.splitlines()[0]}")
    return redirect("letters:print_queue")


@letters_view(COMPLAINTS_TEAM)
@require_safe
def attention(request: HttpRequest) -> HttpResponse:
    deliveries = list(selectors.deliveries_needing_attention(request.user))
    rows = [(d, selectors.is_stuck(d)) for d in deliveries]
    return render(request, "letters/attention.html", {"rows": rows})


@letters_view(COMPLAINTS_TEAM)
@require_POST
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    delivery = selectors.delivery_for(request.user, pk)
    try:
        services.delivery_retry_now(delivery_id=delivery.pk, by=request.user)
    except LetterError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"Trying again to email {delivery.to_address}")
    return redirect("letters:attention")
