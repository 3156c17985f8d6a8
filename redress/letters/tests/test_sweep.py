from collections import Counter
from datetime import date

import pytest
from django.core.management import call_command

from redress.cases.models import Clock
from redress.cases.tests.factories import staff
from redress.demo.loader import DEFAULT_SEED, load_demo
from redress.domain.facts import SentBy
from redress.domain.roles import Role
from redress.domain.rules import Rule
from redress.domain.workflow import Stage
from redress.letters.models import Delivery, Letter, Reminder
from redress.letters.sweep import sweep
from redress.letters.tests.walks import case_at, corporate_responded, received, resolved

pytestmark = pytest.mark.django_db(transaction=True)


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--verbosity", "0")


def reminder_lines(messages) -> Counter:
    lines = Counter()
    for message in messages:
        body = message.get_body(("plain",)).get_content()
        for line in body.splitlines():
            if line.startswith("- "):
                lines[(message["To"], line)] += 1
    return lines


def test_the_sweep_run_twice_over_the_demo_data_sends_each_reminder_exactly_once(smtp_server):
    load_demo(cases=40, seed=DEFAULT_SEED, today=date(2026, 6, 30))
    manager = staff(Role.COMPLAINTS_MANAGER, email="manager@council.example")

    first = sweep(today=date(2026, 6, 30))
    run_worker()
    after_first = list(smtp_server.wait_for(first.emails))
    reminders = Reminder.objects.count()

    second = sweep(today=date(2026, 6, 30))
    run_worker()

    assert first.emails > 0
    assert reminders > 0
    assert second.emails == 0
    assert not second.closed
    assert Reminder.objects.count() == reminders
    assert len(smtp_server.messages) == len(after_first) == first.emails
    lines = reminder_lines(smtp_server.messages)
    assert sum(lines.values()) == reminders
    assert max(lines.values()) == 1
    assert any(to == manager.email for to, _ in lines), "breaches reach the complaints manager"
    assert not Delivery.objects.exclude(status=Delivery.Status.SENT).filter(letter=None).exists()


def test_a_case_whose_stage_2_window_and_grace_have_passed_is_closed_with_the_closing_letter(
    smtp_server, settings
):
    settings.REDRESS_AUTO_CLOSE_GRACE_WORKING_DAYS = 5
    staff(Role.COMPLAINTS_MANAGER, email="manager@council.example")
    walk = case_at(Stage.RESPONDED_S1)  # responded 1 April 2026: may ask until Friday 1 May

    on_last_day_of_grace = sweep(today=date(2026, 5, 11))  # 5 working days on (4 May is a BH)
    closing = sweep(today=date(2026, 5, 12))
    again = sweep(today=date(2026, 5, 12))
    run_worker()

    walk.case.refresh_from_db()
    assert on_last_day_of_grace.closed == []
    assert closing.closed == [walk.case.reference]
    assert again.closed == []
    assert walk.case.stage == Stage.CLOSED
    [letter] = Letter.objects.filter(case=walk.case, key="case_closed", status="sent")
    assert "you could ask for stage 2 by Friday 1 May 2026" in letter.text
    to_complainant = [m for m in smtp_server.wait_for(2) if m["To"] == "sam.parent@example.org"]
    assert [m["Subject"] for m in to_complainant] == [letter.subject]
    assert Reminder.objects.filter(kind="auto_closed", case=walk.case).count() == 1


def test_a_corporate_case_closes_by_its_window_clock_which_counts_from_when_the_post_arrived(
    smtp_server, settings
):
    settings.REDRESS_AUTO_CLOSE_GRACE_WORKING_DAYS = 5
    staff(Role.COMPLAINTS_MANAGER, email="manager@council.example")
    walk = received()
    corporate_responded(walk, sent_by=SentBy.POST)  # posted 1 April, received 7 April
    window = Clock.objects.get(case=walk.case, rule=Rule.CORPORATE_STAGE2_REQUEST_WINDOW)
    assert window.due_date == date(2026, 5, 6)

    # 1 April + 20 working days is 1 May, and its grace ends on 11 May: not the window's
    after_a_recount = sweep(today=date(2026, 5, 12))
    on_last_day_of_grace = sweep(today=date(2026, 5, 13))  # 6 May + 5 working days
    closing = sweep(today=date(2026, 5, 14))

    walk.case.refresh_from_db()
    assert after_a_recount.closed == on_last_day_of_grace.closed == []
    assert closing.closed == [walk.case.reference]
    assert walk.case.stage == Stage.CLOSED
    [letter] = Letter.objects.filter(case=walk.case, key="case_closed", status="sent")
    assert "you could ask for stage 2 by Wednesday 6 May 2026" in letter.text
    assert "The time to ask for stage 2 has passed" in letter.text
    # the complainant's window is not a deadline of the council's: nobody is told it was missed
    assert not Reminder.objects.filter(clock=window).exists()


def test_a_case_resolved_at_stage_1_closes_once_its_stage_2_window_and_grace_have_passed(
    smtp_server, settings
):
    settings.REDRESS_AUTO_CLOSE_GRACE_WORKING_DAYS = 5
    staff(Role.COMPLAINTS_MANAGER, email="manager@council.example")
    walk = received()
    resolved(walk)  # 30 March: may ask for stage 2 until Wednesday 29 April

    on_last_day_of_grace = sweep(today=date(2026, 5, 7))  # 4 May is a bank holiday
    closing = sweep(today=date(2026, 5, 8))

    walk.case.refresh_from_db()
    assert on_last_day_of_grace.closed == []
    assert closing.closed == [walk.case.reference]
    [letter] = Letter.objects.filter(case=walk.case, key="case_closed", status="sent")
    assert "you could ask for stage 2 by Wednesday 29 April 2026" in letter.text
    assert not Reminder.objects.filter(clock__rule=Rule.STAGE2_REQUEST_WINDOW).exists()


def test_deferrals_due_for_review_and_actions_falling_due_are_flagged_once(smtp_server, settings):
    settings.REDRESS_REMINDER_WORKING_DAYS = 3
    manager = staff(Role.COMPLAINTS_MANAGER, email="manager@council.example")
    deferred = case_at(Stage.DEFERRED)  # review on 25 June 2026
    adjudicated = case_at(Stage.S2_ADJUDICATED)  # an action due 3 July 2026

    before = sweep(today=date(2026, 6, 24))
    review_day = sweep(today=date(2026, 6, 30))
    overdue = sweep(today=date(2026, 7, 6))
    run_worker()

    kinds = lambda report: {k: v for k, v in report.counts.items() if v}  # noqa: E731
    assert "deferral_review" not in kinds(before)
    assert kinds(review_day)["deferral_review"] == 1
    assert kinds(review_day)["action_due_soon"] == 1  # 3 July is 3 working days after 30 June
    assert kinds(overdue)["action_overdue"] == 1
    assert "deferral_review" not in kinds(overdue)
    deferral = Reminder.objects.get(kind="deferral_review")
    assert (deferral.case, deferral.recipient) == (deferred.case, manager)
    action = Reminder.objects.get(kind="action_overdue")
    assert action.case == adjudicated.case
    assert action.recipient_email == "manager@council.example"  # the action's owner
