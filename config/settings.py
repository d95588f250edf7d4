"""govhall settings: one module; deployments differ only through environment variables."""

import os
import warnings
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("GOVHALL_DEBUG", False)
SECRET_KEY = os.environ.get("GOVHALL_SECRET_KEY", "govhall-insecure-development-key-change-me-in-production")
ALLOWED_HOSTS = [h for h in os.environ.get("GOVHALL_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("GOVHALL_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "govhall.core",
    "govhall.accounts",
    "govhall.org",
    "govhall.catalog",
    "govhall.cases",
    "govhall.queueing",
    "govhall.evaluations",
    "govhall.api",
    "govhall.backoffice",
    "govhall.portal",
    "govhall.devices",
    "govhall.demo",
]

MIDDLEWARE = [
    "govhall.api.middleware.JsonErrorsMiddleware",
    "govhall.core.middleware.RejectNulMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "govhall.core.middleware.ChineseByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "govhall" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "govhall.core.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    # An empty DATABASE_URL (e.g. `DATABASE_URL= make test`) means "not set": the zero-setup SQLite file.
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'govhall.sqlite3'}",
        conn_max_age=int(os.environ.get("GOVHALL_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and os.environ.get(
    "GOVHALL_DB_SERVER_SIDE_BINDING", "1"
) not in ("0", "false", ""):
    # Server-side binding: psycopg prepares a statement the connection runs again and again (the case lock, the
    # audit insert), so PostgreSQL plans it once per connection instead of on every call. Off with "0" (e.g.
    # behind a pgbouncer in transaction mode, where a prepared statement does not survive the transaction).
    DATABASES["default"].setdefault("OPTIONS", {}).update({"server_side_binding": True, "prepare_threshold": 5})
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the demo server and a management command share the file. A transaction takes the
    # write lock when it begins (IMMEDIATE), so two requests acting on one case queue for it: a deferred one that
    # read first fails at once with "database is locked" when it comes to write (SQLite does not wait then).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "backoffice:login"
LOGIN_REDIRECT_URL = "backoffice:home"
LOGOUT_REDIRECT_URL = "portal:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "govhall" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("GOVHALL_MEDIA_ROOT", BASE_DIR / "var" / "media"))
WHITENOISE_USE_FINDERS = True
# Before collectstatic has run (tests, runserver) whitenoise serves from the finders; its warning is noise.
warnings.filterwarnings("ignore", message="No directory at")
STATICFILES_DIRS = [BASE_DIR / "govhall" / "static"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("GOVHALL_LOG_LEVEL", "WARNING")},
}

# Electronic-supervision thresholds are local practice, hence configuration (DOMAIN.md §3).
GOVHALL_CENTER_NAME = os.environ.get("GOVHALL_CENTER_NAME", "清川县政务服务中心")
# Absolute base of the public site: printed in each notice's QR code (the verification page).
GOVHALL_PUBLIC_URL = os.environ.get("GOVHALL_PUBLIC_URL", "http://127.0.0.1:8000")
# A CJK font for the seal images; unset, the Noto CJK fonts that Debian's fonts-noto-cjk installs are used.
GOVHALL_SEAL_FONT = os.environ.get("GOVHALL_SEAL_FONT", "")
# Notice PDFs: "inline" renders them in the action's request; "worker" leaves them to `run_scheduler` /
# `render_notices` right after (the notice row and its content are fixed in the action's transaction either way).
GOVHALL_NOTICE_RENDERING = os.environ.get("GOVHALL_NOTICE_RENDERING", "inline")
if GOVHALL_NOTICE_RENDERING not in ("inline", "worker"):
    raise ValueError("GOVHALL_NOTICE_RENDERING must be 'inline' or 'worker'")
