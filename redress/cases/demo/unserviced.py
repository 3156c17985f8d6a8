"""The two records the demo needs for which redress/cases/services.py has no service yet.

Everything else the demo does goes through the services. These functions are the only direct ORM
writes it makes; each is a gap in the services, and each should become a call to a service once
one exists. Neither writes a `CaseEvent`, because no service defines what that event should say.

- `points_set_themes`: a complaint point's learning theme (`ComplaintPoint.theme`, domain §4.2,
  annual-report table 6). `case_receive` and `point_add` take the point's text only.
- `case_appoint_advocate`: appointing an external advocate to a case (s.26A; domain §1.2), so that
  they can see it, and `Case.advocate_involved` (annual-report table 8). The services appoint
  only investigators and review panels.
"""

from datetime import date

from redress.accounts.models import Appointment, User
from redress.cases.models import Case, ComplaintPoint
from redress.domain.roles import Role


def points_set_themes(*, themes: dict[int, str]) -> None:
    """Gap: no service records a point's theme. `themes` maps a point's id to its theme."""
    points = [ComplaintPoint(pk=pk, theme=theme) for pk, theme in themes.items()]
    ComplaintPoint.objects.bulk_update(points, ["theme"])


def case_appoint_advocate(*, case_id: int, advocate: User, on: date) -> None:
    """Gap: no service appoints an advocate or records `Case.advocate_involved`."""
    Appointment.objects.create(case_id=case_id, person=advocate, role=Role.ADVOCATE, starts_on=on)
    case = Case.objects.get(pk=case_id)
    case.advocate_involved = True
    case.save(update_fields=["advocate_involved", "updated_at"])
