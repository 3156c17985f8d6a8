"""Running a benchmark in a child process against a PostgreSQL database of its own.

A bench module's `run()` calls `run_in_child("bench.<name>", database, timeout)`; the child (the
module run with `python -m`) creates the database with `on_server`, loads rows with
`insert_select`, measures, drops the database, and prints each result line indented by two
spaces. Modules whose names start with "_" are not benchmarks.
"""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")


def run_in_child(module: str, database: str, timeout: int, **env: str) -> list[str]:
    """Run `module` with `python -m` on `database`; `env` overrides the child's environment."""
    child_env = {
        **os.environ,
        "DATABASE_URL": f"{SERVER}/{database}",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "REDRESS_COUNCIL_PROFILE": "statutory",
        **env,
    }
    try:
        child = subprocess.run(
            [sys.executable, "-m", module],
            cwd=Path(__file__).resolve().parents[1],
            env=child_env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return [f"FAIL: gave up after {timeout} s"]
    lines = [line.strip() for line in child.stdout.splitlines() if line.startswith("  ")]
    if child.returncode != 0:
        return [*lines, f"FAIL: {child.stderr.strip()[-800:]}"]
    return lines


def on_server(sql: str) -> None:
    """Run `sql` on the server's maintenance database (CREATE or DROP DATABASE)."""
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def insert_select(
    cursor: object, table: str, values: dict[str, str], source: str, *, today: date
) -> None:
    """INSERT INTO `table` ... SELECT `values` (column -> SQL expression) `source`, with a plain
    value for every other column the table requires (Django keeps its defaults in Python, not in
    the database): false, 0, '', '{}', `today` or now()."""
    cursor.execute(  # type: ignore[attr-defined]
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = %s AND is_nullable = 'NO' AND column_default IS NULL "
        "AND is_identity = 'NO'",
        [table],
    )
    plain = {"boolean": "false", "jsonb": "'{}'::jsonb", "date": f"date '{today}'"}
    values = dict(values)
    for column, kind in cursor.fetchall():  # type: ignore[attr-defined]
        if column not in values:
            numeric = kind in ("integer", "bigint", "smallint")
            default = "0" if numeric else plain.get(kind, "''")
            values[column] = "now()" if kind.startswith("timestamp") else default
    columns = ", ".join(f'"{column}"' for column in values)
    cursor.execute(  # type: ignore[attr-defined]
        f"INSERT INTO {table} ({columns}) SELECT {', '.join(values.values())} {source}"
    )


def signed_in_client(user: object) -> object:
    """A Django test client signed in as `user` with both factors (password and authenticator),
    as the staff pages require."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=user, name="Bench", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
