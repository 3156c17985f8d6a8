"""Version 1 of every letter template, from redress/letters/templates_src/."""

from django.db import migrations


def seed(apps, schema_editor):
    from redress.letters.services import seed_templates

    seed_templates(
        apps.get_model("letters", "LetterTemplate"),
        apps.get_model("letters", "LetterTemplateVersion"),
    )


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
