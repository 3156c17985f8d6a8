"""Staff screens at scale, on PostgreSQL: work queue and case page latency, p50 and p95.

For 100,000 and then 1,000,000 cases (a council's decades of complaints: the newest 5% open,
the rest finished), each with its people, points, clocks and a history of events, it times whole
requests through Django's test client as a signed-in complaints officer: middleware, session, the
scoped selectors, and the page rendered. Targets at 1,000,000 cases: the overdue queue's p95
under 150 ms; a search by a person's full name under 300 ms. A search by a surname alone (which
thousands of people share) is timed for information: see docs/adr/0015-trigram-name-search.md.

It runs in a child process against its own database, `redress_bench_casework`, created and dropped
here (`BENCH_POSTGRES_URL` names the server; default the local one). Rows are made with set-based
SQL, not the services: this measures the pages, not the loading. `BENCH_CASEWORK_SIZES` (comma
separated) changes the sizes, e.g. for a quick look.
"""

import os
import random
import statistics
import time
from datetime import date

from bench._child import insert_select, on_server, run_in_child, signed_in_client

DATABASE = "redress_bench_casework"
SIZES = [int(n) for n in os.environ.get("BENCH_CASEWORK_SIZES", "100000,1000000").split(",")]
TODAY = date(2026, 6, 30)
OFFICERS = 20
OPEN_EVERY = 20  # one case in 20 is open
EVENTS_PER_CASE = 4
REQUESTS = 60
WARM_UP = 5
TARGET_MS = 150
TIMEOUT_SECONDS = 3000
SEARCH_TARGET_MS = 300
# The pages with a target; the others are timed for information.
TARGETS_MS = {"overdue queue": TARGET_MS, "search by a person's full name": SEARCH_TARGET_MS}


def _pick(words: str, seed: str) -> str:
    """SQL choosing one of `words` for case n, spread by a hash (not n itself, so that the
    parts of a name vary independently)."""
    array = ", ".join(f"'{word}'" for word in words.split())
    return f"(ARRAY[{array}])[1 + abs(hashtext(n::text || '{seed}')) % {len(words.split())}]"


# People's names: about 60 first names, and 1,000 English surnames built from two parts or one of
# 40 others; a child shares the complainant's surname. A full name matches a few dozen people in
# a million cases; a surname a few thousand.
FIRST_NAMES = (
    "Sam Alex Jordan Amira Chloe Daniel Emma Fatima Grace Harry Isla Jack Kai Leah Mohammed "
    "Noah Olivia Priya Ruby Sofia Theo Zainab Aaron Bethany Callum Demi Ethan Freya Hamza Imogen "
    "Jamal Kayla Liam Maya Niamh Oscar Poppy Reece Sana Tyler Aisha Bilal Ciara Dylan Eleanor "
    "Finley Gemma Hassan Ivy Jasmine Kieran Lucy Mason Nadia Owen Paige Rhys Sienna Toby Yusuf"
)
SURNAME_STEMS = (
    "Ash Brad Carl Dun Elm Fair Gold Hart King Lang Mar Nor Oak Pem Rad Sher Stan Thorn Wal Whit "
    "Black Brook Cran Daven Ever Green Hol Ather Bux Chal Hamp Lock Mid New Ray Shel Tal Ware "
    "Wood Bar"
)
SURNAME_ENDS = (
    "ford well ton by ley more wood field ham worth bridge stone hurst combe wick den land "
    "shaw cott brook ridge low sby wright ing"
)
OTHER_SURNAMES = (
    "Okafor Nowak Khan Patel Begum Kowalski Nguyen Ahmed Osei Mensah Silva Rossi Murphy Kelly "
    "Hussain Ali Singh Kaur Chowdhury Adeyemi Balogun Wisniewski Horvat Papadopoulos Yilmaz "
    "Garcia Lopez Novak Popescu Ivanova Kamara Haddad Rahman Iqbal Mahmood Campbell Reid "
    "MacLeod Byrne Doyle"
)
SURNAME = (
    f"CASE WHEN abs(hashtext(n::text || 's')) % 5 = 0 THEN {_pick(OTHER_SURNAMES, 'o')} "
    f"ELSE {_pick(SURNAME_STEMS, 'a')} || {_pick(SURNAME_ENDS, 'b')} END"
)
ADULT_NAME = f"{_pick(FIRST_NAMES, 'p')} || ' ' || {SURNAME}"
CHILD_NAME = f"{_pick(FIRST_NAMES, 'c')} || ' ' || {SURNAME}"


def run() -> list[str]:
    return run_in_child("bench.casework", DATABASE, TIMEOUT_SECONDS)


def _insert(cursor: object, table: str, given: dict[str, str], source: str) -> None:
    insert_select(cursor, table, given, source, today=TODAY)


def _grow_to(total: int, officer_ids: list[int]) -> float:
    """Add cases (and their rows) until there are `total`; returns the seconds it took."""
    from django.db import connection

    started = time.perf_counter()
    first_officer, last_officer = min(officer_ids), max(officer_ids)
    with connection.cursor() as cursor:
        # Loading only: skip the foreign-key triggers (every row refers to a case made here).
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("SET synchronous_commit = off")
        cursor.execute("SELECT coalesce(max(id), 0) FROM cases_case")
        start = cursor.fetchone()[0] + 1
        # Time passes: the cases open before are finished now; the newest are the open ones.
        cursor.execute(
            "UPDATE cases_case SET stage = 'closed', next_due_on = NULL, next_due_rule = '', "
            f"closed_on = date '{TODAY}' WHERE stage <> 'closed'"
        )
        cursor.execute(
            f"UPDATE cases_clock SET completed_on = date '{TODAY}', met = true "
            "WHERE completed_on IS NULL"
        )
        series = f"FROM generate_series({start}::bigint, {total}::bigint) AS n"
        is_open = f"n > {total - total // OPEN_EVERY}"
        # Open cases: deadlines from 30 days overdue to 60 ahead; finished ones have none.
        due = f"CASE WHEN {is_open} THEN date '{TODAY}' - 30 + (n * 7919 % 91)::int END"
        _insert(
            cursor,
            "cases_case",
            {
                "id": "n",
                "reference": "'CSC-B-' || lpad(n::text, 8, '0')",
                "route": "'statutory'",
                "stage": f"CASE WHEN {is_open} THEN 'stat_s1' ELSE 'closed' END",
                "profile": "'statutory'",
                "ombudsman_status": "'none'",
                "received_on": f"date '{TODAY}' - (n % 7300)::int",
                "channel": "'email'",
                "summary": "(ARRAY['Contact with my children was cancelled', "
                "'Nobody returned my calls about the care plan', "
                "'My son was moved without anyone consulting me', "
                "'The assessment had factual errors about us'])[1 + n % 4] || ' ' || n",
                "assigned_to_id": f"{first_officer} + (n % {last_officer - first_officer + 1})",
                "next_due_on": due,
                "next_due_rule": f"CASE WHEN {is_open} THEN 'stage1.response' ELSE '' END",
                "closed_on": (
                    f"CASE WHEN {is_open} THEN NULL ELSE date '{TODAY}' - (n % 7300)::int + 30 END"
                ),
            },
            series,
        )
        cursor.execute(f"SELECT setval('cases_case_id_seq', {total})")
        for number in (1, 2):
            _insert(
                cursor,
                "cases_complaintpoint",
                {
                    "case_id": "n",
                    "number": str(number),
                    "summary": "'A complaint point'",
                    "route": "'statutory'",
                },
                series,
            )
        for role, name in (("complainant", ADULT_NAME), ("child", CHILD_NAME)):
            _insert(
                cursor,
                "cases_caseperson",
                {"case_id": "n", "role": f"'{role}'", "name": name},
                series,
            )
        for rule, running in (("ack", "false"), ("stage1.response", is_open)):
            _insert(
                cursor,
                "cases_clock",
                {
                    "case_id": "n",
                    "rule": f"'{rule}'",
                    "anchor_type": "'received'",
                    "anchor_date": f"date '{TODAY}' - (n % 7300)::int",
                    "working_days": "10",
                    "due_date": f"coalesce({due}, date '{TODAY}' - (n % 7300)::int + 14)",
                    "completed_on": f"CASE WHEN {running} THEN NULL "
                    f"ELSE date '{TODAY}' - (n % 7300)::int + 5 END",
                    "met": f"CASE WHEN {running} THEN NULL ELSE true END",
                },
                series,
            )
        _insert(
            cursor,
            "cases_caseevent",
            {
                "case_id": "n",
                "at": "now() - (e * interval '1 day')",
                "on": f"date '{TODAY}' - e",
                "by_id": f"{first_officer}",
                "action": "(ARRAY['receive', 'acknowledge', "
                "'accept_statutory', 'respond_stage1'])[e]",
                "from_stage": "'received'",
                "to_stage": "'stat_s1'",
            },
            f"{series} CROSS JOIN generate_series(1, {EVENTS_PER_CASE}) AS e",
        )
        cursor.execute("SET session_replication_role = origin")
    with connection.cursor() as cursor:  # VACUUM cannot run inside a transaction block
        cursor.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


def _time(client: object, urls: list[str]) -> tuple[float, float]:
    for url in urls[:WARM_UP]:
        client.get(url)  # type: ignore[attr-defined]
    timings = []
    for i in range(REQUESTS):
        url = urls[i % len(urls)]
        started = time.perf_counter()
        response = client.get(url)  # type: ignore[attr-defined]
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    ordered = sorted(timings)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def _name_searches(rng: random.Random, size: int, *, full: bool) -> list[str]:
    """Search pages for the names (or only the surnames) of 20 people on cases picked at random."""
    from urllib.parse import urlencode

    from redress.cases.models import CasePerson

    cases = rng.sample(range(1, size + 1), 20)
    names = CasePerson.objects.filter(case_id__in=cases, role="complainant").values_list(
        "name", flat=True
    )
    texts = [name if full else name.split()[-1] for name in names]
    return [f"/staff/search/?{urlencode({'q': text})}" for text in texts]


def child() -> None:
    on_server(f"DROP DATABASE IF EXISTS {DATABASE}")
    on_server(f"CREATE DATABASE {DATABASE}")
    try:
        import django

        django.setup()
        import time_machine
        from django.contrib.auth.hashers import make_password
        from django.core.management import call_command

        from redress.accounts.models import User, role_group
        from redress.domain.roles import Role

        call_command("migrate", verbosity=0)
        password = make_password(None)
        officers = User.objects.bulk_create(
            User(username=f"officer{i}", password=password) for i in range(OFFICERS)
        )
        role_group(Role.COMPLAINTS_OFFICER).user_set.add(*officers)
        officer_ids = [o.pk for o in officers]
        ok = True
        with time_machine.travel(TODAY, tick=True):
            client = signed_in_client(officers[0])
            for size in SIZES:
                seconds = _grow_to(size, officer_ids)
                print(
                    f"  {size:,} cases ({size // OPEN_EVERY:,} open, "
                    f"{size * EVENTS_PER_CASE:,} events) loaded in {seconds:.0f} s"
                )
                rng = random.Random(size)
                first_open = size - size // OPEN_EVERY + 1
                open_refs = [f"CSC-B-{n:08d}" for n in rng.sample(range(first_open, size + 1), 20)]
                closed_refs = [f"CSC-B-{n:08d}" for n in rng.sample(range(1, first_open), 20)]
                pages = {
                    "overdue queue": ["/staff/queue/?view=overdue"],
                    "overdue queue, page 5": ["/staff/queue/?view=overdue&page=5"],
                    "all open cases, by deadline": ["/staff/queue/?view=all"],
                    "my cases": ["/staff/queue/?view=mine"],
                    "due within 5 working days": ["/staff/queue/?view=due&within=5"],
                    "case page (open cases)": [f"/staff/cases/{r}/" for r in open_refs],
                    "case page (closed cases)": [f"/staff/cases/{r}/" for r in closed_refs],
                    "search by a person's full name": _name_searches(rng, size, full=True),
                    "search by a surname": _name_searches(rng, size, full=False),
                }
                for name, urls in pages.items():
                    p50, p95 = _time(client, urls)
                    print(f"  {size:,} cases: {name}: p50 {p50:.0f} ms, p95 {p95:.0f} ms")
                    target = TARGETS_MS.get(name)
                    if target and size >= 1_000_000 and p95 >= target:
                        ok = False
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(f"  machine load average while measuring (1, 5, 15 min): {load}")
        print(
            f"  {'PASS' if ok else 'FAIL'}: target: overdue queue p95 < {TARGET_MS} ms and "
            f"search by a full name p95 < {SEARCH_TARGET_MS} ms at 1,000,000 cases (2 cores; test "
            "client in one process, no network)"
        )
    finally:
        from django.db import connections

        connections.close_all()
        if not os.environ.get("BENCH_KEEP_DATABASE"):
            on_server(f"DROP DATABASE IF EXISTS {DATABASE}")


if __name__ == "__main__":
    child()
