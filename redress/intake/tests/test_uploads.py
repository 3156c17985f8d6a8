"""Attached files: the configured types, the size limit, and contents that must match the name."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import StopUpload

from redress.intake.uploads import SizeLimitHandler, allowed_labels, check_upload

MB = 1024 * 1024

PDF = b"%PDF-1.7\n1 0 obj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF"
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00"


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("letter.pdf", PDF, "application/pdf"),
        ("PHOTO.PNG", PNG, "image/png"),
        ("meeting.mp4", MP4, "video/mp4"),
        ("photo.jpeg", JPEG, "image/jpeg"),
        ("notes.txt", b"Dates of the visits", "text/plain"),
    ],
)
def test_a_file_of_an_allowed_type_is_accepted_with_our_content_type(name, content, content_type):
    checked = check_upload(upload(name, content))

    assert checked.content_type == content_type
    assert checked.name.lower() == name.lower()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.pdf", b"", "The selected file is empty"),
        ("program.exe", PROGRAM, "The selected file must be a PDF"),
        ("program.pdf", PROGRAM, "The selected file must be a PDF"),  # renamed: contents differ
        ("photo.png", JPEG, "The selected file must be a PDF"),
        ("binary.txt", b"abc\x00def", "The selected file must be a PDF"),
        ("no-extension", PDF, "The selected file must be a PDF"),
    ],
)
def test_a_file_that_is_empty_or_not_what_it_says_is_refused(name, content, message):
    with pytest.raises(ValidationError) as refused:
        check_upload(upload(name, content))

    assert refused.value.messages[0].startswith(message)


def test_no_file_chosen_asks_for_one():
    with pytest.raises(ValidationError, match="Select a file"):
        check_upload(None)


def test_a_file_over_the_size_limit_is_refused_with_the_limit(settings):
    settings.REDRESS_UPLOAD_MAX_MB = 1

    with pytest.raises(ValidationError, match="The selected file must be smaller than 1MB"):
        check_upload(upload("big.pdf", PDF + b"0" * MB))


def test_the_types_allowed_come_from_settings(settings):
    settings.REDRESS_UPLOAD_TYPES = ["pdf", "png"]

    assert allowed_labels() == "PDF or PNG"
    with pytest.raises(ValidationError, match="The selected file must be a PDF or PNG"):
        check_upload(upload("film.mp4", MP4))


def test_names_are_made_safe_to_store():
    checked = check_upload(upload("../../etc/my letter (1).pdf", PDF))

    assert checked.name == "my_letter_1.pdf"


def test_the_size_limit_stops_reading_a_file_as_soon_as_it_is_too_large():
    handler = SizeLimitHandler(limit=10)

    assert handler.receive_data_chunk(b"12345", 0) == b"12345"
    with pytest.raises(StopUpload):
        handler.receive_data_chunk(b"678901", 5)
    assert handler.too_large
    with pytest.raises(ValidationError, match="smaller than"):
        check_upload(None, too_large=handler.too_large)
