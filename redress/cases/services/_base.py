"""What every case service shares: the case lock, the timeline event, JSON for event details."""

from dataclasses import asdict
from datetime import date
from typing import Any

from redress.accounts.models import User
from redress.cases.models import (
    Case,
    CaseEvent,
)
from redress.domain.facts import ActionRequest
from redress.domain.workflow import (
    Stage,
)


class StaleCase(Exception):
    """The case changed after the user loaded it: they must look again before acting."""

    def __init__(self, case: Case) -> None:
        super().__init__(
            f"Someone else has just updated case {case.reference}: it is now at "
            f"'{Stage(case.stage).label}'. Check its status and try again."
        )


def _event(
    case: Case, *, action: str, on: date, by: User | None, from_stage: str = "", **details: Any
) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        action=action,
        on=on,
        by=by,
        from_stage=from_stage,
        to_stage=case.stage,
        details=details,
    )


def _lock(case_id: int, expected_stage: Stage | None) -> Case:
    case = Case.objects.select_for_update().get(pk=case_id)
    if expected_stage is not None and case.stage != expected_stage:
        raise StaleCase(case)
    return case


def _jsonable_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable_value(v) for k, v in value.items() if v not in (None, "", (), [])}
    if isinstance(value, list | tuple):
        return [_jsonable_value(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(_jsonable_value(v) for v in value)
    return value


def _jsonable(request: ActionRequest) -> dict[str, Any]:
    return _jsonable_value(asdict(request))  # type: ignore[no-any-return]


def _locked_row(model: Any, pk: int) -> tuple[Case, Any]:
    """Lock the case a row belongs to, then read the row: (case, row)."""
    case = _lock(model.objects.values_list("case_id", flat=True).get(pk=pk), None)
    return case, model.objects.get(pk=pk)


def _note(case: Case, action: str, *, on: date, by: User | None, **details: Any) -> CaseEvent:
    """An event for a record that does not move the case: it stays at its stage."""
    return _event(case, action=action, on=on, by=by, from_stage=case.stage, **details)


# --- Deadlines the queues sort on ------------------------------------------------------------
