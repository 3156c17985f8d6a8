"""Turning a template and a case into a letter: sandboxed rendering, checks, PDF and plain text.

Template bodies are edited by staff, so they are rendered in Jinja2's sandbox with autoescaping
(a complainant's words can never become markup) and only a small set of HTML tags is allowed in
them. A merge field that does not exist is an error, never a blank: see `MergeUndefined`.

The letter's frame (letterhead, addresses, date, reference, signature block, page numbers) is ours,
not the template's, so every letter carries the council's branding and the same accessible
structure: one <h1>, a document language and title, and real text (tagged PDF/UA-1).
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import StrictUndefined, TemplateSyntaxError, Undefined, UndefinedError, nodes
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup

from redress.core.pdf import tagged_pdf
from redress.letters.merge import DOCUMENTED, TOP_LEVEL, Fields, sample_context

LAYOUT_DIR = Path(__file__).with_name("layout")

# What a template body may contain: headings, paragraphs, lists, tables, emphasis and links.
ALLOWED_TAGS = frozenset(
    {"p", "h2", "h3", "ul", "ol", "li", "strong", "em", "br", "table", "thead", "tbody", "tr",
     "th", "td", "a", "address", "div"}
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "th": {"scope"}, "div": {"class"}}
ALLOWED_LINKS = ("https://", "mailto:", "tel:")
ALLOWED_CLASSES = frozenset({"panel", "important"})


class LetterError(ValueError):
    """A template or letter that cannot be used; the message says what to change."""


def _field_path(undefined: "MergeUndefined") -> str:
    obj = undefined._undefined_obj
    name = undefined._undefined_name or ""
    if isinstance(obj, Fields):
        return f"{obj._path}.{name}"
    return str(name)


class MergeUndefined(StrictUndefined):
    """A missing merge field stops the letter with a message naming it."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        path = _field_path(self)
        documented = DOCUMENTED.get(path)
        if documented is not None:
            return (
                f"This letter needs {path} ({documented.description.lower()}), which this case "
                "does not have yet"
            )
        return f"Unknown merge field: {path}. The merge fields are listed beside the editor"


def _a_date(value: object) -> date:
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    if not isinstance(value, date):
        raise LetterError(f"Only dates can be shown as dates, not {value!r}")
    return value


def format_date(value: object) -> str:
    """3 April 2026"""
    return f"{_a_date(value):%-d %B %Y}"


def format_long_date(value: object) -> str:
    """Friday 3 April 2026: for deadlines, so nobody has to look up the day."""
    return f"{_a_date(value):%A %-d %B %Y}"


@cache
def sandbox() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        autoescape=True, undefined=MergeUndefined, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["date"] = format_date
    env.filters["longdate"] = format_long_date
    return env


@cache
def layout_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(LAYOUT_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date"] = format_date
    return env


class _TagChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(
                f"Remove the <{tag}> tag: letters may use only "
                + ", ".join(f"<{t}>" for t in sorted(ALLOWED_TAGS))
            )
            return
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, set()):
                self.problems.append(f'Remove the {name}="..." attribute from <{tag}>')
            elif name == "href" and not (value or "").startswith(ALLOWED_LINKS):
                self.problems.append("Links must start with https://, mailto: or tel:")
            elif name == "class" and not set((value or "").split()) <= ALLOWED_CLASSES:
                self.problems.append(f"<div> may only have class {' or '.join(ALLOWED_CLASSES)}")


def _top_level_names(ast: nodes.Template) -> set[str]:
    names = set()
    for node in ast.find_all(nodes.Name):
        if node.ctx == "load":
            names.add(node.name)
    assigned = {node.name for node in ast.find_all(nodes.Name) if node.ctx in ("store", "param")}
    return names - assigned


def check_template(subject: str, body: str) -> list[str]:
    """Everything wrong with a template, as sentences; empty when it can be saved."""
    problems: list[str] = []
    if not subject.strip():
        problems.append("Enter the subject line")
    if not body.strip():
        problems.append("Enter the body of the letter")
        return problems
    for what, source in (("subject", subject), ("body", body)):
        try:
            ast = sandbox().parse(source)
        except TemplateSyntaxError as error:
            problems.append(f"The {what} has a mistake on line {error.lineno}: {error.message}")
            continue
        unknown = sorted(_top_level_names(ast) - TOP_LEVEL - {"loop"})
        problems += [f"Unknown merge field: {name}" for name in unknown]
    if problems:
        return problems
    checker = _TagChecker()
    checker.feed(body)
    problems += list(dict.fromkeys(checker.problems))
    if problems:
        return problems
    try:
        render_body(subject, body, sample_context())
    except LetterError as error:
        problems.append(str(error))
    return problems


@dataclass(frozen=True)
class RenderedBody:
    subject: str
    html: str


def render_body(subject: str, body: str, context: Mapping[str, Any]) -> RenderedBody:
    """The template's subject and body with the merge values in. Raises LetterError."""
    try:
        rendered_subject = sandbox().from_string(subject).render(context)
        rendered = sandbox().from_string(body).render(context)
    except UndefinedError as error:
        raise LetterError(str(error)) from None
    except LetterError:
        raise
    except SecurityError:
        raise LetterError("The template tries to use something letters may not use") from None
    except TemplateSyntaxError as error:
        raise LetterError(
            f"The template has a mistake on line {error.lineno}: {error.message}"
        ) from None
    except (TypeError, ValueError) as error:
        raise LetterError(f"The template cannot be filled in: {error}") from None
    return RenderedBody(" ".join(rendered_subject.split()), rendered)


@dataclass(frozen=True)
class LetterFrame:
    """What the frame around a template's body shows."""

    council_name: str
    team_name: str
    council_address: str
    council_email: str
    council_phone: str
    recipient_name: str
    recipient_address_lines: list[str]
    reference: str
    dated: date
    subject: str
    sender_name: str
    large_print: bool


def frame_from(context: Mapping[str, Any], subject: str, large_print: bool) -> LetterFrame:
    council, recipient = context["council"], context["recipient"]
    return LetterFrame(
        council_name=council.name,
        team_name=council.team_name,
        council_address=council.postal_address,
        council_email=council.email,
        council_phone=council.phone,
        recipient_name=recipient.name,
        recipient_address_lines=list(recipient._values.get("address_lines", [])),
        reference=context["case"].reference,
        dated=context["letter"].date,
        subject=subject,
        sender_name=context["sender"].name,
        large_print=large_print,
    )


def letter_html(frame: LetterFrame, body_html: str, *, for_email: bool = False) -> str:
    """The whole letter as one HTML document (for the PDF, or the body of an email)."""
    template = layout_environment().get_template("email.html" if for_email else "letter.html")
    css = (LAYOUT_DIR / "letter.css").read_text()
    return template.render(frame=frame, body=Markup(body_html), css=Markup(css))


def letter_pdf(html: str) -> bytes:
    """A tagged PDF/UA-1 of the letter, its fonts found beside the layout."""
    return tagged_pdf(html, base_url=LAYOUT_DIR)


class _TextMaker(HTMLParser):
    """Plain text from the letter's HTML: headings, paragraphs, lists and tables kept readable."""

    BLOCKS = frozenset({"p", "h1", "h2", "h3", "div", "address", "table", "ul", "ol"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.lists: list[list[int]] = []
        self.href: str | None = None
        self.link_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "head", "title"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")
            if tag in ("ul", "ol"):
                self.lists.append([0 if tag == "ol" else -1])
        elif tag == "li":
            counter = self.lists[-1] if self.lists else [-1]
            if counter[0] >= 0:
                counter[0] += 1
                self.parts.append(f"\n{counter[0]}. ")
            else:
                self.parts.append("\n- ")
        elif tag == "br" or tag == "tr":
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" | " if self.parts and not self.parts[-1].endswith("\n") else "")
        elif tag == "a":
            self.href = dict(attrs).get("href")
            self.link_text = ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "head", "title"):
            self.skip -= 1
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag in ("h1", "h2", "h3"):
            self.parts.append("\n")
        elif tag == "a" and self.href:
            target = self.href.removeprefix("mailto:").removeprefix("tel:")
            if target not in self.link_text:
                self.parts.append(f" ({target})")
            self.href = None

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        text = re.sub(r"\s+", " ", data)
        if not text.strip() and (not self.parts or self.parts[-1].endswith(("\n", " "))):
            return
        if not self.parts or self.parts[-1].endswith(("\n", "- ", ". ")):
            text = text.lstrip()
        self.parts.append(text)
        if self.href is not None:
            self.link_text += text

    def text(self) -> str:
        raw = "".join(self.parts)
        out: list[str] = []
        for line in (" ".join(line.split()) for line in raw.splitlines()):
            if line or (out and out[-1]):
                out.append(line)
        return "\n".join(out).strip() + "\n"


def html_to_text(html: str) -> str:
    maker = _TextMaker()
    maker.feed(html)
    return maker.text()
