"""`manage.py rehearse` (shared/rehearsal.md): the scenario format, the replay, and the command."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from redress.cases.models import Case
from redress.cases.rehearsal.runner import rehearse
from redress.cases.rehearsal.scenario import ScenarioError, parse_scenario, read_scenario

REHEARSALS = sorted((Path(settings.BASE_DIR) / "docs" / "rehearsals").glob("*.toml"))
EXAMPLE = """
council = "statutory"
received = 2026-01-05
points = 2
service_area = "child_in_care"
events_on = 2025-11-20

[[step]]
on = 2026-01-06
action = "acknowledge"
by = "complaints_officer"
expect = "done"
"""
HEAD = 'council = "statutory"\nreceived = 2026-01-05\n'


def step(body: str) -> str:
    return HEAD + "[[step]]\n" + body


# --- The format: every malformation names the file, the step and the key -----------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEAD + "colour = 'red'\n", "s.toml: key 'colour': unknown key"),
        ("received = 2026-01-05\n", "s.toml: key 'council': required"),
        ('council = "kent"\nreceived = 2026-01-05\n', "key 'council': unknown council profile"),
        ('council = "statutory"\nreceived = "5 Jan"\n', "key 'received': expected a date"),
        ('council = "statutory"\nreceived = 2026-01-05T10:00:00\n', "key 'received': expected"),
        (HEAD + "points = 'two'\n", "key 'points': expected a whole number"),
        (HEAD + "points = 0\n", "key 'points': expected a number of at least 1"),
        (HEAD + 'service_area = "roads"\n', "key 'service_area': unknown value 'roads'"),
        (step("on = 2026-01-06\n"), "s.toml: step 1: key 'action': required"),
        (step('action = "acknowledge"\n'), "s.toml: step 1: key 'on': required"),
        (step('on = 2026-01-06\naction = "fly"\n'), "step 1: key 'action': unknown value 'fly'"),
        (step('on = 2026-13-06\naction = "acknowledge"\n'), "s.toml: not valid TOML"),
        (step('on = 2026-01-06\naction = "acknowledge"\nby = "mayor"\n'), "step 1: key 'by'"),
        (step('on = 2026-01-06\naction = "acknowledge"\nexpect = "ok"\n'), "key 'expect'"),
        (step('on = 2026-01-06\naction = "acknowledge"\ncolour = 1\n'), "key 'colour': unknown"),
        (
            step('on = 2026-01-06\naction = "acknowledge"\nmeets_on = 2026-02-01\n'),
            "step 1: key 'meets_on': does not apply to the action 'acknowledge'",
        ),
        (
            step('on = 2026-01-06\naction = "respond_stage1"\nfindings = ["great"]\n'),
            "step 1: key 'findings': unknown value 'great'",
        ),
        (
            step('on = 2026-01-06\naction = "respond_stage1"\nfindings = "upheld"\n'),
            "step 1: key 'findings': expected a list",
        ),
        (
            step('on = 2026-01-06\naction = "not_accept"\ngrounds = "bored"\n'),
            "step 1: key 'grounds': unknown value 'bored'",
        ),
        (
            step('on = 2026-01-06\naction = "extend_stage1"\nworking_days = "20"\n'),
            "step 1: key 'working_days': expected a whole number",
        ),
        (
            step('on = 2026-01-06\naction = "respond_stage1"\nsent_by = "pigeon"\n'),
            "step 1: key 'sent_by': unknown value 'pigeon'",
        ),
        (
            step(
                'on = 2026-01-06\naction = "appoint_investigators"\nio = { council_member = true }'
            ),
            "step 1: key 'io.id': required",
        ),
        (
            step('on = 2026-01-06\naction = "appoint_investigators"\nio = { id = 1, age = 3 }\n'),
            "step 1: key 'io.age': unknown key",
        ),
        (
            step(
                'on = 2026-01-06\naction = "convene_panel"\npanel = [{ id = 1, council_member = 0}]'
            ),
            "step 1: key 'panel.council_member': expected true or false",
        ),
        (
            step('on = 2026-01-06\naction = "request_stage2"\ndiscretion = "maybe"\n'),
            "step 1: key 'discretion': unknown value 'maybe'",
        ),
    ],
)
def test_a_malformed_scenario_names_the_file_the_step_and_the_key(text: str, message: str) -> None:
    with pytest.raises(ScenarioError) as error:
        parse_scenario("s.toml", text)
    assert message in str(error.value)


def test_the_example_scenario_is_well_formed() -> None:
    scenario = parse_scenario("example.toml", EXAMPLE)
    assert (scenario.council, scenario.points, scenario.service_area) == (
        "statutory",
        2,
        "child_in_care",
    )
    [only] = scenario.steps
    assert (only.action.value, only.by.value, only.expect) == (
        "acknowledge",
        "complaints_officer",
        "done",
    )


# --- The replay, through the case services, on this test database (SQLite and PostgreSQL) -----


@pytest.mark.django_db
@pytest.mark.parametrize("path", REHEARSALS, ids=[p.stem for p in REHEARSALS])
def test_each_rule_of_the_procedure_rehearses_as_its_scenario_expects(path: Path) -> None:
    result = rehearse(read_scenario(path))
    unexpected = [
        (s.step.number, s.step.action.value, s.result, s.message)
        for s in result.steps
        if not s.as_expected
    ]
    assert unexpected == []
    assert all(s.step.expect for s in result.steps)  # every step says what it expects
    assert Case.objects.count() == 0  # nothing left behind


@pytest.mark.django_db
def test_a_rehearsal_reports_stages_and_clock_states_after_each_step() -> None:
    [escalation] = [p for p in REHEARSALS if p.stem.startswith("02-")]
    steps = rehearse(read_scenario(escalation)).steps
    assert [(s.result, s.stage) for s in steps] == [
        ("done", "stat_s1"),
        ("refused", "stat_s1"),
        ("done", "s2_requested"),
        ("refused", "s2_requested"),
    ]
    assert "can be made from 20 January 2026" in steps[1].message
    after = {c.rule: (c.day0.isoformat(), c.due.isoformat(), c.state) for c in steps[2].clocks}
    assert after["stage1.response"] == ("2026-01-05", "2026-01-19", "missed")
    assert after["stage2.response"] == ("2026-01-20", "2026-02-24", "running")
    assert "Ombudsman" in steps[3].message


@pytest.mark.django_db
def test_a_step_that_does_not_do_what_it_expects_makes_the_scenario_not_ok() -> None:
    text = step('on = 2026-01-06\naction = "adjudicate"\nexpect = "done"\n')
    result = rehearse(parse_scenario("s.toml", text))
    assert not result.ok
    assert result.steps[0].result == "refused"
    assert "You cannot adjudicate" in result.steps[0].message


# --- The command itself, as acceptance calls it ---------------------------------------------------


def manage(*args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "REDRESS_REHEARSAL_DATABASE"}
    return subprocess.run(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "rehearse", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


def test_the_command_replays_scenarios_and_prints_json(tmp_path: Path) -> None:
    example = tmp_path / "example.toml"
    example.write_text(EXAMPLE)
    late = tmp_path / "late.toml"
    late.write_text(step('on = 2026-01-06\naction = "respond_stage1"\nexpect = "done"\n'))

    done = manage(str(example), "--json")
    failed = manage(str(example), str(late))
    malformed = manage(str(example), str(REHEARSALS[0]), str(tmp_path / "missing.toml"))

    assert done.returncode == 0, done.stderr
    [scenario] = json.loads(done.stdout)["scenarios"]
    assert scenario["ok"] is True
    assert scenario["steps"][0] == {
        "step": 1,
        "on": "2026-01-06",
        "action": "acknowledge",
        "by": "complaints_officer",
        "result": "done",
        "message": "",
        "stage": "received",
        "clocks": [
            {
                "rule": "ack",
                "day0": "2026-01-05",
                "due": "2026-01-12",
                "extended_due": None,
                "state": "met",
            }
        ],
    }
    assert failed.returncode == 1
    assert "late.toml (statutory): NOT AS EXPECTED" in failed.stdout
    assert malformed.returncode == 2
    assert "missing.toml: cannot be read" in malformed.stderr


def test_the_command_lists_every_action_and_who_may_take_it() -> None:
    listed = manage("--actions")
    assert listed.returncode == 0
    assert "not_accept: complaints_manager\n" in listed.stdout
    assert "respond_stage1: complaints_manager, complaints_officer, responding_manager" in (
        listed.stdout
    )
