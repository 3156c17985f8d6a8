"""Checking files the public attach: type, size and contents.

The type is decided by the file's extension, from a list the council configures
(`REDRESS_UPLOAD_TYPES`), and the first bytes must look like that type: a program renamed to
`.pdf` is refused. The content type stored is ours, never the browser's claim. Error messages
are the GOV.UK file upload pattern's.

Files are not virus-scanned here: no signature database is available on this machine (stack.md
§5). A production deployment should scan with clamd before a file reaches case workers.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest
from django.utils.text import get_valid_filename

Signature = tuple[int, bytes]  # (offset, bytes expected there)
SNIFF_BYTES = 64
MB = 1024 * 1024


@dataclass(frozen=True)
class FileType:
    extension: str
    content_type: str
    label: str  # how the error message names it
    signatures: Sequence[Signature]  # any one must match; empty: text (no NUL bytes)
    kind: str = "document"  # document, photo, audio or video: how the page groups them


ISO_MEDIA = ((4, b"ftyp"),)
OFFICE_OPEN = ((0, b"PK\x03\x04"),)  # docx and odt are zip files
JPEG = ((0, b"\xff\xd8\xff"),)
MP3 = ((0, b"ID3"), (0, b"\xff\xfb"), (0, b"\xff\xf3"), (0, b"\xff\xf2"))
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
KNOWN_TYPES: dict[str, FileType] = {
    t.extension: t
    for t in (
        FileType("pdf", "application/pdf", "PDF", ((0, b"%PDF-"),)),
        FileType("doc", "application/msword", "DOC", ((0, b"\xd0\xcf\x11\xe0"),)),
        FileType("docx", WORD, "DOCX", OFFICE_OPEN),
        FileType("odt", "application/vnd.oasis.opendocument.text", "ODT", OFFICE_OPEN),
        FileType("rtf", "application/rtf", "RTF", ((0, b"{\\rtf"),)),
        FileType("txt", "text/plain", "TXT", ()),
        FileType("jpg", "image/jpeg", "JPG", JPEG, "photo"),
        FileType("jpeg", "image/jpeg", "JPG", JPEG, "photo"),
        FileType("png", "image/png", "PNG", ((0, b"\x89PNG\r\n\x1a\n"),), "photo"),
        FileType("gif", "image/gif", "GIF", ((0, b"GIF87a"), (0, b"GIF89a")), "photo"),
        FileType("heic", "image/heic", "HEIC", ISO_MEDIA, "photo"),
        FileType("webp", "image/webp", "WEBP", ((8, b"WEBP"),), "photo"),
        FileType("mp3", "audio/mpeg", "MP3", MP3, "audio"),
        FileType("m4a", "audio/mp4", "M4A", ISO_MEDIA, "audio"),
        FileType("wav", "audio/wav", "WAV", ((8, b"WAVE"),), "audio"),
        FileType("ogg", "audio/ogg", "OGG", ((0, b"OggS"),), "audio"),
        FileType("mp4", "video/mp4", "MP4", ISO_MEDIA, "video"),
        FileType("mov", "video/quicktime", "MOV", ISO_MEDIA, "video"),
        FileType("webm", "video/webm", "WEBM", ((0, b"\x1a\x45\xdf\xa3"),), "video"),
    )
}


@dataclass(frozen=True)
class CheckedUpload:
    upload: UploadedFile
    name: str
    content_type: str


def allowed_types() -> list[FileType]:
    return [KNOWN_TYPES[ext] for ext in settings.REDRESS_UPLOAD_TYPES if ext in KNOWN_TYPES]


def max_bytes() -> int:
    return int(settings.REDRESS_UPLOAD_MAX_MB) * MB


def max_files() -> int:
    return int(settings.REDRESS_UPLOAD_MAX_FILES)


def _or_list(labels: Sequence[str]) -> str:
    unique = list(dict.fromkeys(labels))
    return ", ".join(unique[:-1]) + f" or {unique[-1]}" if len(unique) > 1 else "".join(unique)


def allowed_labels() -> str:
    """PDF, DOC, JPG or MP4: for error messages."""
    return _or_list([t.label for t in allowed_types()])


KIND_NAMES = {"document": "documents", "photo": "photos", "audio": "audio", "video": "video"}


def allowed_by_kind() -> list[tuple[str, str]]:
    """[("documents", "PDF, DOC or TXT"), ("photos", "JPG or PNG"), ...] for the page."""
    kinds: dict[str, list[str]] = {}
    for t in allowed_types():
        kinds.setdefault(t.kind, []).append(t.label)
    return [(KIND_NAMES[kind], _or_list(labels)) for kind, labels in kinds.items()]


def type_error() -> str:
    return f"The selected file must be a {allowed_labels()}"


def size_error() -> str:
    return f"The selected file must be smaller than {settings.REDRESS_UPLOAD_MAX_MB}MB"


def _looks_like(file_type: FileType, head: bytes) -> bool:
    if not file_type.signatures:
        return b"\x00" not in head
    return any(
        head[offset : offset + len(magic)] == magic for offset, magic in file_type.signatures
    )


def check_upload(upload: UploadedFile | None, *, too_large: bool = False) -> CheckedUpload:
    """The upload with a safe name and our content type, or a ValidationError to show."""
    if too_large:
        raise ValidationError(size_error(), code="too_large")
    if upload is None:
        raise ValidationError("Select a file", code="required")
    if not upload.size:
        raise ValidationError("The selected file is empty", code="empty")
    if upload.size > max_bytes():
        raise ValidationError(size_error(), code="too_large")
    extension = PurePath(upload.name or "").suffix.lower().removeprefix(".")
    file_type = next((t for t in allowed_types() if t.extension == extension), None)
    if file_type is None:
        raise ValidationError(type_error(), code="type")
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if not _looks_like(file_type, head):
        raise ValidationError(type_error(), code="contents")
    stem = PurePath(upload.name or "file").stem[:150] or "file"
    try:
        safe = get_valid_filename(f"{stem}.{extension}")
    except SuspiciousFileOperation:  # a name made only of dots or punctuation
        safe = f"file.{extension}"
    return CheckedUpload(upload, safe, file_type.content_type)


class SizeLimitHandler(FileUploadHandler):
    """Stops reading a file as soon as it passes the limit, rather than storing it first.

    Must be installed before the request body is read: on a view wrapped in `csrf_exempt`,
    whose inner function is `csrf_protect`-ed (the CSRF check reads the body).
    """

    def __init__(self, request: HttpRequest | None = None, limit: int = 0) -> None:
        super().__init__(request)
        self.limit = limit
        self.received = 0
        self.too_large = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received = start + len(raw_data)
        if self.received > self.limit:
            self.too_large = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> Any:
        return None  # the next handler builds the file


def limit_upload_size(request: HttpRequest) -> SizeLimitHandler:
    handler = SizeLimitHandler(request, limit=max_bytes())
    request.upload_handlers.insert(0, handler)
    return handler
