import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from redress.core.models import NonWorkingDay

REPO = Path(__file__).resolve().parents[3]


def deadline(*args):
    out = StringIO()
    call_command("deadline", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def run(*args, database):
    """The command as an operator runs it, on a throwaway database."""
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "deadline", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "printed"),
    [
        (["--from", "2026-03-18", "--working-days", "25"], "2026-04-24\n"),
        (["--from", "2026-03-18", "--working-days", "0"], "2026-03-18\n"),
        (
            ["--from", "2026-03-18", "--rule", "stage2.extended", "--council", "hampshire"],
            "2026-06-16\n",
        ),
        (
            ["--from", "2026-03-18", "--rule", "stage2.extended", "--council", "lancashire"],
            "2026-06-23\n",
        ),
        (
            ["--from", "2025-12-24", "--rule", "ack", "--council", "north-east-lincolnshire"],
            "2025-12-30\n",
        ),
        (["--from", "2025-06-10", "--rule", "time_limit"], "2026-06-10\n"),
    ],
)
def test_the_command_prints_just_the_due_date(args, printed):
    assert deadline(*args) == printed


@pytest.mark.django_db
def test_the_council_defaults_to_the_deployments_profile(settings):
    settings.REDRESS_COUNCIL_PROFILE = "hampshire"
    assert deadline("--from", "2026-03-18", "--rule", "stage2.extended") == "2026-06-16\n"


@pytest.mark.django_db
def test_json_shows_the_workings():
    printed = deadline(
        "--from", "2026-03-18", "--rule", "stage3.la_response", "--council", "lancashire", "--json"
    )
    assert json.loads(printed) == {
        "due": "2026-04-10",
        "working_days": 15,
        "skipped": [
            {"date": "2026-03-21", "reason": "Saturday"},
            {"date": "2026-03-22", "reason": "Sunday"},
            {"date": "2026-03-28", "reason": "Saturday"},
            {"date": "2026-03-29", "reason": "Sunday"},
            {"date": "2026-04-03", "reason": "Good Friday"},
            {"date": "2026-04-04", "reason": "Saturday"},
            {"date": "2026-04-05", "reason": "Sunday"},
            {"date": "2026-04-06", "reason": "Easter Monday"},
        ],
        "rule": "stage3.la_response",
        "council": "lancashire",
        "from": "2026-03-18",
        "anchor": "the date of the panel meeting",
    }


@pytest.mark.django_db
def test_json_for_a_plain_count_has_no_rule_and_names_the_deployments_council():
    printed = json.loads(deadline("--from", "2026-03-18", "--working-days", "25", "--json"))
    assert (printed["due"], printed["rule"], printed["council"]) == (
        "2026-04-24",
        None,
        "statutory",
    )
    assert printed["working_days"] == 25


@pytest.mark.django_db
def test_json_for_the_time_limit_has_no_working_days():
    printed = json.loads(deadline("--from", "2024-02-29", "--rule", "time_limit", "--json"))
    assert (printed["due"], printed["working_days"], printed["skipped"]) == ("2025-02-28", None, [])


@pytest.mark.django_db
def test_deemed_receipt_moves_a_saturday_to_monday_before_counting():
    plain = json.loads(deadline("--from", "2025-12-20", "--rule", "stage1.response", "--json"))
    deemed = json.loads(
        deadline("--from", "2025-12-20", "--rule", "stage1.response", "--json", "--deemed-receipt")
    )
    assert (plain["from"], plain["due"]) == ("2025-12-20", "2026-01-07")
    assert (deemed["from"], deemed["due"]) == ("2025-12-22", "2026-01-08")


@pytest.mark.django_db
def test_the_administrators_extra_days_are_skipped():
    NonWorkingDay.objects.create(
        date=date(2026, 4, 20), name="Royal proclamation day", kind=NonWorkingDay.Kind.BANK_HOLIDAY
    )
    printed = json.loads(deadline("--from", "2026-03-18", "--working-days", "25", "--json"))
    assert printed["due"] == "2026-04-27"
    assert {"date": "2026-04-20", "reason": "Royal proclamation day"} in printed["skipped"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args",
    [
        ["--working-days", "25"],
        ["--rule", "stage2.response"],
        ["--rule", "corporate.stage1.response", "--council", "customer-relations"],
    ],
)
def test_a_council_closure_day_is_counted_as_a_working_day(args):
    before = json.loads(deadline("--from", "2026-03-18", *args, "--json"))
    NonWorkingDay.objects.create(
        date=date(2026, 3, 27), name="Closure day", kind=NonWorkingDay.Kind.COUNCIL_CLOSURE
    )
    after = json.loads(deadline("--from", "2026-03-18", *args, "--json"))
    assert before["due"] > "2026-03-27"  # the count runs over the closure day
    assert after == before


@pytest.mark.django_db
def test_a_closure_day_is_skipped_for_a_corporate_rule_where_the_profile_says_so(monkeypatch):
    from redress.core.management.commands import deadline as command

    shipped = command.load_profile("statutory")
    closing = replace(
        shipped, corporate=replace(shipped.corporate, closure_days_are_non_working=True)
    )
    monkeypatch.setattr(command, "load_profile", lambda slug: closing)
    NonWorkingDay.objects.create(
        date=date(2026, 3, 27), name="Closure day", kind=NonWorkingDay.Kind.COUNCIL_CLOSURE
    )

    corporate = json.loads(
        deadline("--from", "2026-03-18", "--rule", "corporate.stage1.response", "--json")
    )
    statutory = json.loads(deadline("--from", "2026-03-18", "--rule", "stage1.response", "--json"))

    assert {"date": "2026-03-27", "reason": "Closure day"} in corporate["skipped"]
    assert {"date": "2026-03-27", "reason": "Closure day"} not in statutory["skipped"]
    assert statutory["due"] == "2026-04-01"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--from", "2026-03-18", "--rule", "ack", "--council", "kent"], "unknown council 'kent'"),
        (["--from", "2026-03-18", "--rule", "stage9"], "unknown rule 'stage9'"),
        (["--from", "18/03/2026", "--working-days", "5"], "malformed date '18/03/2026'"),
        (["--from", "2026-03-18", "--working-days", "-1"], "-1 is negative"),
        (["--from", "2026-03-18"], "give exactly one of --rule or --working-days"),
        (["--from", "2026-03-18", "--rule", "ack", "--working-days", "5"], "exactly one of"),
        (["--from", "1999-06-01", "--working-days", "5"], "outside the working-day calendar"),
    ],
)
def test_bad_input_is_refused_with_a_command_error(args, complaint):
    with pytest.raises(CommandError, match=complaint) as raised:
        deadline(*args)
    assert raised.value.returncode == 2


def test_a_date_is_printed_alone_on_stdout_from_the_command_line(tmp_path):
    result = run("--from", "2026-03-18", "--working-days", "25", database=tmp_path / "db.sqlite3")
    assert (result.returncode, result.stdout) == (0, "2026-04-24\n")


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--from", "2026-03-18", "--rule", "ack", "--council", "kent"], "unknown council 'kent'"),
        (["--from", "2026-03-18", "--rule", "stage9", "--council", "statutory"], "unknown rule"),
        (["--from", "2026-02-30", "--working-days", "5"], "malformed date '2026-02-30'"),
        (["--from", "2026-03-18", "--working-days", "-3"], "-3 is negative"),
        (["--from", "2026-03-18", "--working-days", "two"], "'two' is not a whole number"),
        (["--from", "2026-03-18", "--working-days", "2.5"], "'2.5' is not a whole number"),
        (["--from", "2026-03-18"], "give exactly one of --rule or --working-days"),
        (["--from", "2026-03-18", "--rule", "ack", "--working-days", "5"], "exactly one of"),
        (["--working-days", "5"], "required: --from"),
        (["--from", "2026-03-18", "--working-days", "5", "--soon"], "unrecognized arguments"),
    ],
)
def test_bad_input_exits_2_with_one_line_on_stderr(tmp_path, args, complaint):
    result = run(*args, database=tmp_path / "db.sqlite3")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("deadline: ")
    assert complaint in result.stderr
