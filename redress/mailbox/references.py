"""Case references quoted in an email: CSC-2026-00042 (see cases.services._next_reference).

People retype references, so case does not matter and spaces, hyphens or dashes between the
parts are tolerated ("csc 2026 00042", "CSC 2026 - 00042", or the en dashes word processors put
in). The number is kept as written: it is never re-padded, so a mistyped reference cannot
become another case's.
"""

import re

REFERENCE = re.compile(r"\bCSC[\s_\-\u2010-\u2015]*(\d{4})[\s_\-\u2010-\u2015]*(\d{5,})\b", re.I)


def find_references(*texts: str) -> list[str]:
    """Every distinct reference in `texts`, in the order they first appear, in the usual form."""
    found: dict[str, None] = {}
    for text in texts:
        for year, number in REFERENCE.findall(text):
            found.setdefault(f"CSC-{year}-{number}", None)
    return list(found)
