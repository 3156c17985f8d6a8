# Findings carry their case, their point's theme and the day they were given, so the annual
# report reads them alone.
# Three migrations (these columns; filling them; requiring the case), because PostgreSQL refuses
# to build an index in a transaction that still has foreign-key checks pending.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_open_case_queue_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="pointfinding",
            name="case",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="cases.case",
            ),
        ),
        migrations.AddField(
            model_name="pointfinding",
            name="theme",
            field=models.CharField(blank=True, default="", max_length=60),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="pointfinding",
            name="given_on",
            field=models.DateField(
                blank=True,
                help_text="The day the response giving this finding was sent "
                "(workflow.FINDINGS_GIVEN)",
                null=True,
            ),
        ),
    ]
