import hashlib

import pytest

from redress.mailbox.html_text import html_to_text
from redress.mailbox.parsing import Unreadable, headline, message_key, parse
from redress.mailbox.references import find_references
from redress.mailbox.tests import emails

OWN = frozenset({"complaints@council.example"})


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("RE: CSC-2026-00042", ["CSC-2026-00042"]),
        ("ref csc-2026-00042 please", ["CSC-2026-00042"]),
        ("CSC 2026 00042", ["CSC-2026-00042"]),
        ("CSC - 2026 - 00042", ["CSC-2026-00042"]),
        ("CSC\u20132026\u201300042", ["CSC-2026-00042"]),
        ("CSC-2026-123456", ["CSC-2026-123456"]),
        ("CSC-2026-00042, CSC-2025-00007, csc-2026-00042", ["CSC-2026-00042", "CSC-2025-00007"]),
        ("CSC-2026-0042", []),  # too few digits: not a reference
        ("XCSC-2026-00042", []),
        ("no reference here", []),
    ],
)  # fmt: skip
def test_references_are_found_whatever_their_case_and_spacing(text, found):
    assert find_references(text) == found


def test_a_reference_is_never_re_padded_into_another_case():
    assert find_references("CSC-2026-000042") == ["CSC-2026-000042"]


def test_html_becomes_readable_text_without_tags_scripts_or_styles():
    text = html_to_text(
        "<html><head><title>T</title><style>p{}</style></head><body><h1>Complaint</h1>"
        "<p>Fish &amp; chips&nbsp;here</p><ol><li>one</li><li>two</li></ol>"
        "<a href='https://example.org/x'>notes</a> <a href='https://example.org/y'>"
        "https://example.org/y</a><script>alert(1)</script></body></html>"
    )
    assert text == (
        "Complaint\n\nFish & chips here\n\n- one\n- two\n"
        "notes (https://example.org/x) https://example.org/y"
    )


def test_a_plain_email_gives_its_sender_subject_and_text():
    parsed = parse(emails.plain(), own_addresses=OWN)
    assert (parsed.sender, parsed.sender_name) == ("sam.parent@example.org", "Sam Parent")
    assert parsed.subject == "Complaint about my son's placement"
    assert parsed.body == "I want to complain about how my son's move was handled."
    assert (parsed.attachments, parsed.references, parsed.automatic) == ((), (), "")
    assert not parsed.own_letter


def test_an_html_only_email_is_read_as_text():
    body = parse(emails.html_only()).body
    assert "Dear Sir & Madam," in body
    assert "Nobody called me back." in body
    assert "- First visit\n- Second visit" in body
    assert "my notes (https://example.org/notes)" in body
    for left_out in ("<", "alert", "color"):
        assert left_out not in body


def test_of_two_versions_the_plain_text_is_read_and_the_html_is_not_an_attachment():
    parsed = parse(emails.alternative())
    assert parsed.body == "The plain version of my complaint."
    assert parsed.attachments == ()


def test_attachments_are_kept_with_their_names_types_and_bytes():
    parsed = parse(emails.with_attachments())
    assert [(a.name, a.content_type, a.content) for a in parsed.attachments] == [
        ("letter.pdf", "application/pdf", emails.PDF),
        ("photo.png", "image/png", emails.PNG),
        ("voicemail.mp3", "audio/mpeg", emails.MP3),
    ]
    assert parsed.body == "The letter, a photo and a voicemail are attached."


@pytest.mark.parametrize(
    ("raw", "references"),
    [
        (emails.quoting("CSC-2026-00042"), ("CSC-2026-00042",)),
        (emails.quoting("csc 2026 00042", in_subject=False), ("CSC-2026-00042",)),
        (emails.bounce("CSC-2026-00007"), ("CSC-2026-00007",)),  # from the letter inside
    ],
)
def test_references_are_read_from_the_subject_the_text_or_a_returned_letter(raw, references):
    assert parse(raw).references == references


@pytest.mark.parametrize(
    ("raw", "automatic"),
    [
        (emails.auto_reply(), "it says it was sent automatically (Auto-Submitted: auto-replied)"),
        (emails.email(headers={"Auto-Submitted": "no"}), ""),
        (emails.email(headers={"Precedence": "bulk"}), "it is bulk or automatic mail (Precedence: "
                                                         "bulk)"),
        (emails.email(headers={"X-Autoreply": "yes"}), "it is an automatic reply (X-Autoreply)"),
        (emails.bounce("CSC-2026-00007"), "it is a delivery failure report from "
                                          "MAILER-DAEMON@mx.example.net"),
        (emails.plain(), ""),
    ],
)  # fmt: skip
def test_machine_sent_mail_is_recognised(raw, automatic):
    assert parse(raw).automatic == automatic


def test_redress_s_own_email_is_recognised_by_its_header_or_address():
    assert parse(emails.own_letter("CSC-2026-00042"), own_addresses=OWN).own_letter
    from_us = emails.email(sender="complaints@council.example")
    assert parse(from_us, own_addresses=OWN).own_letter
    assert not parse(from_us).own_letter


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (emails.broken_mime(), "the separator between the parts never appears"),
        (b"From: a@example.org\r\nSubject: x\r\nContent-Type: multipart/mixed\r\n\r\nhi\r\n",
         "but not how the parts are separated"),
        (emails.not_an_email(), "does not begin with email headers"),
        (b"From: a@example.org\r\nMessage-ID: <empty@example.org>\r\n\r\n", "It is empty"),
    ],
)  # fmt: skip
def test_a_message_with_nothing_readable_says_why(raw, reason):
    with pytest.raises(Unreadable, match=reason):
        parse(raw)


def test_an_unknown_character_set_is_read_as_utf8_with_a_note():
    raw = (
        b"From: a@example.org\r\nSubject: Complaint\r\n"
        b"Content-Type: text/plain; charset=x-klingon\r\n\r\nMy complaint\r\n"
    )
    parsed = parse(raw)
    assert parsed.body == "My complaint"
    assert "character set Redress does not know (x-klingon)" in parsed.notes[0]


def test_raw_8bit_headers_and_nul_characters_become_storable_text():
    raw = "From: Zo\u00eb <zoe@example.org>\r\nSubject: Caf\u00e9 visit\r\n\r\nbad\x00text\r\n"
    for encoded in (raw.encode("utf-8"), raw.encode("latin-1")):
        parsed = parse(encoded)
        assert (parsed.sender_name, parsed.subject, parsed.body) == (
            "Zo\u00eb",
            "Caf\u00e9 visit",
            "badtext",
        )


def test_the_message_id_is_the_key_or_else_a_digest_of_the_bytes():
    assert message_key(emails.email(message_id="<abc@example.org>")) == "<abc@example.org>"
    raw = emails.email(message_id=None)
    assert message_key(raw) == "sha256:" + hashlib.sha256(raw).hexdigest()
    assert message_key(emails.not_an_email()).startswith("sha256:")


def test_an_unreadable_message_still_shows_who_sent_it():
    assert headline(emails.broken_mime()) == ("sam.parent@example.org", "Sam Parent", "Complaint")
    assert headline(emails.not_an_email())[0] == ""
