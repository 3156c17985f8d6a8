"""Timeliness of each clock the council must meet (domain.md §5.2 table 3): responses in a
period, how many in time, the average working days taken, extensions, and responses beyond the
maximum the profile allows (the 65 working day ceiling at stage 2 under the statutory profile).

A response is a clock completed in the period by the step that answers it; clocks stopped by a
withdrawal or deferral (`met` is null) are not responses. Working days are counted as the
deadlines are (domain.md §2.2): from the clock's day 0, not counting day 0, to the day it was
completed, by joining both dates to the `WorkingDay` table, in one grouped query.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from django.db import connection
from django.db.models import QuerySet

from redress.cases.models import Case, Clock
from redress.domain.profiles import available_profiles, load_profile
from redress.domain.rules import EXTENDED_RULE, Rule, working_days_for
from redress.reports.calendar_table import ensure_working_days
from redress.reports.models import WorkingDay
from redress.reports.periods import Period


@dataclass(frozen=True)
class Timeliness:
    responses: int
    in_time: int
    working_days: int  # summed over the responses
    extended: int
    beyond_maximum: int


@cache
def maximum_working_days() -> dict[tuple[str, str], int]:
    """(rule, profile) -> the most working days the profile allows, for clocks with a maximum."""
    maxima = {}
    for slug in available_profiles():
        profile = load_profile(slug)
        for rule, extended in EXTENDED_RULE.items():
            maxima[(str(rule), slug)] = working_days_for(extended, profile)
    return maxima


def timeliness(
    cases: QuerySet[Case], period: Period, rules: Sequence[Rule]
) -> dict[str, Timeliness]:
    ensure_working_days()
    clock, day, case = Clock._meta.db_table, WorkingDay._meta.db_table, Case._meta.db_table
    params: list[object] = []
    # Beyond the maximum is only possible for a late response. Where every profile allows the
    # same maximum for a rule (the usual case) it is compared directly; only where profiles
    # differ, and the response falls between their maxima, is the case's profile looked up.
    maxima = maximum_working_days()
    elapsed = "done.ordinal - anchor.ordinal"
    maximum_sql = ["CASE WHEN c.met THEN 0"]
    for rule in sorted({rule for rule, _ in maxima}):
        allowed = {slug: most for (r, slug), most in maxima.items() if r == rule}
        low, high = min(allowed.values()), max(allowed.values())
        maximum_sql.append(f"WHEN c.rule = %s AND {elapsed} <= %s THEN 0")
        maximum_sql.append(f"WHEN c.rule = %s AND {elapsed} > %s THEN 1")
        params += [rule, low, rule, high]
        if low != high:
            maximum_sql.append(
                f"WHEN c.rule = %s THEN CASE WHEN {elapsed} > (SELECT CASE k.profile "
                + " ".join("WHEN %s THEN %s" for _ in allowed)
                + f" END FROM {case} k WHERE k.id = c.case_id) THEN 1 ELSE 0 END"
            )
            params.append(rule)
            for slug, most in allowed.items():
                params += [slug, most]
    maximum_sql.append("ELSE 0 END")
    scope_sql = ""
    scope_params: list[object] = []
    if cases.query.has_filters():
        inner, scope_params = cases.values("pk").query.sql_with_params()
        scope_sql = f" AND c.case_id IN ({inner})"
    sql = f"""
        SELECT c.rule,
               COUNT(*),
               SUM(CASE WHEN c.met THEN 1 ELSE 0 END),
               SUM(done.ordinal - anchor.ordinal),
               SUM(CASE WHEN c.extended_due_date IS NOT NULL THEN 1 ELSE 0 END),
               SUM({" ".join(maximum_sql)})
        FROM {clock} c
        JOIN {day} anchor ON anchor.day = c.anchor_date
        JOIN {day} done ON done.day = c.completed_on
        WHERE c.completed_on >= %s AND c.completed_on <= %s
          AND c.met IS NOT NULL
          AND c.rule IN ({", ".join(["%s"] * len(rules))}){scope_sql}
        GROUP BY c.rule
    """
    params += [period.start, period.end, *[str(r) for r in rules], *scope_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = {
            rule: Timeliness(int(n), int(met or 0), int(days or 0), int(ext or 0), int(beyond or 0))
            for rule, n, met, days, ext, beyond in cursor.fetchall()
        }
    empty = Timeliness(0, 0, 0, 0, 0)
    return {str(rule): found.get(str(rule), empty) for rule in rules}
