"""Triage screens for the complaints team: the inbox, Record a contact (and its possible
duplicates), and an email from the mailbox with what can be done with it."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from redress.accounts.access import local_today, staff_view
from redress.cases.models import Case
from redress.cases.selectors import case_visible
from redress.casework.access import COMPLAINTS_TEAM
from redress.casework.deadlines import status_of
from redress.core.calendar import working_calendar
from redress.core.council import active_profile
from redress.domain.receipt import receipt_dates
from redress.domain.workflow import Stage
from redress.intake import uploads
from redress.intake.selectors import late_stage_requests_awaiting_decision
from redress.mailbox import selectors as mailbox_selectors
from redress.mailbox import services as mailbox
from redress.mailbox.models import InboundMessage, MessageStatus
from redress.triage import selectors, services
from redress.triage.contact import Contact
from redress.triage.forms import ContactForm, DuplicateChoiceForm, FileOnCaseForm, SetAsideForm
from redress.triage.queue import triage_rows, waiting_summary

GET_POST = require_http_methods(["GET", "POST"])


@staff_view(COMPLAINTS_TEAM)
@require_safe
def inbox(request: HttpRequest) -> HttpResponse:
    rows = triage_rows(request.user, today=local_today())
    return render(
        request,
        "triage/inbox.html",
        {
            "nav": "triage",
            "rows": rows,
            "summary": waiting_summary(rows),
            "unreadable": list(mailbox_selectors.messages_unreadable()),
            "late_requests": list(late_stage_requests_awaiting_decision(request.user)),
        },
    )


def _recorded(request: HttpRequest, case: Case) -> HttpResponse:
    messages.success(
        request,
        f"Case {case.reference} recorded. Acknowledge it by {case.next_due_on:%A %-d %B %Y}.",
    )
    return redirect("casework:case", reference=case.reference)


def _initial_from(message: InboundMessage) -> dict[str, object]:
    """An email's details as the form's first answers: the sender, the date, the body."""
    received = timezone.localtime(message.received_at)
    return {
        "message": message.pk,
        "channel": "email",
        "received_on": received.date(),
        "received_time": f"{received:%H:%M}",
        "complainant_name": message.sender_name,
        "email": message.sender,
        "details": message.body[: ContactForm.base_fields["details"].max_length or None],
    }


def _message(message_id: object) -> InboundMessage | None:
    try:
        return mailbox_selectors.message_for_triage(int(str(message_id)))
    except (ValueError, InboundMessage.DoesNotExist):
        return None


def _awaiting(message_id: object) -> InboundMessage | None:
    message = _message(message_id)
    return message if message and message.status == MessageStatus.AWAITING_TRIAGE else None


@staff_view(COMPLAINTS_TEAM)
@GET_POST
@csrf_exempt
def record(request: HttpRequest) -> HttpResponse:
    # The size limit must be in place before anything reads the body (the CSRF check does).
    limit = uploads.limit_upload_size(request) if request.method == "POST" else None
    return _record(request, limit)


@csrf_protect
def _record(request: HttpRequest, limit: uploads.SizeLimitHandler | None) -> HttpResponse:
    if request.method != "POST":
        message = _awaiting(request.GET["message"]) if "message" in request.GET else None
        if "message" in request.GET and message is None:
            raise Http404("No email awaiting triage with that number")
        held = selectors.held_contact_from(message.pk) if message else None
        if held is not None:  # recorded already, and waiting for the choice of case
            return redirect("triage:duplicates", held_id=held.pk)
        form = ContactForm(initial=_initial_from(message) if message else None)
        return _record_page(request, form, message)
    form = ContactForm(request.POST, request.FILES, too_large=bool(limit and limit.too_large))
    message = None
    if form.is_valid():
        message_id = form.cleaned_data.get("message")
        message = _awaiting(message_id) if message_id else None
        if message_id and message is None:
            form.add_error(None, "That email has already been dealt with: go back to triage")
    if not form.is_valid():
        return _record_page(request, form, message)
    answers = form.to_answers()
    duplicates = selectors.possible_duplicates(request.user, Contact(answers))
    if duplicates:
        held = services.contact_hold(
            answers=answers,
            checked=form.cleaned_data["documents"],
            by=request.user,
            message_id=message.pk if message else None,
        )
        return redirect("triage:duplicates", held_id=held.pk)
    try:
        case = services.contact_record(
            answers=answers,
            attachments=services.attachments_from(form.cleaned_data["documents"]),
            by=request.user,
            message_id=message.pk if message else None,
        )
    except mailbox.MessageAlreadyDecided as decided:
        form.add_error(None, str(decided))
        return _record_page(request, form, None)
    return _recorded(request, case)


def _record_page(
    request: HttpRequest, form: ContactForm, message: InboundMessage | None
) -> HttpResponse:
    return render(
        request,
        "triage/record.html",
        {"nav": "triage", "form": form, "message": message, "page_title": "Record a contact"},
    )


@staff_view(COMPLAINTS_TEAM)
@GET_POST
def duplicates(request: HttpRequest, held_id: int) -> HttpResponse:
    held = selectors.held_contact(held_id)
    if held is None:
        messages.success(request, "That contact has already been recorded.")
        return redirect("triage:inbox")
    contact = Contact(held.answers)
    found = selectors.possible_duplicates(request.user, contact)
    by_reference = {duplicate.case.reference: duplicate.case for duplicate in found}
    form = DuplicateChoiceForm(
        request.POST if request.method == "POST" else None, references=list(by_reference)
    )
    if request.method == "POST" and form.is_valid():
        choice = form.cleaned_data["choice"]
        try:
            if choice == DuplicateChoiceForm.NEW:
                case = services.held_contact_record(held_id=held.pk, by=request.user)
                return _recorded(request, case)
            case = services.held_contact_add_to_case(
                held_id=held.pk, case_id=by_reference[choice].pk, by=request.user
            )
        except services.HeldContactGone:
            messages.success(request, "That contact has already been recorded.")
            return redirect("triage:inbox")
        except mailbox.MessageAlreadyDecided as decided:
            form.add_error(None, str(decided))
        else:
            messages.success(request, f"The contact was added to case {case.reference}.")
            return redirect("casework:case", reference=case.reference)
    return render(
        request,
        "triage/duplicates.html",
        {
            "nav": "triage",
            "form": form,
            "held": held,
            "contact": contact,
            "found": found,
            "stage_labels": {stage.value: stage.label for stage in Stage},
            "page_title": "Possible existing cases",
        },
    )


def _message_or_404(message_id: int) -> InboundMessage:
    message = _message(message_id)
    if message is None:
        raise Http404("No email with that number")
    return message


def _paragraphs(body: str) -> list[str]:
    return [p.strip("\n") for p in body.replace("\r\n", "\n").split("\n\n") if p.strip()]


def _server_folder() -> str:
    """Where the mailbox leaves an email once it is kept: the done folder, else where it came."""
    config = settings.REDRESS_MAILBOX
    return str(config.get("DONE_FOLDER") or config.get("FOLDER") or "INBOX")


def _message_page(
    request: HttpRequest,
    message: InboundMessage,
    *,
    file_form: FileOnCaseForm | None = None,
    aside_form: SetAsideForm | None = None,
    status: int = 200,
) -> HttpResponse:
    calendar = working_calendar()
    receipt = receipt_dates(message.received_at, active_profile(), calendar)
    arrived = timezone.localtime(message.received_at)
    received_text = f"{arrived:%A %-d %B %Y at %H:%M}"
    if receipt.received_on != arrived.date():
        received_text += f" (counts as received on {receipt.received_on:%A %-d %B %Y})"
    return render(
        request,
        "triage/message.html",
        {
            "nav": "triage",
            "message": message,
            "receipt": receipt,
            "received_text": received_text,
            "paragraphs": _paragraphs(message.body),
            "status": status_of(receipt.acknowledge_by, today=local_today(), calendar=calendar),
            "awaiting": message.status == MessageStatus.AWAITING_TRIAGE,
            "held": selectors.held_contact_from(message.pk),
            "server_folder": _server_folder(),
            "file_form": file_form or FileOnCaseForm(),
            "aside_form": aside_form or SetAsideForm(),
            "form": (file_form if file_form and file_form.errors else aside_form),
            "page_title": message.subject or "Email with no subject",
        },
        status=status,
    )


@staff_view(COMPLAINTS_TEAM)
@require_safe
def message(request: HttpRequest, message_id: int) -> HttpResponse:
    return _message_page(request, _message_or_404(message_id))


HELD = "This email was recorded as a contact that may belong to an open case: choose its case there"


def _refuse_if_held(message: InboundMessage, form: forms.Form) -> None:
    if selectors.held_contact_from(message.pk) is not None:
        form.add_error(None, HELD)


@staff_view(COMPLAINTS_TEAM)
@require_POST
def message_file(request: HttpRequest, message_id: int) -> HttpResponse:
    """Add the email to an existing case, named by its reference."""
    message = _message_or_404(message_id)
    form = FileOnCaseForm(request.POST)
    _refuse_if_held(message, form)
    case = None
    if form.is_valid():
        case = case_visible(request.user, form.cleaned_data["reference"], today=local_today())
        if case is None:
            form.add_error("reference", "There is no case with that reference")
    if not form.is_valid() or case is None:
        return _message_page(request, message, file_form=form)
    try:
        mailbox.message_file_on_case(
            message_id=message.pk, case_id=case.pk, by=request.user, at=timezone.now()
        )
    except mailbox.MessageAlreadyDecided as decided:
        form.add_error(None, str(decided))
        return _message_page(request, _message_or_404(message_id), file_form=form)
    messages.success(request, f"The email was added to case {case.reference}.")
    return redirect("casework:case", reference=case.reference)


@staff_view(COMPLAINTS_TEAM)
@require_POST
def message_set_aside(request: HttpRequest, message_id: int) -> HttpResponse:
    """Not a complaint: set the email aside, with the reason."""
    message = _message_or_404(message_id)
    form = SetAsideForm(request.POST)
    _refuse_if_held(message, form)
    if not form.is_valid():
        return _message_page(request, message, aside_form=form)
    try:
        mailbox.message_set_aside(
            message_id=message.pk,
            reason=form.cleaned_data["reason"],
            by=request.user,
            at=timezone.now(),
        )
    except mailbox.MessageAlreadyDecided as decided:
        form.add_error(None, str(decided))
        return _message_page(request, _message_or_404(message_id), aside_form=form)
    messages.success(request, f"The email “{message.subject}” was set aside: not a complaint.")
    return redirect("triage:inbox")


@staff_view(COMPLAINTS_TEAM)
@require_safe
def message_raw(request: HttpRequest, message_id: int) -> FileResponse:
    """The email exactly as it was read from the mailbox (.eml)."""
    message = _message_or_404(message_id)
    return FileResponse(
        message.raw.open("rb"),
        as_attachment=True,
        filename=f"email-{message.pk}.eml",
        content_type="message/rfc822",
    )


@staff_view(COMPLAINTS_TEAM)
@require_safe
def message_attachment(request: HttpRequest, message_id: int, attachment_id: int) -> FileResponse:
    message = _message_or_404(message_id)
    attachment = next((a for a in message.attachments.all() if a.pk == attachment_id), None)
    if attachment is None:
        raise Http404("No such attachment")
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
