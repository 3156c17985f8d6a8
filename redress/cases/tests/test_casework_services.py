"""Services the staff screens need: queue deadlines, findings saved with a response, records."""

from datetime import date

import pytest

from redress.cases.models import CaseEvent, CaseView, PointFinding, Recommendation
from redress.cases.services import (
    FindingInput,
    StaleCase,
    action_plan_add,
    action_plan_complete,
    case_add_note,
    case_assign,
    case_link,
    case_record_view,
    case_take_action,
    cases_refresh_deadlines,
    recommendation_add,
    recommendation_decide,
)
from redress.cases.tests.factories import received_case, staff
from redress.domain.facts import ActionRequest
from redress.domain.findings import Finding, FindingStage
from redress.domain.rules import Rule
from redress.domain.workflow import Action, GuardFailed, Stage

pytestmark = pytest.mark.django_db
RECEIVED = date(2026, 3, 18)


def take(case, action, on, **kwargs):
    return case_take_action(
        case_id=case.pk, action=action, request=ActionRequest(on=on), by=None, **kwargs
    )


def test_the_queue_columns_follow_the_earliest_running_council_deadline() -> None:
    case = received_case(RECEIVED)
    assert (case.next_due_rule, case.waiting_until) == (Rule.ACK, None)

    case = take(case, Action.ACKNOWLEDGE, date(2026, 3, 19))
    case = take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))
    stage1_due = case.clocks.get(rule=Rule.STAGE1_RESPONSE).due_date
    assert (case.next_due_on, case.next_due_rule) == (stage1_due, Rule.STAGE1_RESPONSE)

    point = case.points.get()
    case = take(
        case,
        Action.RESPOND_STAGE1,
        date(2026, 3, 25),
        findings=[FindingInput(point.pk, FindingStage.STAGE1, Finding.UPHELD, "Calls missed")],
    )
    window = case.clocks.get(rule=Rule.STAGE2_REQUEST_WINDOW).due_date
    assert (case.next_due_on, case.waiting_until) == (None, window)


def test_a_response_and_its_findings_are_saved_together_or_not_at_all() -> None:
    case = received_case(RECEIVED, points=("One", "Two"))
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))
    first = case.points.order_by("number").first()

    with pytest.raises(GuardFailed, match="Record a finding for complaint point 2"):
        take(
            case,
            Action.RESPOND_STAGE1,
            date(2026, 3, 25),
            findings=[FindingInput(first.pk, FindingStage.STAGE1, Finding.UPHELD)],
        )

    assert not PointFinding.objects.filter(point__case=case).exists()
    case.refresh_from_db()
    assert case.stage == Stage.STAT_S1


def test_the_second_person_to_move_a_case_is_told_it_changed() -> None:
    case = received_case(RECEIVED)
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19), expected_stage=Stage.RECEIVED)

    with pytest.raises(StaleCase, match="Someone else has just updated"):
        take(case, Action.ACCEPT_CORPORATE, date(2026, 3, 19), expected_stage=Stage.RECEIVED)


def test_assigning_refuses_when_someone_else_reassigned_the_case_first() -> None:
    case = received_case(RECEIVED)
    first, second = staff(), staff()
    case_assign(
        case_id=case.pk,
        assigned_to=first,
        team_id=None,
        by=first,
        on=RECEIVED,
        expected_assignee_id=None,
        check_expected=True,
    )

    with pytest.raises(StaleCase):
        case_assign(
            case_id=case.pk,
            assigned_to=second,
            team_id=None,
            by=second,
            on=RECEIVED,
            expected_assignee_id=None,
            check_expected=True,
        )
    case.refresh_from_db()
    assert case.assigned_to == first


def test_notes_links_and_views_are_recorded() -> None:
    case, other = received_case(RECEIVED), received_case(RECEIVED)
    officer = staff()

    case_add_note(case_id=case.pk, text="Rang the complainant", by=officer, on=RECEIVED)
    case_link(case_id=case.pk, other_case_id=other.pk, by=officer, on=RECEIVED)
    case_record_view(case_id=case.pk, by=officer, path="/staff/cases/x/")

    assert list(case.linked_cases.all()) == [other]
    assert list(other.linked_cases.all()) == [case]
    assert case.notes.get().text == "Rang the complainant"
    assert CaseView.objects.filter(case=case, by=officer).count() == 1
    actions = set(CaseEvent.objects.filter(case=case).values_list("action", flat=True))
    assert {"add_note", "link_case"} <= actions
    assert "viewed" not in actions  # views go to the access log, not the timeline


def test_a_rejected_recommendation_needs_reasons() -> None:
    case = received_case(RECEIVED)
    recommendation = recommendation_add(
        case_id=case.pk,
        source=Recommendation.Source.REVIEW_PANEL,
        text="Apologise",
        by=None,
        on=RECEIVED,
    )

    with pytest.raises(ValueError, match="needs the reasons"):
        recommendation_decide(
            recommendation_id=recommendation.pk,
            decision="rejected",
            reasons=" ",
            by=None,
            on=RECEIVED,
        )
    decided = recommendation_decide(
        recommendation_id=recommendation.pk,
        decision="accepted",
        reasons="Agreed",
        by=None,
        on=RECEIVED,
    )
    assert (decided.decision, decided.decided_on) == ("accepted", RECEIVED)


def test_an_action_plan_item_is_owned_dated_and_completed_with_evidence() -> None:
    case = received_case(RECEIVED)
    owner = staff()
    item = action_plan_add(
        case_id=case.pk,
        description="Train the team",
        owner=owner,
        due_on=date(2026, 5, 1),
        by=None,
        on=RECEIVED,
    )

    done = action_plan_complete(
        item_id=item.pk, evidence="Training log", by=owner, on=date(2026, 4, 20)
    )

    assert (done.status, done.completed_on, done.owner) == ("complete", date(2026, 4, 20), owner)


def test_refreshing_deadlines_repairs_the_queue_columns() -> None:
    case = received_case(RECEIVED)
    type(case).objects.filter(pk=case.pk).update(next_due_on=None, next_due_rule="")

    assert cases_refresh_deadlines(case_ids=[case.pk]) == 1
    case.refresh_from_db()
    assert case.next_due_on == case.clocks.get(rule=Rule.ACK).due_date


def test_an_advocate_appointed_to_a_case_can_see_it_and_the_case_records_advocacy() -> None:
    from redress.cases.selectors import cases_visible_to
    from redress.cases.services import case_appoint_advocate
    from redress.cases.tests.factories import independent
    from redress.domain.roles import Role

    case = received_case(RECEIVED)
    advocate = independent(Role.ADVOCATE)

    case_appoint_advocate(case_id=case.pk, advocate=advocate, by=None, on=RECEIVED)

    case.refresh_from_db()
    assert case.advocate_involved is True
    assert list(cases_visible_to(advocate, today=RECEIVED)) == [case]


def test_a_points_learning_theme_is_recorded_on_the_timeline() -> None:
    from redress.cases.services import point_set_theme

    case = received_case(RECEIVED)
    point = case.points.get()

    point_set_theme(point_id=point.pk, theme="Communication", by=None, on=RECEIVED)

    point.refresh_from_db()
    assert point.theme == "Communication"
    assert case.events.filter(action="set_theme").exists()
