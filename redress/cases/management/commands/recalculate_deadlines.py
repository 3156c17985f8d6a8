"""Recompute every running clock after the working-day calendar changes, and say what moved."""

from typing import Any

from django.core.management.base import BaseCommand

from redress.cases.clocks import clocks_recalculate
from redress.core.calendar import working_calendar


class Command(BaseCommand):
    help = "Recompute the due dates of every running clock and report those that moved."

    def handle(self, *args: Any, **options: Any) -> None:
        working_calendar.cache_clear()
        moved = clocks_recalculate(calendar=working_calendar())
        for clock in moved:
            self.stdout.write(f"{clock.reference} {clock.rule}: {clock.was} -> {clock.now}")
        self.stdout.write(f"{len(moved)} clock{'s' if len(moved) != 1 else ''} moved.")
