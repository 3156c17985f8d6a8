"""`manage.py sweep`: the daily deadline sweep. Run it once a day (cron or a systemd timer)."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from redress.letters.sweep import sweep


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today must be a date like 2026-03-31, not {value!r}") from None


class Command(BaseCommand):
    help = (
        "Remind assignees of deadlines coming up and missed, tell complaints managers about "
        "breaches, close cases whose escalation window has passed (with the closing letter), "
        "remind owners of actions and flag deferrals due for review. Safe to run more than once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=iso_date, default=None, help="YYYY-MM-DD")

    def handle(self, *args: Any, today: date | None, **options: Any) -> None:
        report = sweep(today=today or timezone.localdate())
        for line in report.lines():
            self.stdout.write(line)
        if report.problems:
            raise CommandError(f"{len(report.problems)} problem(s): see above")
