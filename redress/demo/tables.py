"""The tables the demo runner plays from: findings, reasons and grounds that go with each step."""

from redress.demo import catalogue as text
from redress.domain.facts import (
    NotAcceptedGrounds,
)
from redress.domain.findings import Finding
from redress.domain.rules import Rule
from redress.domain.workflow import (
    RESPONSES,
    TRANSITIONS,
    Action,
    Transition,
)

LOCAL_FINDINGS = (
    (Finding.UPHELD, 24),
    (Finding.PARTIALLY_UPHELD, 28),
    (Finding.NOT_UPHELD, 48),
)
INVESTIGATION_FINDINGS = (
    (Finding.UPHELD, 28),
    (Finding.PARTIALLY_UPHELD, 22),
    (Finding.NOT_UPHELD, 38),
    (Finding.UNABLE_TO_DETERMINE, 12),
)
# Where an adjudicating officer departs from the investigating officer's finding.
DEPARTURE = {
    Finding.UPHELD: Finding.PARTIALLY_UPHELD,
    Finding.PARTIALLY_UPHELD: Finding.UPHELD,
    Finding.NOT_UPHELD: Finding.PARTIALLY_UPHELD,
    Finding.UNABLE_TO_DETERMINE: Finding.NOT_UPHELD,
}
FAULT = frozenset({Finding.UPHELD, Finding.PARTIALLY_UPHELD})

REASONS: dict[Action, tuple[str, ...]] = {
    Action.NOT_ACCEPT: text.NOT_ACCEPTED[:2],
    Action.REDIRECT: text.REDIRECTED,
    Action.WITHDRAW: text.WITHDRAWALS,
    Action.REFUSE_LATE_STAGE2_REQUEST: (text.LATE_REQUEST_REFUSED,),
    Action.REOPEN: (text.REOPENED,),
    Action.RESUME: (text.RESUMED,),
    Action.ACCEPT_STATUTORY_STAGE2: (text.DIRECT_TO_STAGE2,),
    Action.EXTEND_STAGE1: text.EXTENSIONS["stage1"],
    Action.EXTEND_STAGE2: text.EXTENSIONS["stage2"],
    Action.EXTEND_CORPORATE_STAGE1: text.EXTENSIONS["corporate"],
    Action.EXTEND_CORPORATE_STAGE2: text.EXTENSIONS["corporate"],
}
# What each of the complainant's windows is for (the sweep's closing reason names it).
NEXT_STAGE_OF_WINDOW = {
    Rule.STAGE2_REQUEST_WINDOW: "stage 2",
    Rule.STAGE3_REQUEST_WINDOW: "stage 3",
    Rule.CORPORATE_STAGE2_REQUEST_WINDOW: "stage 2",
}
# The steps that send a response, and how the demo's reasons for not accepting map to grounds.
# Some responses go by post. Not those that open a window the scenarios time their next step
# against (the timing counts from the day the response was sent, as email is received).
POSTED_SOMETIMES = RESPONSES - {
    Action.RESPOND_STAGE1,
    Action.ADJUDICATE,
    Action.RESPOND_CORPORATE_STAGE1,
}
NOT_ACCEPTED_GROUNDS = {
    text.NOT_ACCEPTED[0]: NotAcceptedGrounds.NOT_ABOUT_A_SERVICE,
    text.NOT_ACCEPTED[1]: NotAcceptedGrounds.ALREADY_CONSIDERED,
    text.NOT_ACCEPTED[2]: NotAcceptedGrounds.NO_SUFFICIENT_INTEREST,
    text.NOT_ACCEPTED_LATE: NotAcceptedGrounds.OUT_OF_TIME,
}
TRIAGE = frozenset(
    {
        Action.ACCEPT_STATUTORY,
        Action.ACCEPT_STATUTORY_STAGE2,
        Action.ACCEPT_CORPORATE,
        Action.NOT_ACCEPT,
        Action.REDIRECT,
    }
)


def transition_of(action: Action) -> Transition:
    """The table's first row for `action`: an action's roles and clock are the same from every
    stage it can be taken at."""
    return next(row for (_, act), row in TRANSITIONS.items() if act is action)


# The window each request for the next stage closes (a request after it needs a discretion).
REQUEST_WINDOWS = {
    Action.REQUEST_STAGE2: Rule.STAGE2_REQUEST_WINDOW,
    Action.REQUEST_STAGE3: Rule.STAGE3_REQUEST_WINDOW,
}
