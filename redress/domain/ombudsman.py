"""The Ombudsman track, which runs beside the case's stage (domain.md §2.7, §3.6, §8).

The Local Government and Social Care Ombudsman may be contacted at any time. It normally treats a
complaint as premature until the council's procedure has run (s.26(5) LGA 1974) and refers it back;
otherwise it makes enquiries and decides, often recommending remedies with due dates.
"""

from enum import StrEnum


class OmbudsmanStatus(StrEnum):
    NONE = "none"
    ENQUIRY = "enquiry"
    PREMATURE_REFERRAL = "premature_referral"
    DECIDED = "decided"

    @property
    def label(self) -> str:
        return OMBUDSMAN_LABELS[self]


OMBUDSMAN_LABELS = {
    OmbudsmanStatus.NONE: "No Ombudsman involvement",
    OmbudsmanStatus.ENQUIRY: "Ombudsman enquiry open",
    OmbudsmanStatus.PREMATURE_REFERRAL: "Referred back by the Ombudsman as premature",
    OmbudsmanStatus.DECIDED: "Ombudsman decision received",
}


class OmbudsmanAction(StrEnum):
    RECORD_ENQUIRY = "record_ombudsman_enquiry"
    RECORD_PREMATURE_REFERRAL = "record_premature_referral"
    RECORD_DECISION = "record_ombudsman_decision"


class OmbudsmanDecision(StrEnum):
    UPHELD = "upheld"  # fault and injustice
    NOT_UPHELD = "not_upheld"
    CLOSED_AFTER_INITIAL_ENQUIRIES = "closed_after_initial_enquiries"
    EARLY_RESOLUTION = "early_resolution"


OMBUDSMAN_TRANSITIONS: dict[tuple[OmbudsmanStatus, OmbudsmanAction], OmbudsmanStatus] = {
    (OmbudsmanStatus.NONE, OmbudsmanAction.RECORD_ENQUIRY): OmbudsmanStatus.ENQUIRY,
    (OmbudsmanStatus.PREMATURE_REFERRAL, OmbudsmanAction.RECORD_ENQUIRY): OmbudsmanStatus.ENQUIRY,
    (OmbudsmanStatus.DECIDED, OmbudsmanAction.RECORD_ENQUIRY): OmbudsmanStatus.ENQUIRY,
    (OmbudsmanStatus.ENQUIRY, OmbudsmanAction.RECORD_PREMATURE_REFERRAL): (
        OmbudsmanStatus.PREMATURE_REFERRAL
    ),
    (OmbudsmanStatus.NONE, OmbudsmanAction.RECORD_PREMATURE_REFERRAL): (
        OmbudsmanStatus.PREMATURE_REFERRAL
    ),
    (OmbudsmanStatus.ENQUIRY, OmbudsmanAction.RECORD_DECISION): OmbudsmanStatus.DECIDED,
}


class InvalidOmbudsmanStep(Exception):
    def __init__(self, status: OmbudsmanStatus, action: OmbudsmanAction) -> None:
        super().__init__(
            f"You cannot {action.value.replace('_', ' ')} while the case's Ombudsman status is "
            f"'{status.label}'"
        )


def next_ombudsman_status(status: OmbudsmanStatus, action: OmbudsmanAction) -> OmbudsmanStatus:
    try:
        return OMBUDSMAN_TRANSITIONS[(status, action)]
    except KeyError:
        raise InvalidOmbudsmanStep(status, action) from None
