from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from redress.accounts.models import Appointment, Team, User


@admin.register(User)
class RedressUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "is_external", "is_active"]
    list_filter = ["is_external", "available_for_appointment", "groups", "teams", "is_active"]
    fieldsets = (
        *UserAdmin.fieldsets,
        (
            "Redress",
            {
                "fields": (
                    "teams",
                    "is_external",
                    "is_council_member",
                    "is_council_officer",
                    "is_partner_of_member_or_officer",
                    "available_for_appointment",
                )
            },
        ),
    )


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):
    list_display = ["case", "person", "role", "starts_on", "ends_on"]
    list_filter = ["role"]
    raw_id_fields = ["case", "person"]
