"""Outcomes recorded per complaint point, per stage (domain.md §4.1).

Annual reports roll points up to a case: upheld if every point is upheld, partially upheld if some
are, not upheld if none are. Points with no decision on the merits (withdrawn, not considered) do
not count towards the roll-up.
"""

from collections.abc import Iterable
from enum import StrEnum


class Finding(StrEnum):
    UPHELD = "upheld"
    PARTIALLY_UPHELD = "partially_upheld"
    NOT_UPHELD = "not_upheld"
    UNABLE_TO_DETERMINE = "unable_to_determine"
    RESOLVED = "resolved"  # stage 1 local resolution without a formal finding
    WITHDRAWN = "withdrawn"
    NOT_CONSIDERED = "not_considered"  # out of scope, out of time or deferred

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class FindingStage(StrEnum):
    """Where in the procedure a finding was made."""

    STAGE1 = "stage1"
    STAGE2_INVESTIGATION = "stage2_investigation"  # the investigating officer's finding
    STAGE2_ADJUDICATION = "stage2_adjudication"  # the council's decision on the point
    CORPORATE_STAGE1 = "corporate_stage1"
    CORPORATE_STAGE2 = "corporate_stage2"


ON_THE_MERITS = frozenset({Finding.UPHELD, Finding.PARTIALLY_UPHELD, Finding.NOT_UPHELD})


def case_outcome(findings: Iterable[Finding]) -> Finding | None:
    """The case-level roll-up of its points' findings at one stage (None if nothing to roll up)."""
    decided = [f for f in findings if f in ON_THE_MERITS]
    if not decided:
        return None
    if all(f is Finding.UPHELD for f in decided):
        return Finding.UPHELD
    if all(f is Finding.NOT_UPHELD for f in decided):
        return Finding.NOT_UPHELD
    return Finding.PARTIALLY_UPHELD
