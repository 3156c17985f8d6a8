"""Learning: "you said, we did" from the actions completed in a period (domain.md §4.2, §5.2
table 14), and the resolutions reached at stage 1 (table 12).

The text is what staff wrote for publication (`ActionPlanItem.practice_change`). Before it is
shown, the names of the people on the case, email addresses, phone numbers, postcodes and case
references are taken out (`redact`).
"""

import re
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from redress.cases.models import ActionPlanItem, Case, CasePerson
from redress.reports.periods import Period
from redress.reports.queries.scope import scoped

REDACTED = "[removed]"
PATTERNS = [
    re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"),  # email addresses
    re.compile(r"\bCSC-\d{4}-\d+\b", re.IGNORECASE),  # case references
    re.compile(r"(?<!\w)(?:\+44\s?|0)\d(?:[\s-]?\d){8,10}\b"),  # UK phone numbers
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE),  # postcodes
]


@dataclass(frozen=True)
class Learning:
    theme: str
    service_area: str
    practice_change: str


def redact(text: str, names: set[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}\b", REDACTED, text, flags=re.IGNORECASE)
        # A first name or surname alone, as a proper noun (so "parent" stays, "Parent" goes).
        for part in name.split():
            if len(part) >= 2:
                text = re.sub(rf"\b{re.escape(part)}\b", REDACTED, text)
    for pattern in PATTERNS:
        text = pattern.sub(REDACTED, text)
    return text


def learning(cases: QuerySet[Case], period: Period) -> list[Learning]:
    """Completed actions with a practice change, by theme; two queries however many there are."""
    items = list(
        scoped(
            ActionPlanItem.objects.filter(completed_on__range=(period.start, period.end)).exclude(
                practice_change=""
            ),
            cases,
        )
        .order_by("learning_theme", "completed_on", "pk")
        .values_list("case_id", "learning_theme", "case__service_area", "practice_change")
    )
    people = CasePerson.objects.filter(case_id__in={case_id for case_id, *_ in items})
    names: dict[int, set[str]] = {}
    for case_id, name in people.values_list("case_id", "name"):
        names.setdefault(case_id, set()).add(name)
    return [
        Learning(theme, area, redact(change, names.get(case_id, set())))
        for case_id, theme, area, change in items
    ]


def actions_completed(cases: QuerySet[Case], period: Period) -> int:
    completed = ActionPlanItem.objects.filter(completed_on__range=(period.start, period.end))
    return scoped(completed, cases).aggregate(n=Count("pk"))["n"]
