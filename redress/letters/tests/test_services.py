"""Shipped letter wordings are versions too: a new release adds a version, never rewrites one."""

from importlib import import_module

import pytest
from django.apps import apps

from redress.letters.catalogue import LETTERS
from redress.letters.models import LetterTemplate, LetterTemplateVersion
from redress.letters.rendering import check_template
from redress.letters.services import letter_template_save, template_current, template_ship

pytestmark = pytest.mark.django_db

CHANGED_IN_ISSUE_12 = [
    "acknowledgement",
    "case_closed",
    "stage1_resolution",
    "stage1_response_cover",
]


def empty_template_tables() -> None:
    """As before migration 0002 (no letter has been written in these tests)."""
    LetterTemplateVersion.objects.all().delete()
    LetterTemplate.objects.all().delete()


def migrate_letters_from_scratch() -> None:
    """What migrations 0002 and 0004 do to an empty template table."""
    empty_template_tables()
    import_module("redress.letters.migrations.0002_seed_templates").seed(apps, None)
    import_module("redress.letters.migrations.0004_ship_issue12_wordings").ship(apps, None)


def bodies(key: str) -> list[str]:
    versions = LetterTemplateVersion.objects.filter(template__key=key).order_by("number")
    return [version.body for version in versions]


def test_every_shipped_wording_of_every_letter_uses_only_documented_merge_fields():
    for kind in LETTERS.values():
        for wording in range(1, kind.shipped_wordings() + 1):
            assert check_template(kind.subject, kind.shipped(wording)) == [], (kind.key, wording)


def test_the_migrations_keep_the_first_wording_as_version_1_and_add_issue_12s_as_version_2():
    migrate_letters_from_scratch()

    for key in CHANGED_IN_ISSUE_12:
        kind = LETTERS[key]
        assert kind.shipped(1) != kind.source()
        assert bodies(key) == [kind.shipped(1), kind.source()]
        assert template_current(key).number == 2
        assert template_current(key).note.startswith("Shipped update (issue 12)")
    for key in LETTERS.keys() - set(CHANGED_IN_ISSUE_12):
        assert bodies(key) == [LETTERS[key].source()]


def test_shipping_a_wording_keeps_the_councils_edit_in_the_history_and_adds_nothing_twice():
    empty_template_tables()
    import_module("redress.letters.migrations.0002_seed_templates").seed(apps, None)
    edited = letter_template_save(
        key="case_closed",
        subject="Your complaint {{ case.reference }} is closed",
        body="<p>We closed your complaint on {{ dates.closed_on | date }}.</p>",
        note="Our own wording",
        by=None,
    )

    added = template_ship(
        LetterTemplate, LetterTemplateVersion, key="case_closed", wording=2, note="Shipped"
    )
    again = template_ship(
        LetterTemplate, LetterTemplateVersion, key="case_closed", wording=2, note="Shipped"
    )

    assert (added, again) == (True, False)
    assert bodies("case_closed") == [
        LETTERS["case_closed"].shipped(1),
        edited.body,
        LETTERS["case_closed"].source(),
    ]
    current = template_current("case_closed")
    assert current.number == 3
    assert current.subject == edited.subject  # the council's subject line stays


def test_a_wording_that_was_never_shipped_is_refused():
    with pytest.raises(ValueError, match="stage1_resolution has shipped wordings 1 to 2, not 3"):
        LETTERS["stage1_resolution"].shipped(3)
