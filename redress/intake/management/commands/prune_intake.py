"""Delete forms the public started but never sent (and their files), and spent codes and
rate-limit counts. Run daily, like the sweep."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from redress.intake.services import drafts_prune


class Command(BaseCommand):
    help = "Delete expired unsent forms and their uploads, spent codes and old rate-limit counts"

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = drafts_prune(now=timezone.now())
        self.stdout.write(f"Deleted {deleted} unsent form(s)")
