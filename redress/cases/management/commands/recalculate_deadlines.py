"""Recompute every running clock after the working-day calendar changes, and say what moved.

Statutory clocks count on the statutory calendar (bank holidays, including the administrator's);
corporate clocks on the corporate calendar of their case's council profile, which adds the
council's closure days only where the profile says so (`redress.core.calendar`).
"""

from typing import Any

from django.core.management.base import BaseCommand

from redress.cases.clocks import clocks_recalculate
from redress.core.calendar import forget_calendar


class Command(BaseCommand):
    help = "Recompute the due dates of every running clock and report those that moved."

    def handle(self, *args: Any, **options: Any) -> None:
        forget_calendar()  # read the extra days afresh, whatever this process cached
        moved = clocks_recalculate()
        for clock in moved:
            self.stdout.write(f"{clock.reference} {clock.rule}: {clock.was} -> {clock.now}")
        self.stdout.write(f"{len(moved)} clock{'s' if len(moved) != 1 else ''} moved.")
