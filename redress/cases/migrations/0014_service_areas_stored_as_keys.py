"""Every case's service area is stored as its reporting service area's key (issue 13 item 4).

Rows stored before every form kept the key hold a label ("A child in care") or, in an earlier
demo, the name of a demo team's service ("Fostering"): each becomes its key. Anything else is
left as it was (and shown as stored). Reversing leaves the keys.
"""

from django.db import migrations

from redress.domain.service_areas import ServiceArea, service_area_key

# The earlier demo's service names, and the reporting area each comes under
DEMO_SERVICES = {
    "Children looked after and permanence": ServiceArea.CHILD_IN_CARE,
    "Children in need": ServiceArea.CHILDREN_IN_NEED,
    "Referral and assessment (MASH)": ServiceArea.CHILDREN_IN_NEED,
    "Disabled children": ServiceArea.DISABLED_CHILDREN,
    "Leaving care": ServiceArea.LEAVING_CARE,
    "Fostering": ServiceArea.FOSTER_CARER_SUPPORT,
    "Adoption and special guardianship support": ServiceArea.ADOPTION_SUPPORT,
    "Residential care": ServiceArea.CHILD_IN_CARE,
    "Child protection enquiries and conferences": ServiceArea.CHILD_PROTECTION,
    "Early help": ServiceArea.EARLY_HELP,
    "Education and SEND": ServiceArea.EDUCATION,
}
KEYS = {area.value for area in ServiceArea}


def key_for(stored: str) -> str | None:
    area = service_area_key(stored) or DEMO_SERVICES.get(" ".join(stored.split()))
    return area.value if area is not None else None


def store_keys(apps, schema_editor) -> None:
    Case = apps.get_model("cases", "Case")
    stored = Case.objects.exclude(service_area="").exclude(service_area__in=sorted(KEYS))
    for value in stored.values_list("service_area", flat=True).distinct():
        key = key_for(value)
        if key is not None:
            Case.objects.filter(service_area=value).update(service_area=key)


class Migration(migrations.Migration):
    dependencies = [("cases", "0013_search_what_callers_quote")]

    operations = [migrations.RunPython(store_keys, migrations.RunPython.noop)]
