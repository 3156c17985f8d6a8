"""Browser tests live here. Their fixtures (Chromium through Playwright) and helpers (axe, and
the clicks that wait for the next page: submit, follow, click_through, press_through) are in
tests/browser.py, registered once for the whole project by the root conftest.py: a session-scoped
Playwright driver defined twice would start twice, and Playwright's sync API refuses that."""
