"""The Django admin for cases: a back office for administrators until the staff screens exist.

Events are read-only here as everywhere: the admin cannot add, change or delete them.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from redress.cases.models import (
    ActionPlanItem,
    Case,
    CaseEvent,
    CaseNote,
    CasePerson,
    CaseView,
    Clock,
    ComplaintPoint,
    Document,
    OmbudsmanReferral,
    PointFinding,
    Recommendation,
    ReferenceSequence,
    Remedy,
)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return list(self.fields or [])


class PersonInline(admin.StackedInline):
    model = CasePerson
    extra = 0


class PointInline(admin.TabularInline):
    model = ComplaintPoint
    extra = 0


class ClockInline(ReadOnlyInline):
    model = Clock
    fields = ["rule", "anchor_date", "working_days", "due_date", "extended_due_date",
              "completed_on", "met"]  # fmt: skip


class EventInline(ReadOnlyInline):
    model = CaseEvent
    fields = ["at", "on", "by", "action", "from_stage", "to_stage"]


@admin.register(Case)
class CaseAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "stage", "route", "received_on", "channel", "team", "assigned_to"]
    list_filter = ["stage", "route", "channel", "profile", "late", "ombudsman_status"]
    search_fields = ["reference", "summary", "people__name"]
    date_hierarchy = "received_on"
    # Stage, route and clocks move only through the services, never by hand.
    readonly_fields = ["reference", "stage", "route", "ombudsman_status", "profile",
                       "received_on", "closed_on", "late"]  # fmt: skip
    inlines = [PersonInline, PointInline, ClockInline, EventInline]
    raw_id_fields = ["assigned_to", "linked_cases"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records of what happened: kept as written."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CaseView)
class CaseViewAdmin(ReadOnlyAdmin):
    """The access log: who opened which case, and when."""

    list_display = ["case", "by", "at", "path"]
    search_fields = ["case__reference", "by__username"]
    date_hierarchy = "at"


@admin.register(CaseNote)
class CaseNoteAdmin(ReadOnlyAdmin):
    list_display = ["case", "by", "at"]
    search_fields = ["case__reference", "text"]


@admin.register(CaseEvent)
class CaseEventAdmin(ReadOnlyAdmin):
    list_display = ["case", "action", "on", "by", "from_stage", "to_stage", "at"]
    list_filter = ["action"]
    search_fields = ["case__reference"]


@admin.register(Clock)
class ClockAdmin(admin.ModelAdmin):
    list_display = ["case", "rule", "anchor_date", "due_date", "extended_due_date",
                    "completed_on", "met"]  # fmt: skip
    list_filter = ["rule", "met"]
    search_fields = ["case__reference"]
    raw_id_fields = ["case"]


for model in (PointFinding, Recommendation, ActionPlanItem, OmbudsmanReferral, Remedy, Document):
    admin.site.register(model, raw_id_fields=["case"] if hasattr(model, "case") else [])


@admin.register(ReferenceSequence)
class ReferenceSequenceAdmin(admin.ModelAdmin):
    list_display = ["year", "last_number"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
