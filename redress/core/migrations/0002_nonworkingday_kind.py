"""Give every extra non-working day a kind: a bank holiday (moves every clock) or a council closure
day (moves no statutory clock). Until now the table held only days proclaimed as bank holidays
(that was its documented purpose), so every existing row becomes a bank holiday."""

from django.db import migrations, models


def classify_existing_days(apps, schema_editor):
    """Every row added before kinds existed was added as a proclaimed bank holiday."""
    non_working_day = apps.get_model("core", "NonWorkingDay")
    non_working_day.objects.using(schema_editor.connection.alias).filter(kind__isnull=True).update(
        kind="bank_holiday"
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        # Nullable first, so that no row gets a kind by default before the data step classifies it.
        migrations.AddField(
            model_name="nonworkingday",
            name="kind",
            field=models.CharField(max_length=20, null=True),
        ),
        migrations.RunPython(classify_existing_days, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="nonworkingday",
            name="kind",
            field=models.CharField(
                choices=[
                    (
                        "bank_holiday",
                        "Bank holiday proclaimed under the Banking and Financial Dealings Act "
                        "1971 — moves every clock",
                    ),
                    (
                        "council_closure",
                        "Council closure day — moves no statutory clock; corporate clocks only "
                        "where the council's profile says so",
                    ),
                ],
                help_text=(
                    "A bank holiday (including a one-off day proclaimed under the Banking and "
                    "Financial Dealings Act 1971) is not a working day under Reg 2, so it moves "
                    "every clock, statutory and corporate. A council closure day is still a "
                    "working day in law: it moves no statutory clock, and moves the corporate "
                    "procedure's clocks only where the council's profile treats closure days as "
                    "non-working."
                ),
                max_length=20,
            ),
        ),
        migrations.AddConstraint(
            model_name="nonworkingday",
            constraint=models.CheckConstraint(
                condition=models.Q(kind__in=["bank_holiday", "council_closure"]),
                name="core_nonworkingday_kind_known",
                violation_error_message="Choose whether the day is a bank holiday or a closure day",
            ),
        ),
    ]
