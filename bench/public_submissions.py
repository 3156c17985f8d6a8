"""Public submissions through gunicorn on PostgreSQL: complete complaint journeys per second.

Target (issue 3): at least 100 complete submissions per second with 20 concurrent clients for 60
seconds, and a p95 latency per request under 300 ms, on this 2-core machine. For scale it then
measures, with the same clients, two ceilings no page can beat: the cheapest response Redress
gives (/healthz: Django's middleware, no template, no query) and a WSGI application that does
nothing at all under the same gunicorn. A journey is 29 requests, so each rate divided by 29
bounds the journeys per second any complaint form of that length could reach here.

What runs: a fresh database `redress_bench` (dropped first if a previous run left it, dropped
again at the end), migrated; collected static files; gunicorn with the production settings on a
loopback port; a real SMTP server (aiosmtpd) taking the confirmation emails. Then 20 client
threads each do whole journeys, as a browser without JavaScript does: GET each page, POST the
answer (with the CSRF token and cookies), follow the redirect, through "Check your answers" to the
confirmation page. A journey counts when its confirmation page shows a reference. Clients use
only the standard library (http.client), so nothing more is installed for the bench.

The whole run is bounded: the load phase lasts DURATION seconds, each request times out after
30 s, and gunicorn, the mail server and the database are always cleaned up.
"""

import html
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.client import HTTPConnection
from pathlib import Path
from typing import Any

from redress.intake.tests.journey_data import PARENT_COMPLAINT

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DATABASE = "redress_bench"
SERVER_URL = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
CLIENTS = 20
DURATION = float(os.environ.get("BENCH_PUBLIC_SECONDS", "60"))
WARM_UP = 5.0
TARGET_PER_SECOND = 100
TARGET_P95_MS = 300
WORKERS = int(os.environ.get("BENCH_GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))

# One complete parent's complaint (the answers the tests use), as form fields a browser sends.
ANSWERS: dict[str, dict[str, Any]] = {
    **PARENT_COMPLAINT,
    "support": {},
    "documents": {"action": "continue"},
}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REFERENCE = re.compile(r"CSC-\d{4}-\d{5}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def psql(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True) as connection:
        connection.execute(sql)


@contextmanager
def bench_database() -> Iterator[str]:
    psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    psql(f"CREATE DATABASE {DATABASE}")
    try:
        yield f"{SERVER_URL}/{DATABASE}"
    finally:
        psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


@contextmanager
def mail_server() -> Iterator[tuple[int, list[int]]]:
    from aiosmtpd.controller import Controller

    received: list[int] = []

    class Handler:
        async def handle_DATA(self, smtp: Any, session: Any, envelope: Any) -> str:
            received.append(len(envelope.content))
            return "250 OK"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, received
    finally:
        controller.stop()


def wait_for_port(port: int, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start listening")


# The least any WSGI application can do: the ceiling of gunicorn and the clients themselves.
NOTHING_APP = """
def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
    return [b"ok"]
"""


@contextmanager
def gunicorn(env: dict[str, str], log: Path, app: str = "config.wsgi:application") -> Iterator[int]:
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}",
             "--workers", str(WORKERS), "--worker-class", "sync", "--backlog", "2048",
             "--timeout", "60", "--log-level", "warning"],
            cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_for_port(port, process)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:  # pragma: no cover - a worker stuck in a request
            process.kill()
            process.wait()


@dataclass
class Client:
    """A browser without JavaScript: cookies, the CSRF token, redirects."""

    port: int
    latencies: list[float] = field(default_factory=list)
    cookies: dict[str, str] = field(default_factory=dict)
    connection: HTTPConnection | None = None

    def request(
        self, method: str, path: str, form: dict[str, Any] | None = None
    ) -> tuple[int, str, str]:
        headers = {
            "Host": "127.0.0.1",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        started = time.perf_counter()
        connection = HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode()
        finally:
            connection.close()
        self.latencies.append(time.perf_counter() - started)
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.headers.get("Location", ""), text

    def journey(self) -> str:
        """One complete complaint, start to confirmation. Returns the reference."""
        self.cookies.clear()
        path = "/complaint/who/"
        while True:
            status, _, page = self.request("GET", path)
            if status != 200:
                raise RuntimeError(f"GET {path} answered {status}")
            token = CSRF.search(page)
            if token is None:
                raise RuntimeError(f"no CSRF token on {path}")
            slug = path.rstrip("/").rsplit("/", 1)[-1]
            form = {"csrfmiddlewaretoken": html.unescape(token.group(1))}
            form.update({"website": ""} if slug == "check" else ANSWERS[slug])
            status, location, _ = self.request("POST", path, form)
            if status != 302:
                raise RuntimeError(f"POST {path} answered {status}")
            path = location
            if path.endswith("/sent/"):
                break
        status, _, page = self.request("GET", path)
        found = REFERENCE.search(page)
        if status != 200 or found is None:
            raise RuntimeError("the confirmation page has no reference")
        return found.group(0)


@dataclass
class Totals:
    journeys: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def load(port: int, seconds: float, totals: Totals | None) -> None:
    """CLIENTS threads doing journeys until `seconds` have passed (a journey under way ends)."""
    stop_at = time.monotonic() + seconds

    def run_client() -> None:
        client = Client(port)
        while time.monotonic() < stop_at:
            try:
                client.journey()
                if totals is not None:
                    with totals.lock:
                        totals.journeys += 1
            except Exception as error:  # reported, not raised: one failure must not end the run
                if totals is not None:
                    with totals.lock:
                        totals.errors.append(str(error))
        if totals is not None:
            with totals.lock:
                totals.latencies.extend(client.latencies)

    threads = [threading.Thread(target=run_client, daemon=True) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)


FLOOR_SECONDS = 10.0


def floor(port: int, seconds: float = FLOOR_SECONDS) -> float:
    """Requests per second for GET /healthz with the same clients: no journey of 29 pages served
    by that server can go faster than this allows."""
    stop_at = time.monotonic() + seconds
    served = [0] * CLIENTS

    def run_client(number: int) -> None:
        client = Client(port)
        while time.monotonic() < stop_at:
            client.request("GET", "/healthz")
            served[number] += 1

    threads = [threading.Thread(target=run_client, args=(n,), daemon=True) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    return sum(served) / seconds


def prepare(env: dict[str, str]) -> None:
    for command in (["migrate", "--no-input", "-v0"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([PYTHON, "manage.py", *command], cwd=REPO, env=env, check=True,
                       stdout=subprocess.DEVNULL, timeout=300)  # fmt: skip


def count_cases(database_url: str) -> int:
    import psycopg

    with psycopg.connect(database_url) as connection:
        row = connection.execute("SELECT count(*) FROM cases_case").fetchone()
        return int(row[0]) if row else 0


# The production settings as they are (hashed static files, a database connection kept per
# worker for DJANGO_CONN_MAX_AGE seconds, 60 unless set; 0 measures a connection per request).
BENCH_SETTINGS = """
from config.settings.production import *  # noqa: F403
"""
CONN_MAX_AGE = int(os.environ.get("DJANGO_CONN_MAX_AGE", "60"))


def run() -> list[str]:
    load_before = " ".join(f"{value:.1f}" for value in os.getloadavg())
    var_dir = Path(tempfile.mkdtemp(prefix="redress-bench-"))
    (var_dir / "bench_settings.py").write_text(BENCH_SETTINGS)
    try:
        with bench_database() as database_url, mail_server() as (smtp_port, emails):
            env = {
                **os.environ,
                "PYTHONPATH": os.pathsep.join([str(var_dir), str(REPO)]),
                "DJANGO_SETTINGS_MODULE": "bench_settings",
                "DJANGO_SECRET_KEY": "bench-only-not-secret",
                "DJANGO_SECURE_SSL_REDIRECT": "false",
                "DJANGO_LOG_LEVEL": "WARNING",
                "DATABASE_URL": database_url,
                "REDRESS_VAR_DIR": str(var_dir),
                "REDRESS_COUNCIL_PROFILE": "statutory",
                "REDRESS_SMTP_HOST": "127.0.0.1",
                "REDRESS_SMTP_PORT": str(smtp_port),
                "REDRESS_MAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                # 20 clients share one address here: the per-address limits would stop them.
                "REDRESS_RATE_LIMIT_SUBMISSIONS": "100000000/3600",
            }
            prepare(env)
            with gunicorn(env, var_dir / "gunicorn.log") as port:
                load(port, WARM_UP, totals=None)  # workers import, compile templates, connect
                cases_before, emails_before = count_cases(database_url), len(emails)
                totals = Totals()
                started = time.monotonic()
                load(port, DURATION, totals)
                elapsed = time.monotonic() - started
                created = count_cases(database_url) - cases_before
                sent = len(emails) - emails_before
                healthz = floor(port)
            (var_dir / "nothing_app.py").write_text(NOTHING_APP)
            with gunicorn(env, var_dir / "nothing.log", app="nothing_app:application") as port:
                nothing = floor(port)
            return [
                *report(totals, elapsed, created, sent, load_before),
                *ceilings(healthz, nothing, totals, elapsed),
            ]
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


def ceilings(healthz: float, nothing: float, totals: Totals, elapsed: float) -> list[str]:
    per_journey = len(totals.latencies) / max(totals.journeys, 1)
    needed = TARGET_PER_SECOND * per_journey
    return [
        f"for scale, with the same {CLIENTS} clients: Redress's cheapest response (/healthz) "
        f"{healthz:.0f} requests/s (at most {healthz / per_journey:.0f} journeys/s); a WSGI app "
        f"that does nothing, same gunicorn, {nothing:.0f} requests/s (at most "
        f"{nothing / per_journey:.0f} journeys/s)",
        f"the target needs {needed:.0f} requests/s of {per_journey:.0f}-page journeys; "
        f"served: {len(totals.latencies) / elapsed:.0f}/s",
    ]


def report(
    totals: Totals, elapsed: float, created: int, emails: int, load_before: str
) -> list[str]:
    latencies = sorted(totals.latencies)
    per_second = totals.journeys / elapsed
    p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000 if latencies else float("nan")
    median = statistics.median(latencies) * 1000 if latencies else float("nan")
    requests_per_journey = len(latencies) / max(totals.journeys, 1)
    verdict = "PASS" if per_second >= TARGET_PER_SECOND and p95 < TARGET_P95_MS else "FAIL"
    lines = [
        f"gunicorn {WORKERS} sync workers on PostgreSQL ({DATABASE}, CONN_MAX_AGE "
        f"{CONN_MAX_AGE}), {CLIENTS} clients, {elapsed:.0f} s after a {WARM_UP:.0f} s warm-up; "
        f"load average before: {load_before}",
        f"complete complaint journeys: {totals.journeys} ({per_second:.1f}/s); "
        f"cases created: {created}; confirmation emails received: {emails}",
        f"requests: {len(latencies)} ({len(latencies) / elapsed:.0f}/s, "
        f"{requests_per_journey:.0f} per journey); latency median {median:.0f} ms, "
        f"p95 {p95:.0f} ms",
        f"errors: {len(totals.errors)}"
        + (f" (first: {totals.errors[0]})" if totals.errors else ""),
        f"{verdict}: target {TARGET_PER_SECOND} journeys/s and p95 under {TARGET_P95_MS} ms",
    ]
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
