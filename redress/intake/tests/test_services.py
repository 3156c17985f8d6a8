"""The public side's writes: sending a form (all or nothing, once), one-time codes, rate limits,
asking for the next stage in time and late, withdrawing, adding information."""

from datetime import date, timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from redress.cases.models import Case, CaseEvent, Document
from redress.cases.services import StaleCase
from redress.domain.rules import Rule
from redress.domain.workflow import Action, InvalidTransition, Stage
from redress.intake import selectors, services
from redress.intake.models import (
    ComplainantMessage,
    Draft,
    HeldUpload,
    LateStageRequest,
    RateLimitHit,
    Submission,
    TrackingCode,
)
from redress.intake.tests.builders import (
    COMPLAINANT_EMAIL,
    adjudicated_case,
    at,
    complaint_from,
    corporate_responded_case,
    fill_in,
    responded_case,
    take,
)
from redress.intake.tests.journey_data import FEEDBACK, PARENT_COMPLAINT, YOUNG_PERSON
from redress.intake.uploads import CheckedUpload

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 6, 15)
CLIENT = "client-key"


@pytest.fixture
def monday(time_machine):
    time_machine.move_to(at(MONDAY), tick=False)
    return at(MONDAY)


def pdf(name: str = "letter.pdf") -> CheckedUpload:
    return CheckedUpload(SimpleUploadedFile(name, b"%PDF-1.7 test"), name, "application/pdf")


def send(draft: Draft, now=None) -> Submission:
    return services.submission_confirm(
        key=draft.key, journey=draft.journey, client=CLIENT, now=now or timezone.now()
    )


# --- Sending a form -----------------------------------------------------------------------------


def test_sending_a_complaint_creates_one_case_with_its_people_points_and_clock(monday):
    draft = fill_in("complaint", PARENT_COMPLAINT, MONDAY)

    submission = send(draft, monday)

    case = submission.case
    assert Case.objects.get() == case
    assert (case.stage, case.channel, case.received_on) == ("received", "online_form", MONDAY)
    assert case.service_area == "child_in_care"
    assert case.grounds_arose_on == date(2026, 3, 2)
    assert sorted(case.people.values_list("role", "name")) == [
        ("child", "Alex Parent"),
        ("complainant", "Sam Parent"),
    ]
    assert list(case.points.values_list("summary", flat=True)) == [
        PARENT_COMPLAINT["what-happened"]["details"]
    ]
    assert case.clocks.get().rule == Rule.ACK
    assert submission.key == draft.key
    assert submission.answers["who"] == {"who": "parent"}
    assert not Draft.objects.exists()


def test_uploads_held_with_the_draft_move_onto_the_case_as_evidence(
    monday, django_capture_on_commit_callbacks
):
    draft = fill_in("complaint", PARENT_COMPLAINT, MONDAY)
    services.held_upload_add(key=draft.key, journey="complaint", checked=pdf("visit notes.pdf"))
    held_file = HeldUpload.objects.get().file.name
    assert default_storage.exists(held_file)

    with django_capture_on_commit_callbacks(execute=True):
        case = send(draft, monday).case

    document = case.documents.get()
    assert (document.kind, document.title, document.content_type) == (
        Document.Kind.EVIDENCE,
        "visit notes.pdf",
        "application/pdf",
    )
    assert document.file.read() == b"%PDF-1.7 test"
    assert not HeldUpload.objects.exists()
    assert not default_storage.exists(held_file)  # removed once the case had its copy


def test_sending_twice_returns_the_first_submission_and_creates_nothing_more(monday):
    draft = fill_in("complaint", PARENT_COMPLAINT, MONDAY)

    first = send(draft, monday)
    second = send(draft, monday)

    assert second == first
    assert Case.objects.count() == 1
    assert Submission.objects.count() == 1


def test_a_failure_part_way_through_sending_saves_nothing_and_keeps_the_draft(monday):
    draft = fill_in("complaint", PARENT_COMPLAINT, MONDAY)
    services.held_upload_add(key=draft.key, journey="complaint", checked=pdf())
    default_storage.delete(HeldUpload.objects.get().file.name)  # the disk lost the file

    with pytest.raises(FileNotFoundError):
        send(draft, monday)

    assert not Case.objects.exists()
    assert not CaseEvent.objects.exists()
    assert not Submission.objects.exists()
    assert Draft.objects.get() == draft
    assert HeldUpload.objects.count() == 1


def test_an_unfinished_form_is_not_sent():
    draft = services.draft_record_answer(
        key=None, journey="complaint", step="who", answer={"who": "parent"}
    )

    with pytest.raises(services.DraftIncomplete) as missing:
        send(draft)

    assert missing.value.step == "about-you"
    assert not Case.objects.exists()


def test_a_form_left_longer_than_the_draft_hours_has_gone(settings, time_machine, monday):
    settings.REDRESS_DRAFT_HOURS = 2
    draft = fill_in("complaint", PARENT_COMPLAINT, MONDAY)
    time_machine.shift(timedelta(hours=3))

    with pytest.raises(services.DraftGone):
        send(draft)
    assert services.drafts_prune(now=timezone.now()) == 1
    assert not Draft.objects.exists()


def test_sending_puts_what_the_team_must_act_on_on_the_timeline(monday):
    answers = {
        **PARENT_COMPLAINT,
        "who": {"who": "child"},
        "about-you": {"name": "Jo Young"},
        "advocate": {"advocate": "yes"},
        "when-date": {"date_day": "1", "date_month": "2", "date_year": "2025"},
        "why-now": {"why_not_sooner": "I was scared", "can_still_look": "My diary"},
        "safe-contact": {"safe": "no"},
        "safe-how": {"safe_details": "Text only, after 4pm"},
    }
    case = send(fill_in("complaint", answers, MONDAY), monday).case

    event = case.events.get(action="submitted_online")
    assert case.late is True
    assert case.advocacy_offered is True
    assert event.details["advocate_requested"] is True
    assert event.details["late_reasons"] == {
        "why_not_sooner": "I was scared",
        "can_still_look": "My diary",
    }
    assert event.details["contact_safety"] == "Text only, after 4pm"


def test_the_confirmation_email_goes_through_smtp_with_the_reference(
    smtp_server, monday, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = send(fill_in("complaint", PARENT_COMPLAINT, MONDAY), monday).case

    (message,) = smtp_server.wait_for(1)
    assert message["To"] == PARENT_COMPLAINT["contact"]["email"]
    assert case.reference in message["Subject"]
    body = message.get_content()
    assert "Monday 22 June 2026" in body  # 5 working days after Monday 15 June
    assert "&#39;" not in body


def test_no_email_is_sent_when_the_complainant_says_it_is_not_safe(
    smtp_server, monday, django_capture_on_commit_callbacks
):
    answers = {
        **PARENT_COMPLAINT,
        "safe-contact": {"safe": "no"},
        "safe-how": {"safe_details": "Phone only"},
    }

    with django_capture_on_commit_callbacks(execute=True):
        send(fill_in("complaint", answers, MONDAY), monday)

    assert smtp_server.wait_for(1, timeout=0.5) == []


def test_a_mail_server_that_is_down_does_not_lose_the_complaint(
    settings, monday, django_capture_on_commit_callbacks
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 1},
        }
    }

    with django_capture_on_commit_callbacks(execute=True):
        submission = send(fill_in("complaint", PARENT_COMPLAINT, MONDAY), monday)

    assert Case.objects.get() == submission.case


@pytest.mark.parametrize(
    ("journey", "data", "complainant_type"),
    [("young_person", YOUNG_PERSON, "child"), ("feedback", FEEDBACK, "")],
)
def test_the_young_persons_version_and_feedback_create_cases_too(
    journey, data, complainant_type, monday
):
    case = send(fill_in(journey, data, MONDAY), monday).case

    assert case.people.get().complainant_type == complainant_type
    assert case.online_submission.journey == journey


# --- Rate limits ---------------------------------------------------------------------------------


def test_a_rate_limit_counts_only_actions_inside_its_window(settings, monday):
    settings.REDRESS_RATE_LIMITS = {**settings.REDRESS_RATE_LIMITS, "submission": "2/60"}

    def consume(seconds_later: int) -> bool:
        now = monday + timedelta(seconds=seconds_later)
        return services.rate_limit_consume(bucket="submission", key="a", now=now)

    assert [consume(0), consume(1), consume(2)] == [True, True, False]
    assert services.rate_limit_consume(bucket="submission", key="b", now=monday)  # another client
    assert consume(61)  # the first has left the window
    assert RateLimitHit.objects.filter(key="a").count() == 3


# --- One-time codes ------------------------------------------------------------------------------


def request_code(case: Case, now, email: str = COMPLAINANT_EMAIL) -> None:
    services.tracking_code_request(reference=case.reference, email=email, client=CLIENT, now=now)


def code_in(message) -> str:
    return next(
        line.strip() for line in message.get_content().splitlines() if line.strip().isdigit()
    )


def test_a_code_is_emailed_and_only_its_hash_is_stored(
    smtp_server, monday, django_capture_on_commit_callbacks
):
    case = responded_case(MONDAY)

    with django_capture_on_commit_callbacks(execute=True):
        request_code(case, monday, email="Sam.Parent@Example.org ")

    (message,) = smtp_server.wait_for(1)
    code = code_in(message)
    assert len(code) == 6
    stored = TrackingCode.objects.get()
    assert code not in stored.code_hash
    assert stored.expires_at == monday + timedelta(minutes=15)
    assert message["To"] == COMPLAINANT_EMAIL


def test_no_code_is_sent_for_a_reference_and_email_that_do_not_match(
    smtp_server, monday, django_capture_on_commit_callbacks
):
    case = responded_case(MONDAY)

    with django_capture_on_commit_callbacks(execute=True):
        request_code(case, monday, email="someone.else@example.org")
        services.tracking_code_request(
            reference="CSC-2099-00001", email=COMPLAINANT_EMAIL, client=CLIENT, now=monday
        )

    assert smtp_server.wait_for(1, timeout=0.5) == []
    assert not TrackingCode.objects.exists()


def verify(case: Case, code: str, now) -> int:
    return services.tracking_code_verify(
        reference=case.reference, email=COMPLAINANT_EMAIL, code=code, client=CLIENT, now=now
    )


@pytest.fixture
def emailed_code(smtp_server, monday, django_capture_on_commit_callbacks):
    case = responded_case(MONDAY)
    with django_capture_on_commit_callbacks(execute=True):
        request_code(case, monday)
    return case, code_in(smtp_server.wait_for(1)[0])


def test_the_right_code_signs_in_once(emailed_code, monday):
    case, code = emailed_code

    assert verify(case, code, monday) == case.pk
    with pytest.raises(services.CodeRejected, match="The security code is incorrect"):
        verify(case, code, monday)


def test_a_code_stops_working_after_too_many_wrong_tries(emailed_code, monday, settings):
    case, code = emailed_code
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(settings.REDRESS_TRACKING_CODE_ATTEMPTS):
        with pytest.raises(services.CodeRejected, match="incorrect"):
            verify(case, wrong, monday)

    with pytest.raises(services.CodeRejected, match="wrong code too many times"):
        verify(case, code, monday)


def test_an_expired_code_is_refused(emailed_code, monday):
    case, code = emailed_code

    with pytest.raises(services.CodeRejected, match="expired"):
        verify(case, code, monday + timedelta(minutes=16))


def test_asking_again_replaces_the_old_code(
    emailed_code, smtp_server, monday, django_capture_on_commit_callbacks
):
    case, old = emailed_code
    with django_capture_on_commit_callbacks(execute=True):
        request_code(case, monday + timedelta(minutes=1))
    new = code_in(smtp_server.wait_for(2)[1])

    if new != old:
        with pytest.raises(services.CodeRejected):
            verify(case, old, monday + timedelta(minutes=2))
    assert verify(case, new, monday + timedelta(minutes=2)) == case.pk


def test_code_requests_for_one_case_are_limited(settings, monday):
    settings.REDRESS_RATE_LIMITS = {
        **settings.REDRESS_RATE_LIMITS,
        "code_request_reference": "2/3600",
    }
    case = responded_case(MONDAY)
    request_code(case, monday)
    request_code(case, monday)

    with pytest.raises(services.CodeRequestRefused):
        request_code(case, monday)
    assert TrackingCode.objects.count() == 2


def test_code_checks_from_one_address_are_limited(settings, emailed_code, monday):
    settings.REDRESS_RATE_LIMITS = {**settings.REDRESS_RATE_LIMITS, "code_check": "1/3600"}
    case, code = emailed_code

    with pytest.raises(services.CodeRejected, match="incorrect"):
        verify(case, "000000" if code != "000000" else "111111", monday)
    with pytest.raises(services.CodeRejected, match="tried too many codes"):
        verify(case, code, monday)


# --- The next stage ------------------------------------------------------------------------------


def ask(case: Case, on: date, why_now: str = "") -> services.StageRequestOutcome:
    return services.next_stage_request(
        case_id=case.pk,
        expected_stage=Stage(case.stage),
        reason="The response did not answer my complaint",
        why_now=why_now,
        on=on,
    )


def test_the_window_to_ask_for_stage_2_comes_from_the_running_clock():
    case = responded_case(date(2025, 7, 1))

    window = selectors.next_stage_for(case)

    assert (window.action, window.name) == (Action.REQUEST_STAGE2, "stage 2")
    assert window.last_day == date(2025, 7, 29)  # domain E12: 20 working days
    assert not window.is_late(date(2025, 7, 29))
    assert window.is_late(date(2025, 7, 30))


def test_asking_for_stage_2_in_time_moves_the_case():
    case = responded_case(date(2025, 7, 1))

    assert ask(case, date(2025, 7, 29)) is services.StageRequestOutcome.ACCEPTED

    case.refresh_from_db()
    assert case.stage == Stage.S2_REQUESTED
    assert not LateStageRequest.objects.exists()


def test_a_late_request_is_recorded_for_a_manager_and_never_refused():
    case = responded_case(date(2025, 7, 1))

    outcome = ask(case, date(2025, 7, 30), why_now="I was in hospital")

    assert outcome is services.StageRequestOutcome.AWAITING_DECISION
    case.refresh_from_db()
    assert case.stage == Stage.RESPONDED_S1  # waiting for the manager's discretion decision
    late = LateStageRequest.objects.get()
    assert (late.requested_on, late.window_closed_on, late.why_now, late.action) == (
        date(2025, 7, 30),
        date(2025, 7, 29),
        "I was in hospital",
        Action.REQUEST_STAGE2,
    )
    event = case.events.get(action="late_stage_request")
    assert event.details["window_closed_on"] == "2025-07-29"
    assert selectors.late_request_pending(case) == late
    assert list(LateStageRequest.objects.awaiting_decision()) == [late]


def test_a_late_request_without_a_reason_for_asking_now_changes_nothing():
    case = responded_case(date(2025, 7, 1))

    with pytest.raises(services.WhyNowNeeded) as needed:
        ask(case, date(2025, 7, 30))

    assert needed.value.last_day == date(2025, 7, 29)
    assert not LateStageRequest.objects.exists()
    assert not case.events.filter(action="late_stage_request").exists()


def test_a_late_request_made_twice_is_queued_once():
    case = responded_case(date(2025, 7, 1))
    ask(case, date(2025, 7, 30), why_now="Away")
    ask(case, date(2025, 7, 31), why_now="Away")

    assert LateStageRequest.objects.count() == 1


def test_a_late_request_leaves_the_queue_once_a_manager_decides():
    from redress.domain.facts import Discretion
    from redress.intake.tests.builders import take

    case = responded_case(date(2025, 7, 1))
    ask(case, date(2025, 7, 30), why_now="Away")
    take(
        case,
        Action.REQUEST_STAGE2,
        date(2025, 7, 30),
        discretion=Discretion.ACCEPT,
        reason="Good reason",
    )

    assert not LateStageRequest.objects.awaiting_decision().exists()


def test_asking_for_a_review_panel_uses_the_stage_3_window():
    case = adjudicated_case(date(2026, 6, 4))

    window = selectors.next_stage_for(case)
    assert (window.action, window.last_day) == (Action.REQUEST_STAGE3, date(2026, 7, 2))

    assert ask(case, date(2026, 7, 2)) is services.StageRequestOutcome.ACCEPTED
    case.refresh_from_db()
    assert case.stage == Stage.S3_REQUESTED


def test_a_corporate_stage_2_request_after_the_window_asks_why_now_and_goes_to_a_manager():
    # Item 12.5: was "taken even after the window"; the corporate window is a clock now, counted
    # from when the complainant received the response, and a late request is the manager's call
    case = corporate_responded_case(date(2026, 6, 1))
    window = selectors.next_stage_for(case)
    assert (window.action, window.last_day) == (Action.REQUEST_CORPORATE_STAGE2, date(2026, 6, 29))

    with pytest.raises(services.WhyNowNeeded):
        ask(case, date(2026, 7, 15))
    outcome = ask(case, date(2026, 7, 15), why_now="I was in hospital")

    assert outcome is services.StageRequestOutcome.AWAITING_DECISION
    case.refresh_from_db()
    assert case.stage == Stage.CORP_S1_RESPONDED
    assert selectors.late_request_pending(case) is not None


def test_a_corporate_stage_2_request_in_the_window_is_taken() -> None:
    case = corporate_responded_case(date(2026, 6, 1))
    assert ask(case, date(2026, 6, 29)) is services.StageRequestOutcome.ACCEPTED
    case.refresh_from_db()
    assert case.stage == Stage.CORP_S2


def test_a_request_on_a_case_that_moved_meanwhile_is_refused_as_stale():
    case = responded_case(date(2025, 7, 1))
    ask(case, date(2025, 7, 2))

    with pytest.raises(StaleCase):
        services.next_stage_request(
            case_id=case.pk,
            expected_stage=Stage.RESPONDED_S1,
            reason="x",
            why_now="",
            on=date(2025, 7, 3),
        )


# --- Withdrawing and adding information ----------------------------------------------------------


def test_withdrawing_stops_every_clock_and_confirms_by_email(
    smtp_server, django_capture_on_commit_callbacks
):
    case = complaint_from(COMPLAINANT_EMAIL, date(2026, 6, 1))
    take(case, Action.ACCEPT_STATUTORY, date(2026, 6, 1))

    with django_capture_on_commit_callbacks(execute=True):
        services.complaint_withdraw(
            case_id=case.pk, expected_stage=Stage.STAT_S1, reason="", on=date(2026, 6, 2)
        )

    case.refresh_from_db()
    assert case.stage == Stage.WITHDRAWN
    assert not case.clocks.running().exists()
    (message,) = smtp_server.wait_for(1)
    assert "withdrawn" in message["Subject"]
    assert case.events.get(action="withdraw").details["request"]["reason"] == (
        "Withdrawn by the complainant online"
    )


def test_an_answered_complaint_is_not_withdrawn():
    # Item 12.12: was withdrawn from stage 1 answered; after a response the case closes instead
    case = responded_case(date(2026, 6, 1))
    assert not selectors.can_withdraw(case)

    with pytest.raises(InvalidTransition, match="after a response a case closes"):
        services.complaint_withdraw(
            case_id=case.pk, expected_stage=Stage.RESPONDED_S1, reason="", on=date(2026, 6, 2)
        )

    case.refresh_from_db()
    assert case.stage == Stage.RESPONDED_S1
    assert case.clocks.running().filter(rule=Rule.STAGE2_REQUEST_WINDOW).exists()


def test_information_added_later_is_kept_and_on_the_timeline():
    case = responded_case(date(2026, 6, 1))

    services.complainant_information_add(
        case_id=case.pk, text="The visit was cancelled again", upload=pdf(), on=date(2026, 6, 3)
    )

    assert ComplainantMessage.objects.get().text == "The visit was cancelled again"
    assert case.documents.get().kind == Document.Kind.EVIDENCE
    assert {"complainant_added_information", "add_document"} <= set(
        case.events.values_list("action", flat=True)
    )


def test_the_prune_command_deletes_expired_forms_and_their_files(
    settings, time_machine, monday, django_capture_on_commit_callbacks
):
    from io import StringIO

    from django.core.management import call_command

    settings.REDRESS_DRAFT_HOURS = 1
    draft = fill_in("complaint", PARENT_COMPLAINT, MONDAY)
    services.held_upload_add(key=draft.key, journey="complaint", checked=pdf())
    held_file = HeldUpload.objects.get().file.name
    services.rate_limit_consume(bucket="submission", key="a", now=timezone.now())
    time_machine.shift(timedelta(hours=2))
    services.rate_limit_consume(bucket="submission", key="a", now=timezone.now())
    output = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("prune_intake", stdout=output)

    assert output.getvalue().strip() == "Deleted 1 unsent form(s)"
    assert not Draft.objects.exists()
    assert not default_storage.exists(held_file)
    assert RateLimitHit.objects.count() == 1  # the older count left every window
