"""A complaint's whole life: the case, its people and points, clocks, events and outcomes."""

from redress.cases.models.case import Case, Channel, ReferenceSequence
from redress.cases.models.clocks import Clock
from redress.cases.models.documents import Document
from redress.cases.models.events import CaseEvent
from redress.cases.models.notes import CaseNote, CaseView
from redress.cases.models.outcomes import (
    ActionPlanItem,
    OmbudsmanReferral,
    Recommendation,
    Remedy,
)
from redress.cases.models.people import CasePerson, ComplainantType, PersonRole
from redress.cases.models.points import ComplaintPoint, PointFinding

__all__ = [
    "ActionPlanItem",
    "Case",
    "CaseEvent",
    "CaseNote",
    "CasePerson",
    "CaseView",
    "Channel",
    "Clock",
    "ComplainantType",
    "ComplaintPoint",
    "Document",
    "OmbudsmanReferral",
    "PersonRole",
    "PointFinding",
    "Recommendation",
    "ReferenceSequence",
    "Remedy",
]
