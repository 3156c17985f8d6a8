"""The deadline columns the queues sort on, copied from the running clocks."""

from collections.abc import Sequence
from datetime import date

from django.db import transaction

from redress.cases.models import (
    Case,
)
from redress.domain.rules import COMPLAINANT_WINDOWS
from redress.domain.workflow import (
    FINISHED_STAGES,
)


def _refresh_deadlines(case: Case, *, save: bool = True) -> None:
    """Copy the earliest running council deadline, and any open complainant window, onto the case.

    The queues filter and sort on these columns; the clocks remain the record.
    """
    council: list[tuple[date, str]] = []
    windows: list[date] = []
    for rule, due, extended in case.clocks.running().values_list(
        "rule", "due_date", "extended_due_date"
    ):
        effective = extended or due
        if rule in COMPLAINANT_WINDOWS:
            windows.append(effective)
        else:
            council.append((effective, rule))
    earliest = min(council) if council else None
    case.next_due_on = earliest[0] if earliest else None
    case.next_due_rule = earliest[1] if earliest else ""
    case.waiting_until = max(windows) if windows else None
    if save:
        case.save(update_fields=["next_due_on", "next_due_rule", "waiting_until", "updated_at"])


@transaction.atomic
def cases_refresh_deadlines(*, case_ids: Sequence[int] | None = None) -> int:
    """Refresh the queue columns of open cases, e.g. after `clocks_recalculate` moved clocks."""
    cases = Case.objects.select_for_update().exclude(stage__in=FINISHED_STAGES)
    if case_ids is not None:
        cases = cases.filter(pk__in=case_ids)
    count = 0
    for case in cases.iterator(chunk_size=500):
        _refresh_deadlines(case)
        count += 1
    return count
