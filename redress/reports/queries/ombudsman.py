"""The Ombudsman and remedies (domain.md §2.7; §5.2 tables 10 and 11).

Enquiries and premature referrals count by the date the council received them; decisions by the
date of the decision; remedies by the decision they came from, and payments by the date paid.
"""

from collections.abc import Mapping

from django.db.models import Count, F, Q, QuerySet, Sum

from redress.cases.models import Case, OmbudsmanReferral, Remedy
from redress.domain.ombudsman import OmbudsmanDecision
from redress.reports.periods import Period
from redress.reports.queries.scope import scoped

ENQUIRY = OmbudsmanReferral.Kind.ENQUIRY
PREMATURE = OmbudsmanReferral.Kind.PREMATURE


def ombudsman_by_period(
    cases: QuerySet[Case], buckets: Mapping[str, Period]
) -> dict[str, dict[str, int]]:
    """bucket -> figure -> count: enquiries, premature referrals, decisions and each decision."""
    start = min(p.start for p in buckets.values())
    end = max(p.end for p in buckets.values())
    referrals = scoped(
        OmbudsmanReferral.objects.filter(
            Q(received_on__range=(start, end)) | Q(decided_on__range=(start, end))
        ),
        cases,
    )
    aggregates = {}
    for j, period in enumerate(buckets.values()):
        received = Q(received_on__range=(period.start, period.end))
        decided = Q(decided_on__range=(period.start, period.end), kind=ENQUIRY)
        aggregates[f"enquiries_{j}"] = Count("pk", filter=received & Q(kind=ENQUIRY))
        aggregates[f"premature_{j}"] = Count("pk", filter=received & Q(kind=PREMATURE))
        aggregates[f"decisions_{j}"] = Count("pk", filter=decided & ~Q(decision=""))
        for i, decision in enumerate(OmbudsmanDecision):
            aggregates[f"d{i}_{j}"] = Count("pk", filter=decided & Q(decision=decision))
    totals = referrals.aggregate(**aggregates)
    result = {}
    for j, bucket in enumerate(buckets):
        figures = {
            "enquiries": totals[f"enquiries_{j}"],
            "premature": totals[f"premature_{j}"],
            "decisions": totals[f"decisions_{j}"],
        }
        for i, decision in enumerate(OmbudsmanDecision):
            figures[str(decision)] = totals[f"d{i}_{j}"]
        result[bucket] = figures
    return result


def ombudsman_remedies(cases: QuerySet[Case], period: Period) -> dict[str, int]:
    """Remedies the Ombudsman asked for in decisions made in the period, and how many are done."""
    remedies = scoped(
        Remedy.objects.filter(
            referral__decided_on__range=(period.start, period.end),
            referral__kind=ENQUIRY,
        ),
        cases,
    )
    return remedies.aggregate(
        recommended=Count("pk"),
        completed=Count("pk", filter=Q(completed_on__isnull=False)),
        completed_on_time=Count(
            "pk",
            filter=Q(completed_on__isnull=False)
            & (Q(due_on__isnull=True) | Q(completed_on__lte=F("due_on"))),
        ),
    )


def payments_by_reason(cases: QuerySet[Case], period: Period) -> dict[str, tuple[int, int]]:
    """reason -> (payments made in the period, pence paid)."""
    payments = scoped(
        Remedy.objects.filter(
            kind=Remedy.Kind.PAYMENT, completed_on__range=(period.start, period.end)
        ),
        cases,
    )
    rows = (
        payments.values("payment_reason")
        .annotate(payments=Count("pk"), pence=Sum("amount_pence"))
        .order_by()
    )
    return {row["payment_reason"]: (row["payments"], row["pence"] or 0) for row in rows}
