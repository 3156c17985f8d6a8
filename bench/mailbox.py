"""The complaints mailbox: emails per second from a real IMAP server into Redress, on PostgreSQL.

1,000 emails of mixed kinds (`BENCH_MAILBOX_EMAILS` changes the number) are put into a dovecot
started here (the test suite's server, tests/imap.py) with IMAP APPEND: plain text, HTML only,
both versions, attachments (a PDF, a photo and a recording, about 450 KB), replies quoting one of
20 existing cases (filed on it, with a PDF), automatic replies (set aside) and broken MIME
(unreadable). Then `fetch_mail` reads them all, as cron would run it: each is saved, its
attachments checked and stored, replies filed on their cases as documents with a timeline entry,
and every saved email moved to the done folder. It then runs again with nothing new.

It checks, and prints FAIL otherwise, that every email was kept exactly once and moved. Runs in
a child process against a database of its own, `redress_bench_mailbox`, created and dropped here
(`BENCH_POSTGRES_URL` names the server), with files in a temporary folder.
"""

import os
import shutil
import tempfile
import time
from pathlib import Path

from bench._child import on_server, run_in_child

DATABASE = "redress_bench_mailbox"
EMAILS = int(os.environ.get("BENCH_MAILBOX_EMAILS", "1000"))
CASES = 20
TIMEOUT_SECONDS = 1200
# Of every 20 emails: (kind, how many).
MIX = (
    ("plain", 6),
    ("html", 3),
    ("alternative", 3),
    ("attachments", 3),
    ("reply", 3),
    ("auto_reply", 1),
    ("broken", 1),
)


def run() -> list[str]:
    return run_in_child("bench.mailbox", DATABASE, TIMEOUT_SECONDS)


def _emails(references: list[str]) -> list[tuple[str, bytes]]:
    from redress.mailbox.tests import emails

    pdf = emails.PDF + b"%" + bytes(200 * 1024)  # sizes like a scanned letter and a phone photo
    png = emails.PNG + bytes(200 * 1024)
    mp3 = emails.MP3 + bytes(50 * 1024)
    kinds = [kind for kind, count in MIX for _ in range(count)]
    made = []
    for n in range(EMAILS):
        kind = kinds[n % len(kinds)]
        subject = f"Complaint {n}"
        if kind == "plain":
            raw = emails.email(subject, f"My complaint, number {n}.\n" * 20)
        elif kind == "html":
            raw = emails.email(subject, None, html=f"<p>My complaint, number {n}.</p>" * 20)
        elif kind == "alternative":
            raw = emails.email(subject, f"Complaint {n}.", html=f"<p>Complaint {n}.</p>")
        elif kind == "attachments":
            raw = emails.email(subject, "Attached.", attachments=(
                ("letter.pdf", "application/pdf", pdf), ("photo.png", "image/png", png),
                ("voicemail.mp3", "audio/mpeg", mp3),
            ))  # fmt: skip
        elif kind == "reply":
            raw = emails.quoting(
                references[n % len(references)],
                attachments=(("more.pdf", "application/pdf", pdf),),
            )
        elif kind == "auto_reply":
            raw = emails.auto_reply()
        else:
            raw = emails.broken_mime().replace(b"<broken-mime@", f"<broken-{n}@".encode())
        made.append((kind, raw))
    return made


def _cases() -> list[str]:
    from redress.cases.tests.factories import received_case

    return [received_case().reference for _ in range(CASES)]


def child() -> None:
    on_server(f"DROP DATABASE IF EXISTS {DATABASE}")
    on_server(f"CREATE DATABASE {DATABASE}")
    files = Path(tempfile.mkdtemp(prefix="redress-bench-mailbox-"))
    os.environ["REDRESS_VAR_DIR"] = str(files)  # read once, when the settings load
    server = None
    try:
        import django

        django.setup()
        from django.core.management import call_command

        from redress.mailbox.fetch import fetch_mail
        from redress.mailbox.models import InboundMessage
        from tests.imap import ImapServer, free_port

        call_command("migrate", verbosity=0)
        made = _emails(_cases())
        server = ImapServer(Path(tempfile.mkdtemp(prefix="redress-imap-")), free_port())
        server.start()
        started = time.perf_counter()
        server.deliver(*(raw for _, raw in made))
        appended = time.perf_counter() - started
        megabytes = sum(len(raw) for _, raw in made) / 1024 / 1024
        print(f"  {EMAILS:,} emails ({megabytes:.0f} MB) appended to dovecot in {appended:.1f} s")

        started = time.perf_counter()
        report = fetch_mail(config=server.settings())
        taken = time.perf_counter() - started
        print(
            f"  fetch_mail: {EMAILS:,} emails in {taken:.1f} s: {EMAILS / taken:.0f} per second "
            f"({megabytes / taken:.1f} MB/s)"
        )
        for line in report.lines():
            print(f"    {line}")
        started = time.perf_counter()
        again = fetch_mail(config=server.settings())
        print(f"  run again with nothing new: {(time.perf_counter() - started) * 1000:.0f} ms")

        counts = (InboundMessage.objects.count(), server.count("INBOX"), server.count("Redress"))
        once = counts == (EMAILS, 0, EMAILS) and sum(again.new.values()) == 0 and not report.left
        print(
            f"  {'PASS' if once else 'FAIL'}: kept {counts[0]:,} (of {EMAILS:,}), "
            f"{counts[1]:,} left in the inbox, {counts[2]:,} in the done folder"
        )
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(f"  machine load average while measuring (1, 5, 15 min): {load}")
    finally:
        from django.db import connections

        if server is not None:
            server.kill()
            shutil.rmtree(server.root, ignore_errors=True)
        connections.close_all()
        shutil.rmtree(files, ignore_errors=True)
        on_server(f"DROP DATABASE IF EXISTS {DATABASE}")


if __name__ == "__main__":
    child()
