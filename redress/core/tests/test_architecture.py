"""Fitness tests for the layering rules in docs/adr/0002-functional-core.md."""

import ast
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


def strings_shown_to_people(path: Path) -> list[tuple[int, str]]:
    """String literals in Python (not docstrings or comments), or the text of a template."""
    if path.suffix == ".html":
        text = re.sub(r"{#.*?#}", "", path.read_text(), flags=re.DOTALL)
        return list(enumerate(text.splitlines(), start=1))
    tree = ast.parse(path.read_text())
    docstrings = {
        id(body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and (body := node.body)
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_timescale_is_hard_coded_outside_the_profiles() -> None:
    """A number of working days belongs in a profile or a clock, never in code or templates."""
    hard_coded = re.compile(r"\b\d+\s+working\s+days?\b", re.IGNORECASE)
    shell = [
        p
        for p in PACKAGE.rglob("*")
        if p.suffix in {".py", ".html"}
        and not {"tests", "domain", "migrations", "demo"} & set(p.parts)
    ]
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in shell
        for number, text in strings_shown_to_people(path)
        if hard_coded.search(text)
    ]
    assert offenders == []


def test_the_timescale_check_would_catch_a_hard_coded_timescale(tmp_path: Path) -> None:
    view = tmp_path / "views.py"
    view.write_text(
        '"""Shows 10 working days in a docstring, which is fine."""\n'
        "# and 10 working days in a comment, which is fine\n"
        'MESSAGE = "We will reply within 10 working days"\n'
    )
    template = tmp_path / "page.html"
    template.write_text("{# 5 working days here is a comment #}\n<p>within 5 working days</p>\n")

    assert [n for n, t in strings_shown_to_people(view) if "working days" in t] == [3]
    assert [n for n, t in strings_shown_to_people(template) if "working days" in t] == [2]
