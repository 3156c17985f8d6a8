"""One email, as bytes from the mailbox, taken apart into what staff need: who sent it, the
subject, the text, the attachments, the case references it quotes, and whether a machine sent it.

Pure: standard library only, no database. A message that cannot be read raises `Unreadable` with
the reason in words staff understand; the caller keeps the raw bytes regardless.
"""

import hashlib
import mimetypes
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email import errors, message_from_bytes
from email.message import EmailMessage, Message, MIMEPart
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.policy import default as default_policy
from email.utils import parseaddr

from redress.mailbox.html_text import html_to_text
from redress.mailbox.references import find_references

MAX_MESSAGE_ID = 998  # InboundMessage.message_id


class Unreadable(Exception):
    """The message could not be read; str(exception) says why, for staff."""


@dataclass(frozen=True)
class ParsedAttachment:
    name: str
    content_type: str
    content: bytes


@dataclass(frozen=True)
class ParsedMessage:
    sender: str
    sender_name: str
    subject: str
    body: str
    attachments: tuple[ParsedAttachment, ...]
    references: tuple[str, ...]  # case references quoted, subject first
    automatic: str  # why it looks machine-sent ("" when a person sent it)
    own_letter: bool  # sent by Redress itself
    notes: tuple[str, ...]  # what was not quite right but still read


# Structural faults that leave nothing to read when no text or attachment came out.
BROKEN_STRUCTURE: dict[type[errors.MessageDefect], str] = {
    errors.StartBoundaryNotFoundDefect: (
        "It says it is in several parts, but the separator between the parts never appears"
    ),
    errors.NoBoundaryInMultipartDefect: (
        "It says it is in several parts, but not how the parts are separated"
    ),
    errors.MultipartInvariantViolationDefect: "Its parts could not be found",
}
# (header, values that count, or None for any value, what it means): first match wins.
AUTOMATIC_HEADERS: tuple[tuple[str, frozenset[str] | None, str], ...] = (
    ("auto-submitted", None, "it says it was sent automatically (Auto-Submitted: {value})"),
    ("x-autoreply", None, "it is an automatic reply (X-Autoreply)"),
    ("x-autorespond", None, "it is an automatic reply (X-Autorespond)"),
    ("precedence", frozenset({"auto_reply", "bulk", "junk", "list"}), "it is bulk or automatic "
     "mail (Precedence: {value})"),
)  # fmt: skip
DAEMONS = frozenset({"mailer-daemon", "postmaster"})
OWN_LETTER_HEADER = "x-redress-reference"  # set on every email Redress sends (letters.transports)


def message_key(raw: bytes) -> str:
    """What makes a message the same message: its Message-ID, or a digest of its bytes when it
    has none (or one that is not plain printable text)."""
    try:
        value = BytesHeaderParser(policy=compat32).parsebytes(_head(raw)).get("Message-ID", "")
        value = " ".join(str(value).split())
    except Exception:  # a digest is always possible
        value = ""
    if value and value.isascii() and value.isprintable() and len(value) <= MAX_MESSAGE_ID:
        return value
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def _head(raw: bytes) -> bytes:
    """The headers alone: the parser would otherwise read the whole body too."""
    ends = [end for end in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if end >= 0]
    return raw[: min(ends)] if ends else raw


def headline(raw: bytes) -> tuple[str, str, str]:
    """(sender, sender's name, subject) as best they can be read, for a message that cannot be
    read as a whole: staff can still see who wrote. Never raises."""
    try:
        headers = BytesHeaderParser(policy=default_policy).parsebytes(_head(raw))
        sender_name, sender = parseaddr(_header(headers, "from"))
        subject = _header(headers, "subject")
    except Exception:
        return "", "", ""
    return (sender if "@" in sender else "")[:320], sender_name[:200], subject[:998]


def parse(raw: bytes, *, own_addresses: frozenset[str] = frozenset()) -> ParsedMessage:
    try:
        message = message_from_bytes(raw, policy=default_policy)
        assert isinstance(message, EmailMessage)
        return _read(message, own_addresses)
    except Unreadable:
        raise
    except Exception as error:
        raise Unreadable(
            f"It could not be taken apart ({type(error).__name__}: {error})"
        ) from error


def _read(message: EmailMessage, own_addresses: frozenset[str]) -> ParsedMessage:
    notes: list[str] = []
    sender_name, sender = parseaddr(_header(message, "from"))
    sender = sender if "@" in sender else ""
    subject = _header(message, "subject")
    if not (sender or subject or _header(message, "date") or _header(message, "message-id")):
        raise Unreadable(
            "It does not begin with email headers (no sender, subject or date): it may not be "
            "an email"
        )
    body_part = message.get_body(("plain", "html"))
    texts = [_text(body_part, notes)] if body_part is not None else []
    attachments: list[ParsedAttachment] = []
    embedded: list[str] = []  # headers of messages inside this one (forwards, bounces)
    for part, parent in _leaves(message, ""):
        if part is body_part:
            continue
        if _is_attachment(part):
            attachments.append(_attachment(part, len(attachments) + 1))
            if part.get_content_type() in ("message/rfc822", "text/rfc822-headers"):
                embedded.append(attachments[-1].content[:65536].decode("utf-8", "replace"))
        elif part.get_content_type() == "text/plain" and parent != "multipart/alternative":
            texts.append(_text(part, notes))  # a message split around an inline picture
    body = "\n\n".join(text for text in texts if text.strip())
    if not body.strip() and not attachments:
        broken = [BROKEN_STRUCTURE[type(d)] for d in message.defects if type(d) in BROKEN_STRUCTURE]
        if broken:
            raise Unreadable(broken[0])
        if not subject:
            raise Unreadable("It is empty: no subject, no text and no attachments")
    references = find_references(subject, body) or find_references(*embedded)
    return ParsedMessage(
        sender=sender[:320],
        sender_name=_clean(sender_name)[:200],
        subject=subject[:998],
        body=body,
        attachments=tuple(attachments),
        references=tuple(references),
        automatic=_automatic(message, sender),
        own_letter=bool(_header(message, OWN_LETTER_HEADER)) or sender.lower() in own_addresses,
        notes=tuple(dict.fromkeys(notes)),
    )


def _clean(value: str) -> str:
    """Text safe to store: raw 8-bit bytes the parser kept (as surrogates) read as UTF-8, or as
    Windows-1252 when they are not UTF-8; NUL characters (PostgreSQL refuses them) dropped."""
    if re.search("[\udc80-\udcff]", value):
        data = value.encode("utf-8", "surrogateescape")
        try:
            value = data.decode("utf-8")
        except UnicodeDecodeError:
            value = data.decode("cp1252", "replace")
    return value.replace("\x00", "")


def _header(message: Message, name: str) -> str:
    """A header as one line of text. 8-bit bytes in a header (no RFC 2047 encoding) are read
    from the raw value, because the parsed value has already replaced them."""
    raw = next((str(v) for k, v in message.raw_items() if k.lower() == name), None)
    if raw is None:
        return ""
    if re.search("[\udc80-\udcff]", raw):
        value = _clean(raw)
    else:
        try:
            value = str(message[name])
        except Exception:  # an unparseable header is still worth showing as written
            value = raw
    return " ".join(_clean(value).split())


def _leaves(part: MIMEPart, parent: str) -> Iterator[tuple[MIMEPart, str]]:
    """Every part that is not a container, with its container's type. An attached message is a
    leaf: it is kept whole, not opened. A container whose parts were not found yields nothing."""
    if part.get_content_maintype() != "multipart":
        yield part, parent
    elif part.is_multipart():  # otherwise its parts could not be found: nothing to read
        for child in part.iter_parts():
            if isinstance(child, MIMEPart):
                yield from _leaves(child, part.get_content_type())


def _is_attachment(part: Message) -> bool:
    return (
        part.get_content_disposition() == "attachment"
        or bool(part.get_filename())
        or part.get_content_type() not in ("text/plain", "text/html")
    )


def _text(part: MIMEPart, notes: list[str]) -> str:
    try:
        content = part.get_content()
    except LookupError:
        charset = part.get_content_charset()
        notes.append(f"Its text is in a character set Redress does not know ({charset}): "
                     "it was read as UTF-8, so some letters may be wrong")  # fmt: skip
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if part.get_content_type() == "text/html":
        content = html_to_text(content)
    return _clean(str(content)).replace("\r\n", "\n").strip()


def _attachment(part: Message, number: int) -> ParsedAttachment:
    content_type = part.get_content_type()
    if part.get_content_maintype() == "message" and part.is_multipart():
        inner = part.get_payload(0)
        content = inner.as_bytes() if isinstance(inner, Message) else b""
    else:
        payload = part.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else b""
    try:
        name = _clean(part.get_filename() or "")
    except Exception:
        name = ""
    name = " ".join(name.replace("\\", "/").rsplit("/", 1)[-1].split())
    if not name:
        extension = ".eml" if content_type == "message/rfc822" else ""
        name = f"attachment-{number}{extension or mimetypes.guess_extension(content_type) or ''}"
    return ParsedAttachment(name=name[:200], content_type=content_type, content=content)


def _automatic(message: Message, sender: str) -> str:
    for header, values, meaning in AUTOMATIC_HEADERS:
        value = _header(message, header)
        if value and (values is None or value.lower() in values):
            if header == "auto-submitted" and value.lower() == "no":
                continue
            return meaning.format(value=value)
    if message.get_content_type() == "multipart/report":
        return "it is a delivery report"
    if sender.partition("@")[0].lower() in DAEMONS:
        return f"it is a delivery failure report from {sender}"
    return ""
