from django.contrib import admin

from redress.core.models import NonWorkingDay


@admin.register(NonWorkingDay)
class NonWorkingDayAdmin(admin.ModelAdmin):
    """Extra non-working days: which kind a day is decides which clocks it moves (Reg 2)."""

    list_display = ["date", "name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    radio_fields = {"kind": admin.VERTICAL}  # both meanings on the page, neither preselected
    fieldsets = [
        (
            None,
            {
                "fields": ["date", "name", "kind"],
                "description": (
                    "A bank holiday (one proclaimed under the Banking and Financial Dealings Act "
                    "1971, such as a coronation or a jubilee) is not a working day under Reg 2 of "
                    "the 2006 Regulations, so it moves every clock. A council closure day (the "
                    "days between Christmas and New Year, say) is still a working day in law: it "
                    "moves no statutory clock, and moves the corporate procedure's clocks only "
                    "where the council's profile treats closure days as non-working. After a "
                    "change, run manage.py recalculate_deadlines to move the open clocks."
                ),
            },
        )
    ]
