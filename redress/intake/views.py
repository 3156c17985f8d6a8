"""The public pages: the three journeys (complaint, young person's complaint, feedback), and
"track my complaint" with adding information, asking for the next stage and withdrawing.

Each view is thin: find what the browser may see (a selector), check the form, make one service
call, redirect; or show the page again with GOV.UK errors.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from redress.cases.models import Case
from redress.cases.services import StaleCase
from redress.core.calendar import working_calendar
from redress.core.council import active_profile, profile_named
from redress.core.timescales import timescales_from
from redress.domain.service_areas import SERVICE_AREAS, ServiceArea
from redress.domain.workflow import InvalidTransition, Stage
from redress.intake import http, selectors, services, uploads
from redress.intake.branding import brand_stylesheet
from redress.intake.forms import (
    AddInformationForm,
    CodeForm,
    ConfirmForm,
    NextStageForm,
    TrackStartForm,
    UploadForm,
    WithdrawForm,
)
from redress.intake.journeys import JOURNEYS, Journey, contact_email, expected_procedure
from redress.intake.models import Draft
from redress.intake.steps import OWN_RIGHT_TYPES, StepContext
from redress.intake.wording import PROCEDURE_NAMES, PUBLIC_STAGES

GET_POST = require_http_methods(["GET", "POST"])
URL_PREFIX = {"complaint": "complaint", "young_person": "young-people", "feedback": "feedback"}


def step_url(journey: str, slug: str) -> str:
    if slug == "documents":
        return reverse(f"intake:{journey}_documents")
    return reverse(f"intake:{journey}_step", kwargs={"slug": slug})


def _journey(journey: str) -> Journey:
    return JOURNEYS[journey]


def _context(draft: Draft | None) -> StepContext:
    answers = draft.answers if draft else {}
    return StepContext(answers=answers, profile=active_profile(), today=timezone.localdate())


def _page_context(journey: Journey, context: StepContext) -> dict[str, object]:
    """What the journey's pages and their intro texts may show."""
    area = context.get("service", "area")
    return {
        "journey": journey,
        "context": context,
        "profile": context.profile,
        "own_right": context.who in OWN_RIGHT_TYPES,
        "procedure": expected_procedure(context),
        "procedure_names": PROCEDURE_NAMES,
        "area_rule": SERVICE_AREAS[ServiceArea(area)] if area else None,
        "max_files": uploads.max_files(),
        "max_mb": uploads.max_bytes() // uploads.MB,
        "allowed_labels": uploads.allowed_labels(),
        "allowed_by_kind": uploads.allowed_by_kind(),
    }


def _first_unanswered_url(journey: Journey, context: StepContext, change: bool) -> str:
    missing = journey.first_unanswered(context)
    if missing is None:
        return reverse(f"intake:{journey.name}_check")
    return step_url(journey.name, missing.slug) + ("?change=1" if change else "")


@require_safe
def journey_start(request: HttpRequest, journey: str) -> HttpResponse:
    if journey == "young_person":
        return render(request, "intake/young_person/start.html", {"journey": _journey(journey)})
    return redirect(step_url(journey, _journey(journey).steps[0].slug))


@never_cache
@GET_POST
def journey_step(request: HttpRequest, journey: str, slug: str) -> HttpResponse:
    the_journey = _journey(journey)
    step = the_journey.step(slug)
    if step is None or slug == "documents":
        raise Http404
    draft = selectors.draft_for(http.draft_key(request, journey), journey)
    context = _context(draft)
    change = bool(request.GET.get("change"))
    if not (step.applies(context) and the_journey.can_visit(slug, context)):
        return redirect(_first_unanswered_url(the_journey, context, change))

    stored = context.answers.get(slug)
    if request.method == "POST":
        form = step.form(request.POST, context=context, initial=stored)
        if form.is_valid():
            draft = services.draft_record_answer(
                key=draft.key if draft else None,
                journey=journey,
                step=slug,
                answer=form.to_answers(),
            )
            context = _context(draft)
            following = the_journey.next_after(slug, context)
            if change or following is None:
                target = _first_unanswered_url(the_journey, context, change)
            else:
                target = step_url(journey, following.slug)
            response = redirect(target)
            http.remember(response, request, **{journey: str(draft.key)})
            return response
    else:
        form = step.form(initial=stored, context=context)
    previous = the_journey.previous_before(slug, context)
    return render(
        request,
        "intake/step.html",
        {
            **_page_context(the_journey, context),
            "form": form,
            "step": step,
            "page_title": form.page_title(),
            "back_url": (
                reverse(f"intake:{journey}_check")
                if change
                else step_url(journey, previous.slug)
                if previous
                else _start_url(journey)
            ),
        },
    )


def _start_url(journey: str) -> str:
    if journey == "complaint":
        return reverse("core:home")
    return reverse(f"intake:{journey}_start")


@csrf_exempt
@never_cache
@GET_POST
def journey_documents(request: HttpRequest, journey: str) -> HttpResponse:
    # The size limit must be in place before anything reads the body (the CSRF check does).
    limit = uploads.limit_upload_size(request) if request.method == "POST" else None
    return _documents(request, journey, limit)


@csrf_protect
def _documents(
    request: HttpRequest, journey: str, limit: uploads.SizeLimitHandler | None
) -> HttpResponse:
    the_journey = _journey(journey)
    if not the_journey.uploads:
        raise Http404
    key = http.draft_key(request, journey)
    draft = selectors.draft_for(key, journey)
    context = _context(draft)
    if not the_journey.can_visit("documents", context):
        return redirect(_first_unanswered_url(the_journey, context, change=False))
    form = UploadForm(request.POST or None, request.FILES or None)

    if request.method == "POST":
        if "remove" in request.POST:
            services.held_upload_remove(
                key=key, journey=journey, upload_id=int(request.POST["remove"] or 0)
            )
            return redirect(step_url(journey, "documents"))
        chosen = request.FILES.get("file")
        too_large = bool(limit and limit.too_large)
        if (request.POST.get("action") == "upload" or chosen or too_large) and form.is_valid():
            try:
                checked = uploads.check_upload(chosen, too_large=too_large)
                draft = services.held_upload_add(key=key, journey=journey, checked=checked)
            except ValidationError as error:
                form.add_error("file", error.messages[0])
            except services.TooManyFiles:
                form.add_error(
                    "file",
                    f"You can upload up to {uploads.max_files()} files. Remove a file to add "
                    "another",
                )
            else:
                if request.POST.get("action") == "upload":
                    response = redirect(step_url(journey, "documents"))
                    http.remember(response, request, **{journey: str(draft.key)})
                    return response
        if not form.errors and request.POST.get("action") == "continue":
            draft = services.draft_record_answer(
                key=draft.key if draft else None,
                journey=journey,
                step="documents",
                answer={"done": True},
            )
            response = redirect(_first_unanswered_url(the_journey, _context(draft), change=False))
            http.remember(response, request, **{journey: str(draft.key)})
            return response

    previous = the_journey.previous_before("documents", context)
    return render(
        request,
        "intake/documents.html",
        {
            **_page_context(the_journey, context),
            "form": form,
            "held": list(draft.uploads.all()) if draft else [],
            "page_title": "Upload documents, photos or recordings",
            "back_url": step_url(journey, previous.slug) if previous else _start_url(journey),
        },
    )


def _check_rows(journey: Journey, context: StepContext) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for step in journey.applicable(context):
        form = step.form(initial=context.answers.get(step.slug, {}), context=context)
        for label, value in form.summary_rows():
            rows.append(
                {
                    "key": {"text": label},
                    "value": {"html": value},
                    "actions": {
                        "items": [
                            {
                                "href": step_url(journey.name, step.slug) + "?change=1",
                                "text": "Change",
                                "visuallyHiddenText": label.lower(),
                            }
                        ]
                    },
                }
            )
    return rows


@never_cache
@GET_POST
def journey_check(request: HttpRequest, journey: str) -> HttpResponse:
    the_journey = _journey(journey)
    key = http.draft_key(request, journey)
    sent = selectors.submission_for(key, journey)
    if sent is not None:  # sent already: a second press, or the back button
        return _to_sent(request, journey, sent.key)
    draft = selectors.draft_for(key, journey)
    if draft is None:
        # A second press of "send" carrying no form any more, or the back button after sending.
        earlier = selectors.submission_for(http.sent_key(request, journey), journey)
        if earlier is not None:
            return redirect(f"intake:{journey}_sent")
        return redirect(_start_url(journey))
    context = _context(draft)
    if the_journey.first_unanswered(context) is not None:
        return redirect(_first_unanswered_url(the_journey, context, change=True))

    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        now = timezone.now()
        client = http.client_key(request)
        if not services.rate_limit_consume(bucket="submission", key=client, now=now):
            return _too_many(request)
        try:
            submission = services.submission_confirm(
                key=draft.key, journey=journey, client=client, now=now
            )
        except services.DraftGone:
            return redirect(_start_url(journey))
        except services.DraftIncomplete as missing:
            return redirect(step_url(journey, missing.step) + "?change=1")
        return _to_sent(request, journey, submission.key)
    return render(
        request,
        "intake/check.html",
        {
            **_page_context(the_journey, context),
            "form": form,
            "rows": _check_rows(the_journey, context),
            "held": list(draft.uploads.all()),
            "page_title": "Check your answers before sending",
        },
    )


def _to_sent(request: HttpRequest, journey: str, key: object) -> HttpResponse:
    response = redirect(f"intake:{journey}_sent")
    http.remember(response, request, **{journey: None, f"sent__{journey}": str(key)})
    return response


def _too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "intake/too_many.html", {"page_title": "Too many requests"}, status=429)


@never_cache
@require_safe
def journey_sent(request: HttpRequest, journey: str) -> HttpResponse:
    submission = selectors.submission_for(http.sent_key(request, journey), journey)
    if submission is None:
        return redirect(_start_url(journey))
    case = submission.case
    profile = profile_named(case.profile)
    draft_context = StepContext(submission.answers, profile, case.received_on)
    return render(
        request,
        f"intake/{journey}/sent.html",
        {
            **_page_context(_journey(journey), draft_context),
            "case": case,
            "timescales": timescales_from(case.received_on, profile, working_calendar()),
            "email": contact_email(_journey(journey), draft_context),
            "page_title": "Sent",
        },
    )


# --- Track my complaint ------------------------------------------------------------------------


@never_cache
@GET_POST
def track_start(request: HttpRequest) -> HttpResponse:
    pending = http.pending_code_request(request) or {}
    if request.method == "POST":
        form = TrackStartForm(request.POST)
    else:
        form = TrackStartForm(initial=pending)
    if form.is_valid():
        reference, email = form.cleaned_data["reference"], form.cleaned_data["email"]
        try:
            services.tracking_code_request(
                reference=reference,
                email=email,
                client=http.client_key(request),
                now=timezone.now(),
            )
        except services.CodeRequestRefused:
            return _too_many(request)
        http.remember_code_request(request, reference, email)
        return redirect("intake:track_code")
    return render(
        request, "intake/track/start.html", {"form": form, "page_title": "Track your complaint"}
    )


@never_cache
@GET_POST
def track_code(request: HttpRequest) -> HttpResponse:
    pending = http.pending_code_request(request)
    if pending is None:
        return redirect("intake:track_start")
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        now = timezone.now()
        try:
            case_id = services.tracking_code_verify(
                reference=pending["reference"],
                email=pending["email"],
                code=form.cleaned_data["code"],
                client=http.client_key(request),
                now=now,
            )
        except services.CodeRejected as rejected:
            form.add_error("code", rejected.message)
        else:
            http.sign_in(request, case_id, now)
            return redirect("intake:track_case")
    return render(
        request,
        "intake/track/code.html",
        {"form": form, "email": pending["email"], "page_title": "Check your email"},
    )


def _signed_in_case(request: HttpRequest) -> Case | None:
    case_id = http.signed_in_case_id(request)
    return selectors.tracked_case(case_id) if case_id is not None else None


TrackingView = Callable[..., HttpResponse]


def signed_in(view: TrackingView) -> TrackingView:
    """Pass the signed-in complainant's case to the view; send anyone else to sign in."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        case = _signed_in_case(request)
        if case is None:
            return redirect("intake:track_start")
        return view(request, case, *args, **kwargs)

    return wrapper


@never_cache
@require_safe
@signed_in
def track_case(request: HttpRequest, case: Case) -> HttpResponse:
    return render(
        request,
        "intake/track/case.html",
        {
            "case": case,
            "stage": PUBLIC_STAGES[Stage(case.stage)],
            "dates": selectors.dates_to_meet(case),
            "letters": selectors.letters_for(case),
            "sent": selectors.sent_by_complainant(case),
            "next_stage": selectors.next_stage_for(case),
            "late_request": selectors.late_request_pending(case),
            "can_withdraw": selectors.can_withdraw(case),
            "today": timezone.localdate(),
            "page_title": f"Your complaint {case.reference}",
        },
    )


@csrf_exempt
@never_cache
@GET_POST
def track_add(request: HttpRequest) -> HttpResponse:
    limit = uploads.limit_upload_size(request) if request.method == "POST" else None
    return _track_add(request, limit)


@csrf_protect
@signed_in
def _track_add(
    request: HttpRequest, case: Case, limit: uploads.SizeLimitHandler | None
) -> HttpResponse:
    posted = request.method == "POST"
    chosen = request.FILES.get("file") if posted else None
    too_large = bool(limit and limit.too_large)
    form = AddInformationForm(request.POST if posted else None, has_file=bool(chosen) or too_large)
    if form.is_valid():
        checked = None
        try:
            if chosen or too_large:
                checked = uploads.check_upload(chosen, too_large=too_large)
        except ValidationError as error:
            form.add_error("file", error.messages[0])
        else:
            services.complainant_information_add(
                case_id=case.pk,
                text=form.cleaned_data["information"],
                upload=checked,
                on=timezone.localdate(),
            )
            messages.success(request, "Thank you. We have added this to your complaint.")
            return redirect("intake:track_case")
    return render(
        request,
        "intake/track/add.html",
        {
            "case": case,
            "form": form,
            "page_title": "Add information to your complaint",
            "max_mb": uploads.max_bytes() // uploads.MB,
            "allowed_labels": uploads.allowed_labels(),
        },
    )


@never_cache
@GET_POST
@signed_in
def track_next_stage(request: HttpRequest, case: Case) -> HttpResponse:
    window = selectors.next_stage_for(case)
    if window is None or selectors.late_request_pending(case) is not None:
        return redirect("intake:track_case")
    today = timezone.localdate()
    late = window.is_late(today)
    form = NextStageForm(request.POST if request.method == "POST" else None, late=late)
    if form.is_valid():
        try:
            services.next_stage_request(
                case_id=case.pk,
                expected_stage=Stage(case.stage),
                reason=form.cleaned_data["reason"],
                why_now=form.cleaned_data.get("why_now") or "",
                on=today,
            )
        except services.WhyNowNeeded:
            form = NextStageForm(request.POST, late=True)
            form.is_valid()
        except (StaleCase, InvalidTransition):
            form.add_error(
                None,
                "Your complaint has changed since you opened this page. Check where it "
                "has got to, then try again.",
            )
        else:
            return redirect("intake:track_next_stage_sent")
    return render(
        request,
        "intake/track/next_stage.html",
        {
            "case": case,
            "form": form,
            "window": window,
            "late": form.late,
            "page_title": f"Ask for {window.name}",
        },
    )


@never_cache
@require_safe
@signed_in
def track_next_stage_sent(request: HttpRequest, case: Case) -> HttpResponse:
    return render(
        request,
        "intake/track/next_stage_sent.html",
        {
            "case": case,
            "late_request": selectors.late_request_pending(case),
            "stage": PUBLIC_STAGES[Stage(case.stage)],
            "dates": selectors.dates_to_meet(case),
            "page_title": "Request sent",
        },
    )


@never_cache
@GET_POST
@signed_in
def track_withdraw(request: HttpRequest, case: Case) -> HttpResponse:
    if not selectors.can_withdraw(case):
        return redirect("intake:track_case")
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        if form.cleaned_data["confirm"] == "no":
            return redirect("intake:track_case")
        try:
            services.complaint_withdraw(
                case_id=case.pk,
                expected_stage=Stage(case.stage),
                reason=form.cleaned_data["reason"],
                on=timezone.localdate(),
            )
        except (StaleCase, InvalidTransition):
            form.add_error(
                None,
                "Your complaint has changed since you opened this page. Check where it "
                "has got to, then try again.",
            )
        else:
            return redirect("intake:track_withdrawn")
    return render(
        request,
        "intake/track/withdraw.html",
        {"case": case, "form": form, "page_title": "Withdraw your complaint"},
    )


@never_cache
@require_safe
@signed_in
def track_withdrawn(request: HttpRequest, case: Case) -> HttpResponse:
    if case.stage != Stage.WITHDRAWN:
        return redirect("intake:track_case")
    return render(
        request,
        "intake/track/withdrawn.html",
        {"case": case, "page_title": "Complaint withdrawn"},
    )


@never_cache
@require_safe
@signed_in
def track_document(request: HttpRequest, case: Case, document_id: int) -> HttpResponse:
    document = selectors.document_for_complainant(case, document_id)
    if document is None:
        raise Http404
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.file.name.rsplit("/", 1)[-1],
        content_type=document.content_type,
    )


@require_POST
def track_sign_out(request: HttpRequest) -> HttpResponse:
    http.sign_out(request)
    messages.info(request, "You have signed out.")
    return redirect("intake:track_start")


@require_safe
def brand_css(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        brand_stylesheet(settings.REDRESS_BRAND_COLOUR), content_type="text/css"
    )
    response["Cache-Control"] = "public, max-age=31536000, immutable"  # the URL carries a version
    return response
