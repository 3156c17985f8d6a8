"""Browser tests live here. Their fixtures (Chromium through Playwright, axe) are in
tests/browser.py, registered once for the whole project by the root conftest.py: a session-scoped
Playwright driver defined twice would start twice, and Playwright's sync API refuses that."""

from tests.browser import assert_no_axe_violations, axe_violations

__all__ = ["assert_no_axe_violations", "axe_violations"]
