"""A GIN index for full-text search on what a complaint is about (PostgreSQL only).

SQLite has no full-text index of this kind; search there falls back to matching words
(`redress.cases.selectors.search_cases`).
"""

from django.db import migrations

INDEX = (
    "CREATE INDEX IF NOT EXISTS case_summary_search ON cases_case "
    "USING gin (to_tsvector('english'::regconfig, COALESCE(summary, '')))"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS case_summary_search")


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_deadlines_notes_views")]

    operations = [migrations.RunPython(create, drop)]
