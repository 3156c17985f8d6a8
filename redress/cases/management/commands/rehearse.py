"""`manage.py rehearse SCENARIO.toml ... [--json]` and `manage.py rehearse --actions`.

The interface is shared/rehearsal.md's, exactly. Scenarios run in a throwaway database:
unless it is already inside one, the command runs itself again in a child process whose
DATABASE_URL is an in-memory SQLite database, migrated once, gone when the child ends.
Every scenario is checked before any runs (a malformed one exits 2 naming the file, step and key),
and each runs in its own transaction, rolled back at the end.
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from redress.cases.rehearsal.report import plain_report
from redress.cases.rehearsal.scenario import ScenarioError, read_scenario
from redress.domain.workflow import TRANSITIONS, Action

THROWAWAY = "REDRESS_REHEARSAL_DATABASE"


class Command(BaseCommand):
    help = "Replay complaint scenarios through the case services in a throwaway database"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("scenarios", nargs="*", type=Path, metavar="SCENARIO.toml")
        parser.add_argument("--json", action="store_true", help="print one JSON document")
        parser.add_argument(
            "--actions", action="store_true", help="list every action and who may take it"
        )

    def handle(self, *args: Any, scenarios: list[Path], **options: Any) -> None:
        if options["actions"]:
            self.list_actions()
            return
        if not scenarios:
            raise CommandError("Give one or more scenario files, or --actions", returncode=2)
        try:
            parsed = [read_scenario(path) for path in scenarios]
        except ScenarioError as error:
            raise CommandError(str(error), returncode=2) from None
        if os.environ.get(THROWAWAY) != "1":
            sys.exit(self.run_in_throwaway_database(scenarios, as_json=options["json"]))
        call_command("migrate", verbosity=0, interactive=False)
        from redress.cases.rehearsal.runner import rehearse  # needs the migrated database

        results = [rehearse(scenario) for scenario in parsed]
        if options["json"]:
            document = {"scenarios": [result.as_json() for result in results]}
            self.stdout.write(json.dumps(document, indent=1))
        else:
            self.stdout.write(plain_report(results))
        if not all(result.ok for result in results):
            sys.exit(1)

    def run_in_throwaway_database(self, scenarios: list[Path], *, as_json: bool) -> int:
        """Run again in a child process whose database is a fresh in-memory SQLite one: it
        exists only while the child runs, so nothing can be left behind anywhere."""
        env = {**os.environ, THROWAWAY: "1", "DATABASE_URL": "sqlite://:memory:"}
        manage = Path(settings.BASE_DIR) / "manage.py"
        command = [sys.executable, str(manage), "rehearse", *map(str, scenarios)]
        if as_json:
            command.append("--json")
        return subprocess.run(command, env=env, check=False).returncode

    def list_actions(self) -> None:
        who: dict[Action, set[str]] = {action: set() for action in Action}
        for (_, action), transition in TRANSITIONS.items():
            who[action] |= {role.value for role in transition.roles}
        for action in Action:
            self.stdout.write(f"{action.value}: {', '.join(sorted(who[action]))}")
