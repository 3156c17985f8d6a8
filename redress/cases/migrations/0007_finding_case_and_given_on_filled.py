# Fill the new columns of existing findings: the point's case and theme, and the day of the
# case's last step that gave findings at that stage.

from django.db import migrations

# The actions that give each stage's findings (redress.domain.workflow.FINDINGS_GIVEN, as it was
# when this migration was written).
GIVEN_BY = {
    "stage1": ("resolve_stage1", "respond_stage1"),
    "stage2_adjudication": ("adjudicate",),
    "corporate_stage1": ("respond_corporate_stage1",),
    "corporate_stage2": ("respond_corporate_stage2",),
}

BACKFILL = [
    *(
        f"UPDATE cases_pointfinding SET {column} = (SELECT p.{source} FROM cases_complaintpoint p "
        "WHERE p.id = cases_pointfinding.point_id)"
        for column, source in (("case_id", "case_id"), ("theme", "theme"))
    ),
    *(
        'UPDATE cases_pointfinding SET given_on = (SELECT MAX(e."on") FROM cases_caseevent e '
        "WHERE e.case_id = cases_pointfinding.case_id AND e.action IN "
        f"({', '.join(repr(action) for action in actions)})) WHERE stage = '{stage}'"
        for stage, actions in GIVEN_BY.items()
    ),
]


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_finding_case_and_given_on"),
    ]

    operations = [
        migrations.RunSQL(BACKFILL, reverse_sql=migrations.RunSQL.noop),
    ]
