"""Labels for what the report counts, and the order the tables list them in."""

from collections.abc import Mapping, Sequence

from redress.domain.facts import Route
from redress.domain.findings import FindingStage
from redress.domain.ombudsman import OmbudsmanDecision
from redress.domain.rules import Rule
from redress.domain.service_areas import service_area_label as label_of_service_area

ROUTE_LABELS: Mapping[str, str] = {
    Route.STATUTORY: "Complaints under the Children Act 1989 procedure",
    Route.CORPORATE: "Complaints under the corporate procedure",
    Route.NOT_ACCEPTED: "Not accepted as complaints",
    Route.OTHER_PROCESS: "Passed to another process",
    Route.DEFERRED: "Deferred while other proceedings run",
    Route.COMPLIMENT: "Compliments",
    Route.COMMENT: "Comments and suggestions",
    Route.UNDECIDED: "Not yet triaged, or withdrawn before triage",
}
RULE_LABELS: Mapping[Rule, str] = {
    Rule.STAGE1_RESPONSE: "Stage 1 response",
    Rule.STAGE2_RESPONSE: "Stage 2 response (adjudication)",
    Rule.STAGE3_PANEL: "Stage 3 panel meeting",
    Rule.STAGE3_PANEL_REPORT: "Stage 3 panel report",
    Rule.STAGE3_LA_RESPONSE: "Stage 3 council response",
    Rule.CORPORATE_STAGE1_RESPONSE: "Corporate stage 1 response",
    Rule.CORPORATE_STAGE2_ACK: "Corporate stage 2 acknowledgement",
    Rule.CORPORATE_STAGE2_RESPONSE: "Corporate stage 2 response",
}
STATUTORY_RULES = (
    Rule.STAGE1_RESPONSE,
    Rule.STAGE2_RESPONSE,
    Rule.STAGE3_PANEL,
    Rule.STAGE3_PANEL_REPORT,
    Rule.STAGE3_LA_RESPONSE,
)
CORPORATE_RULES = (
    Rule.CORPORATE_STAGE1_RESPONSE,
    Rule.CORPORATE_STAGE2_ACK,
    Rule.CORPORATE_STAGE2_RESPONSE,
)
FINDING_STAGE_LABELS: Mapping[FindingStage, str] = {
    FindingStage.STAGE1: "Stage 1",
    FindingStage.STAGE2_ADJUDICATION: "Stage 2 (adjudication)",
    FindingStage.CORPORATE_STAGE1: "Corporate stage 1",
    FindingStage.CORPORATE_STAGE2: "Corporate stage 2",
}
STATUTORY_FINDINGS = [FindingStage.STAGE1, FindingStage.STAGE2_ADJUDICATION]
CORPORATE_FINDINGS = [FindingStage.CORPORATE_STAGE1, FindingStage.CORPORATE_STAGE2]
DECISION_LABELS: Mapping[OmbudsmanDecision, str] = {
    OmbudsmanDecision.UPHELD: "Upheld: fault and injustice found",
    OmbudsmanDecision.NOT_UPHELD: "Not upheld",
    OmbudsmanDecision.CLOSED_AFTER_INITIAL_ENQUIRIES: "Closed after initial enquiries",
    OmbudsmanDecision.EARLY_RESOLUTION: "Resolved early with a remedy the council agreed",
}
NOT_RECORDED = "Not recorded"


def service_area_label(value: str) -> str:
    return label_of_service_area(value, blank=NOT_RECORDED)


def choice_label(choices: Sequence[tuple[str, str]], value: str) -> str:
    return dict(choices).get(value, value) or NOT_RECORDED
