"""`manage.py load_demo`: load the demo council (people and a year of cases). Idempotent."""

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from redress.cases.models import Case
from redress.core.calendar import working_calendar
from redress.demo.loader import DEFAULT_CASES, DEFAULT_SEED, demo_is_loaded, load_demo
from redress.demo.runner import DemoError
from redress.domain.workflow import Stage


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today must be a date like 2026-03-31, not {value!r}") from None


class Command(BaseCommand):
    help = (
        "Load demo staff in every role and a year of cases, each moved through the services. "
        "Does nothing if the demo is already loaded."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--cases", type=int, default=DEFAULT_CASES, help=f"default {DEFAULT_CASES}"
        )
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help="the same seed gives the same data"
        )
        parser.add_argument(
            "--today", type=iso_date, default=None, help="YYYY-MM-DD (default: today)"
        )

    def handle(self, *args: Any, cases: int, seed: int, today: date | None, **options: Any) -> None:
        if not settings.REDRESS_ALLOW_DEMO_DATA:
            raise CommandError(
                "The demo creates a superuser with a published password: it runs only where "
                "REDRESS_ALLOW_DEMO_DATA is on (local and test settings), never in production."
            )
        if cases < 1:
            raise CommandError("--cases must be at least 1")
        if demo_is_loaded():
            self.stdout.write(f"Demo data already loaded: {Case.objects.count()} cases")
            return
        today = today or timezone.localdate()
        calendar = working_calendar()
        if not calendar.first + timedelta(days=400) <= today <= calendar.last - timedelta(days=400):
            raise CommandError(
                f"--today must leave a year either side within the working-day calendar "
                f"({calendar.first:%Y} to {calendar.last:%Y})"
            )
        try:
            loaded = load_demo(cases=cases, seed=seed, today=today)
        except DemoError as error:
            raise CommandError(f"Nothing was loaded: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {loaded.cases} demo cases received in the year to {today:%-d %B %Y} "
                f"(seed {seed}, profile {settings.REDRESS_COUNCIL_PROFILE}) "
                f"in {loaded.seconds:.1f} s"
            )
        )
        if options["verbosity"] > 1:
            for stage in Stage:
                self.stdout.write(f"  {loaded.stages.get(stage, 0):4d}  {stage.label}")
