"""Letters out of the door: a real SMTP server, a dead one, GOV.UK Notify on loopback, and post."""

import json
import socket
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import jwt
import pytest
from django.core.management import call_command
from django.utils import timezone

from redress.cases.models import CaseEvent
from redress.cases.tests.factories import staff
from redress.domain.workflow import Stage
from redress.letters import selectors
from redress.letters.models import Delivery, ImmutableRecordError, Letter
from redress.letters.services import (
    TemplateProblems,
    delivery_mark_posted,
    delivery_retry_now,
    letter_edit,
    letter_prepare,
    letter_send,
    letter_template_save,
    template_current,
)
from redress.letters.tests.walks import case_at

pytestmark = pytest.mark.django_db(transaction=True)


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--verbosity", "0")


def send(stage: Stage = Stage.STAT_S1, key: str = "acknowledgement", **walk_kwargs) -> Letter:
    walk = case_at(stage, **walk_kwargs)
    letter = letter_prepare(case_id=walk.case.pk, key=key, by=None, today=walk.today)
    return letter_send(letter_id=letter.pk, by=None, today=walk.today)


def dead_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def events(letter: Letter) -> list[str]:
    return list(
        CaseEvent.objects.filter(case=letter.case).order_by("pk").values_list("action", flat=True)
    )


def test_an_emailed_letter_arrives_as_html_with_a_plain_text_version_and_the_pdf(smtp_server):
    letter = send()

    run_worker()

    [message] = smtp_server.wait_for(1)
    assert message["To"] == "sam.parent@example.org"
    assert message["Subject"] == f"We have received your complaint ({letter.case.reference})"
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Wednesday 1 April 2026" in plain
    assert "<strong>Wednesday 1 April 2026</strong>" in html
    assert "<" not in plain
    [pdf] = [part for part in message.iter_attachments()]
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_content() == letter.document.file.open("rb").read()
    delivery = Delivery.objects.get(letter=letter)
    assert (delivery.status, delivery.attempts, delivery.transport) == ("sent", 1, "django")
    assert "send_letter" in events(letter)
    assert "add_document" in events(letter)


def test_with_the_mail_server_down_the_letter_is_retried_shown_on_the_case_and_not_lost(
    smtp_server, settings, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    working = settings.MAILERS
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": dead_port(), "timeout": 2},
        }
    }
    settings.REDRESS_LETTER_RETRY_DELAYS = [60, 300]
    letter = send()

    run_worker()

    delivery = Delivery.objects.get(letter=letter)
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.attempts == 1
    assert "Connection refused" in delivery.last_error
    assert delivery.next_attempt_at == timezone.now() + timedelta(seconds=60)
    assert "letter_delivery_retrying" in events(letter)
    assert list(selectors.deliveries_needing_attention(staff())) == [delivery]

    run_worker()  # too early: the retry waits for its time
    delivery.refresh_from_db()
    assert delivery.attempts == 1

    settings.MAILERS = working  # the server is back
    time_machine.shift(timedelta(seconds=61))
    run_worker()

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("sent", 2)
    [message] = smtp_server.wait_for(1)
    assert message["Subject"] == letter.subject
    assert list(delivery.attempt_log.values_list("number", "succeeded")) == [(1, False), (2, True)]
    assert "letter_delivered" in events(letter)
    assert list(selectors.deliveries_needing_attention(staff())) == []


def test_after_the_last_retry_the_email_is_marked_failed_for_staff_who_can_try_again(
    smtp_server, settings, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    working = settings.MAILERS
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": dead_port(), "timeout": 2},
        }
    }
    settings.REDRESS_LETTER_RETRY_DELAYS = [10]
    letter = send()
    run_worker()
    time_machine.shift(timedelta(seconds=11))
    run_worker()

    delivery = Delivery.objects.get(letter=letter)
    assert (delivery.status, delivery.attempts) == ("failed", 2)
    assert events(letter).count("letter_delivery_failed") == 1
    assert list(selectors.deliveries_needing_attention(staff())) == [delivery]

    settings.MAILERS = working
    delivery_retry_now(delivery_id=delivery.pk, by=staff())
    run_worker()

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("sent", 3)
    assert len(smtp_server.wait_for(1)) == 1


class NotifyStub(BaseHTTPRequestHandler):
    received: list[tuple[str, dict[str, str], dict]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        NotifyStub.received.append((self.path, dict(self.headers), body))
        reply = json.dumps({"id": "740e5834-3a29-46b4-9a6f-16142fde533a"}).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def notify(settings):
    server = HTTPServer(("127.0.0.1", 0), NotifyStub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    NotifyStub.received = []
    service_id, secret = (
        "26785a09-ab16-4eb0-8407-a37497a57506",
        "3d844edf-8d35-48ac-975b-e847b4f122b0",
    )
    settings.REDRESS_LETTERS_TRANSPORT = "notify"
    settings.REDRESS_NOTIFY_API_KEY = f"redress_test-{service_id}-{secret}"
    settings.REDRESS_NOTIFY_BASE_URL = f"http://127.0.0.1:{server.server_port}"
    settings.REDRESS_NOTIFY_EMAIL_TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a"
    yield NotifyStub.received, service_id, secret
    server.shutdown()
    thread.join()


def test_with_notify_selected_the_letter_goes_to_the_notify_api_signed_with_the_key(notify):
    received, service_id, secret = notify
    letter = send()

    run_worker()

    [(path, headers, body)] = received
    assert path == "/v2/notifications/email"
    token = headers["Authorization"].removeprefix("Bearer ")
    assert jwt.decode(token, secret, algorithms=["HS256"])["iss"] == service_id
    assert body["email_address"] == "sam.parent@example.org"
    assert body["template_id"] == "f33517ff-2a88-4f6e-b855-c550268ce08a"
    assert body["personalisation"]["subject"] == letter.subject
    assert "Wednesday 1 April 2026" in body["personalisation"]["body"]
    assert body["reference"] == f"{letter.case.reference}-letter-{letter.pk}"
    delivery = Delivery.objects.get(letter=letter)
    assert (delivery.status, delivery.transport) == ("sent", "notify")
    assert delivery.provider_reference == "740e5834-3a29-46b4-9a6f-16142fde533a"


def test_a_complainant_who_wants_post_gets_a_pdf_in_the_print_queue_until_it_is_posted(
    smtp_server,
):
    walk = case_at(Stage.STAT_S1, email="")
    letter = letter_prepare(case_id=walk.case.pk, key="acknowledgement", by=None, today=walk.today)
    assert letter.channel == "post"
    letter = letter_send(letter_id=letter.pk, by=None, today=walk.today)
    run_worker()

    officer = staff()
    [queued] = selectors.print_queue(officer)
    assert queued.letter == letter
    assert "12 Mill Lane" in queued.to_address
    delivery_mark_posted(delivery_id=queued.pk, by=officer, on=walk.today)
    assert list(selectors.print_queue(officer)) == []
    assert smtp_server.messages == []
    assert "post_letter" in events(letter)


def test_a_sent_letter_never_changes(smtp_server):
    letter = send()

    letter.body = "<p>Something else</p>"
    with pytest.raises(ImmutableRecordError):
        letter.save()
    with pytest.raises(ImmutableRecordError):
        letter.delete()


def test_a_template_with_an_unknown_merge_field_is_refused_and_a_good_one_is_a_new_version():
    with pytest.raises(TemplateProblems) as refused:
        letter_template_save(
            key="acknowledgement",
            subject="Received {{ case.reference }}",
            body="<p>Due {{ dates.stage1_respons_due | longdate }}</p>",
            note="typo",
            by=None,
        )
    assert refused.value.problems == [
        "Unknown merge field: dates.stage1_respons_due. The merge fields are listed beside the "
        "editor"
    ]

    shipped = template_current("acknowledgement").number
    version = letter_template_save(
        key="acknowledgement",
        subject="Received: {{ case.reference }}",
        body="<p>Your response is due by {{ dates.stage1_response_due | longdate }}.</p>",
        note="Shorter",
        by=None,
    )
    walk = case_at(Stage.STAT_S1)
    letter = letter_prepare(case_id=walk.case.pk, key="acknowledgement", by=None, today=walk.today)

    assert version.number == shipped + 1
    assert letter.template_version == version
    sent = letter_send(letter_id=letter.pk, by=None, today=walk.today)
    assert "Your response is due by Wednesday 1 April 2026." in sent.text


def test_a_letter_edited_before_sending_is_checked_like_a_template():
    walk = case_at(Stage.STAT_S1)
    letter = letter_prepare(case_id=walk.case.pk, key="acknowledgement", by=None, today=walk.today)

    with pytest.raises(TemplateProblems) as refused:
        letter_edit(letter_id=letter.pk, subject=letter.subject, body="<p>{{ dates.panel_by }}</p>",
                    channel="email", format="standard", by=None, today=walk.today)  # fmt: skip
    assert "dates.panel_by" in refused.value.problems[0]
    assert "does not have yet" in refused.value.problems[0]

    edited = letter_edit(
        letter_id=letter.pk,
        subject=letter.subject,
        body=letter.body + "<p>I will call you on Friday.</p>",
        channel="email",
        format="large_print",
        by=None,
        today=walk.today,
    )
    assert edited.edited
    sent = letter_send(letter_id=letter.pk, by=None, today=walk.today)
    assert "I will call you on Friday." in sent.text


def test_a_server_that_says_try_later_gets_the_letter_on_the_next_try(
    smtp_server, settings, time_machine
):
    from aiosmtpd.controller import Controller

    class TryLater:
        async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
            return "451 4.3.0 Mailbox temporarily unavailable, try again later"

    time_machine.move_to(timezone.now(), tick=False)
    busy = Controller(TryLater(), hostname="127.0.0.1", port=dead_port())
    busy.start()
    working = settings.MAILERS
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": busy.port, "timeout": 5},
        }
    }
    settings.REDRESS_LETTER_RETRY_DELAYS = [60]
    try:
        letter = send()
        run_worker()
    finally:
        busy.stop()
    delivery = Delivery.objects.get(letter=letter)
    assert delivery.status == Delivery.Status.PENDING
    assert "451" in delivery.last_error

    settings.MAILERS = working
    time_machine.shift(timedelta(seconds=61))
    run_worker()

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("sent", 2)
    assert [m["Subject"] for m in smtp_server.wait_for(1)] == [letter.subject]
