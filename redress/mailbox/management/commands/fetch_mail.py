"""`manage.py fetch_mail`: read the complaints mailbox. Run it every few minutes (cron or a
systemd timer); it is safe to run again at any time, and after a crash."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from redress.mailbox.fetch import BATCH_SIZE, fetch_mail
from redress.mailbox.imap import MailboxError


class Command(BaseCommand):
    help = (
        "Read every email in the complaints mailbox (settings REDRESS_MAILBOX_*): keep each one "
        "once, awaiting triage, or filed on the case whose reference it quotes, then move it to "
        "the done folder. Emails that cannot be read are kept and listed for staff."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size", type=int, default=BATCH_SIZE, help="emails fetched at a time"
        )

    def handle(self, *args: Any, batch_size: int, **options: Any) -> None:
        if batch_size < 1:
            raise CommandError("--batch-size must be 1 or more")
        try:
            report = fetch_mail(config=settings.REDRESS_MAILBOX, batch_size=batch_size)
        except MailboxError as error:
            raise CommandError(str(error)) from None
        for line in report.lines():
            self.stdout.write(line)
        if report.stopped or report.left:
            raise CommandError("Not every email was read: run it again (nothing is read twice)")
