"""One Django group per procedure role (redress.domain.roles.Role)."""

from django.db import migrations

ROLES = [
    "complaints_manager",
    "complaints_officer",
    "responding_manager",
    "investigating_officer",
    "independent_person",
    "adjudicating_officer",
    "panel_chair",
    "panel_member",
    "director",
    "advocate",
    "auditor",
    "administrator",
]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
