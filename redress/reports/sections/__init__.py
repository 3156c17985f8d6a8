"""The annual report as data: its parts, and in each part its sections, each naming the query
that fills it, its columns and rows, and the chart drawn from it (domain.md §5.2).

`build_report()` runs every section against one context. Queries shared by several sections
(the key figures reuse the others) run once per report: `ReportContext.once` remembers them.

The modules, by what they hold:
- `registry`: the parts and sections in the order the report shows them (`PARTS`,
  `SECTIONS_BY_KEY`), and building the report (`report_context`, `build_report`, `Report`);
- `section`: what a section and a part are, the chart drawn from a table, and the helpers every
  section's table is made with; `context`: the context sections are built in, with the queries
  they share; `labels`: the words for what is counted, and its order;
- the tables: `summary` (key figures, contacts, year by year), `volumes` (stages, escalation,
  local resolution), `timeliness`, `outcomes`, `people` (service areas, themes, complainants,
  advocacy, channels; compliments), `ombudsman` (and remedy payments), `learning`, `routing`
  (Children Act matters taken through the corporate procedure).

What other code uses is imported here, so `redress.reports.sections` stays the one place to
import the report from.
"""

from redress.reports.sections.context import ReportContext
from redress.reports.sections.labels import (
    DECISION_LABELS,
    FINDING_STAGE_LABELS,
    NOT_RECORDED,
    ROUTE_LABELS,
    RULE_LABELS,
    choice_label,
    service_area_label,
)
from redress.reports.sections.registry import (
    PARTS,
    SECTIONS_BY_KEY,
    BuiltPart,
    Report,
    build_report,
    report_context,
)
from redress.reports.sections.section import Chart, Part, Section, total_row

__all__ = [
    "DECISION_LABELS",
    "FINDING_STAGE_LABELS",
    "NOT_RECORDED",
    "PARTS",
    "ROUTE_LABELS",
    "RULE_LABELS",
    "SECTIONS_BY_KEY",
    "BuiltPart",
    "Chart",
    "Part",
    "Report",
    "ReportContext",
    "Section",
    "build_report",
    "choice_label",
    "report_context",
    "service_area_label",
    "total_row",
]
