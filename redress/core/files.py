"""Stored files the services no longer need (held uploads once they are on a case)."""

import logging
from collections.abc import Iterable

from django.core.files.storage import default_storage

logger = logging.getLogger(__name__)


def delete_stored_files(names: Iterable[str]) -> None:
    """Delete files from the default storage, after the transaction that stopped needing them has
    committed (call it from `transaction.on_commit`). A file that cannot go is logged, not fatal."""
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:  # pragma: no cover - a file already gone is fine
            logger.warning("Could not delete the stored file %s", name)
