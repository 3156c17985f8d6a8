"""`manage.py fetch_mail`, and the worker's task, against a real IMAP server."""

import pytest
from django.core.management import CommandError, call_command

from redress.mailbox import tasks
from redress.mailbox.models import InboundMessage
from redress.mailbox.tests import emails

pytestmark = pytest.mark.django_db


def test_fetch_mail_reads_the_mailbox_and_says_what_it_kept(imap_server, capsys):
    imap_server.deliver(emails.plain(), emails.html_only(), emails.broken_mime())
    call_command("fetch_mail")
    assert capsys.readouterr().out.splitlines() == [
        "3 new emails kept: 2 awaiting triage, 1 could not be read",
        "3 moved to Redress",
    ]
    assert InboundMessage.objects.count() == 3
    call_command("fetch_mail")
    assert capsys.readouterr().out.splitlines() == ["0 new emails kept", "0 moved to Redress"]


def test_fetch_mail_fails_when_the_server_cannot_be_reached(imap_server, capsys):
    imap_server.kill()
    with pytest.raises(CommandError, match="Not every email was read: run it again"):
        call_command("fetch_mail")
    assert "Stopped early: the connection to the mailbox failed" in capsys.readouterr().out


def test_fetch_mail_names_what_is_wrong_with_the_settings(settings):
    settings.REDRESS_MAILBOX = {**settings.REDRESS_MAILBOX, "HOST": ""}
    with pytest.raises(CommandError, match="No mailbox is configured: set REDRESS_MAILBOX_HOST"):
        call_command("fetch_mail")
    with pytest.raises(CommandError, match="--batch-size must be 1 or more"):
        call_command("fetch_mail", "--batch-size", "0")


def test_the_worker_can_read_the_mailbox_when_asked(imap_server):
    imap_server.deliver(emails.plain())
    assert tasks.fetch.call() == "1 new email kept: 1 awaiting triage\n1 moved to Redress"
    imap_server.kill()
    with pytest.raises(RuntimeError, match="Stopped early: the connection to the mailbox failed"):
        tasks.fetch.call()
