"""`make run` prints no library narration: the libraries that log their progress at INFO are
kept to their warnings, while the project's own INFO lines still show."""

import logging

import pytest


@pytest.mark.parametrize("name", ["weasyprint", "weasyprint.progress", "fontTools.subset"])
def test_libraries_that_narrate_are_kept_to_their_warnings(name: str) -> None:
    logger = logging.getLogger(name)
    assert not logger.isEnabledFor(logging.INFO)
    assert logger.isEnabledFor(logging.WARNING)


def test_the_projects_own_information_still_shows() -> None:
    assert logging.getLogger("redress.letters").isEnabledFor(logging.INFO)
