"""What triage keeps of its own: a contact waiting while staff decide whether it belongs to a case
that is already open. Everything on a case itself is written by the case services."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models


class HeldContact(models.Model):
    """A contact recorded on the "Record a contact" screen that looks like an open case's.

    It waits here, with its files, while the person recording it chooses to add it to that case or
    make a new one, so the confirm step cannot lose anything. Either choice deletes it.
    """

    answers = models.JSONField(help_text="The form's answers, as the triage services read them")
    message = models.ForeignKey(
        "mailbox.InboundMessage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The email it came from, when it was recorded from the mailbox",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Contact held for {self.recorded_by} at {self.created_at:%Y-%m-%d %H:%M}"


def held_file_path(upload: "HeldContactFile", filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"triage/held/{uuid.uuid4().hex}{suffix}"


class HeldContactFile(models.Model):
    """A letter or recording uploaded with a held contact: it becomes a document on the case."""

    contact = models.ForeignKey(HeldContact, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=held_file_path, max_length=200)
    name = models.CharField(max_length=200, help_text="The file's name on the uploader's device")
    content_type = models.CharField(max_length=100)
    size_bytes = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name
