"""Read-only views of what the public side keeps, for administrators: the late requests waiting
for a manager's decision (until the staff screens show them), and forms as they were sent."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from redress.intake.models import ComplainantMessage, LateStageRequest, Submission


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AwaitingDecision(admin.SimpleListFilter):
    title = "manager's decision"
    parameter_name = "decision"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("awaiting", "Awaiting a decision")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "awaiting":
            return queryset.filter(pk__in=LateStageRequest.objects.awaiting_decision())
        return queryset


@admin.register(LateStageRequest)
class LateStageRequestAdmin(ReadOnlyAdmin):
    list_display = ["case", "action", "requested_on", "window_closed_on"]
    list_filter = [AwaitingDecision, "action"]
    search_fields = ["case__reference"]


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ["case", "journey", "submitted_at"]
    list_filter = ["journey"]
    search_fields = ["case__reference"]
    exclude = ["client"]


@admin.register(ComplainantMessage)
class ComplainantMessageAdmin(ReadOnlyAdmin):
    list_display = ["case", "received_on"]
    search_fields = ["case__reference"]
