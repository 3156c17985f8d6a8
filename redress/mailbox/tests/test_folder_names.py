"""Folder names in modified UTF-7 (RFC 3501 section 5.1.3), as IMAP servers expect them."""

import pytest

from redress.mailbox.folder_names import imap_utf7
from redress.mailbox.imap import quoted


@pytest.mark.parametrize(
    ("name", "wire"),
    [
        ("INBOX", "INBOX"),
        ("INBOX.Redress", "INBOX.Redress"),
        ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),  # RFC 3501's example
        ("&", "&-"),
        ("Fish & Chips", "Fish &- Chips"),
        ("&Jjo-!", "&-Jjo-!"),  # looks encoded, but is a name of its own
        ("Réclamations", "R&AOk-clamations"),
        ("Complaints \u2013 done", "Complaints &IBM- done"),  # an en dash
        ("éé", "&AOkA6Q-"),  # one run of non-ASCII is one shifted section
        ("é&é", "&AOk-&-&AOk-"),
        ("a/b", "a/b"),  # "/" is printable: only base64's "/" becomes ","
        ("日本語", "&ZeVnLIqe-"),
        ("📨 Mail", "&2D3c6A- Mail"),  # beyond the BMP: a UTF-16 surrogate pair
        ("tab\there", "tab&AAk-here"),  # not printable: encoded
    ],
)  # fmt: skip
def test_folder_names_are_sent_in_modified_utf7(name, wire):
    assert imap_utf7(name) == wire
    assert wire.isascii()


def test_a_folder_argument_is_encoded_then_quoted():
    assert quoted('Réclamations "old"') == '"R&AOk-clamations \\"old\\""'
    assert quoted("a\\b") == '"a\\\\b"'
