"""When the complainant received a response: day 0 of their window to ask for the next stage.

Rule: domain.md §2.2, decided 2026-12. The windows count from when the complainant *received* the
response, as the councils' pages and the letters say ("within 20 working days of receiving").
Email and hand delivery are received the day they are sent; first-class post is received the
profile's `[delivery] post_working_days` working days after posting (baseline 2, the rule for
first-class post in CPR 6.26). Where the actual day of receipt is known, it is used instead.
Sources: docs/law/sources.md.
"""

from datetime import date

from redress.domain.facts import SentBy
from redress.domain.profiles import CouncilProfile
from redress.domain.working_days import WorkingCalendar


def received_by_complainant_on(
    sent_on: date,
    sent_by: SentBy,
    profile: CouncilProfile,
    calendar: WorkingCalendar,
    *,
    known: date | None = None,
) -> date:
    """The day the complainant received a response sent on `sent_on` by `sent_by`."""
    if known is not None:
        return known
    if sent_by is SentBy.POST:
        return calendar.add_working_days(sent_on, profile.delivery.post_working_days)
    return sent_on
