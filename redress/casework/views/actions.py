"""The action form for one transition: the date, what the action needs, one service call.

When someone else moved the case while this person was typing, the service raises StaleCase:
the form comes back with everything they typed and a message saying what changed.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from redress.accounts.access import forbidden, local_today, roles_on_case, staff_view
from redress.cases.selectors import appointed_roles, case_for_page
from redress.cases.services import StaleCase, case_take_action
from redress.casework.access import CASE_READERS
from redress.casework.actions import may_take
from redress.casework.forms.actions import ActionContext, ActionForm
from redress.casework.labels import ACTION_LABELS
from redress.domain.workflow import Action, GuardFailed, InvalidTransition, Stage
from redress.intake.selectors import late_request_pending


@require_http_methods(["GET", "POST"])
@staff_view(CASE_READERS)
def case_action(request: HttpRequest, reference: str, action: str) -> HttpResponse:
    today = local_today()
    case = case_for_page(request.user, reference, today=today)
    if case is None or action not in Action.__members__.values():
        raise Http404("No such case or action")
    the_action = Action(action)
    roles = roles_on_case(request.user, appointed_roles(request.user, case, today=today))
    stage = Stage(case.stage)
    data = request.POST if request.method == "POST" else None
    running = {c.rule: c.effective_due_date for c in case.clocks.all() if c.is_running}
    late = late_request_pending(case)
    asked_on = late.requested_on if late is not None and late.action == the_action else None
    form = ActionForm(
        data, action=the_action, context=ActionContext(case, today, running, asked_on=asked_on)
    )
    # A POST is checked against the stage the person saw; the service refuses it (StaleCase) if
    # the case has moved on since.
    seen = (form.seen_stage() or stage) if data is not None else stage
    if not may_take(seen, the_action, roles):
        return forbidden(request)
    stale_message = ""
    if data is not None and form.is_valid():
        try:
            case_take_action(
                case_id=case.pk,
                action=the_action,
                request=form.to_request(),
                by=request.user,
                expected_stage=seen,
                findings=form.findings(),
                details=form.details(),
            )
        except StaleCase as stale:
            stale_message = (
                f"{stale} Nothing you typed has been lost: check the case, then save again "
                "if this is still right."
            )
            form.data = form.data.copy()
            form.data["expected_stage"] = stage
            form.add_error(None, stale_message)
        except InvalidTransition as refused:
            form.add_error(None, str(refused))
        except GuardFailed as failed:
            form.add_problems(failed.problems)
        else:
            messages.success(request, f"{ACTION_LABELS[the_action]}: saved")
            return redirect("casework:case", reference=case.reference)
    return render(
        request,
        "casework/action.html",
        {
            "case": case,
            "stage": stage,
            "form": form,
            "action": the_action,
            "title": ACTION_LABELS[the_action],
            "stale": bool(stale_message),
        },
    )
