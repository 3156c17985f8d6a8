"""The rule for which attachments an email's record keeps: pure, sizes in, reasons out."""

import pytest

from redress.mailbox.caps import MB, left_out_reasons

TOO_LARGE = "larger than the 25 MB limit"
TOO_MANY = "more than 3 attachments"
EMPTY = "empty"  # as the upload checks' refusals are worded by services.REFUSED


@pytest.mark.parametrize(
    ("files", "reasons"),
    [
        ([], []),
        ([(10, ""), (20, ""), (30, "")], ["", "", ""]),  # at the cap: all kept
        ([(n, "") for n in range(1, 6)], ["", "", "", TOO_MANY, TOO_MANY]),
        ([(25 * MB, ""), (25 * MB + 1, "")], ["", TOO_LARGE]),  # the limit itself is allowed
        ([(200 * MB, ""), (1, ""), (2, ""), (3, "")], [TOO_LARGE, "", "", ""]),  # takes no place
        ([(0, EMPTY), (1, ""), (2, ""), (3, "")], [EMPTY, "", "", ""]),  # refused: takes no place
        ([(1, ""), (2, ""), (3, ""), (200 * MB, ""), (0, EMPTY), (4, "")],
         ["", "", "", TOO_LARGE, EMPTY, TOO_MANY]),  # a file's own fault is said before the count
        ([(200 * MB, "larger than the 10 MB limit")], [TOO_LARGE]),  # the mailbox's cap first
    ],
)  # fmt: skip
def test_files_past_the_caps_or_refused_are_left_out_with_the_reason(files, reasons):
    assert left_out_reasons(files, most=3, largest_mb=25) == reasons


def test_the_reasons_name_the_caps_in_force():
    assert left_out_reasons([(2 * MB, ""), (10, ""), (10, "")], most=1, largest_mb=1) == [
        "larger than the 1 MB limit",
        "",
        "more than 1 attachment",
    ]
