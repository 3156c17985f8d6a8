"""The connection to the complaints mailbox (IMAP), configured by settings.REDRESS_MAILBOX.

Every message in the folder is Redress's to take (not only unread ones: staff may have opened a
message in their mail program). Bodies are fetched with BODY.PEEK[], so reading marks nothing; a
message is moved to the done folder, or flagged \\Seen and $RedressSaved when there is none, only
when the caller says it has been saved. Folder names go to the server in modified UTF-7
(`quoted`), so a folder may have any name.
"""

import contextlib
import imaplib
import ipaddress
import re
import ssl
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Any, Self

from redress.mailbox.folder_names import imap_utf7

SAVED_KEYWORD = "$RedressSaved"
TIMEOUT_SECONDS = 60
MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1
)}  # fmt: skip
INTERNALDATE = re.compile(
    rb'INTERNALDATE "\s*(\d+)-(\w{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-]\d{4})"'
)
UID = re.compile(rb"\bUID (\d+)")
SIZE = re.compile(rb"\bUID (\d+) RFC822\.SIZE (\d+)")

# Connection errors: the server went away or refused something. The run stops; what was saved
# stays saved, and the next run carries on (nothing is moved before it is saved).
ConnectionFailed = (imaplib.IMAP4.error, OSError)


class MailboxError(Exception):
    """The mailbox could not be used as configured; the message says what to change."""


@dataclass(frozen=True)
class Fetched:
    uid: int
    raw: bytes
    received_at: datetime  # the server's INTERNALDATE: when the council received it


def quoted(folder: str) -> str:
    """A folder name as a command argument: modified UTF-7 (so "Réclamations" works), quoted."""
    wire = imap_utf7(folder)
    return '"' + wire.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _check(response: tuple[str, Any], doing: str) -> list[Any]:
    status, data = response
    if status != "OK":
        raise imaplib.IMAP4.error(f"{doing}: {data!r}")
    return list(data)


class Mailbox:
    def __init__(self, config: Mapping[str, Any], timeout: float = TIMEOUT_SECONDS) -> None:
        self.config = config
        self.timeout = timeout
        self.folder = str(config.get("FOLDER") or "INBOX")
        self.done_folder = str(config.get("DONE_FOLDER") or "")
        self.connection: imaplib.IMAP4 | None = None

    def __enter__(self) -> Self:
        try:
            self.connect()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:  # fmt: skip
        self.close()

    @property
    def imap(self) -> imaplib.IMAP4:
        assert self.connection is not None, "connect() first"
        return self.connection

    def connect(self) -> None:
        host, port, tls = str(self.config["HOST"]), int(self.config["PORT"]), self.config["TLS"]
        if not host:
            raise MailboxError("No mailbox is configured: set REDRESS_MAILBOX_HOST")
        if tls not in ("ssl", "starttls", "none"):
            raise MailboxError(f"REDRESS_MAILBOX_TLS must be ssl, starttls or none, not {tls!r}")
        if tls == "none" and not _loopback(host):
            raise MailboxError(
                f"REDRESS_MAILBOX_TLS=none sends the password unencrypted: it is allowed only for "
                f"a server on this machine, not {host}. Use ssl or starttls."
            )
        context = ssl.create_default_context()  # the system's certificates, names checked
        if self.config.get("CA_FILE"):
            context.load_verify_locations(cafile=str(self.config["CA_FILE"]))
        if tls == "ssl":
            self.connection = imaplib.IMAP4_SSL(
                host, port, ssl_context=context, timeout=self.timeout
            )
        else:
            self.connection = imaplib.IMAP4(host, port, timeout=self.timeout)
            if tls == "starttls":
                self.connection.starttls(context)
        try:
            self.imap.login(str(self.config["USER"]), str(self.config["PASSWORD"]))
        except imaplib.IMAP4.abort:
            raise
        except imaplib.IMAP4.error as error:
            raise MailboxError(f"The mailbox refused the user name or password ({error})") from None
        try:
            if self.done_folder:
                self._create_done_folder()
            _check(self.imap.select(quoted(self.folder)), f"Opening the folder {self.folder}")
        except imaplib.IMAP4.abort:
            raise
        except imaplib.IMAP4.error as error:  # the server said no: a setting to change
            raise MailboxError(
                f"{error}. Check REDRESS_MAILBOX_FOLDER and REDRESS_MAILBOX_DONE_FOLDER (some "
                "servers keep folders under INBOX, as INBOX.Redress)"
            ) from None

    def close(self) -> None:
        if self.connection is None:
            return
        with contextlib.suppress(*ConnectionFailed):  # the server has gone: nothing to tidy
            self.connection.logout()
        self.connection = None

    def _create_done_folder(self) -> None:
        if _check(self.imap.list('""', quoted(self.done_folder)), "Listing folders") != [None]:
            return
        _check(self.imap.create(quoted(self.done_folder)), f"Creating {self.done_folder}")
        self.imap.subscribe(quoted(self.done_folder))

    def pending(self) -> list[tuple[int, int]]:
        """(UID, size in bytes) of every message still to be taken, oldest first."""
        criteria = "ALL" if self.done_folder else f"UNKEYWORD {SAVED_KEYWORD}"
        data = _check(self.imap.uid("SEARCH", criteria), "Searching the folder")
        wanted = {int(uid) for uid in (data[0] or b"").split()}
        if not wanted:
            return []
        sizes = {}
        for line in _check(self.imap.uid("FETCH", "1:*", "(UID RFC822.SIZE)"), "Reading sizes"):
            found = SIZE.search(line if isinstance(line, bytes) else line[0])
            if found and int(found[1]) in wanted:
                sizes[int(found[1])] = int(found[2])
        return sorted(sizes.items())

    def fetch(self, uids: Iterable[int]) -> list[Fetched]:
        wanted = ",".join(str(uid) for uid in uids)
        if not wanted:
            return []
        data = _check(
            self.imap.uid("FETCH", wanted, "(UID INTERNALDATE BODY.PEEK[])"), "Fetching messages"
        )
        fetched = []
        for index, item in enumerate(data):
            if not isinstance(item, tuple):
                continue
            # Some servers send UID after the message itself: look in what follows it too.
            after = data[index + 1] if index + 1 < len(data) else b""
            meta = item[0] + (after if isinstance(after, bytes) else b"")
            uid, date = UID.search(meta), INTERNALDATE.search(meta)
            if uid is None or date is None:
                raise imaplib.IMAP4.error(
                    f"The server's answer lacks UID or INTERNALDATE: {meta!r}"
                )
            fetched.append(Fetched(int(uid[1]), item[1], _internaldate(date)))
        return fetched

    def mark_done(self, uids: Iterable[int]) -> None:
        """Move saved messages to the done folder (or flag them when there is none)."""
        wanted = ",".join(str(uid) for uid in uids)
        if not wanted:
            return
        if not self.done_folder:
            flags = f"(\\Seen {SAVED_KEYWORD})"
            _check(self.imap.uid("STORE", wanted, "+FLAGS.SILENT", flags), "Flagging messages")
        elif "MOVE" in self.imap.capabilities:
            _check(self.imap.uid("MOVE", wanted, quoted(self.done_folder)), "Moving messages")
        else:
            self._copy_and_expunge(wanted)

    def _copy_and_expunge(self, wanted: str) -> None:
        """For servers without MOVE (RFC 6851): copy, mark deleted, expunge."""
        _check(self.imap.uid("COPY", wanted, quoted(self.done_folder)), "Copying messages")
        _check(self.imap.uid("STORE", wanted, "+FLAGS.SILENT", "(\\Deleted)"), "Marking moved")
        if "UIDPLUS" in self.imap.capabilities:
            _check(self.imap.uid("EXPUNGE", wanted), "Expunging moved messages")
        else:
            _check(self.imap.expunge(), "Expunging moved messages")


def _internaldate(match: re.Match[bytes]) -> datetime:
    day, month, year, hour, minute, second, zone = (part.decode() for part in match.groups())
    return datetime.strptime(
        f"{year}-{MONTHS[month]:02d}-{int(day):02d} {hour}:{minute}:{second} {zone}",
        "%Y-%m-%d %H:%M:%S %z",
    )
