"""Every letter the procedure sends: who it goes to, and at which stages of a case it applies.

The wording of each letter is data: it ships in `templates_src/<key>.html` and the complaints
manager edits it from there (each edit is a new version). The stages here are the ones at which the
letter makes sense; the staff screens offer only those, and the tests render every letter at every
one of them.

Shipped wordings are history too. When a release changes a letter, the wording it replaces is kept
as `templates_src/earlier/<key>.<n>.html` (n = 1 for the first wording shipped), the new one goes in
`templates_src/<key>.html`, and a new data migration adds it as a new version of the template
(`services.template_ship`). So migration 0002 still seeds the wording first shipped, and a case's
letters keep the version they were written from.
"""

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from redress.domain.workflow import Stage

TEMPLATES_SRC = Path(__file__).with_name("templates_src")
EARLIER = TEMPLATES_SRC / "earlier"


class Audience(StrEnum):
    COMPLAINANT = "complainant"
    INVESTIGATING_OFFICER = "investigating_officer"
    INDEPENDENT_PERSON = "independent_person"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


STAGE2_OPEN = (
    Stage.S2_REQUESTED,
    Stage.S2_STATEMENT_AGREED,
    Stage.S2_INVESTIGATING,
    Stage.S2_REPORTS_RECEIVED,
)


@dataclass(frozen=True)
class LetterKind:
    key: str
    title: str
    audience: Audience
    stages: tuple[Stage, ...]
    subject: str
    purpose: str

    def source(self) -> str:
        """The wording shipped now."""
        return (TEMPLATES_SRC / f"{self.key}.html").read_text()

    def shipped_wordings(self) -> int:
        """How many wordings of this letter have been shipped (the earlier ones and this one)."""
        return len(list(EARLIER.glob(f"{self.key}.*.html"))) + 1

    def shipped(self, wording: int) -> str:
        """Shipped wording number `wording` (1 is the first); the last is `source()`."""
        last = self.shipped_wordings()
        if not 1 <= wording <= last:
            raise ValueError(f"{self.key} has shipped wordings 1 to {last}, not {wording}")
        if wording == last:
            return self.source()
        return (EARLIER / f"{self.key}.{wording}.html").read_text()


def _kind(
    key: str,
    title: str,
    stages: tuple[Stage, ...],
    subject: str,
    purpose: str,
    audience: Audience = Audience.COMPLAINANT,
) -> LetterKind:
    return LetterKind(key, title, audience, stages, subject, purpose)


REF = "{{ case.reference }}"

LETTERS: dict[str, LetterKind] = {
    kind.key: kind
    for kind in (
        _kind(
            "acknowledgement",
            "Acknowledgement",
            (Stage.RECEIVED, Stage.STAT_S1, Stage.CORP_S1),
            f"We have received your complaint ({REF})",
            "Confirms receipt, who is dealing with the complaint, what happens next and when the "
            "response is due.",
        ),
        _kind(
            "not_accepted",
            "Complaint not accepted",
            (Stage.NOT_ACCEPTED,),
            f"Your complaint ({REF}): why we cannot consider it",
            "Explains why the complaint was not accepted and how to go to the Ombudsman.",
        ),
        _kind(
            "redirected",
            "Redirected to another procedure",
            (Stage.REDIRECTED,),
            f"Your complaint ({REF}) is being dealt with another way",
            "Explains which other procedure will deal with the matter and why.",
        ),
        _kind(
            "sufficient_interest_decision",
            "Sufficient-interest decision",
            (Stage.RECEIVED, Stage.STAT_S1, Stage.NOT_ACCEPTED),
            f"Our decision on whether we can consider your complaint ({REF})",
            "Tells someone outside the statutory list whether they have sufficient interest.",
        ),
        _kind(
            "extension_notice",
            "Extension notice",
            (Stage.STAT_S1, *STAGE2_OPEN, Stage.CORP_S1, Stage.CORP_S2),
            f"Your complaint ({REF}): we need more time to respond",
            "Gives the reason for the extension and the new date.",
        ),
        _kind(
            "stage1_response_cover",
            "Stage 1 response",
            (Stage.RESPONDED_S1,),
            f"Our response to your complaint ({REF})",
            "The stage 1 outcome per point, the last day to ask for stage 2 and the Ombudsman's "
            "details.",
        ),
        _kind(
            "stage1_resolution",
            "Stage 1 resolution confirmed",
            (Stage.RESOLVED_S1,),
            f"Confirming how your complaint was resolved ({REF})",
            "Confirms in writing the agreed terms of resolution at stage 1, the right to ask for "
            "stage 2 and its last day, and the Ombudsman's details.",
        ),
        _kind(
            "stage2_confirmation",
            "Stage 2 confirmation and statement of complaint",
            (Stage.S2_STATEMENT_AGREED, Stage.S2_INVESTIGATING),
            f"Your complaint ({REF}): the stage 2 investigation",
            "Sets out the agreed statement of complaint, who investigates and the response date.",
        ),
        _kind(
            "commission_investigating_officer",
            "Commissioning the investigating officer",
            (Stage.S2_REQUESTED, Stage.S2_STATEMENT_AGREED),
            f"Commission: stage 2 investigation of complaint {REF}",
            "Appoints the investigating officer and sets out the task and the dates.",
            Audience.INVESTIGATING_OFFICER,
        ),
        _kind(
            "commission_independent_person",
            "Commissioning the independent person",
            (Stage.S2_REQUESTED, Stage.S2_STATEMENT_AGREED),
            f"Commission: independent person for complaint {REF}",
            "Appoints the independent person and sets out their role and the dates.",
            Audience.INDEPENDENT_PERSON,
        ),
        _kind(
            "stage2_adjudication",
            "Stage 2 adjudication",
            (Stage.S2_ADJUDICATED,),
            f"The council's decision on your complaint ({REF})",
            "The decision on each point, the actions, and the last day to ask for stage 3.",
        ),
        _kind(
            "stage3_acknowledgement",
            "Stage 3 acknowledgement",
            (Stage.S3_REQUESTED,),
            f"Your request for a review panel ({REF})",
            "Confirms the stage 3 request and the date by which the panel must meet.",
        ),
        _kind(
            "panel_invitation",
            "Review panel invitation",
            (Stage.PANEL_SCHEDULED,),
            f"Invitation to the review panel ({REF})",
            "Invites the complainant to the panel and explains who may come and speak.",
        ),
        _kind(
            "final_response",
            "The council's final response",
            (Stage.LA_RESPONSE_ISSUED,),
            f"The council's response to the review panel ({REF})",
            "The council's decision on the panel's recommendations and the Ombudsman's details.",
        ),
        _kind(
            "corporate_stage1_response",
            "Corporate stage 1 response",
            (Stage.CORP_S1_RESPONDED,),
            f"Our response to your complaint ({REF})",
            "The stage 1 outcome under the corporate procedure and how to ask for stage 2.",
        ),
        _kind(
            "corporate_stage2_response",
            "Corporate stage 2 (final) response",
            (Stage.CORP_S2_RESPONDED,),
            f"Our final response to your complaint ({REF})",
            "The final corporate response and the Ombudsman's details.",
        ),
        _kind(
            "withdrawal_confirmation",
            "Withdrawal confirmation",
            (Stage.WITHDRAWN,),
            f"Confirming you have withdrawn your complaint ({REF})",
            "Confirms the withdrawal and that the complaint can be made again.",
        ),
        _kind(
            "deferral_notice",
            "Deferral notice",
            (Stage.DEFERRED,),
            f"Your complaint ({REF}) is on hold",
            "Explains why the complaint waits and when the council will review it.",
        ),
        _kind(
            "case_closed",
            "Closing letter",
            (Stage.CLOSED,),
            f"We have closed your complaint ({REF})",
            "Closes the case: after the time to ask for the next stage has passed, or when the "
            "complainant has told us they will not take it further.",
        ),
        _kind(
            "compliment_thanks",
            "Thank you for a compliment",
            (Stage.COMPLIMENT_LOGGED,),
            "Thank you for your compliment",
            "Thanks the person and says who the compliment was passed to.",
        ),
    )
}


def letters_for_stage(stage: Stage) -> list[LetterKind]:
    return [kind for kind in LETTERS.values() if stage in kind.stages]
