"""Settings for `make run` on a developer's machine."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = SECRET_KEY or "local-development-only-not-secret"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Emails are printed where `make run` runs, unless REDRESS_MAIL_BACKEND says otherwise.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "REDRESS_MAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
        )
    }
}

REDRESS_ALLOW_DEMO_DATA = True
