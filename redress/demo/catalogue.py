"""What the demo council's complaints are about, and the words its staff write about them.

Service areas follow the annual-report breakdown in domain.md §5.2 (table 5); themes follow §4.2;
channels and complainant types follow tables 9 and 7. Whether an area's complaints go through the
statutory procedure or the corporate one follows the triage rules of domain.md §3.1: Part III
functions (children in need, looked-after children, leaving care), adoption and special
guardianship support are statutory; early help, child protection enquiries and conferences and
education are usually corporate.
"""

from dataclasses import dataclass

from redress.cases.models import Channel, ComplainantType
from redress.domain.facts import DeferralReason, Route
from redress.domain.findings import Finding
from redress.domain.service_areas import ServiceArea as Area


@dataclass(frozen=True)
class ServiceArea:
    """A team of the demo council. `name` is the team's service; a case stores the reporting
    service area it comes under (`REPORTING_AREAS`), as the forms do."""

    name: str
    team: str
    responding_manager: str
    route: Route
    weight: int  # how often complaints are about this area
    points: tuple[tuple[str, str], ...]  # (theme, what the complainant says)


SERVICE_AREAS: tuple[ServiceArea, ...] = (
    ServiceArea(
        "Children looked after and permanence",
        "Children Looked After Team",
        "gareth.pryce",
        Route.STATUTORY,
        24,
        (
            ("Contact", "Contact with my children was cancelled at short notice three times"),
            ("Communication", "The social worker did not return my calls or emails for weeks"),
            ("Placement", "My son was moved to a new placement without anyone consulting me"),
            ("Care planning", "The care plan has not been updated since the last review"),
            ("Staff conduct", "The social worker was dismissive towards me at the review meeting"),
            ("Delay", "The life story work promised a year ago has still not started"),
            ("Financial support", "Pocket money and clothing allowance were not paid for 2 months"),
        ),
    ),
    ServiceArea(
        "Children in need",
        "Children in Need Team",
        "joanne.kerr",
        Route.STATUTORY,
        20,
        (
            ("Assessment quality", "The child and family assessment has factual errors about us"),
            ("Communication", "Nobody told me the outcome of the assessment or sent me a copy"),
            ("Service quality", "Support agreed at the child in need meeting was never provided"),
            ("Staff changes", "We have had four different social workers in six months"),
            ("Recording", "My views were not recorded in the child in need plan"),
            ("Delay", "The assessment took eleven weeks instead of 45 working days"),
        ),
    ),
    ServiceArea(
        "Referral and assessment (MASH)",
        "Multi-Agency Safeguarding Hub and Assessment Team",
        "rachel.oduya",
        Route.STATUTORY,
        11,
        (
            ("Decisions", "The referral was closed without anyone speaking to me"),
            ("Information sharing", "My family's information went to the school without consent"),
            ("Communication", "Nobody explained why a social worker visited unannounced"),
            ("Assessment quality", "The assessment relied on an anonymous referral nobody checked"),
        ),
    ),
    ServiceArea(
        "Disabled children",
        "Disabled Children's Service",
        "imran.qureshi",
        Route.STATUTORY,
        10,
        (
            ("Service quality", "The short breaks in my son's plan stopped in March"),
            ("Assessment quality", "The assessment ignored my daughter's autism diagnosis"),
            ("Delay", "We have waited five months for a decision on direct payments"),
            ("Financial support", "The direct payment rate does not cover a personal assistant"),
            ("Communication", "Letters about the review were sent to the wrong address"),
        ),
    ),
    ServiceArea(
        "Leaving care",
        "Leaving Care Service",
        "lucy.fairbrother",
        Route.STATUTORY,
        10,
        (
            ("Financial support", "My setting-up-home allowance was paid late and was too little"),
            ("Communication", "My personal adviser has not contacted me since I turned 18"),
            ("Care planning", "My pathway plan has not been reviewed for over a year"),
            ("Accommodation", "My supported accommodation is too far from my college"),
            ("Staff conduct", "My personal adviser shared my details with my old foster carer"),
        ),
    ),
    ServiceArea(
        "Fostering",
        "Fostering Service",
        "stuart.bellamy",
        Route.STATUTORY,
        7,
        (
            ("Financial support", "Allowances were underpaid when the placement was extended"),
            ("Service quality", "The supervising social worker kept cancelling support visits"),
            ("Communication", "We were not told the child's needs before the placement began"),
            ("Decisions", "The placement was ended without a disruption meeting"),
        ),
    ),
    ServiceArea(
        "Adoption and special guardianship support",
        "Adoption and Special Guardianship Support",
        "angela.crossley",
        Route.STATUTORY,
        5,
        (
            (
                "Financial support",
                "The special guardianship allowance was cut without reassessment",
            ),
            ("Service quality", "The adoption support assessment promised was never completed"),
            ("Communication", "Letterbox contact letters were not passed on for six months"),
            ("Delay", "Therapeutic support funding has not been decided after four months"),
        ),
    ),
    ServiceArea(
        "Residential care",
        "Children's Homes",
        "paul.entwistle",
        Route.STATUTORY,
        4,
        (
            ("Staff conduct", "Staff at the children's home restrained me when it was not needed"),
            ("Placement", "My belongings were lost when I moved out of the children's home"),
            ("Communication", "Nobody told me my keyworker had changed"),
            ("Care planning", "My education was not supported while I lived at the home"),
        ),
    ),
    ServiceArea(
        "Child protection enquiries and conferences",
        "Child Protection and Conference Service",
        "neil.cartwright",
        Route.CORPORATE,
        6,
        (
            ("Staff conduct", "The social worker was rude to me during the section 47 visit"),
            ("Communication", "I did not get the conference report before the meeting"),
            ("Recording", "My ex-partner's allegations were recorded as fact in the notes"),
        ),
    ),
    ServiceArea(
        "Early help",
        "Early Help Service",
        "karen.holt",
        Route.CORPORATE,
        6,
        (
            ("Service quality", "The family support worker stopped visiting without telling us"),
            ("Communication", "Nobody told us our early help case had been closed"),
            ("Delay", "We waited three months for the parenting course place we were promised"),
        ),
    ),
    ServiceArea(
        "Education and SEND",
        "SEND and Inclusion Service",
        "deborah.lam",
        Route.CORPORATE,
        4,
        (
            ("Delay", "The EHC needs assessment was not finished within 20 weeks"),
            ("Communication", "The SEND case officer did not reply to my emails"),
            ("Service quality", "School transport was withdrawn without notice"),
        ),
    ),
)

# The reporting service area (redress/domain/service_areas.py) of each demo service
REPORTING_AREAS: dict[str, Area] = {
    "Children looked after and permanence": Area.CHILD_IN_CARE,
    "Children in need": Area.CHILDREN_IN_NEED,
    "Referral and assessment (MASH)": Area.CHILDREN_IN_NEED,
    "Disabled children": Area.DISABLED_CHILDREN,
    "Leaving care": Area.LEAVING_CARE,
    "Fostering": Area.FOSTER_CARER_SUPPORT,
    "Adoption and special guardianship support": Area.ADOPTION_SUPPORT,
    "Residential care": Area.CHILD_IN_CARE,
    "Child protection enquiries and conferences": Area.CHILD_PROTECTION,
    "Early help": Area.EARLY_HELP,
    "Education and SEND": Area.EDUCATION,
}


def areas_on(route: Route) -> tuple[ServiceArea, ...]:
    return tuple(area for area in SERVICE_AREAS if area.route is route)


DESIRED_OUTCOMES = (
    "An apology and an explanation of what went wrong",
    "A different social worker",
    "The assessment corrected and my comments added to the file",
    "Contact with my children put back in place",
    "The money I am owed paid",
    "Assurance that this will not happen to other families",
    "A meeting with the team manager",
)

# Annual-report table 9 and table 7: how complaints arrive and who makes them (weights).
CHANNELS = (
    (Channel.EMAIL, 34),
    (Channel.ONLINE_FORM, 30),
    (Channel.PHONE, 15),
    (Channel.LETTER, 9),
    (Channel.IN_PERSON, 3),
    (Channel.RECORDING, 2),
    (Channel.MP_OR_COUNCILLOR, 7),
)
COMPLAINANT_TYPES = (
    (ComplainantType.PARENT, 44),
    (ComplainantType.CHILD, 11),
    (ComplainantType.CARE_LEAVER, 8),
    (ComplainantType.LA_FOSTER_CARER, 7),
    (ComplainantType.SPECIAL_GUARDIAN, 4),
    (ComplainantType.PR_HOLDER, 4),
    (ComplainantType.ADOPTION, 3),
    (ComplainantType.SUFFICIENT_INTEREST, 9),
    (ComplainantType.REPRESENTATIVE, 10),
)
RELATIONSHIPS = {
    ComplainantType.PARENT: ("Mother", "Father"),
    ComplainantType.PR_HOLDER: ("Aunt with a child arrangements order", "Stepfather with PR"),
    ComplainantType.LA_FOSTER_CARER: ("Foster carer",),
    ComplainantType.SPECIAL_GUARDIAN: ("Grandmother and special guardian", "Special guardian"),
    ComplainantType.ADOPTION: ("Adoptive parent", "Birth parent"),
    ComplainantType.SUFFICIENT_INTEREST: ("Grandparent", "Family friend", "Uncle"),
    ComplainantType.REPRESENTATIVE: ("Solicitor acting for the mother", "Member of Parliament"),
}
ADVOCACY_PROVIDER = "the council's commissioned independent advocacy service"

COMPLIMENTS = (
    "Thank you to my son's social worker, who helped him settle into his new school",
    "A foster carer praised the fostering team's support when a placement ended",
    "A young person thanked their personal adviser for helping them find their first flat",
    "A grandmother thanked the special guardianship team for arranging therapy",
    "A parent said the family support worker made a real difference to the family",
    "A head teacher thanked the MASH team for a quick and sensitive response",
    "A young person said the children's home staff helped them through their exams",
    "A parent thanked the disabled children's team for short breaks that changed family life",
    "An adoptive parent praised the adoption support worker for arranging life story work",
)
COMMENTS = (
    "Letters to parents should use plain language and avoid acronyms",
    "The online complaint form should let people attach documents",
    "The care leavers' hub should open one evening a week",
    "Foster carers would like a single phone number out of hours",
    "Children should be offered a choice of venue for their reviews",
    "The children in care council would like to meet senior managers more often",
)

# Reasons staff record for decisions (the transition guards require most of them).
NOT_ACCEPTED = (
    "About the family court's decision in care proceedings, which the complaints procedure cannot "
    "review. Advised to take legal advice; Ombudsman details given.",
    "The same matters were considered at stage 2 last year and no new issues were raised. "
    "Ombudsman details given.",
    "The complainant has no parental responsibility and the council decided they do not have "
    "sufficient interest in the child's welfare. The child's views were taken into account.",
)
RESOLUTION_AGREED_HOW = (
    "On the phone with the complaints officer; confirmed in the resolution letter",
    "By email, replying to the officer's summary of what was agreed",
    "At a meeting with the team manager, and confirmed in writing afterwards",
)
NOT_GOING_FURTHER = (
    "Told the complaints officer on the phone they are happy and will not go further."
)
CORPORATE_ROUTE_REASON = (
    "About the council's handling of a payment, not a social care function: the complaints "
    "manager decided it goes through the corporate procedure."
)
NOT_ACCEPTED_LATE = (
    "Made more than a year after the events, and the council decided it could not now be "
    "considered effectively and fairly (see the recorded time-limit decision). Ombudsman details "
    "given."
)
REDIRECTED = (
    "About a child protection conference decision: passed to the Safeguarding Children "
    "Partnership's conference challenge procedure.",
    "A request for the complainant's own social care records: passed to Information Governance "
    "as a subject access request.",
    "About a school's decision: referred to the governing body's complaints procedure.",
    "An allegation that a carer harmed a child: passed to the Local Authority Designated Officer "
    "under safeguarding procedures.",
    "About a fostering panel recommendation: the carers were told about the Independent Review "
    "Mechanism.",
)
DEFERRALS = {
    DeferralReason.ONGOING_COURT: "Care proceedings are under way about the same matters; "
    "considering the complaint now could prejudice them. The complainant was invited to resubmit "
    "when the proceedings end.",
    DeferralReason.ONGOING_CRIMINAL: "A police investigation into the same events is under way.",
    DeferralReason.ONGOING_DISCIPLINARY: "Disciplinary proceedings against the member of staff "
    "are under way.",
    DeferralReason.TRIBUNAL: "An appeal to the First-tier Tribunal (SEND) covers the same matters.",
}
RESUMED = "The proceedings have ended; the complaint is considered now, leaving out anything the "
RESUMED += "court decided."
WITHDRAWALS = (
    "The complainant said a meeting with the team manager had sorted things out and withdrew.",
    "The complainant phoned to withdraw and did not want to take it further; confirmed in writing.",
    "The young person moved placement and asked to withdraw the complaint.",
)
REOPENED = (
    "The complainant withdrew by mistake after a misunderstanding about the process and asked "
    "for the complaint to be reinstated."
)
CLOSED_AFTER_DEFERRAL = "The complainant did not resubmit after the proceedings ended."
EXTENSIONS = {
    "stage1": (
        "The complaint involves three teams and records going back two years.",
        "Time is needed to arrange an advocate for the young person.",
        "The responding manager needs to speak to staff who are on leave.",
    ),
    "stage2": (
        "The investigating officer needs to interview staff who have since left the council.",
        "The complainant asked for the interviews to be rearranged.",
        "The statement has eight complaint points covering five years of records.",
    ),
    "corporate": (
        "A partner agency's reply is needed before the council can respond.",
        "The responding manager needs to review records held by another directorate.",
    ),
}
LATE_REQUEST_ACCEPTED = (
    "The complainant was in hospital when the response arrived and asked as soon as they could.",
    "The response went to an old address; the complainant asked within days of receiving it.",
    "The young person's advocate was away during the window and asked on their behalf on return.",
)
LATE_REQUEST_REFUSED = (
    "Asked more than two months after the stage 1 response, with no reason given for the delay, "
    "and the council had already put right what it got wrong. Ombudsman details given."
)
DIRECT_TO_STAGE2 = (
    "The complainant and the complaints manager agreed that stage 1 could not resolve a complaint "
    "about the conduct of the service manager who would otherwise respond."
)
LATE_COMPLAINT_ACCEPTED = (
    (
        "The young person was in custody and did not know they could complain.",
        "The records and the staff involved are still available.",
    ),
    (
        "The complainant's mental health meant they could not complain sooner; their GP confirmed "
        "this.",
        "The social worker still works for the council and the records are complete.",
    ),
)
LATE_COMPLAINT_REFUSED = (
    "No reason was given for the delay.",
    "The staff involved have left and the records are incomplete, so the complaint cannot now be "
    "considered effectively and fairly.",
)
ELIGIBILITY_ACCEPTED = "Has cared for the child at weekends for several years; the child wants "
ELIGIBILITY_ACCEPTED += "them to complain on their behalf."
PANEL_RESCHEDULED = "Rearranged: a panel member was taken ill the week before the meeting."
PANEL_SLIPPED = (
    "A panel member was taken ill and the panel had to be rearranged. The first date the panel, "
    "the complainant and their advocate could all attend was after the 30 working days."
)
CONFLICT_DECLARED = (
    "Sat on a fostering panel with the service manager until 2021; no contact since."
)
TRIAGE_NOTES = (
    "Phoned the complainant to go through the points and explain how the procedure works.",
    "Offered a meeting with the team manager; the complainant would rather have a written reply.",
    "Checked the case records: the child has an allocated social worker and a plan in place.",
    "Sent the complainant the easy-read leaflet and the advocacy service's details.",
)
ACTION_EVIDENCE = "Confirmed by the service manager at the monthly learning review."
APOLOGY_EVIDENCE = "Apology given in the response letter, signed by the service manager."
PAYMENT_EVIDENCE = "Payment made by BACS; remittance advice sent to the complainant."

RATIONALES = {
    Finding.UPHELD: "The records confirm what the complainant said.",
    Finding.PARTIALLY_UPHELD: "Some of what happened fell short, but the decision was reasonable.",
    Finding.NOT_UPHELD: "The records show the service was provided as planned and explained.",
    Finding.UNABLE_TO_DETERMINE: "Accounts differ and there is no record either way.",
    Finding.RESOLVED: "Resolved at a meeting with the team manager; terms confirmed in writing.",
    Finding.WITHDRAWN: "The complainant withdrew the complaint.",
}
IP_AGREES = "I agree with the finding and consider the investigation was thorough and fair."
IP_DISAGREES = "I consider the evidence supports a different finding on this point."


@dataclass(frozen=True)
class Recommendation:
    text: str
    practice_change: str = ""  # "you said, we did", once the action is done


R = Recommendation
# What investigators, responding managers and panels recommend, by the theme of the point it is
# about, so that a recommendation fits the complaint it answers.
RECOMMENDATIONS_BY_THEME: dict[str, tuple[Recommendation, ...]] = {
    "Communication": (
        R(
            "Remind everyone in the team to return calls within two working days.",
            "You said your calls were not returned: the team now has a duty line and a two-day "
            "call-back standard, checked each month.",
        ),
    ),
    "Contact": (
        R(
            "Tell parents the same day when contact is cancelled, with the reason and a new date.",
            "You said contact was cancelled without explanation: parents now get a same-day call "
            "and a letter giving the reason and the new date.",
        ),
    ),
    "Delay": (
        R(
            "Set a timescale for decisions on requests for support and report on it monthly.",
            "You said decisions took too long: requests for support now have a 20-working-day "
            "target, reported to the service manager every month.",
        ),
    ),
    "Assessment quality": (
        R(
            "Correct the assessment and add the complainant's own account to the record.",
            "You said your views were missing from assessments: every assessment now has a 'what "
            "the family told us' section.",
        ),
    ),
    "Recording": (
        R(
            "Give the team refresher training on recording, and audit a sample of records.",
            "You said our records were wrong: the team has had recording training and managers "
            "now check a sample of records every month.",
        ),
    ),
    "Care planning": (
        R(
            "Review the plan with the young person and make sure it is reviewed every six months.",
            "You said your plan was out of date: plan reviews are now tracked on a monthly report "
            "to the service manager.",
        ),
    ),
    "Financial support": (
        R(
            "Pay what is owed, with a written explanation of how it was worked out.",
            "You said payments were wrong: a second officer now checks every change to an "
            "allowance before it is made.",
        ),
    ),
    "Staff conduct": (
        R("Discuss the complainant's experience with the member of staff in supervision."),
    ),
    "Placement": (
        R(
            "Review how placement moves are planned, so that parents are consulted beforehand.",
            "You said you were not told before your child moved: placement moves now need a "
            "record of the parents' views unless it is an emergency.",
        ),
    ),
    "Service quality": (
        R(
            "Provide the support agreed in the plan, and confirm in writing when it will start.",
            "You said agreed support never started: plans now name who arranges each service "
            "and by when, and managers check it at supervision.",
        ),
    ),
    "Information sharing": (
        R(
            "Remind staff of the information-sharing procedure and record every consent decision.",
            "You said your information was shared without consent: consent decisions are now "
            "recorded on the case file before anything is shared.",
        ),
    ),
    "Staff changes": (
        R(
            "Introduce any new social worker to the family in person, with a handover visit.",
            "You said you kept getting new social workers: every change now starts with a joint "
            "handover visit.",
        ),
    ),
    "Accommodation": (
        R("Review the young person's accommodation with them within 20 working days."),
    ),
    "Decisions": (
        R(
            "Explain decisions in writing, with how to ask for them to be looked at again.",
            "You said decisions were not explained: decision letters now give the reasons and how "
            "to ask for a review.",
        ),
    ),
}
IO_RECOMMENDATIONS = (  # whatever the complaint was about
    R("Apologise in writing for the failings the investigation found."),
    R("Share the learning from this investigation with every team manager in the service."),
)
STAGE1_COMMITMENTS = (R("Arrange a meeting with the team manager to agree what happens next."),)
PANEL_RECOMMENDATIONS = (
    R("Offer the complainant a meeting with the head of service."),
    R("Make a further payment of £250 for the distress the delays caused."),
    R("Report progress on the action plan to the panel chair within three months."),
)
del R
ACCEPTANCE_REASON = "The council agrees: it is in the action plan, with an owner and a date."
REJECTION_REASONS = (
    "The stage 2 remedy already puts right the injustice the panel identified.",
    "An independent review would repeat the audit already under way; the council will share that "
    "audit's findings with the complainant instead.",
)
OMBUDSMAN_RECOMMENDATIONS = (
    Recommendation(
        "Remind staff of the statutory timescales for stage 2 investigations and report "
        "compliance to the Ombudsman.",
        "The Ombudsman found we took too long at stage 2: stage 2 deadlines are now reviewed "
        "every week by the complaints manager.",
    ),
)
OMBUDSMAN_SUMMARIES = {
    "enquiry": "The Ombudsman asked for the complaint file and the council's stage responses.",
    "premature": "The Ombudsman referred the complaint back: the council's procedure has not run. "
    "Logged as a new complaint.",
    "upheld": "Fault causing injustice: delay at stage 2. Remedy: apology, payment and a "
    "reminder to staff.",
    "not_upheld": "No fault in how the council considered the complaint.",
    "closed_after_initial_enquiries": "Closed after initial enquiries: the council's remedy was "
    "enough.",
    "early_resolution": "Resolved early: the council agreed to apologise and make a payment.",
}
# "You said, we did": the practice change an action brought about, by the recommendation's text.
PRACTICE_CHANGES = {
    recommendation.text: recommendation.practice_change
    for recommendation in (
        *(r for themed in RECOMMENDATIONS_BY_THEME.values() for r in themed),
        *IO_RECOMMENDATIONS,
        *STAGE1_COMMITMENTS,
        *PANEL_RECOMMENDATIONS,
        *OMBUDSMAN_RECOMMENDATIONS,
    )
    if recommendation.practice_change
}
