"""Fill the working-day table once, so a new database (and every test database) starts with it.
The report rebuilds it whenever the calendar changes afterwards."""

from django.db import migrations


def fill(apps, schema_editor):
    from redress.domain.working_days import WorkingCalendar
    from redress.reports.calendar_table import fill as fill_rows

    non_working = apps.get_model("core", "NonWorkingDay")
    extra = dict(non_working.objects.values_list("date", "name"))
    fill_rows(
        apps.get_model("reports", "WorkingDay"),
        apps.get_model("reports", "WorkingDayCalendar"),
        WorkingCalendar.england_and_wales(extra=extra),
    )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial"), ("core", "0001_initial")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
