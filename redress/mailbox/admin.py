"""Read-only views of the mailbox's messages for administrators. Staff decide on them in the
triage screens; nothing here changes a message."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from redress.mailbox.models import InboundAttachment, InboundMessage


class ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AttachmentInline(ReadOnly, admin.TabularInline):  # type: ignore[type-arg]
    model = InboundAttachment
    fields = ["name", "content_type", "size_bytes", "file"]
    extra = 0


@admin.register(InboundMessage)
class InboundMessageAdmin(ReadOnly, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["received_at", "sender", "subject", "status", "case"]
    list_filter = ["status"]
    search_fields = ["sender", "subject", "message_id", "case__reference"]
    date_hierarchy = "received_at"
    inlines = [AttachmentInline]
