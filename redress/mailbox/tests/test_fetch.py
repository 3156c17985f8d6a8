"""Reading a real IMAP server (dovecot, from tests/imap.py): every message kept exactly once, and
moved on the server only after it is saved."""

import time
from datetime import UTC, datetime

import pytest

from redress.cases.tests.factories import received_case
from redress.mailbox import fetch, services
from redress.mailbox.fetch import fetch_mail
from redress.mailbox.imap import SAVED_KEYWORD, Mailbox, MailboxError, quoted
from redress.mailbox.models import InboundMessage, MessageStatus
from redress.mailbox.parsing import message_key, parse
from redress.mailbox.services import message_receive
from redress.mailbox.tests import emails

pytestmark = pytest.mark.django_db
WHEN = datetime(2026, 3, 18, 9, 31, 5, tzinfo=UTC)


def statuses() -> dict[str, int]:
    counts: dict[str, int] = {}
    for status in InboundMessage.objects.values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return counts


def logged(server, text: str, seconds: float = 10) -> bool:
    """Whether dovecot logs `text` soon: its processes write the log after the client has gone."""
    deadline = time.monotonic() + seconds
    while text not in server.log():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def kept_keys() -> set[str]:
    return set(InboundMessage.objects.values_list("message_id", flat=True))


def test_every_kind_of_email_is_kept_once_and_moved(imap_server):
    case = received_case()
    delivered = {
        "plain": emails.plain(),
        "html": emails.html_only(),
        "alternative": emails.alternative(),
        "attachments": emails.with_attachments(),
        "quoting": emails.quoting(
            case.reference, attachments=(("letter.pdf", "application/pdf", emails.PDF),)
        ),
        "broken": emails.broken_mime(),
        "binary": emails.not_an_email(),
        "auto_reply": emails.auto_reply(),
        "own_letter": emails.own_letter(case.reference),
        "bounce": emails.bounce(case.reference),
    }
    imap_server.deliver(*delivered.values(), when=WHEN)
    assert imap_server.folders() == ["INBOX"]

    report = fetch_mail()

    assert report.stopped == ""
    assert report.moved == len(delivered)
    assert (
        statuses()
        == report.new
        == {
            MessageStatus.AWAITING_TRIAGE: 4,
            MessageStatus.FILED: 2,  # the reply and the bounce
            MessageStatus.UNREADABLE: 2,
            MessageStatus.SET_ASIDE: 2,  # Redress's own email and the automatic reply
        }
    )
    assert (imap_server.count("INBOX"), imap_server.count("Redress")) == (0, len(delivered))
    # What is kept is what the server held, byte for byte, received when the server says.
    on_server = sorted(raw for _, raw in imap_server.messages("Redress"))
    kept = sorted(message.raw.read() for message in InboundMessage.objects.all())
    assert kept == on_server
    assert set(InboundMessage.objects.values_list("received_at", flat=True)) == {WHEN}

    html = InboundMessage.objects.get(subject="Complaint (HTML)")
    assert "Nobody called me back." in html.body
    assert "<" not in html.body
    with_files = InboundMessage.objects.get(subject="Complaint with evidence")
    assert [a.name for a in with_files.attachments.all()] == [
        "letter.pdf", "photo.png", "voicemail.mp3",
    ]  # fmt: skip
    assert with_files.attachments.get(name="voicemail.mp3").file.read() == emails.MP3
    reply = InboundMessage.objects.get(subject=f"RE: Your complaint {case.reference}")
    assert (reply.status, reply.case_id) == (MessageStatus.FILED, case.pk)
    assert [d.title for d in case.documents.order_by("pk")] == [
        f"Email from sam.parent@example.org: RE: Your complaint {case.reference}",
        "letter.pdf",
        "Email from MAILER-DAEMON@mx.example.net: Undelivered Mail Returned to Sender",
    ]
    assert case.events.filter(action="email_filed").count() == 2
    broken = InboundMessage.objects.get(message_id="<broken-mime@example.org>")
    assert broken.status == MessageStatus.UNREADABLE
    assert "separator between the parts never appears" in broken.problem


def test_a_rerun_after_a_successful_fetch_adds_nothing(imap_server):
    imap_server.deliver(emails.plain(), emails.with_attachments(), emails.broken_mime())
    assert sum(fetch_mail().new.values()) == 3

    again = fetch_mail()

    assert (sum(again.new.values()), again.already_kept, again.moved) == (0, 0, 0)
    assert InboundMessage.objects.count() == 3
    assert (imap_server.count("INBOX"), imap_server.count("Redress")) == (0, 3)


def test_a_connection_dropped_half_way_loses_nothing_and_keeps_nothing_twice(imap_server):
    delivered = [emails.email(f"Complaint {n}") for n in range(1, 8)]
    imap_server.deliver(*delivered)
    saved: list[str] = []

    def crash_after_the_third(message: InboundMessage) -> None:
        saved.append(message.subject)
        if len(saved) == 3:
            imap_server.kill()

    # Two at a time: the first two are saved and moved; the server dies while the next two are
    # being saved, so they are saved but cannot be moved; the last three are never fetched.
    stopped = fetch_mail(batch_size=2, on_saved=crash_after_the_third)

    assert "the connection to the mailbox failed" in stopped.stopped
    assert saved == ["Complaint 1", "Complaint 2", "Complaint 3", "Complaint 4"]
    assert InboundMessage.objects.count() == 4
    imap_server.start()
    assert (imap_server.count("INBOX"), imap_server.count("Redress")) == (5, 2)

    resumed = fetch_mail()

    assert (sum(resumed.new.values()), resumed.already_kept, resumed.moved) == (3, 2, 5)
    assert kept_keys() == {message_key(raw) for raw in delivered}
    assert (imap_server.count("INBOX"), imap_server.count("Redress")) == (0, 7)
    assert fetch_mail().moved == 0
    assert InboundMessage.objects.count() == 7


def test_an_email_saved_before_a_crash_is_only_moved_next_time(imap_server):
    raw = emails.with_attachments()
    imap_server.deliver(raw)
    message, _ = message_receive(raw=raw, received_at=WHEN)  # saved; the move never happened

    report = fetch_mail()

    assert (sum(report.new.values()), report.already_kept, report.moved) == (0, 1, 1)
    assert InboundMessage.objects.get().pk == message.pk
    assert message.attachments.count() == 3
    assert (imap_server.count("INBOX"), imap_server.count("Redress")) == (0, 1)


def test_emails_a_person_has_already_opened_are_taken_too(imap_server):
    imap_server.deliver(emails.plain(), flags="(\\Seen)")
    assert sum(fetch_mail().new.values()) == 1
    assert imap_server.count("INBOX") == 0


def test_without_a_done_folder_emails_are_flagged_and_left_in_place(imap_server, settings):
    settings.REDRESS_MAILBOX = imap_server.settings(DONE_FOLDER="")
    imap_server.deliver(emails.plain(), emails.alternative())

    assert fetch_mail().moved == 2

    flags = [flags for flags, _ in imap_server.messages("INBOX")]
    assert len(flags) == 2
    assert all(b"\\Seen" in f and SAVED_KEYWORD.encode() in f for f in flags)
    assert imap_server.folders() == ["INBOX"]
    imap_server.deliver(emails.html_only())
    again = fetch_mail()
    assert (sum(again.new.values()), again.already_kept) == (1, 0)
    assert InboundMessage.objects.count() == 3


def test_a_server_without_move_gets_a_copy_and_an_expunge(imap_server):
    imap_server.deliver(emails.plain(), emails.alternative(), emails.html_only())
    with Mailbox(imap_server.settings()) as mailbox:
        uids = [uid for uid, _ in mailbox.pending()]
        mailbox._copy_and_expunge(",".join(str(uid) for uid in uids[:2]))
    assert (imap_server.count("INBOX"), imap_server.count("Redress")) == (1, 2)


@pytest.mark.parametrize(
    ("most", "budget", "expected"),
    [
        (2, 1000, [[1, 2], [3, 4], [5]]),
        (10, 250, [[1, 2], [3], [4], [5]]),  # 100 + 100 bytes; 300 and 400 alone; then 50
        (10, 10_000, [[1, 2, 3, 4, 5]]),
    ],
)
def test_emails_are_fetched_in_batches_bounded_in_number_and_bytes(most, budget, expected):
    pending = [(1, 100), (2, 100), (3, 300), (4, 400), (5, 50)]
    assert list(fetch.batches(pending, most, budget)) == expected


def test_the_folder_lists_what_is_pending_with_sizes(imap_server, settings):
    small, large = emails.plain(), emails.with_attachments()
    imap_server.deliver(small, large)
    with Mailbox(imap_server.settings()) as mailbox:
        pending = mailbox.pending()
    assert [uid for uid, _ in pending] == [1, 2]
    assert pending[0][1] < pending[1][1]
    assert pending[1][1] >= len(large)


def test_an_unexpected_failure_keeps_the_email_as_unreadable(imap_server, monkeypatch):
    def parser_bug(raw, **kwargs):
        raise RuntimeError("a bug in Redress")

    monkeypatch.setattr(services, "parse", parser_bug)
    raw = emails.plain()
    imap_server.deliver(raw)

    report = fetch_mail()

    message = InboundMessage.objects.get()
    assert (message.status, message.message_id) == (MessageStatus.UNREADABLE, message_key(raw))
    assert message.problem == "Redress failed while reading it (RuntimeError: a bug in Redress)"
    assert message.subject == "Complaint about my son's placement"
    assert report.moved == 1


def test_an_email_that_cannot_be_kept_at_all_stays_on_the_server(imap_server, monkeypatch):
    real_receive = fetch.message_receive

    def database_refuses(*, raw, received_at):
        if b"Complaint 2" in raw:
            raise OSError("disk full")
        return real_receive(raw=raw, received_at=received_at)

    def and_refuses_again(**kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(fetch, "message_receive", database_refuses)
    monkeypatch.setattr(fetch, "message_keep_unreadable", and_refuses_again)
    imap_server.deliver(*(emails.email(f"Complaint {n}") for n in (1, 2, 3)))

    report = fetch_mail()

    assert (sum(report.new.values()), report.moved) == (2, 2)
    assert report.left[0].endswith("(OSError: disk full)")
    assert [raw for _, raw in imap_server.messages("INBOX") if b"Complaint 2" in raw]
    assert imap_server.count("Redress") == 2


def test_a_server_that_is_down_stops_the_run_with_the_reason(imap_server):
    imap_server.kill()
    report = fetch_mail()
    assert "the connection to the mailbox failed" in report.stopped
    assert "Stopped early: the connection to the mailbox failed" in report.lines()[-1]


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"PASSWORD": "wrong"}, "The mailbox refused the user name or password"),
        ({"HOST": ""}, "No mailbox is configured"),
        ({"TLS": "maybe"}, "must be ssl, starttls or none, not 'maybe'"),
        ({"HOST": "imap.council.example"}, "allowed only for a server on this machine"),
        ({"FOLDER": "Complaints"}, "Opening the folder Complaints: .*Check REDRESS_MAILBOX_FOLDER"),
    ],
)
def test_a_mailbox_configured_wrongly_is_refused_clearly(imap_server, changes, error):
    with pytest.raises(MailboxError, match=error):
        fetch_mail(config=imap_server.settings(**changes))


@pytest.mark.parametrize("tls", ["ssl", "starttls"])
def test_the_mailbox_is_read_over_tls_checking_the_server_s_certificate(imap_tls_server, tls):
    imap_tls_server.deliver(emails.plain())
    port = imap_tls_server.tls_port if tls == "ssl" else imap_tls_server.port
    report = fetch_mail(config=imap_tls_server.settings(TLS=tls, PORT=port))
    assert (sum(report.new.values()), report.moved) == (1, 1)
    sign_in = [line for line in imap_tls_server.log().splitlines() if "Login: user=" in line][-1]
    assert ", TLS," in sign_in  # dovecot says "secured" for plain connections from this machine


def test_a_server_whose_certificate_is_not_trusted_is_not_given_the_password(imap_tls_server):
    imap_tls_server.deliver(emails.plain())
    sign_ins = imap_tls_server.log().count("Login: user=")
    report = fetch_mail(config=imap_tls_server.settings(CA_FILE=""))
    assert "CERTIFICATE_VERIFY_FAILED" in report.stopped
    assert logged(imap_tls_server, "alert unknown ca")
    assert imap_tls_server.log().count("Login: user=") == sign_ins
    assert InboundMessage.objects.count() == 0


def test_attachments_past_the_caps_are_listed_and_the_server_keeps_the_whole_email(
    imap_server, settings
):
    settings.REDRESS_MAILBOX = imap_server.settings(MAX_ATTACHMENTS=2, MAX_ATTACHMENT_MB=1)
    case = received_case()
    notes = tuple((f"note-{n}.txt", "text/plain", f"Note {n}".encode()) for n in range(1, 6))
    video = b"\x00\x00\x00\x18ftypmp42" + bytes(1024 * 1024)
    delivered = {
        "many": emails.email("Five notes", attachments=notes),
        "large": emails.email(
            "A video",
            attachments=(
                ("video.mp4", "video/mp4", video),
                ("letter.pdf", "application/pdf", emails.PDF),
            ),
        ),
        "filed": emails.quoting(case.reference, attachments=notes[:3]),
    }  # fmt: skip
    imap_server.deliver(*delivered.values(), when=WHEN)

    report = fetch_mail()

    assert (report.stopped, report.moved, report.left) == ("", 3, [])
    many = InboundMessage.objects.get(subject="Five notes")
    assert many.status == MessageStatus.AWAITING_TRIAGE
    assert [a.name for a in many.attachments.all()] == ["note-1.txt", "note-2.txt"]
    assert many.left_out == [
        {"name": f"note-{n}.txt", "size": 6, "reason": "more than 2 attachments"} for n in (3, 4, 5)
    ]
    large = InboundMessage.objects.get(subject="A video")
    assert [a.name for a in large.attachments.all()] == ["letter.pdf"]
    assert large.left_out == [
        {"name": "video.mp4", "size": len(video), "reason": "larger than the 1 MB limit"}
    ]
    filed = InboundMessage.objects.get(case=case)
    assert filed.status == MessageStatus.FILED
    assert [d.title for d in case.documents.order_by("pk")][1:] == ["note-1.txt", "note-2.txt"]
    # Nothing is lost: the done folder, and each raw email kept, hold every attachment.
    on_server = sorted(raw for _, raw in imap_server.messages("Redress"))
    assert sorted(len(parse(raw).attachments) for raw in on_server) == [2, 3, 5]
    assert sorted(m.raw.read() for m in InboundMessage.objects.all()) == on_server


def test_folders_with_names_beyond_ascii_are_read_from_and_moved_to(imap_server, settings):
    incoming, done = "Réclamations", "Complaints \u2013 done"  # an accent; an en dash
    with imap_server.client() as imap:
        assert imap.create(quoted(incoming))[0] == "OK"
    raws = [emails.plain(), emails.with_attachments()]
    imap_server.deliver(*raws, folder=quoted(incoming))
    settings.REDRESS_MAILBOX = imap_server.settings(FOLDER=incoming, DONE_FOLDER=done)

    report = fetch_mail()

    assert (report.stopped, report.moved) == ("", 2)
    assert report.lines()[1] == f"2 moved to {done}"
    assert InboundMessage.objects.count() == 2
    assert (imap_server.count(quoted(incoming)), imap_server.count(quoted(done))) == (0, 2)
    on_server = sorted(raw for _, raw in imap_server.messages(quoted(done)))
    assert sorted(m.raw.read() for m in InboundMessage.objects.all()) == on_server
    assert {message_key(raw) for raw in on_server} == {message_key(raw) for raw in raws}
    with imap_server.client() as imap:  # the server holds them under their RFC 3501 names
        _, listed = imap.list()
    names = {line.rsplit(b' "." ', 1)[-1].strip(b'"') for line in listed if line}
    assert names == {b"INBOX", b"R&AOk-clamations", b"Complaints &IBM- done"}
    again = fetch_mail()  # the done folder is found, not created twice
    assert (again.stopped, again.moved) == ("", 0)
