"""Which complaints procedure a service area's complaints go through (domain.md §3.1).

Rule: the Children Act 1989 procedure (SI 2006/1738) covers the council's Part III functions
(children in need, looked-after children, leaving care), the Part IV/V functions listed in Reg 3
(care and supervision, contact with a child in care, emergency protection), adoption (Reg 4) and
special guardianship support (Reg 5). Complaints about early help, child protection (s.47 enquiries
and conferences), the assessment or approval of prospective foster carers and adopters, reports
written for a court (s.7 and s.37) and education go through the council's corporate procedure, or
a process of their own (domain.md §3.1, citing S2, the LGSCO fact sheet and procedure manuals).

This is what the complainant is told to expect. The complaints team makes the routing decision at
triage, point by point where a complaint is mixed (§3.2), and can depart from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from redress.domain.facts import Route


class ServiceArea(StrEnum):
    CHILDREN_IN_NEED = "children_in_need"
    CHILD_IN_CARE = "child_in_care"
    LEAVING_CARE = "leaving_care"
    DISABLED_CHILDREN = "disabled_children"
    CARE_PROCEEDINGS = "care_proceedings"
    ADOPTION_SUPPORT = "adoption_support"
    SPECIAL_GUARDIANSHIP = "special_guardianship"
    FOSTER_CARER_SUPPORT = "foster_carer_support"
    EARLY_HELP = "early_help"
    CHILD_PROTECTION = "child_protection"
    CARER_ASSESSMENT = "carer_assessment"
    COURT_REPORT = "court_report"
    EDUCATION = "education"
    NOT_SURE = "not_sure"


@dataclass(frozen=True, slots=True)
class ServiceAreaRule:
    area: ServiceArea
    label: str  # what the complainant chooses, in plain English
    hint: str
    procedure: Route  # STATUTORY, CORPORATE, or UNDECIDED when the team must decide
    note: str = ""  # anything else the complainant should know about this area


def _rule(
    area: ServiceArea, label: str, hint: str, procedure: Route, note: str = ""
) -> ServiceAreaRule:
    return ServiceAreaRule(area, label, hint, procedure, note)


S, C, U = Route.STATUTORY, Route.CORPORATE, Route.UNDECIDED

# In the order the complainant sees them: the statutory areas first, then the rest.
SERVICE_AREAS: Final[Mapping[ServiceArea, ServiceAreaRule]] = {
    rule.area: rule
    for rule in (
        _rule(
            ServiceArea.CHILDREN_IN_NEED,
            "Social work help for a child or family",
            "For example an assessment, a child in need plan, or support at home",
            S,
        ),
        _rule(
            ServiceArea.CHILD_IN_CARE,
            "A child in care",
            "For example where they live, their care plan, their social worker or family time",
            S,
        ),
        _rule(
            ServiceArea.LEAVING_CARE,
            "Support for a young person leaving care",
            "For example a pathway plan, a personal adviser, housing or money",
            S,
        ),
        _rule(
            ServiceArea.DISABLED_CHILDREN,
            "Services for disabled children",
            "For example short breaks or support at home",
            S,
        ),
        _rule(
            ServiceArea.CARE_PROCEEDINGS,
            "What the council did in care proceedings or an emergency protection order",
            "The council's actions, not what the court decided",
            S,
            "The complaints procedure cannot change a decision made by a court.",
        ),
        _rule(
            ServiceArea.ADOPTION_SUPPORT,
            "Adoption or adoption support",
            "For example support after an adoption, or contact after adoption",
            S,
        ),
        _rule(
            ServiceArea.SPECIAL_GUARDIANSHIP,
            "Special guardianship support",
            "For example an assessment for support, or support payments",
            S,
        ),
        _rule(
            ServiceArea.FOSTER_CARER_SUPPORT,
            "Support for a foster carer",
            "For example training, supervision, or support with a child you care for",
            S,
        ),
        _rule(
            ServiceArea.EARLY_HELP,
            "Early help for a family",
            "Family support before children's social care becomes involved",
            C,
        ),
        _rule(
            ServiceArea.CHILD_PROTECTION,
            "Child protection enquiries or conferences",
            "Also called section 47 enquiries and child protection conferences",
            C,
            "If you disagree with a decision made at a child protection conference, there is a "
            "separate way to challenge it. We will tell you about it.",
        ),
        _rule(
            ServiceArea.CARER_ASSESSMENT,
            "Being assessed or approved as a foster carer or adopter",
            "Including decisions about your approval or registration",
            C,
            "Decisions about approving foster carers and adopters can also be reviewed through "
            "their own process, called the Independent Review Mechanism. We will tell you about "
            "it.",
        ),
        _rule(
            ServiceArea.COURT_REPORT,
            "A report written for a court",
            "Also called a section 7 or section 37 report",
            C,
            "The complaints procedure cannot change what a court decided, or what the court did "
            "with a report.",
        ),
        _rule(
            ServiceArea.EDUCATION,
            "Education, special educational needs or school transport",
            "Including school places and education, health and care plans",
            C,
        ),
        _rule(
            ServiceArea.NOT_SURE,
            "Something else, or I'm not sure",
            "",
            U,
        ),
    )
}


def procedure_for(area: ServiceArea) -> Route:
    """The procedure the complainant should expect for a complaint about `area`."""
    return SERVICE_AREAS[area].procedure


def is_outside_statutory_procedure(area: ServiceArea) -> bool:
    return procedure_for(area) is Route.CORPORATE


def service_area_label(value: str, *, blank: str = "Not recorded") -> str:
    """What a stored service area is called wherever it is shown: its label, for a key; `blank`
    for none; anything else as it was stored (a row the migration could not map)."""
    if not value:
        return blank
    try:
        return SERVICE_AREAS[ServiceArea(value)].label
    except ValueError:
        return value


def service_area_key(text: str) -> ServiceArea | None:
    """The service area a stored text names: its key, or its label in any case and spacing
    (rows stored before every form kept the key). None when it names no area."""
    cleaned = " ".join(text.split()).casefold()
    for area, rule in SERVICE_AREAS.items():
        if cleaned in (area.value, " ".join(rule.label.split()).casefold()):
            return area
    return None
