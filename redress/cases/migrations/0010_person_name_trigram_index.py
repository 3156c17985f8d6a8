"""A trigram index for finding a case by part of a person's name (PostgreSQL only).

`search_cases` matches `CasePerson.objects.filter(name__icontains=text)`, which PostgreSQL runs as
`UPPER("name"::text) LIKE UPPER('%text%')`: no B-tree index serves a match inside the text, so
each search read every person. A GIN index of the trigrams of that same expression does (for text
of three letters or more). SQLite has no such index; `TrigramExtension` does nothing there.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX = (
    "CREATE INDEX IF NOT EXISTS caseperson_name_trgm ON cases_caseperson "
    "USING gin ((UPPER((name)::text)) gin_trgm_ops)"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS caseperson_name_trgm")


class Migration(migrations.Migration):
    dependencies = [("cases", "0009_person_contact_preferences")]

    operations = [TrigramExtension(), migrations.RunPython(create, drop)]
