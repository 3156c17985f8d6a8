"""`manage.py deadline`: the due date for a rule under a council profile, or for a plain count.

    manage.py deadline --from 2026-03-18 --working-days 25
    manage.py deadline --from 2026-03-18 --rule stage2.extended --council hampshire --json

`--from` is day 0 as the rule's profile defines it (never counted; domain spec §2.2). The calendar
is the statutory one (England and Wales bank holidays plus the bank holidays an administrator
added); a corporate rule counts on the profile's corporate calendar, which adds the council's
closure days only where the profile says so. Bad input exits with status 2 and one line on stderr
naming what is wrong.
"""

import json
import sys
from argparse import ArgumentParser, ArgumentTypeError
from datetime import date
from typing import Any, NoReturn

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, handle_default_options
from django.db import DatabaseError, connections

from redress.core.calendar import corporate_calendar, working_calendar
from redress.domain.profiles import CouncilProfile, ProfileError, available_profiles, load_profile
from redress.domain.rules import CORPORATE_RULES, Rule, compute_deadline, deadline_working_days
from redress.domain.working_days import SkippedDay, WorkingCalendar

BAD_INPUT = 2
PLAIN_COUNT_ANCHOR = "the date given with --from"


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ArgumentTypeError(f"malformed date {value!r}; use YYYY-MM-DD") from None


def working_days(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise ArgumentTypeError(f"{value!r} is not a whole number of working days") from None
    if count < 0:
        raise ArgumentTypeError(f"{value} is negative; working days must be 0 or more")
    return count


def rule(value: str) -> Rule:
    try:
        return Rule(value)
    except ValueError:
        available = ", ".join(member.value for member in Rule)
        raise ArgumentTypeError(f"unknown rule {value!r}; available: {available}") from None


def refuse(message: str) -> NoReturn:
    raise CommandError(message, returncode=BAD_INPUT)


class Command(BaseCommand):
    help = "Print the due date for a deadline rule under a council profile, or for N working days."
    requires_system_checks: list[str] = []  # pure arithmetic; nothing to check first

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> ArgumentParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # argparse would print its usage block too; a refusal here is one line (run_from_argv).
        parser.error = refuse  # type: ignore[method-assign]
        return parser

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--from", dest="day0", type=iso_date, required=True, help="day 0 (YYYY-MM-DD)"
        )
        parser.add_argument("--rule", type=rule, help="a deadline rule, e.g. stage2.extended")
        parser.add_argument("--working-days", type=working_days, help="a plain count of N")
        parser.add_argument(
            "--council", help="council profile (default: settings.REDRESS_COUNCIL_PROFILE)"
        )
        parser.add_argument("--json", action="store_true", help="print the workings as JSON")
        parser.add_argument(
            "--deemed-receipt",
            action="store_true",
            help="deemed receipt: a non-working day 0 moves to the next working day",
        )

    def run_from_argv(self, argv: list[str]) -> None:
        """Django's, except that a refusal is `deadline: <what is wrong>` and exit status 2."""
        self._called_from_command_line = True
        try:
            parser = self.create_parser(argv[0], argv[1])
            options = parser.parse_args(argv[2:])
            handle_default_options(options)
            self.execute(**vars(options))
        except CommandError as error:
            self.say(" ".join(str(error).split()))  # one line, whatever the cause said
            sys.exit(error.returncode)
        finally:
            connections.close_all()

    def handle(self, *args: Any, **options: Any) -> None:
        day0: date = options["day0"]
        chosen_rule: Rule | None = options["rule"]
        count: int | None = options["working_days"]
        if (chosen_rule is None) == (count is None):
            refuse("give exactly one of --rule or --working-days")
        profile = self.profile(options["council"] or settings.REDRESS_COUNCIL_PROFILE)
        calendar, warning = self.calendar(profile, chosen_rule)
        deemed = options["deemed_receipt"]
        try:
            if chosen_rule is not None:
                deadline = compute_deadline(
                    chosen_rule, day0, profile, calendar, deemed_receipt=deemed
                )
                result = {
                    "due": deadline.due,
                    "working_days": deadline.working_days,
                    "skipped": deadline.skipped,
                    "rule": chosen_rule.value,
                    "from": deadline.day0,
                    "anchor": deadline.anchor,
                }
            else:
                assert count is not None
                counted = deadline_working_days(day0, count, calendar, deemed_receipt=deemed)
                result = {
                    "due": counted.due,
                    "working_days": counted.working_days,
                    "skipped": counted.skipped,
                    "rule": None,
                    "from": counted.day0,
                    "anchor": PLAIN_COUNT_ANCHOR,
                }
        except ValueError as error:  # a date outside the calendar; deemed receipt on time_limit
            refuse(str(error))
        if warning:  # only now: a refusal above stays a single line
            self.say(warning)
        if options["json"]:
            self.stdout.write(json.dumps(self.as_json(result, profile)))
        else:
            self.stdout.write(result["due"].isoformat())

    def profile(self, slug: str) -> CouncilProfile:
        if slug not in available_profiles():
            refuse(f"unknown council {slug!r}; available: {', '.join(available_profiles())}")
        try:
            return load_profile(slug)
        except ProfileError as error:
            raise CommandError(f"council profile {slug!r} is unusable: {error}") from error

    def calendar(
        self, profile: CouncilProfile, chosen_rule: Rule | None
    ) -> tuple[WorkingCalendar, str | None]:
        """The deployment's calendar for the rule, with the administrator's extra days from the
        database: the corporate one for a corporate rule, else the statutory one (Reg 2).

        A database that cannot be read (not yet migrated, or no database file yet) holds no extra
        days that this count could use: the count goes ahead on bank holidays alone, with a
        warning to print once the count has succeeded.
        """
        try:
            if chosen_rule in CORPORATE_RULES:
                return corporate_calendar(profile), None
            return working_calendar(), None
        except DatabaseError as error:
            reason = " ".join(str(error).split())
            warning = (
                "warning: counted without the administrator's extra non-working days, because "
                f"the database could not be read ({reason})"
            )
            return WorkingCalendar.england_and_wales(), warning

    def say(self, line: str) -> None:
        self.stderr.write(f"deadline: {line}", style_func=lambda text: text)

    @staticmethod
    def as_json(result: dict[str, Any], profile: CouncilProfile) -> dict[str, Any]:
        skipped: tuple[SkippedDay, ...] = result["skipped"]
        return {
            "due": result["due"].isoformat(),
            "working_days": result["working_days"],
            "skipped": [{"date": skip.day.isoformat(), "reason": skip.reason} for skip in skipped],
            "rule": result["rule"],
            "council": profile.slug,
            "from": result["from"].isoformat(),
            "anchor": result["anchor"],
        }
