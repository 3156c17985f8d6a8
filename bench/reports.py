"""The annual report and the managers' dashboard over 1,000,000 cases on PostgreSQL.

Targets: the whole annual report (every table, built by `build_report`, for the financial year
2025/26 with its five-year trends) under 3 s; the dashboard under 500 ms. Both are timed as
built (every aggregate query and the tables) and as whole pages through Django's test client
(signed in, rendered with charts). The PDF and spreadsheet are timed too, for information: they
add rendering, not queries.

The 1,000,000 cases span five financial years (2021/22 to 2025/26, so the trend tables read all
of them; about 200,000 fall in the report's year), with a realistic mix: routes, stages 1 to 3,
the corporate procedure, compliments, findings on two points each, clocks (some late, some
extended, some beyond the maximum), events, the Ombudsman, remedies and actions. Rows are made
with set-based SQL in a database of its own, `redress_bench_reports`, created and dropped here
(`BENCH_POSTGRES_URL` names the server). Loading takes a few minutes.

The indexes are the models' own (findings by the day given, with their case and theme; clocks,
events and cases by date). `BENCH_REPORTS_CASES` changes the size.
"""

import os
import statistics
import time
from datetime import date

from bench._child import insert_select, on_server, run_in_child, signed_in_client

DATABASE = "redress_bench_reports"
CASES = int(os.environ.get("BENCH_REPORTS_CASES", "1000000"))
TODAY = date(2026, 5, 14)
FIRST_DAY = date(2021, 4, 1)
DAYS = 1826  # five financial years
REPORT_TARGET_S = 3.0
DASHBOARD_TARGET_MS = 500
RUNS = 5
TIMEOUT_SECONDS = 3000


def run() -> list[str]:
    return run_in_child("bench.reports", DATABASE, TIMEOUT_SECONDS)


# --- Loading --------------------------------------------------------------------------------

# Case n: its route from n % 100, its receipt spread over the five years.
RECEIVED = f"(date '{FIRST_DAY}' + (n::bigint * 7919 % {DAYS})::int)"
ROUTE = (
    "CASE WHEN n % 100 < 55 THEN 'statutory' WHEN n % 100 < 75 THEN 'corporate' "
    "WHEN n % 100 < 85 THEN 'compliment' WHEN n % 100 < 88 THEN 'comment' "
    "WHEN n % 100 < 93 THEN 'not_accepted' WHEN n % 100 < 97 THEN 'other_process' "
    "WHEN n % 100 < 98 THEN 'deferred' ELSE 'undecided' END"
)
STATUTORY = "n % 100 < 55"
CORPORATE = "n % 100 >= 55 AND n % 100 < 75"
COMPLAINT = "n % 100 < 75"
OPEN = "n % 20 = 0"
STAGE2 = f"{STATUTORY} AND n % 10 = 1"
STAGE3 = f"{STATUTORY} AND n % 50 = 1"
CORPORATE2 = f"{CORPORATE} AND n % 10 = 2"
CASES_FROM = "FROM generate_series(1, {total}) AS n"


def _fill(cursor: object, table: str, values: dict[str, str], source: str) -> None:
    insert_select(cursor, table, values, source, today=TODAY)


def _clock(cursor: object, rule: str, where: str, anchor: str, days: str, allowed: int) -> None:
    """Clocks for `rule` on the cases matching `where`: day 0 `anchor`, done `days` later
    (calendar days), met when within `allowed` calendar days; one in nine extended."""
    _fill(
        cursor,
        "cases_clock",
        {
            "case_id": "n",
            "rule": f"'{rule}'",
            "anchor_type": "'action'",
            "anchor_date": anchor,
            "working_days": "10",
            "due_date": f"{anchor} + {allowed}",
            "extended_due_date": f"CASE WHEN n % 9 = 0 THEN {anchor} + {allowed * 2} END",
            "extended_working_days": "CASE WHEN n % 9 = 0 THEN 20 END",
            "completed_on": f"{anchor} + {days}",
            "met": f"{days} <= {allowed}",
            "stopped_by": "'respond'",
        },
        f"{CASES_FROM.format(total=CASES)} WHERE {where}",
    )


def _event(cursor: object, action: str, where: str, on: str, details: str = "'{}'") -> None:
    _fill(
        cursor,
        "cases_caseevent",
        {"case_id": "n", "on": on, "action": f"'{action}'", "details": f"{details}::jsonb"},
        f"{CASES_FROM.format(total=CASES)} WHERE {where}",
    )


def load() -> float:
    from django.db import connection

    started = time.perf_counter()
    every = CASES_FROM.format(total=CASES)
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")  # no FK triggers while loading
        cursor.execute("SET synchronous_commit = off")
        _fill(cursor, "cases_case", {
            "id": "n",
            "reference": "'CSC-R-' || n",
            "route": ROUTE,
            "stage": f"CASE WHEN {OPEN} AND {COMPLAINT} THEN 'stat_s1' "
                     f"WHEN n % 100 >= 75 AND n % 100 < 77 THEN 'compliment_logged' "
                     f"WHEN n % 37 = 0 THEN 'withdrawn' ELSE 'closed' END",
            "profile": "'statutory'",
            "ombudsman_status": "'none'",
            "received_on": RECEIVED,
            "channel": "(ARRAY['email','online_form','phone','letter','in_person'])[1 + n % 5]",
            "service_area": "(ARRAY['child_in_care','children_in_need','leaving_care',"
                            "'disabled_children','early_help','education'])[1 + n % 6]",
            "summary": "'A complaint'",
            "advocacy_offered": "n % 7 = 0",
            "advocate_involved": "n % 21 = 0",
            "next_due_on": f"CASE WHEN {OPEN} THEN date '{TODAY}' - 20 + n % 60 END",
            "waiting_until": f"CASE WHEN n % 100 = 1 THEN date '{TODAY}' + 10 END",
            "closed_on": f"CASE WHEN {OPEN} THEN NULL ELSE {RECEIVED} + 60 END",
        }, every)  # fmt: skip
        cursor.execute(f"SELECT setval('cases_case_id_seq', {CASES})")
        _fill(cursor, "cases_caseperson", {
            "case_id": "n", "role": "'complainant'", "name": "'Someone'",
            "complainant_type": "(ARRAY['parent','child','pr_holder','la_foster_carer',"
                                "'care_leaver','sufficient_interest','parent'])[1 + n % 7]",
        }, every)  # fmt: skip
        for number in (1, 2):
            _fill(cursor, "cases_complaintpoint", {
                "id": f"n * 2 + {number - 1}", "case_id": "n", "number": str(number),
                "summary": "'A point'", "route": ROUTE,
                "theme": f"(ARRAY['Communication','Delay','Service quality','Staff conduct',"
                         f"'Decisions','Financial support'])[1 + (n + {number}) % 6]",
            }, f"{every} WHERE {COMPLAINT}")  # fmt: skip
        cursor.execute(f"SELECT setval('cases_complaintpoint_id_seq', {CASES * 2 + 2})")
        finding = "(ARRAY['upheld','partially_upheld','not_upheld','not_upheld','resolved'])"
        # Each stage's findings, given on the day of the event below that gives them.
        for stage, where, given_on in (
            ("stage1", STATUTORY, f"{RECEIVED} + n % 30"),
            ("corporate_stage1", CORPORATE, f"{RECEIVED} + 3 + n % 20"),
            ("stage2_adjudication", STAGE2, f"{RECEIVED} + 45 + n % 110"),
            ("corporate_stage2", CORPORATE2, f"{RECEIVED} + 40 + n % 40"),
        ):
            _fill(cursor, "cases_pointfinding", {
                "point_id": "p.id", "case_id": "p.case_id", "theme": "p.theme",
                "stage": f"'{stage}'", "finding": f"{finding}[1 + (p.id * 31) % 5]",
                "recorded_at": "now()", "given_on": given_on,
            }, f"FROM cases_complaintpoint p JOIN generate_series(1, {CASES}) AS n "
               f"ON p.case_id = n WHERE {where}")  # fmt: skip
        _clock(cursor, "ack", "true", RECEIVED, "1 + n % 4", 7)
        _clock(cursor, "stage1.response", STATUTORY, RECEIVED, "n % 30", 14)
        _clock(cursor, "stage2.response", STAGE2, f"{RECEIVED} + 45", "n % 110", 35)
        for rule, offset, allowed in (
            ("stage3.panel", 150, 42),
            ("stage3.panel_report", 190, 7),
            ("stage3.la_response", 197, 21),
        ):
            _clock(cursor, rule, STAGE3, f"{RECEIVED} + {offset}", "n % 50", allowed)
        _clock(cursor, "corporate.stage1.response", CORPORATE, f"{RECEIVED} + 3", "n % 20", 14)
        _clock(cursor, "corporate.stage2.response", CORPORATE2, f"{RECEIVED} + 40", "n % 40", 28)
        late = """'{"request": {"discretion": "accept"}}'"""
        for action, where, on, details in (
            ("receive", "true", RECEIVED, "'{}'"),
            ("accept_statutory", STATUTORY, f"{RECEIVED} + 1", "'{}'"),
            ("accept_corporate", CORPORATE, f"{RECEIVED} + 1", "'{}'"),
            ("log_compliment", "n % 100 >= 75 AND n % 100 < 85", RECEIVED, "'{}'"),
            ("respond_stage1", STATUTORY, f"{RECEIVED} + n % 30", "'{}'"),
            (
                "request_stage2",
                STAGE2,
                f"{RECEIVED} + 40",
                f"CASE WHEN n % 30 = 1 THEN {late} ELSE '{{}}' END",
            ),
            ("adjudicate", STAGE2, f"{RECEIVED} + 45 + n % 110", "'{}'"),
            ("request_stage3", STAGE3, f"{RECEIVED} + 150", "'{}'"),
            ("issue_la_response", STAGE3, f"{RECEIVED} + 197 + n % 50", "'{}'"),
            ("respond_corporate_stage1", CORPORATE, f"{RECEIVED} + 3 + n % 20", "'{}'"),
            ("request_corporate_stage2", CORPORATE2, f"{RECEIVED} + 35", "'{}'"),
            ("respond_corporate_stage2", CORPORATE2, f"{RECEIVED} + 40 + n % 40", "'{}'"),
            ("withdraw", f"{COMPLAINT} AND n % 37 = 0", f"{RECEIVED} + 5", "'{}'"),
            ("reopen", "n % 500 = 3", f"{RECEIVED} + 70", "'{}'"),
            ("close", f"NOT ({OPEN})", f"{RECEIVED} + 60", "'{}'"),
        ):
            _event(cursor, action, where, on, details)
        cursor.execute(
            "UPDATE cases_caseevent SET from_stage = 'stat_s1' WHERE action = 'withdraw'"
        )
        _fill(cursor, "cases_ombudsmanreferral", {
            "id": "n", "case_id": "n", "kind": "CASE WHEN n % 3 = 0 THEN 'premature' "
            "ELSE 'enquiry' END", "received_on": f"{RECEIVED} + 120",
            "decision": "CASE WHEN n % 3 = 1 THEN (ARRAY['upheld','not_upheld',"
                        "'closed_after_initial_enquiries','early_resolution'])[1 + n % 4] "
                        "ELSE '' END",
            "decided_on": f"CASE WHEN n % 3 = 1 THEN {RECEIVED} + 200 END",
        }, f"{every} WHERE n % 100 = 7")  # fmt: skip
        _fill(cursor, "cases_remedy", {
            "case_id": "n", "referral_id": "CASE WHEN n % 100 = 7 THEN n END",
            "kind": "'payment'", "amount_pence": "10000 + n % 5 * 5000",
            "payment_reason": "(ARRAY['time_and_trouble','distress','delay'])[1 + n % 3]",
            "due_on": f"{RECEIVED} + 230", "completed_on": f"{RECEIVED} + 220 + n % 20",
        }, f"{every} WHERE n % 200 IN (7, 8)")  # fmt: skip
        _fill(cursor, "cases_actionplanitem", {
            "case_id": "n", "description": "'An action'", "due_on": f"{RECEIVED} + 90",
            "status": "'complete'", "completed_on": f"{RECEIVED} + 80",
            "learning_theme": "'Communication'",
            "practice_change": "CASE WHEN n % 4 = 0 THEN 'We now phone back within a day' "
                               "ELSE '' END",
        }, f"{every} WHERE n % 50 = 9")  # fmt: skip
        cursor.execute("SET session_replication_role = origin")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # Django runs outside a transaction here (autocommit)
    return time.perf_counter() - started


def rows() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        counts = []
        for table in ("cases_case", "cases_clock", "cases_caseevent", "cases_pointfinding"):
            cursor.execute(f"SELECT count(*) FROM {table}")
            counts.append(f"{cursor.fetchone()[0]:,} {table.removeprefix('cases_')}")
    return ", ".join(counts)


# --- Timing ---------------------------------------------------------------------------------


def _timed(work: object, runs: int = RUNS) -> tuple[float, float, list[tuple[float, str]]]:
    """Median and worst seconds over `runs` after one warm-up, and the slowest queries of the
    last run."""
    from django.db import connection

    queries: list[tuple[float, str]] = []

    def timer(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append((time.perf_counter() - started, " ".join(sql.split())[:110]))

    work()  # type: ignore[operator]
    seconds = []
    for _ in range(runs):
        queries.clear()
        started = time.perf_counter()
        with connection.execute_wrapper(timer):
            work()  # type: ignore[operator]
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), max(seconds), sorted(queries, reverse=True)


def _client():  # type: ignore[no-untyped-def]
    from django.contrib.auth.hashers import make_password

    from redress.accounts.models import User, role_group
    from redress.domain.roles import Role

    manager = User.objects.create(username="manager", password=make_password(None))
    role_group(Role.COMPLAINTS_MANAGER).user_set.add(manager)
    return signed_in_client(manager)


def measure(label: str, client: object) -> tuple[float, float]:
    from redress.cases.models import Case
    from redress.reports.dashboard import build_dashboard
    from redress.reports.periods import financial_year
    from redress.reports.sections import build_report

    year = financial_year(2025)
    report_s, report_worst, slowest = _timed(lambda: build_report(Case.objects.all(), year, TODAY))
    dashboard_s, dashboard_worst, dash_slowest = _timed(
        lambda: build_dashboard(Case.objects.all(), TODAY)
    )

    def page(url: str):  # type: ignore[no-untyped-def]
        def get() -> None:
            response = client.get(url)  # type: ignore[attr-defined]
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")

        return get

    page_s, _, _ = _timed(page("/staff/reports/annual/?year=2025"), runs=3)
    dash_page_s, _, _ = _timed(page("/staff/reports/"), runs=3)
    print(
        f"  [{label}] annual report 2025/26, every table: median {report_s:.2f} s "
        f"(worst {report_worst:.2f} s of {RUNS}); as a page with charts {page_s:.2f} s"
    )
    print(f"  [{label}] dashboard: median {dashboard_s * 1000:.0f} ms (worst "
          f"{dashboard_worst * 1000:.0f} ms); as a page {dash_page_s * 1000:.0f} ms")  # fmt: skip
    for seconds, sql in slowest[:4]:
        print(f"  [{label}]   report query {seconds * 1000:.0f} ms: {sql}")
    for seconds, sql in dash_slowest[:2]:
        print(f"  [{label}]   dashboard query {seconds * 1000:.0f} ms: {sql}")
    return report_s, dashboard_s


def child() -> None:
    on_server(f"DROP DATABASE IF EXISTS {DATABASE}")
    on_server(f"CREATE DATABASE {DATABASE}")
    try:
        import django

        django.setup()
        import time_machine
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        seconds = load()
        print(f"  {CASES:,} cases over 2021/22 to 2025/26 loaded in {seconds:.0f} s: {rows()}")
        with time_machine.travel(TODAY, tick=True):
            client = _client()
            report_s, dashboard_s = measure(f"{CASES:,} cases", client)
            for name in ("PDF", "XLSX"):
                url = f"/staff/reports/annual.{name.lower()}?year=2025"
                taken, _, _ = _timed(lambda url=url: client.get(url), runs=1)
                print(f"  the report as {name}: {taken:.1f} s")
        load_average = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(f"  machine load average while measuring (1, 5, 15 min): {load_average}")
        ok = report_s < REPORT_TARGET_S and dashboard_s * 1000 < DASHBOARD_TARGET_MS
        print(
            f"  {'PASS' if ok else 'FAIL'}: annual report {report_s:.2f} s "
            f"(target < {REPORT_TARGET_S:.0f} s), dashboard {dashboard_s * 1000:.0f} ms "
            f"(target < {DASHBOARD_TARGET_MS} ms), over {CASES:,} cases"
        )
    finally:
        from django.db import connections

        connections.close_all()
        if not os.environ.get("BENCH_KEEP_DATABASE"):
            on_server(f"DROP DATABASE IF EXISTS {DATABASE}")


if __name__ == "__main__":
    child()
