"""Every letter at every stage it applies to: rendered, made into a tagged PDF, and read back."""

from datetime import date

import pytest

from redress.cases.models import Clock, Document
from redress.domain.facts import Discretion, NotAcceptedGrounds
from redress.domain.workflow import Stage
from redress.letters.catalogue import LETTERS
from redress.letters.merge import DATE_OF_RULE
from redress.letters.models import Letter
from redress.letters.rendering import format_long_date
from redress.letters.services import letter_prepare, letter_send
from redress.letters.tests.conftest import pdf_info, pdf_text
from redress.letters.tests.walks import Walk, case_at, sufficient_interest

pytestmark = pytest.mark.django_db

EVERY_LETTER_AT_EVERY_STAGE = [
    pytest.param(kind.key, stage, id=f"{kind.key}@{stage.value}")
    for kind in LETTERS.values()
    for stage in kind.stages
]

# Worked by hand from domain.md §7 (statutory profile, England and Wales bank holidays).
HAND_CHECKED = {
    ("acknowledgement", Stage.STAT_S1): "Wednesday 1 April 2026",  # 18 Mar + 10 WD
    ("extension_notice", Stage.STAT_S1): "Friday 17 April 2026",  # 18 Mar + 20 WD, Easter skipped
    ("stage1_response_cover", Stage.RESPONDED_S1): "Friday 1 May 2026",  # 1 Apr + 20 WD, Easter
    # 20 Apr + 25 WD: the stage 2 clock counts from the request (statutory profile, 2026-12)
    ("stage2_confirmation", Stage.S2_STATEMENT_AGREED): "Wednesday 27 May 2026",
    ("stage1_resolution", Stage.RESOLVED_S1): "Wednesday 29 April 2026",  # 30 Mar + 20 WD, Easter
    ("stage2_adjudication", Stage.S2_ADJUDICATED): "Thursday 2 July 2026",  # 4 Jun + 20 WD
    ("stage3_acknowledgement", Stage.S3_REQUESTED): "Monday 3 August 2026",  # 22 Jun + 30 WD
    ("panel_invitation", Stage.PANEL_SCHEDULED): "Monday 3 August 2026",
    ("deferral_notice", Stage.DEFERRED): "Thursday 25 June 2026",  # the review date
    ("case_closed", Stage.CLOSED): "Friday 1 May 2026",  # the stage 2 window that lapsed
    ("corporate_stage1_response", Stage.CORP_S1_RESPONDED): "Friday 1 May 2026",  # 1 Apr + 20
}
# What else each letter must say, whatever the case.
MUST_SAY = {
    "not_accepted": ["Local Government and Social Care Ombudsman", "PO Box 4771", "0300 061 0614",
                     "The matter is before the family court."],
    "final_response": ["Local Government and Social Care Ombudsman", "www.lgo.org.uk",
                       "Apologise in writing for the delay", "We agree and apologise."],
    "corporate_stage2_response": ["Local Government and Social Care Ombudsman", "CV4 0EH"],
    "case_closed": ["Local Government and Social Care Ombudsman",
                    "The time to ask for stage 2 has passed"],
    "stage1_resolution": ["Local Government and Social Care Ombudsman", "PO Box 4771",
                          "right to ask for your complaint to go to stage 2"],
    "stage1_response_cover": ["Local Government and Social Care Ombudsman", "PO Box 4771"],
    "redirected": ["Child protection conference decisions have their own challenge process."],
    "stage2_confirmation": ["Chris Inquirer", "Pat Fairweather"],
    "commission_investigating_officer": ["Pat Fairweather"],
    "commission_independent_person": ["Chris Inquirer", "not an advocate"],
    "panel_invitation": ["Lee Chairwood", "one other person of your choice"],
    "stage2_adjudication": ["Review the family time plan with you at a meeting", "3 July 2026"],
    "withdrawal_confirmation": ["25 March 2026"],
}  # fmt: skip


def walk_for(key: str, stage: Stage, settings) -> Walk:
    if key == "sufficient_interest_decision":
        walk = sufficient_interest(
            Discretion.REFUSE if stage is Stage.NOT_ACCEPTED else Discretion.ACCEPT
        )
        if stage is not Stage.RECEIVED:
            walk.take(
                *(
                    ("not_accept", date(2026, 3, 23))
                    if stage is Stage.NOT_ACCEPTED
                    else ("accept_statutory", date(2026, 3, 23))
                ),
                reason="No sufficient interest" if stage is Stage.NOT_ACCEPTED else "",
                grounds=(
                    NotAcceptedGrounds.NO_SUFFICIENT_INTEREST
                    if stage is Stage.NOT_ACCEPTED
                    else None
                ),
            )
        return walk
    if key == "extension_notice" and stage is Stage.S2_REQUESTED:
        settings.REDRESS_COUNCIL_PROFILE = "norfolk"  # its stage 2 clock starts at the request
    return case_at(stage, extended=key == "extension_notice")


def dates_the_letter_uses(letter: Letter) -> list[str]:
    """Every clock date the template names, read from the clock rows themselves."""
    used = []
    clocks = Clock.objects.filter(case=letter.case).order_by("completed_on", "pk")
    for rule, name in DATE_OF_RULE.items():
        if f"dates.{name}" in letter.body:
            matching = [c for c in clocks if c.rule == rule]
            running = [c for c in matching if c.is_running]
            if running or matching:
                used.append(format_long_date((running or matching)[-1].effective_due_date))
    return used


@pytest.mark.parametrize(("key", "stage"), EVERY_LETTER_AT_EVERY_STAGE)
def test_every_letter_renders_at_every_stage_it_applies_to_as_a_tagged_pdf_with_its_dates(
    key, stage, settings
):
    walk = walk_for(key, stage, settings)
    assert walk.case.stage == stage

    letter = letter_prepare(case_id=walk.case.pk, key=key, by=None, today=walk.today)
    letter = letter_send(letter_id=letter.pk, by=None, today=walk.today)

    document = Document.objects.get(pk=letter.document_id)
    path = document.file.path
    info = pdf_info(path)
    text = pdf_text(path)
    assert info["Tagged"] == "yes"
    assert info["Page size"].startswith("595.")  # A4
    assert letter.subject in text
    assert walk.case.reference in text
    assert f"Dear {letter.recipient_name}," in text
    assert format_long_date(walk.today).split(" ", 1)[1] in text  # the letter's date
    for expected in dates_the_letter_uses(letter):
        # a date may sit in a conditional branch this case does not take; the ones it shows
        # must be the clock's, so check each one that appears in the plain text
        if expected.split(" ", 1)[1] in letter.text:
            assert expected in text
    if (key, stage) in HAND_CHECKED:
        assert HAND_CHECKED[(key, stage)] in text
    for phrase in MUST_SAY.get(key, []):
        assert phrase in text
    assert "{{" not in text
    assert "{%" not in text
