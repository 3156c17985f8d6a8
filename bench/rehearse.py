"""`manage.py rehearse`: twenty scenarios of ten steps each, as shared/rehearsal.md promises.

Target: well under 30 seconds on this machine, end to end (the child process, its migrated
in-memory database and every step through the case services).
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 30
SCENARIOS = 20
TEN_STEPS = """council = "statutory"
received = 2026-01-05
points = 2

[[step]]
on = 2026-01-06
action = "acknowledge"
[[step]]
on = 2026-01-06
action = "accept_statutory"
[[step]]
on = 2026-01-08
action = "extend_stage1"
working_days = 20
reason = "Complex"
[[step]]
on = 2026-01-20
action = "respond_stage1"
findings = ["upheld", "not_upheld"]
[[step]]
on = 2026-01-22
action = "request_stage2"
[[step]]
on = 2026-01-23
action = "appoint_investigators"
io = { id = 1 }
ip = { id = 2 }
[[step]]
on = 2026-01-27
action = "agree_statement"
[[step]]
on = 2026-01-28
action = "start_investigation"
[[step]]
on = 2026-02-20
action = "receive_reports"
findings = ["upheld", "not_upheld"]
[[step]]
on = 2026-02-24
action = "adjudicate"
findings = ["upheld", "not_upheld"]
expect = "done"
"""


def run() -> list[str]:
    manage = Path(__file__).resolve().parents[1] / "manage.py"
    with tempfile.TemporaryDirectory() as directory:
        files = []
        for n in range(SCENARIOS):
            path = Path(directory) / f"scenario-{n:02d}.toml"
            path.write_text(TEN_STEPS)
            files.append(str(path))
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, str(manage), "rehearse", *files, "--json"],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - started
    verdict = "ok" if done.returncode == 0 and seconds < TARGET_SECONDS else "FAIL"
    return [
        f"{verdict}: {SCENARIOS} scenarios x 10 steps in {seconds:.1f} s "
        f"(target < {TARGET_SECONDS} s; exit {done.returncode})"
    ]
