"""Running a benchmark in a child process against its own PostgreSQL database.

A benchmark that needs Django configures it for its own database, which must not leak into the
other benchmarks `python -m bench` runs in the same process: so it runs as `python -m bench.<name>`
in a child, and its lines starting with two spaces are its report.
"""

import os
import subprocess
import sys
from pathlib import Path

SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")


def run_child(module: str, database: str, timeout: int, **env: str) -> list[str]:
    """Run `python -m bench.<module>` with DATABASE_URL naming `database`; its report lines."""
    child_env = {
        **os.environ,
        "DATABASE_URL": f"{SERVER}/{database}",
        "DJANGO_LOG_LEVEL": "WARNING",
        "REDRESS_COUNCIL_PROFILE": "statutory",
        **env,
    }
    try:
        child = subprocess.run(
            [sys.executable, "-m", f"bench.{module}"],
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


def admin(sql: str) -> None:
    """Run `sql` on the server's maintenance database (CREATE or DROP DATABASE)."""
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql)
