"""Working-day arithmetic: the precomputed calendar against a naive day-by-day walk.

Target: at least 1,000,000 `add_working_days(day0, 25)` calls per second in one process, because
deadlines are recomputed in bulk (every open clock when an administrator adds a non-working day).
"""

import timeit
from collections.abc import Callable
from datetime import date, timedelta

import holidays

from redress.domain.working_days import WorkingCalendar

TARGET_PER_SECOND = 1_000_000
CALLS = 1_000_000
NAIVE_CALLS = 10_000
REPEATS = 3
N = 25
YEARS = range(2000, 2061)


def varied_days(count: int) -> list[date]:
    """Day 0s spread over 2001-2058, every weekday and holiday season, in a scrambled order."""
    start, span = date(2001, 1, 1), 365 * 58
    return [start + timedelta(days=(i * 7919) % span) for i in range(count)]


def per_second(calls: int, statement: Callable[[], object]) -> float:
    best = min(timeit.repeat(statement, number=1, repeat=REPEATS))
    return calls / best


def run() -> list[str]:
    built = timeit.default_timer()
    calendar = WorkingCalendar.england_and_wales(years=YEARS)
    built = timeit.default_timer() - built

    days = varied_days(10_000)
    add = calendar.add_working_days

    def fast() -> None:
        for _ in range(CALLS // len(days)):
            for day0 in days:
                add(day0, N)

    bank_holidays = holidays.country_holidays("GB", subdiv="ENG", years=YEARS)
    sample = days[:NAIVE_CALLS]

    def naive_add(day0: date, n: int) -> date:
        day = day0
        while n:
            day += timedelta(days=1)
            if day.weekday() < 5 and day not in bank_holidays:
                n -= 1
        return day

    def naive() -> None:
        for day0 in sample:
            naive_add(day0, N)

    disagreements = sum(add(day0, N) != naive_add(day0, N) for day0 in sample)
    fast_rate = per_second(CALLS, fast)
    naive_rate = per_second(len(sample), naive)
    verdict = "PASS" if fast_rate >= TARGET_PER_SECOND and not disagreements else "FAIL"
    return [
        f"calendar {YEARS.start}-{YEARS.stop - 1} built in {built * 1000:.0f} ms",
        f"add_working_days(d, {N}): {fast_rate:,.0f} calls/s "
        f"(best of {REPEATS} x {CALLS:,} calls over {len(days):,} day 0s)",
        f"naive day-by-day walk over `holidays`: {naive_rate:,.0f} calls/s "
        f"(best of {REPEATS} x {len(sample):,} calls, scaled)",
        f"speed-up: {fast_rate / naive_rate:,.1f}x; disagreements on the sample: {disagreements}",
        f"{verdict}: target {TARGET_PER_SECOND:,} calls/s",
    ]
