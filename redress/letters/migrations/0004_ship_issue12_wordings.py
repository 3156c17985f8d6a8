"""Version 2 of four letters as shipped (issue 12), added on top of each template's history.

- stage1_resolution: the complainant may still ask for stage 2, by the last day of the stage 2
  window (its clock, counted from when they received the letter), and the Ombudsman's details.
- stage1_response_cover: the Ombudsman's details.
- case_closed: says the time to ask has passed only when it has; when the complainant said they
  will not go further, says so with the date they told us.
- acknowledgement: who is dealing with the complaint (or, until someone is, the complaints team).

Nothing already stored changes. The shipped wording becomes each template's newest version, on top
of any edit the council made, which stays in the history (and on the letters written from it): the
legal content above has to reach every council's letters.
"""

from django.db import migrations

SHIPPED = {
    "stage1_resolution": (
        "Shipped update (issue 12): the right to ask for stage 2, the last day to ask, and the "
        "Ombudsman's details"
    ),
    "stage1_response_cover": "Shipped update (issue 12): the Ombudsman's details",
    "case_closed": (
        "Shipped update (issue 12): says the time to ask has passed only when it has; names the "
        "date the complainant said they would not go further"
    ),
    "acknowledgement": (
        "Shipped update (issue 12): who is dealing with the complaint, or the complaints team "
        "until someone is"
    ),
}


def ship(apps, schema_editor):
    from redress.letters.services import template_ship

    for key, note in SHIPPED.items():
        template_ship(
            apps.get_model("letters", "LetterTemplate"),
            apps.get_model("letters", "LetterTemplateVersion"),
            key=key,
            wording=2,
            note=note,
        )


class Migration(migrations.Migration):
    dependencies = [("letters", "0003_reminder_lookups")]

    operations = [migrations.RunPython(ship, migrations.RunPython.noop)]
