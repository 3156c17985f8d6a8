"""The plain output of a rehearsal: a table per scenario (step, date, action, result, stage,
clocks), and which steps did not do what they expected."""

from redress.cases.rehearsal.runner import ScenarioResult


def plain_report(results: list[ScenarioResult]) -> str:
    lines: list[str] = []
    for result in results:
        verdict = "ok" if result.ok else "NOT AS EXPECTED"
        lines.append(f"{result.scenario.file} ({result.scenario.council}): {verdict}")
        for step in result.steps:
            mark = "" if step.as_expected else f"  <-- expected {step.step.expect}"
            lines.append(
                f"  {step.step.number:>2}  {step.step.on:%Y-%m-%d}  {step.step.action.value:<28}"
                f" {step.result:<8} {step.stage}{mark}"
            )
            if step.message:
                lines.append(f"        {step.message}")
            for clock in step.clocks:
                extended = f" to {clock.extended_due:%Y-%m-%d}" if clock.extended_due else ""
                lines.append(
                    f"        {clock.rule:<32} day 0 {clock.day0:%Y-%m-%d}"
                    f"  due {clock.due:%Y-%m-%d}{extended}  {clock.state}"
                )
        lines.append("")
    return "\n".join(lines)
