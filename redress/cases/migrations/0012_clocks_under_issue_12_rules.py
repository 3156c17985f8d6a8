"""Open clocks recomputed under the rules of issue 12 (ADR 0016).

- Stage 2 counts from the request wherever the profile says so (every shipped profile now does):
  a running stage 2 clock that counted from the agreed statement is counted again from the
  request, and a stage 2 case still waiting for its statement gets the clock it lacked.
- The complainant's windows count from when they received the response. How earlier responses
  were sent was not recorded, so they are taken as received the day they were sent (email, the
  baseline); staff record the actual day where it was later ("Record when the complainant
  received the response"), which moves the window.

The queue columns of every case touched are refreshed. Reversing leaves the clocks as they are.
"""

from datetime import date

from django.db import migrations

from redress.domain.profiles import ProfileError, Stage2ClockStart, load_profile
from redress.domain.rules import COMPLAINANT_WINDOWS, Rule, working_days_for
from redress.domain.working_days import WorkingCalendar

STAGE2_REQUESTS = ("request_stage2", "accept_statutory_stage2")
FINISHED = (
    "closed",
    "withdrawn",
    "not_accepted",
    "redirected",
    "compliment_logged",
    "comment_logged",
)
STAGE2_OPEN = (
    "s2_requested",
    "s2_statement_agreed",
    "s2_investigating",
    "s2_reports_received",
)


def statutory_calendar(apps) -> WorkingCalendar:
    NonWorkingDay = apps.get_model("core", "NonWorkingDay")
    extra = dict(
        NonWorkingDay.objects.filter(kind="bank_holiday").values_list("date", "name")
    )
    return WorkingCalendar.england_and_wales(extra=extra)


def request_date(case) -> date | None:
    return (
        case.events.filter(action__in=STAGE2_REQUESTS)
        .order_by("-on", "-pk")
        .values_list("on", flat=True)
        .first()
    )


def reanchor(apps, schema_editor) -> None:
    Case = apps.get_model("cases", "Case")
    Clock = apps.get_model("cases", "Clock")
    calendar = statutory_calendar(apps)
    touched: set[int] = set()
    for case in Case.objects.filter(stage__in=STAGE2_OPEN).iterator():
        try:
            profile = load_profile(case.profile)
        except ProfileError:
            continue
        if profile.stage2.clock_start is not Stage2ClockStart.REQUEST_RECEIVED:
            continue
        requested = request_date(case)
        if requested is None:
            continue
        running = case.clocks.filter(rule=Rule.STAGE2_RESPONSE, completed_on__isnull=True)
        clock = running.first()
        if clock is None:
            days = working_days_for(Rule.STAGE2_RESPONSE, profile)
            Clock.objects.create(
                case=case,
                rule=Rule.STAGE2_RESPONSE,
                anchor_type="action",
                anchor_date=requested,
                working_days=days,
                due_date=calendar.add_working_days(requested, days),
            )
            touched.add(case.pk)
        elif clock.anchor_date != requested:
            clock.anchor_date = requested
            clock.due_date = calendar.add_working_days(requested, clock.working_days)
            if clock.extended_working_days:
                clock.extended_due_date = calendar.add_working_days(
                    requested, clock.extended_working_days
                )
            clock.save(update_fields=["anchor_date", "due_date", "extended_due_date"])
            touched.add(case.pk)
    windows = Clock.objects.filter(
        rule__in=sorted(COMPLAINANT_WINDOWS), completed_on__isnull=True, anchor_type="action"
    )
    touched |= set(windows.values_list("case_id", flat=True))
    windows.update(anchor_type="complainant_received")
    for case in Case.objects.filter(pk__in=sorted(touched)).exclude(stage__in=FINISHED):
        refresh_queue_columns(case)


def refresh_queue_columns(case) -> None:
    council, windows = [], []
    for rule, due, extended in case.clocks.filter(completed_on__isnull=True).values_list(
        "rule", "due_date", "extended_due_date"
    ):
        (windows if rule in COMPLAINANT_WINDOWS else council).append((extended or due, rule))
    earliest = min(council) if council else None
    case.next_due_on = earliest[0] if earliest else None
    case.next_due_rule = earliest[1] if earliest else ""
    case.waiting_until = max(windows)[0] if windows else None
    case.save(update_fields=["next_due_on", "next_due_rule", "waiting_until"])


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0011_clock_choices_issue_12"),
        ("core", "0002_nonworkingday_kind"),
    ]

    operations = [migrations.RunPython(reanchor, migrations.RunPython.noop)]
