"""Settings for pytest. The database comes from DATABASE_URL (SQLite when unset)."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
DEBUG = False
# Manifest storage needs collectstatic and live_server cannot serve hashed names.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher"
]  # speed only; never outside tests
REDRESS_COUNCIL_PROFILE = "statutory"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory, so that threads in concurrency tests get real connections and locks.
    # One file per test process, so two runs on one machine never share a database.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(VAR_DIR / f"test-redress-{os.getpid()}.sqlite3")  # noqa: F405
    }

REDRESS_ALLOW_DEMO_DATA = True
