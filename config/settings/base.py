"""Settings shared by every environment. Every value from the environment is read here, once."""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from jinja2 import ChainableUndefined

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = Path(os.environ.get("REDRESS_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

# `load_demo` makes users with a published password: only local and test settings allow it.
REDRESS_ALLOW_DEMO_DATA = False

# The council profile this deployment runs: redress/domain/profiles/<name>.toml
REDRESS_COUNCIL_PROFILE = os.environ.get("REDRESS_COUNCIL_PROFILE", "lancashire")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "simple_history",
    "redress.core",
    "redress.accounts",
    "redress.cases",
    "redress.intake",
    "redress.casework",
    "redress.letters",
    "redress.reports",
    "redress.mailbox",
    "redress.triage",
    "redress.demo",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "config.jinja2.environment",
            "undefined": ChainableUndefined,  # govuk_frontend_jinja/template.html needs it
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.messages.context_processors.messages",
                "redress.core.context_processors.council",
            ],
        },
    },
    {
        # The Django admin only.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DEFAULT_SQLITE = f"sqlite:///{VAR_DIR / 'redress.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", DEFAULT_SQLITE))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets readers carry on while one writer writes; IMMEDIATE takes the write lock at the
    # start of each transaction, so two transitions on one case are serialised, not deadlocked.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Covering indexes (INCLUDE) serve the reports on PostgreSQL; SQLite builds them without the
# included columns, which is all this warning says.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "casework:sign_in"  # see "Staff sign-in and security" below

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "redress.core.storage.StaticStorage"},
}

# Email goes through Django 6.1 mailers. Letters may use GOV.UK Notify instead (issue 5).
DEFAULT_FROM_EMAIL = os.environ.get("REDRESS_FROM_EMAIL", "complaints@council.example")
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "REDRESS_MAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
        ),
        "OPTIONS": {
            "host": os.environ.get("REDRESS_SMTP_HOST", "localhost"),
            "port": int(os.environ.get("REDRESS_SMTP_PORT", "25")),
            "username": os.environ.get("REDRESS_SMTP_USER", ""),
            "password": os.environ.get("REDRESS_SMTP_PASSWORD", ""),
            "use_tls": env_bool("REDRESS_SMTP_STARTTLS", False),
            "timeout": 10,
        },
    }
}

# Letters and background work (issue 5): background tasks in the database (`manage.py db_worker`),
# how letters are emailed, how failures are retried, and what the daily `manage.py sweep` does.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# "django" sends through MAILERS above; "notify" through GOV.UK Notify.
REDRESS_LETTERS_TRANSPORT = os.environ.get("REDRESS_LETTERS_TRANSPORT", "django")
REDRESS_NOTIFY_API_KEY = os.environ.get("REDRESS_NOTIFY_API_KEY", "")
REDRESS_NOTIFY_BASE_URL = os.environ.get(
    "REDRESS_NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk"
)
REDRESS_NOTIFY_EMAIL_TEMPLATE_ID = os.environ.get("REDRESS_NOTIFY_EMAIL_TEMPLATE_ID", "")
REDRESS_NOTIFY_TIMEOUT = int(os.environ.get("REDRESS_NOTIFY_TIMEOUT", "30"))
# Seconds before each retry of a failed email; after the last, it is marked failed for staff.
REDRESS_LETTER_RETRY_DELAYS = [
    int(seconds) for seconds in env_list("REDRESS_LETTER_RETRY_DELAYS", "60,300,1800,7200,28800")
]
# The sweep reminds assignees this many working days before a due date.
REDRESS_REMINDER_WORKING_DAYS = int(os.environ.get("REDRESS_REMINDER_WORKING_DAYS", "3"))
# Working days after an escalation window closes before the sweep closes the case.
REDRESS_AUTO_CLOSE_GRACE_WORKING_DAYS = int(os.environ.get("REDRESS_AUTO_CLOSE_GRACE", "5"))

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# --- Staff sign-in and security (issue 4): password + TOTP, lockout, idle expiry -------------
INSTALLED_APPS += [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # recovery codes
    "axes",
]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last, as django-axes requires
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_REDIRECT_URL = "casework:home"
# Lock a username from an address after this many wrong passwords, for this many minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("REDRESS_SIGN_IN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("REDRESS_SIGN_IN_LOCKOUT_MINUTES", "30")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "redress.accounts.views.locked_out"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False  # no banner on stderr: management commands keep stderr for their errors
OTP_TOTP_ISSUER = os.environ.get("REDRESS_OTP_ISSUER", "Redress")
# Sessions end after this many minutes without a request (each request renews the cookie).
SESSION_COOKIE_AGE = int(os.environ.get("REDRESS_SESSION_IDLE_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
TEMPLATES[0]["OPTIONS"]["context_processors"].append("redress.casework.context_processors.staff")
# Queue status: amber when a deadline is this many working days away or fewer; red when missed.
REDRESS_QUEUE_AMBER_DAYS = int(os.environ.get("REDRESS_QUEUE_AMBER_DAYS", "3"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Libraries that narrate their work at INFO: only their warnings are worth a line
    "loggers": {
        name: {"level": "WARNING"} for name in ("weasyprint", "weasyprint.progress", "fontTools")
    },
}

# --- Public service (issue 3: redress/intake): branding, uploads, abuse limits ---------------
# Council branding on the public pages. The name comes from the council profile; the colour (a
# hex colour that white text can sit on at 4.5:1) and an optional logo (a static file path,
# e.g. "council/logo.svg") from here. `manage.py check` refuses a colour that fails contrast.
REDRESS_BRAND_COLOUR = os.environ.get("REDRESS_BRAND_COLOUR", "#1d70b8")
REDRESS_COUNCIL_LOGO = os.environ.get("REDRESS_COUNCIL_LOGO", "")
# Files the public may attach: the largest size, how many per complaint, and the types allowed
# (file extensions; each must be one the service knows how to check).
REDRESS_UPLOAD_MAX_MB = int(os.environ.get("REDRESS_UPLOAD_MAX_MB", "25"))
REDRESS_UPLOAD_MAX_FILES = int(os.environ.get("REDRESS_UPLOAD_MAX_FILES", "10"))
REDRESS_UPLOAD_TYPES = env_list(
    "REDRESS_UPLOAD_TYPES",
    "pdf,doc,docx,odt,rtf,txt,jpg,jpeg,png,gif,heic,webp,mp3,m4a,wav,ogg,mp4,mov,webm",
)
# Rate limits per client address, as "count/seconds": complaints and feedback sent, tracking
# codes asked for (also per case reference), and tracking codes tried.
REDRESS_RATE_LIMITS = {
    "submission": os.environ.get("REDRESS_RATE_LIMIT_SUBMISSIONS", "20/3600"),
    "code_request": os.environ.get("REDRESS_RATE_LIMIT_CODE_REQUESTS", "10/3600"),
    "code_request_reference": os.environ.get("REDRESS_RATE_LIMIT_CODE_REQUESTS_PER_CASE", "5/3600"),
    "code_check": os.environ.get("REDRESS_RATE_LIMIT_CODE_CHECKS", "30/3600"),
}
# How many proxies in front of the app add to X-Forwarded-For (0: use the socket's address).
REDRESS_TRUSTED_PROXIES = int(os.environ.get("REDRESS_TRUSTED_PROXIES", "0"))
# One-time codes for "track my complaint": minutes valid, tries allowed, minutes signed in.
REDRESS_TRACKING_CODE_MINUTES = int(os.environ.get("REDRESS_TRACKING_CODE_MINUTES", "15"))
REDRESS_TRACKING_CODE_ATTEMPTS = int(os.environ.get("REDRESS_TRACKING_CODE_ATTEMPTS", "5"))
REDRESS_TRACKING_SIGNED_IN_MINUTES = int(os.environ.get("REDRESS_TRACKING_SIGNED_IN_MINUTES", "60"))
# Unsent forms (and their uploads) are deleted this many hours after they were last changed.
REDRESS_DRAFT_HOURS = int(os.environ.get("REDRESS_DRAFT_HOURS", "72"))
TEMPLATES[0]["OPTIONS"]["context_processors"].append("redress.intake.branding.branding")

# --- Reports (issue 6: redress/reports): the annual report and the managers' dashboard -------
# Small-number suppression: a count above zero and below this shows as "fewer than N" in every
# output (page, PDF, spreadsheet, CSV), as do the figures worked out from it.
REDRESS_REPORT_SUPPRESSION_THRESHOLD = int(os.environ.get("REDRESS_REPORT_SUPPRESSION", "5"))
# How many financial years the trend tables show, ending with the report period's own.
REDRESS_REPORT_TREND_YEARS = int(os.environ.get("REDRESS_REPORT_TREND_YEARS", "5"))

# --- Complaints mailbox (issue 7: redress/mailbox): `manage.py fetch_mail` reads it ------------
# Empty host: no mailbox configured, and fetch_mail says so and does nothing.
REDRESS_MAILBOX = {
    "HOST": os.environ.get("REDRESS_MAILBOX_HOST", ""),
    "PORT": int(os.environ.get("REDRESS_MAILBOX_PORT", "993")),
    # "ssl" (IMAPS), "starttls", or "none" (loopback test servers only)
    "TLS": os.environ.get("REDRESS_MAILBOX_TLS", "ssl"),
    "USER": os.environ.get("REDRESS_MAILBOX_USER", ""),
    "PASSWORD": os.environ.get("REDRESS_MAILBOX_PASSWORD", ""),
    "FOLDER": os.environ.get("REDRESS_MAILBOX_FOLDER", "INBOX"),
    # Where a message goes once Redress has saved it; empty: flag it \Seen and leave it in place
    "DONE_FOLDER": os.environ.get("REDRESS_MAILBOX_DONE_FOLDER", "Redress"),
    # Certificates to trust for the server besides the system's (a council's own CA), PEM
    "CA_FILE": os.environ.get("REDRESS_MAILBOX_CA_FILE", ""),
    # Attachments stored apart per email, and the largest stored (MB); the rest stay only in the
    # original email (kept whole, and in DONE_FOLDER on the server), named on the email's page
    "MAX_ATTACHMENTS": int(os.environ.get("REDRESS_MAILBOX_MAX_ATTACHMENTS", "20")),
    "MAX_ATTACHMENT_MB": int(os.environ.get("REDRESS_MAILBOX_MAX_ATTACHMENT_MB", "25")),
}
