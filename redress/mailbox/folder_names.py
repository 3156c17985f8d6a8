"""IMAP folder names on the wire: "modified UTF-7" (RFC 3501 section 5.1.3).

Python's imaplib sends folder names as ASCII and does not encode them, so a council folder
called "Réclamations", or "Complaints \u2013 done" with an en dash, would fail. Pure: standard
library only.
"""

import base64
import re

# Printable US-ASCII stands for itself (and "&" is "&-"); any run of other characters is
# UTF-16 in base64 with "," for "/" and no padding, between "&" and "-".
OTHER = re.compile(r"[^\x20-\x7e]+")


def _shift(match: re.Match[str]) -> str:
    encoded = base64.b64encode(match[0].encode("utf-16-be"), altchars=b"+,").rstrip(b"=")
    return "&" + encoded.decode("ascii") + "-"


def imap_utf7(name: str) -> str:
    """The folder name as an IMAP server expects it: "Réclamations" -> "R&AOk-clamations"."""
    return OTHER.sub(_shift, name.replace("&", "&-"))
