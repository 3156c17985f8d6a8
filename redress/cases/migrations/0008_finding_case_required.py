# Every finding has its case now (0007): require it, and index findings by the day given.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_finding_case_and_given_on_filled"),
    ]

    operations = [
        migrations.AlterField(
            model_name="pointfinding",
            name="case",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="cases.case"
            ),
        ),
        migrations.AddIndex(
            model_name="pointfinding",
            index=models.Index(
                condition=models.Q(("given_on__isnull", False)),
                fields=["given_on", "stage"],
                include=("case", "finding", "theme"),
                name="finding_given",
            ),
        ),
    ]
