"""Readable plain text from an HTML-only email: paragraphs and list items on their own lines,
links kept with their address, no tags, no scripts or styles, entities decoded.

Staff read the text on the triage screen; the original HTML stays in the kept .eml.
"""

import re
from html.parser import HTMLParser

# Tags whose start or end begins a new line of text.
BLOCKS = frozenset(
    ("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
     "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
     "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul")
)  # fmt: skip
# Tags whose content is not text a person reads.
HIDDEN = frozenset({"head", "script", "style", "template", "title", "noscript"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.hidden = 0
        self.link: tuple[str, int] | None = None  # (href, where its text starts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag == "li":
            self.pieces.append("\n- ")
        elif tag in BLOCKS:
            self.pieces.append("\n")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith(("http://", "https://", "mailto:")):
                self.link = (href.removeprefix("mailto:"), len(self.pieces))

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS and tag != "li":  # the next item starts its own line
            self.pieces.append("\n")
        elif tag == "a" and self.link is not None:
            href, start = self.link
            if href not in "".join(self.pieces[start:]):
                self.pieces.append(f" ({href})")
            self.link = None

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.pieces.append(data)


def html_to_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (
        re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip()
        for line in "".join(parser.pieces).split("\n")
    )
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
