"""Indexes for finding a case by what a caller quotes (PostgreSQL only; ADR 0017).

`search_cases` matches part of a reference anywhere in it, the digits of a phone number, part of
an email, a postcode within an address and a date of birth. Each is one index read of the same
expression the search uses (a LIKE inside text needs a trigram index; `pg_trgm` is created by
0010). SQLite has no such indexes: there the migration does nothing and the matches read the table.
"""

from django.db import migrations

PHONE_DIGITS = "phone"
for _mark in (" ", "-", "(", ")", ".", "+"):  # as stored_phone_digits
    PHONE_DIGITS = f"REPLACE({PHONE_DIGITS}, '{_mark}', '')"

INDEXES = {
    "case_reference_trgm": "cases_case USING gin ((reference::text) gin_trgm_ops)",
    "caseperson_phone_digits_trgm": f"cases_caseperson USING gin (({PHONE_DIGITS}) gin_trgm_ops)",
    "caseperson_email_trgm": "cases_caseperson USING gin ((UPPER((email)::text)) gin_trgm_ops)",
    "caseperson_postcode_trgm": (
        "cases_caseperson USING gin ((UPPER(REPLACE(postal_address, ' ', ''))) gin_trgm_ops)"
    ),
    "caseperson_date_of_birth": (
        "cases_caseperson (date_of_birth) WHERE date_of_birth IS NOT NULL"
    ),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0012_clocks_under_issue_12_rules")]

    operations = [migrations.RunPython(create, drop)]
