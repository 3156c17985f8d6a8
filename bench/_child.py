"""Running a benchmark in a child process against a PostgreSQL database of its own.

A bench module's `run()` calls `run_in_child("bench.<name>", database)`; the child (the module run
with `python -m`) creates the database with `on_server`, measures, drops it, and prints each
result line indented by two spaces. Modules whose names start with "_" are not benchmarks.
"""

import os
import subprocess
import sys
from pathlib import Path

SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")


def run_in_child(module: str, database: str, timeout: int) -> list[str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"{SERVER}/{database}",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "REDRESS_COUNCIL_PROFILE": "statutory",
    }
    try:
        child = subprocess.run(
            [sys.executable, "-m", module],
            cwd=Path(__file__).resolve().parents[1],
            env=env,
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
