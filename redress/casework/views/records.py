"""One view for every record form on a case (see `redress.casework.records.RECORDS`)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from redress.accounts.access import forbidden, local_today, roles_on_case, staff_view
from redress.cases.selectors import appointed_roles, case_for_page
from redress.cases.services import StaleCase
from redress.casework.access import CASE_READERS
from redress.casework.records import RECORDS, FieldProblem, Saving
from redress.domain.ombudsman import InvalidOmbudsmanStep


@require_http_methods(["GET", "POST"])
@staff_view(CASE_READERS)
def case_record(
    request: HttpRequest, reference: str, record: str, key: str | None = None
) -> HttpResponse:
    today = local_today()
    case = case_for_page(request.user, reference, today=today)
    kind = RECORDS.get(record)
    if case is None or kind is None:
        raise Http404("No such case or record")
    roles = roles_on_case(request.user, appointed_roles(request.user, case, today=today))
    if not kind.roles(key) & roles:
        return forbidden(request)
    subject = kind.subject(case, key)
    form = kind.form(request.POST if request.method == "POST" else None, case=case, subject=subject)
    if request.method == "POST" and form.is_valid():
        try:
            kind.save(Saving(case, subject, form.cleaned_data, request.user, today))
        except FieldProblem as problem:
            form.add_error(problem.field, str(problem))
        except StaleCase as stale:
            form.add_error(None, f"{stale} Nothing you typed has been lost: save again to confirm.")
            form.data = form.data.copy()
            form.data["seen_assignee"] = case.assigned_to_id or ""
        except (ValueError, InvalidOmbudsmanStep) as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, kind.done)
            return redirect("casework:case", reference=case.reference)
    return render(
        request,
        "casework/record.html",
        {
            "case": case,
            "form": form,
            "record": record,
            "title": kind.title_for(key),
            "subject": subject,
        },
    )
