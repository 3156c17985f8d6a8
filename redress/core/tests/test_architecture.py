"""Fitness tests for the layering rules in docs/adr/0002-functional-core.md."""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]  # redress/
ORM_ACCESS = re.compile(r"\b[A-Z]\w*\.objects\b")


def lines_matching(pattern: re.Pattern[str], paths: list[Path]) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in paths
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if pattern.search(line)
    ]


def test_views_do_not_query_models_directly() -> None:
    views = [*PACKAGE.glob("*/views.py"), *PACKAGE.glob("*/views/*.py")]
    assert lines_matching(ORM_ACCESS, views) == [], "use a selector or a service instead"


def test_every_domain_module_says_which_rule_it_holds_and_where_it_comes_from() -> None:
    modules = [p for p in (PACKAGE / "domain").glob("*.py") if p.name != "__init__.py"]
    undocumented = [p.name for p in modules if not p.read_text().lstrip().startswith('"""')]
    assert modules
    assert undocumented == []


def test_no_timescale_is_hard_coded_outside_the_profiles() -> None:
    """ "10 working days" belongs in a profile or a clock, never in code or templates."""
    hard_coded = re.compile(r"\b\d+\s+working\s+days?\b", re.IGNORECASE)
    shell = [
        p
        for p in PACKAGE.rglob("*")
        if p.suffix in {".py", ".html"}
        and "tests" not in p.parts
        and "domain" not in p.parts
        and "migrations" not in p.parts
        and "demo" not in p.parts
    ]
    assert lines_matching(hard_coded, shell) == []
