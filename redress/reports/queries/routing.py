"""Children Act matters taken through the corporate procedure (issue 12 item 6: no detour into the
corporate procedure; domain.md §3.1, §3.2).

A complaint, or one point of a complaint, about a service inside the Children Act 1989 procedure
(`SERVICE_AREAS`: the area's procedure is statutory) goes to the corporate procedure only by the
complaints manager's decision, with a reason (`corporate_route_problems`). Each such decision is
a case event: `accept_corporate` for a whole complaint (the reason in the request it recorded),
`route_point` with route "corporate" for one point. They are counted here by the service area
recorded on the complaint and the reason given, when the decision was made in the period.

The reasons are the manager's words. Like "you said, we did", the names of the people on those
cases, email addresses, phone numbers, postcodes and case references are taken out (`redact`).
"""

from dataclasses import dataclass

from django.db.models import Case as Choose
from django.db.models import CharField, Count, Q, QuerySet, StringAgg, TextField, Value, When
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Concat, Trim

from redress.cases.models import Case, CaseEvent
from redress.domain.facts import Route
from redress.domain.service_areas import SERVICE_AREAS
from redress.domain.workflow import Action
from redress.reports.periods import Period
from redress.reports.queries.learning import redact
from redress.reports.queries.scope import scoped

STATUTORY_AREAS = tuple(
    str(area) for area, rule in SERVICE_AREAS.items() if rule.procedure is Route.STATUTORY
)
WHOLE_COMPLAINT = str(Action.ACCEPT_CORPORATE)
ONE_POINT = "route_point"  # the event `point_route` records
NAMES_APART = "\n"  # a person's name is one line


@dataclass(frozen=True)
class CorporateRoute:
    """Decisions made in the period for one service area and one reason."""

    service_area: str
    reason: str  # as recorded, redacted; "" when none was recorded
    complaints: int  # complaints sent to the corporate procedure
    points: int  # points of complaints sent there on their own


def corporate_routes(cases: QuerySet[Case], period: Period) -> list[CorporateRoute]:
    """Statutory matters sent to the corporate procedure in the period, by service area and
    reason; one query however many there are.

    A complaint or point counts once for each reason recorded for it in the period."""
    decisions = scoped(
        CaseEvent.objects.filter(
            Q(action=WHOLE_COMPLAINT) | Q(action=ONE_POINT, details__route=str(Route.CORPORATE)),
            on__range=(period.start, period.end),
            case__service_area__in=STATUTORY_AREAS,
        ),
        cases,
    )
    grouped = (
        decisions.annotate(
            reason=Trim(
                Choose(
                    When(action=WHOLE_COMPLAINT, then=KT("details__request__reason")),
                    default=KT("details__reason"),
                    output_field=TextField(),
                )
            )
        )
        .values("case__service_area", "reason")
        .annotate(
            complaints=Count("case_id", distinct=True, filter=Q(action=WHOLE_COMPLAINT)),
            points=Count(
                Concat(
                    Cast("case_id", CharField()),
                    Value(":"),
                    KT("details__point"),
                    output_field=CharField(),
                ),
                distinct=True,
                filter=Q(action=ONE_POINT),
            ),
            # The names of the people on those cases, to take out of the reasons (repeated
            # once per decision: a set is made of them below).
            names=StringAgg("case__people__name", delimiter=Value(NAMES_APART)),
        )
        .order_by()
    )
    # Reasons that read the same once names are taken out are one row.
    found: dict[tuple[str, str], tuple[int, int]] = {}
    for group in grouped:
        names = set((group["names"] or "").split(NAMES_APART)) - {""}
        key = (group["case__service_area"], redact(group["reason"] or "", names))
        complaints, points = found.get(key, (0, 0))
        found[key] = (complaints + group["complaints"], points + group["points"])
    order = {area: index for index, area in enumerate(STATUTORY_AREAS)}
    return [
        CorporateRoute(area, reason, complaints, points)
        for (area, reason), (complaints, points) in sorted(
            found.items(), key=lambda item: (order[item[0][0]], item[0][1] == "", item[0][1])
        )
    ]
