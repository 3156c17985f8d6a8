"""Migration 0002 classifies the extra non-working days added before kinds existed: they were
added as proclaimed bank holidays (the table's documented purpose), so they stay bank holidays."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("core", "0001_initial")]
AFTER = [("core", "0002_nonworkingday_kind")]


@pytest.mark.django_db(transaction=True)
def test_existing_days_become_bank_holidays() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps.get_model("core", "NonWorkingDay")
        old.objects.create(date=date(2023, 5, 8), name="Coronation of King Charles III")
        old.objects.create(date=date(2022, 9, 19), name="State Funeral of Queen Elizabeth II")

        executor.loader.build_graph()
        executor.migrate(AFTER)

        new = executor.loader.project_state(AFTER).apps.get_model("core", "NonWorkingDay")
        assert sorted(new.objects.values_list("date", "kind")) == [
            (date(2022, 9, 19), "bank_holiday"),
            (date(2023, 5, 8), "bank_holiday"),
        ]
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_the_migrated_days_are_in_the_statutory_calendar() -> None:
    from redress.core.calendar import working_calendar
    from redress.core.models import NonWorkingDay

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps.get_model("core", "NonWorkingDay")
        old.objects.create(date=date(2026, 3, 27), name="A Royal proclamation")
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())

    assert NonWorkingDay.objects.get().kind == NonWorkingDay.Kind.BANK_HOLIDAY
    assert working_calendar().reason_not_working(date(2026, 3, 27)) == "A Royal proclamation"
