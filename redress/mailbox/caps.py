"""Which of an email's attachments are stored on their own, and why the others are not.

An email is not a web form: it can carry hundreds of files, or a 200 MB video. Past the caps
(settings.REDRESS_MAILBOX: MAX_ATTACHMENTS, MAX_ATTACHMENT_MB), or refused by the public upload
checks, a file is not stored apart; the raw email, which is always kept, still holds it.
Pure: sizes and refusals in, reasons out.
"""

from collections.abc import Sequence

MB = 1024 * 1024
DEFAULTS = {"MAX_ATTACHMENTS": 20, "MAX_ATTACHMENT_MB": 25}  # as config/settings/base.py
# Why a file was left out, in words for staff ("video.mp4 (30.0MB): larger than ...").
TOO_LARGE = "larger than the {largest_mb} MB limit"
TOO_MANY = "more than {most} attachment{s}"


def left_out_reasons(files: Sequence[tuple[int, str]], *, most: int, largest_mb: int) -> list[str]:
    """For each attachment, in the email's order, "" when it is kept, or why it is left out.

    `files` are (size in bytes, why the upload checks refuse it, or ""). A file larger than
    `largest_mb` is left out whatever its place, and one the checks refuse takes no place; of
    the rest, the first `most` are kept and any after them are left out."""
    words = {"most": most, "s": "" if most == 1 else "s", "largest_mb": largest_mb}
    reasons: list[str] = []
    kept = 0
    for size, refused in files:
        if size > largest_mb * MB:
            reasons.append(TOO_LARGE.format(**words))
        elif refused:
            reasons.append(refused)
        elif kept >= most:
            reasons.append(TOO_MANY.format(**words))
        else:
            reasons.append("")
            kept += 1
    return reasons
