from django.contrib import admin

from redress.core.models import NonWorkingDay


@admin.register(NonWorkingDay)
class NonWorkingDayAdmin(admin.ModelAdmin):
    list_display = ["date", "name"]
    search_fields = ["name"]
