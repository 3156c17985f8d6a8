"""Reading the complaints mailbox: each message kept once, then moved on the server.

A message is moved (or flagged) only after it is saved and committed. If the connection drops,
or Redress stops, between the two, the message is still in the folder next time; its message
id is already known, so it is not kept twice, only moved.
"""

import logging
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from redress.mailbox.imap import ConnectionFailed, Fetched, Mailbox
from redress.mailbox.models import InboundMessage, MessageStatus
from redress.mailbox.services import message_keep_unreadable, message_receive

logger = logging.getLogger(__name__)

BATCH_SIZE = 50
BATCH_BYTES = 64 * 1024 * 1024


@dataclass
class FetchReport:
    new: Counter[str] = field(default_factory=Counter)  # by status
    already_kept: int = 0  # saved by an earlier run that stopped before moving them
    moved: int = 0
    left: list[str] = field(default_factory=list)  # left on the server, and why
    stopped: str = ""  # why the run stopped early
    done: str = "moved to the done folder"  # what happens on the server to a saved email

    def lines(self) -> list[str]:
        kept = ", ".join(
            f"{self.new[status]} {label.lower()}"
            for status, label in MessageStatus.choices
            if self.new[status]
        )
        new = sum(self.new.values())
        lines = [
            f"{new:,} new email{'' if new == 1 else 's'} kept" + (f": {kept}" if kept else ""),
            f"{self.already_kept} kept before and now moved" if self.already_kept else "",
            f"{self.moved} {self.done}",
            *(f"Left on the server: {why}" for why in self.left),
            f"Stopped early: {self.stopped}" if self.stopped else "",
        ]
        return [line for line in lines if line]


def fetch_mail(
    *,
    config: Mapping[str, Any] | None = None,
    batch_size: int = BATCH_SIZE,
    on_saved: Callable[[InboundMessage], None] | None = None,
) -> FetchReport:
    """Keep every message in the mailbox's folder. A failing message never stops the others; a
    failing connection stops the run (the next run carries on where it stopped)."""
    report = FetchReport()
    try:
        with Mailbox(config or settings.REDRESS_MAILBOX) as mailbox:
            if mailbox.done_folder:
                report.done = f"moved to {mailbox.done_folder}"
            else:
                report.done = "flagged as saved (there is no done folder)"
            for batch in batches(mailbox.pending(), batch_size):
                saved = []
                for fetched in mailbox.fetch(batch):
                    message = _keep(fetched, report)
                    if message is not None:
                        saved.append(fetched.uid)
                        if on_saved is not None:
                            on_saved(message)
                mailbox.mark_done(saved)
                report.moved += len(saved)
    except ConnectionFailed as error:
        report.stopped = f"the connection to the mailbox failed ({error})"
        logger.error("Reading the mailbox stopped: %s", report.stopped)
    return report


def batches(
    pending: list[tuple[int, int]], most: int, budget: int = BATCH_BYTES
) -> Iterator[list[int]]:
    """UIDs to fetch together: at most `most` emails and `budget` bytes (an email larger than
    the budget comes alone), so a run's memory stays bounded whatever the mailbox holds."""
    batch: list[int] = []
    size = 0
    for uid, uid_size in pending:
        if batch and (len(batch) == most or size + uid_size > budget):
            yield batch
            batch, size = [], 0
        batch.append(uid)
        size += uid_size
    if batch:
        yield batch


def _keep(fetched: Fetched, report: FetchReport) -> InboundMessage | None:
    try:
        message, created = message_receive(raw=fetched.raw, received_at=fetched.received_at)
    except Exception as error:
        logger.exception("Email UID %s could not be read; keeping it as unreadable", fetched.uid)
        try:
            message, created = message_keep_unreadable(
                raw=fetched.raw,
                received_at=fetched.received_at,
                problem=f"Redress failed while reading it ({type(error).__name__}: {error})",
            )
        except Exception as failure:
            logger.exception("Email UID %s could not be kept; it stays on the server", fetched.uid)
            report.left.append(f"UID {fetched.uid} ({type(failure).__name__}: {failure})")
            return None
    if created:
        report.new[message.status] += 1
    else:
        report.already_kept += 1
    return message
