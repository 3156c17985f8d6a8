"""The daily sweep (`manage.py sweep`): reminders, breaches, auto-closure, actions and deferrals.

- Each running council deadline (not the complainant's windows) reminds the case's assignee
  `REDRESS_REMINDER_WORKING_DAYS` working days before it is due, and again once it is missed.
- Every missed deadline is also reported to the complaints managers.
- A case whose window to ask for the next stage has closed, plus `REDRESS_AUTO_CLOSE_GRACE_WORKING_
  DAYS` working days of grace, is closed through `case_take_action(CLOSE)` and sent the closing
  letter.
- Open action-plan items remind their owners before they fall due and once they are overdue.
- Deferred complaints whose review date has come are flagged.

Each reminder is a `Reminder` row, unique on what it is about and who it goes to, so a second
sweep on the same day (or a rerun after a crash) sends nothing twice. Each person gets one email
per sweep listing their new reminders; it goes through the same retrying delivery as letters.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q

from redress.accounts.models import User
from redress.cases.models import ActionPlanItem, Case, Clock
from redress.cases.services import case_take_action
from redress.core.calendar import working_calendar
from redress.core.council import active_profile
from redress.domain.facts import ActionRequest
from redress.domain.roles import Role
from redress.domain.rules import COMPLAINANT_WINDOWS, Rule
from redress.domain.workflow import Action, InvalidTransition, Stage
from redress.letters.models import Delivery, Reminder
from redress.letters.rendering import LetterError, format_long_date
from redress.letters.services import delivery_create, letter_prepare, letter_send

logger = logging.getLogger(__name__)

# The complainant's windows are not the council's deadlines: when they close the case may close,
# at the stages where it waits on them. Each window's last day is its clock's due date, the one the
# letters printed (counted from when the complainant received the response).
WINDOWS: dict[Rule, tuple[tuple[Stage, ...], str]] = {
    Rule.STAGE2_REQUEST_WINDOW: ((Stage.RESPONDED_S1, Stage.RESOLVED_S1), "stage 2"),
    Rule.STAGE3_REQUEST_WINDOW: ((Stage.S2_ADJUDICATED,), "stage 3"),
    Rule.CORPORATE_STAGE2_REQUEST_WINDOW: ((Stage.CORP_S1_RESPONDED,), "stage 2"),
}
DEADLINE_NAMES = {
    Rule.ACK: "Acknowledgement",
    Rule.STAGE1_RESPONSE: "Stage 1 response",
    Rule.STAGE2_RESPONSE: "Stage 2 response (adjudication)",
    Rule.STAGE3_PANEL: "Review panel meeting",
    Rule.STAGE3_PANEL_REPORT: "Review panel report",
    Rule.STAGE3_LA_RESPONSE: "Council's response to the panel",
    Rule.CORPORATE_STAGE1_RESPONSE: "Corporate stage 1 response",
    Rule.CORPORATE_STAGE2_ACK: "Corporate stage 2 acknowledgement",
    Rule.CORPORATE_STAGE2_RESPONSE: "Corporate stage 2 response",
}


@dataclass(frozen=True)
class Recipient:
    email: str
    user: User | None


@dataclass(frozen=True)
class Candidate:
    key: str
    kind: str
    text: str
    case: Case | None = None
    clock: Clock | None = None
    action_item: ActionPlanItem | None = None
    due_on: date | None = None


@dataclass
class SweepReport:
    today: date
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    closed: list[str] = field(default_factory=list)
    emails: int = 0
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [f"Sweep for {format_long_date(self.today)}"]
        for kind in Reminder.Kind:
            if self.counts.get(kind):
                lines.append(f"  {self.counts[kind]:5d}  {kind.label}")
        lines.append(f"  {len(self.closed):5d}  cases closed after the escalation window")
        lines.append(f"  {self.emails:5d}  reminder emails queued")
        lines += [f"  problem: {problem}" for problem in self.problems]
        return lines


def managers() -> list[Recipient]:
    """The complaints managers; if none has an email address, the team's mailbox."""
    people = (
        User.objects.filter(groups__name=Role.COMPLAINTS_MANAGER.value, is_active=True)
        .exclude(email="")
        .filter(is_external=False)
        .order_by("pk")
    )
    found = [Recipient(user.email, user) for user in people]
    return found or [Recipient(active_profile().contact.email, None)]


def _owner(user: User | None) -> list[Recipient]:
    if user is not None and user.is_active and user.email:
        return [Recipient(user.email, user)]
    return managers()


class Collector:
    """Reminders for this sweep, by recipient, skipping any already sent."""

    def __init__(self) -> None:
        self.by_recipient: dict[Recipient, list[Candidate]] = defaultdict(list)

    def add(self, recipients: list[Recipient], candidate: Candidate) -> None:
        for recipient in recipients:
            self.by_recipient[recipient].append(candidate)

    def new_only(self) -> dict[Recipient, list[Candidate]]:
        keys = {c.key for candidates in self.by_recipient.values() for c in candidates}
        sent: set[tuple[str, str]] = set()
        key_list = sorted(keys)
        for start in range(0, len(key_list), 2000):
            sent |= set(
                Reminder.objects.filter(key__in=key_list[start : start + 2000]).values_list(
                    "key", "recipient_email"
                )
            )
        return {
            recipient: fresh
            for recipient, candidates in self.by_recipient.items()
            if (fresh := [c for c in candidates if (c.key, recipient.email) not in sent])
        }


def _in_days(today: date, due: date) -> str:
    calendar = working_calendar()
    if due == today:
        return "due today"
    if due > today:
        days = calendar.working_days_between(today, due)
        return f"due in {days} working day{'s' if days != 1 else ''}"
    return "missed"


def _reminded(field: str, kind: str, due: str) -> Exists:
    """Whether a reminder of `kind` about this row and its due date has been sent already."""
    return Exists(
        Reminder.objects.filter(**{field: OuterRef("pk"), "kind": kind, "due_on": OuterRef(due)})
    )


def _collect_deadlines(collector: Collector, today: date, horizon: date) -> None:
    clocks = (
        Clock.objects.running()
        .with_effective_due()
        .filter(effective_due__lte=horizon)
        .exclude(rule__in=sorted(COMPLAINANT_WINDOWS))
        # Already reminded about this due date: nothing new to say (keeps a daily rerun cheap).
        .annotate(
            told_soon=_reminded("clock", "due_soon", "effective_due"),
            told_breach=_reminded("clock", "breached", "effective_due"),
            told_manager=_reminded("clock", "breach_for_manager", "effective_due"),
        )
        .filter(
            Q(effective_due__gte=today, told_soon=False)
            | Q(effective_due__lt=today) & (Q(told_breach=False) | Q(told_manager=False))
        )
        .select_related("case", "case__assigned_to")
        .order_by("effective_due", "pk")
    )
    every_manager = managers()
    for clock in clocks.iterator(chunk_size=2000):
        due: date = clock.effective_due  # type: ignore[attr-defined]
        case = clock.case
        name = DEADLINE_NAMES.get(Rule(clock.rule), clock.rule)
        text = f"{case.reference}: {name}, due {format_long_date(due)} ({_in_days(today, due)})"
        owners = _owner(case.assigned_to)
        if due >= today:
            collector.add(
                owners,
                Candidate(
                    f"clock:{clock.pk}:due_soon:{due}", "due_soon", text, case, clock, None, due
                ),
            )
            continue
        collector.add(
            owners,
            Candidate(f"clock:{clock.pk}:breached:{due}", "breached", text, case, clock, None, due),
        )
        collector.add(
            every_manager,
            Candidate(
                f"clock:{clock.pk}:breach:{due}", "breach_for_manager", text, case, clock, None, due
            ),
        )


def _collect_actions(collector: Collector, today: date, horizon: date) -> None:
    items = (
        ActionPlanItem.objects.filter(status=ActionPlanItem.Status.OPEN, due_on__lte=horizon)
        .annotate(
            told_soon=_reminded("action_item", "action_due_soon", "due_on"),
            told_overdue=_reminded("action_item", "action_overdue", "due_on"),
        )
        .filter(Q(due_on__gte=today, told_soon=False) | Q(due_on__lt=today, told_overdue=False))
        .select_related("case", "owner")
        .order_by("due_on", "pk")
    )
    for item in items.iterator(chunk_size=2000):
        overdue = item.due_on < today
        kind = "action_overdue" if overdue else "action_due_soon"
        text = (
            f"{item.case.reference}: action \u201c{item.description[:120]}\u201d, due "
            f"{format_long_date(item.due_on)} ({_in_days(today, item.due_on)})"
        )
        collector.add(
            _owner(item.owner),
            Candidate(f"action:{item.pk}:{kind}:{item.due_on}", kind, text, item.case, None, item,
                      item.due_on),
        )  # fmt: skip


def _collect_deferrals(collector: Collector, today: date) -> None:
    cases = Case.objects.filter(stage=Stage.DEFERRED, deferral_review_on__lte=today).select_related(
        "assigned_to"
    )
    for case in cases.order_by("deferral_review_on", "pk"):
        review_on = case.deferral_review_on
        assert review_on is not None
        text = (
            f"{case.reference}: deferred complaint due for review on {format_long_date(review_on)}"
            " (resume it, keep it deferred with a new review date, or close it)"
        )
        collector.add(
            _owner(case.assigned_to),
            Candidate(f"deferral:{case.pk}:{review_on}", "deferral_review", text, case, None, None,
                      review_on),
        )  # fmt: skip


def _send_digests(collector: Collector, report: SweepReport, today: date) -> None:
    council = active_profile()
    for recipient, candidates in collector.new_only().items():
        lines = "\n".join(f"- {c.text}" for c in candidates)
        text = (
            f"This is the daily deadline sweep of the {council.team_name}, "
            f"{format_long_date(today)}.\n\n{lines}\n\n"
            "Each item is listed once. Open the case to act on it.\n"
        )
        subject = (
            f"Complaints deadlines: {len(candidates)} item{'s' if len(candidates) != 1 else ''}"
        )
        try:
            with transaction.atomic():
                delivery = delivery_create(
                    case=None,
                    letter=None,
                    channel=Delivery.Channel.STAFF_EMAIL,
                    to_address=recipient.email,
                    subject=subject,
                    text=text,
                )
                Reminder.objects.bulk_create(
                    Reminder(
                        key=c.key,
                        kind=c.kind,
                        case=c.case,
                        clock=c.clock,
                        action_item=c.action_item,
                        due_on=c.due_on,
                        recipient=recipient.user,
                        recipient_email=recipient.email,
                        swept_on=today,
                        text=c.text,
                        delivery=delivery,
                    )
                    for c in candidates
                )
        except IntegrityError:  # a sweep running alongside got there first, and sent them
            logger.info("Reminders to %s were sent by another sweep", recipient.email)
            continue
        report.emails += 1
        for candidate in candidates:
            report.counts[candidate.kind] += 1


def _windows_to_close(today: date, grace: int) -> list[tuple[Case, Stage, str, date]]:
    calendar = working_calendar()
    found = []
    clocks = (
        Clock.objects.running()
        .with_effective_due()
        .filter(rule__in=list(WINDOWS), effective_due__lt=today)
        .select_related("case")
        .order_by("effective_due", "pk")
    )
    for clock in clocks:
        stages, next_stage = WINDOWS[Rule(clock.rule)]
        due: date = clock.effective_due  # type: ignore[attr-defined]
        stage = Stage(clock.case.stage)
        if stage in stages and calendar.add_working_days(due, grace) < today:
            found.append((clock.case, stage, next_stage, due))
    return found


def _close_lapsed(collector: Collector, report: SweepReport, today: date) -> None:
    grace = settings.REDRESS_AUTO_CLOSE_GRACE_WORKING_DAYS
    for case, stage, next_stage, last_day in _windows_to_close(today, grace):
        reason = (
            f"No request for {next_stage} was received by {format_long_date(last_day)}, the last "
            "day to ask; closed by the daily sweep after the grace period."
        )
        letter_problem = ""
        try:
            with transaction.atomic():
                case_take_action(
                    case_id=case.pk,
                    action=Action.CLOSE,
                    request=ActionRequest(on=today, reason=reason),
                    by=None,
                    expected_stage=stage,
                )
                try:
                    with transaction.atomic():
                        letter = letter_prepare(
                            case_id=case.pk, key="case_closed", by=None, today=today
                        )
                        letter_send(letter_id=letter.pk, by=None, today=today)
                except LetterError as error:
                    letter_problem = str(error)
        except InvalidTransition:  # someone moved it on between the query and now
            continue
        except Exception as error:  # one bad case must not stop the sweep; it is reported
            logger.exception("Sweep could not close %s", case.reference)
            report.problems.append(f"{case.reference}: could not close: {error}")
            continue
        report.closed.append(case.reference)
        text = f"{case.reference}: closed today, as no request for {next_stage} came in time"
        if letter_problem:
            text += f". THE CLOSING LETTER WAS NOT SENT: {letter_problem}"
        collector.add(
            _owner(case.assigned_to) if not letter_problem else managers(),
            Candidate(f"autoclose:{case.pk}:{last_day}", "auto_closed", text, case, None, None,
                      last_day),
        )  # fmt: skip


def sweep(*, today: date) -> SweepReport:
    """Run every daily check for `today`. Safe to run again: nothing is sent twice."""
    report = SweepReport(today)
    horizon = working_calendar().add_working_days(today, settings.REDRESS_REMINDER_WORKING_DAYS)
    collector = Collector()
    _close_lapsed(collector, report, today)
    _collect_deadlines(collector, today, horizon)
    _collect_actions(collector, today, horizon)
    _collect_deferrals(collector, today)
    _send_digests(collector, report, today)
    return report
