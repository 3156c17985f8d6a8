"""Letters and the daily sweep at scale, on PostgreSQL.

1. The sweep over 1,000,000 running clocks: ~111,000 open cases with nine council deadlines each,
   due dates spread from a month overdue to a year ahead, 50 assignees, some open actions. The
   first run queues every reminder (a backlog nobody has been told about: the worst case); the
   second is the steady state (nothing new, so it only has to look). Target: the steady-state
   sweep within 60 s, the first within 300 s.
2. PDF letters rendered per second (the two-page stage 2 adjudication, tagged PDF/UA-1).
   Target: at least 2 per second on one core (each is laid out three times: "Page N of M" and the
   running reference need the page count).

It runs in a child process against its own database, `redress_bench_letters`, created and dropped
here (`BENCH_POSTGRES_URL` names the server; default the local one). Cases and clocks are made
with set-based SQL, not the services: this measures the sweep, not the loading. Auto-closure sends
a PDF letter per case, so it is measured by the PDF rate, not repeated here.
"""

import os
import time
from datetime import date, timedelta

from bench._child import insert_select, on_server, run_in_child

DATABASE = "redress_bench_letters"
CASES = 111_112
ASSIGNEES = 50
RULES = (
    "ack",
    "stage1.response",
    "stage2.response",
    "stage3.panel",
    "stage3.panel_report",
    "stage3.la_response",
    "corporate.stage1.response",
    "corporate.stage2.ack",
    "corporate.stage2.response",
)
TODAY = date(2026, 6, 30)
PDFS = 40
TIMEOUT_SECONDS = 1800


def run() -> list[str]:
    return run_in_child(
        "bench.letters",
        DATABASE,
        TIMEOUT_SECONDS,
        DJANGO_SETTINGS_MODULE="config.settings.local",
        DJANGO_DEBUG="false",
    )


def _load() -> tuple[int, float]:
    from django.contrib.auth.hashers import make_password
    from django.db import connection

    from redress.accounts.models import User, role_group
    from redress.domain.roles import Role

    started = time.perf_counter()
    password = make_password(None)
    officers = User.objects.bulk_create(
        User(username=f"officer{i}", email=f"officer{i}@council.example", password=password)
        for i in range(ASSIGNEES)
    )
    group = role_group(Role.COMPLAINTS_OFFICER)
    group.user_set.add(*officers)
    manager = User.objects.create(
        username="manager", email="manager@council.example", password=password
    )
    manager.groups.add(role_group(Role.COMPLAINTS_MANAGER))
    first_officer = officers[0].pk
    with connection.cursor() as cursor:
        insert_select(
            cursor,
            "cases_case",
            {
                "reference": "'CSC-B-' || lpad(n::text, 7, '0')",
                "route": "'statutory'",
                "stage": "'stat_s1'",
                "profile": "'statutory'",
                "received_on": f"date '{TODAY}' - (n % 400)",
                "channel": "'email'",
                "summary": "'Bench case'",
                "assigned_to_id": f"{first_officer} + (n % {ASSIGNEES})",
            },
            f"FROM generate_series(1, {CASES}) AS n",
            today=TODAY,
        )
        rules = "ARRAY[" + ", ".join(f"'{rule}'" for rule in RULES) + "]"
        # Due dates from 30 days overdue to 400 ahead, scattered so neighbours differ.
        due = f"date '{TODAY}' - 30 + ((c.id * 7919 + r.i * 104729) % 431)::int"
        insert_select(
            cursor,
            "cases_clock",
            {
                "case_id": "c.id",
                "rule": f"({rules})[r.i]",
                "anchor_type": "'action'",
                "anchor_date": f"{due} - 14",
                "working_days": "10",
                "due_date": due,
            },
            f"FROM cases_case c CROSS JOIN generate_series(1, {len(RULES)}) AS r(i)",
            today=TODAY,
        )
        insert_select(
            cursor,
            "cases_actionplanitem",
            {
                "case_id": "c.id",
                "description": "'Bench action'",
                "owner_id": "c.assigned_to_id",
                "due_on": f"date '{TODAY}' - 10 + (c.id % 200)::int",
                "status": "'open'",
            },
            "FROM cases_case c WHERE c.id % 10 = 0",
            today=TODAY,
        )
        cursor.execute("ANALYZE")
        cursor.execute("SELECT count(*) FROM cases_clock WHERE completed_on IS NULL")
        clocks = cursor.fetchone()[0]
    return clocks, time.perf_counter() - started


def _pdf_rate() -> tuple[float, int]:
    from redress.letters.catalogue import LETTERS
    from redress.letters.merge import sample_context
    from redress.letters.rendering import frame_from, letter_html, letter_pdf, render_body

    kind = LETTERS["stage2_adjudication"]
    context = sample_context()
    body = render_body(kind.subject, kind.source(), context)
    letter_pdf(letter_html(frame_from(context, body.subject, False), body.html))  # warm up
    started = time.perf_counter()
    size = 0
    for _ in range(PDFS):
        body = render_body(kind.subject, kind.source(), context)
        size = len(letter_pdf(letter_html(frame_from(context, body.subject, False), body.html)))
    return PDFS / (time.perf_counter() - started), size


def child() -> None:
    on_server(f"DROP DATABASE IF EXISTS {DATABASE}")
    on_server(f"CREATE DATABASE {DATABASE}")
    try:
        import django

        django.setup()
        from django.core.management import call_command

        from redress.letters.models import Reminder
        from redress.letters.sweep import sweep

        call_command("migrate", verbosity=0)
        clocks, load_seconds = _load()
        print(f"  loaded {clocks:,} running clocks on {CASES:,} cases in {load_seconds:.0f} s")

        started = time.perf_counter()
        first = sweep(today=TODAY)
        first_seconds = time.perf_counter() - started
        reminders = Reminder.objects.count()
        started = time.perf_counter()
        second = sweep(today=TODAY)
        second_seconds = time.perf_counter() - started
        started = time.perf_counter()
        next_day = sweep(today=TODAY + timedelta(days=1))
        next_day_seconds = time.perf_counter() - started
        print(
            f"  sweep, first run (whole backlog): {first_seconds:.1f} s, {reminders:,} reminders "
            f"in {first.emails} emails"
        )
        print(f"  sweep, run again the same day: {second_seconds:.1f} s, {second.emails} emails")
        print(
            f"  sweep, next day: {next_day_seconds:.1f} s, "
            f"{sum(next_day.counts.values()):,} new reminders in {next_day.emails} emails"
        )
        rate, size = _pdf_rate()
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(f"  machine load average while measuring (1, 5, 15 min): {load}")
        print(f"  PDF letters: {rate:.1f} per second ({size / 1024:.0f} KiB each, PDF/UA-1)")
        ok = second_seconds <= 60 and first_seconds <= 300 and rate >= 2 and second.emails == 0
        print(
            f"  {'PASS' if ok else 'FAIL'}: targets: steady-state sweep <= 60 s, first sweep "
            "<= 300 s, nothing sent twice, >= 2 PDF letters per second"
        )
    finally:
        from django.db import connections

        connections.close_all()
        on_server(f"DROP DATABASE IF EXISTS {DATABASE}")


if __name__ == "__main__":
    child()
