"""Version 1 of every letter template: the wording first shipped (redress/letters/templates_src/,
or templates_src/earlier/<key>.1.html for a letter a later release has changed)."""

from django.db import migrations


def seed(apps, schema_editor):
    from redress.letters.services import seed_templates

    seed_templates(
        apps.get_model("letters", "LetterTemplate"),
        apps.get_model("letters", "LetterTemplateVersion"),
        wording=1,
    )


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
