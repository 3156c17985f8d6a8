"""`manage.py reset_authenticator USERNAME`: for someone who lost their phone and their recovery
codes. Their authenticator and codes are removed; they set up a new one at their next sign-in."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from redress.accounts.mfa import mfa_reset
from redress.accounts.selectors import user_named


class Command(BaseCommand):
    help = "Remove a person's authenticator app and recovery codes so they set up new ones."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        user = user_named(username)
        if user is None:
            raise CommandError(f"No active person has the username {username!r}")
        removed = mfa_reset(user=user)
        self.stdout.write(
            f"Removed {removed} device(s) for {username}: they will set up a new authenticator "
            "app when they next sign in."
        )
