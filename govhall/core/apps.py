from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _fill_workday_table(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    # The ordinal table is derived data; it must exist after every migrate/flush so SQL can use it.
    from govhall.core.calendar_services import ensure_workday_table

    ensure_workday_table(using=using)


class CoreConfig(AppConfig):
    name = "govhall.core"
    label = "core"
    verbose_name = "核心"

    def ready(self) -> None:
        post_migrate.connect(_fill_workday_table, sender=self, dispatch_uid="govhall.core.workdays")
        from django.urls import register_converter

        from govhall.core.converters import IdConverter

        register_converter(IdConverter, "id")  # <id:…> in the apps' URL patterns
        _register_jobs()
        _cache_long_statements()


def _cache_long_statements() -> None:
    """psycopg converts the ``%s`` placeholders of a statement longer than 4096 characters or with more than 50
    parameters again on every call (it keeps such ORM-made statements out of its cache). A case action's one write
    (data-modifying CTEs, ``core/sqlbatch``) is such a statement, the same text every time: let psycopg cache it.
    The limits are module settings of psycopg's; without them (another driver, another version) nothing changes."""
    try:
        from psycopg import _queries
    except ImportError:  # pragma: no cover - SQLite-only installs still have psycopg; other drivers might not
        return
    if isinstance(getattr(_queries, "MAX_CACHED_STATEMENT_LENGTH", None), int):
        _queries.MAX_CACHED_STATEMENT_LENGTH = max(_queries.MAX_CACHED_STATEMENT_LENGTH, 32768)
    if isinstance(getattr(_queries, "MAX_CACHED_STATEMENT_PARAMS", None), int):
        _queries.MAX_CACHED_STATEMENT_PARAMS = max(_queries.MAX_CACHED_STATEMENT_PARAMS, 400)


def _register_jobs() -> None:
    import datetime

    from govhall.core import audit
    from govhall.core.jobs import Job, register

    def digest() -> int:
        return audit.seal_digest().chain_count

    register(Job("core.audit_digest", datetime.timedelta(days=1), digest, "为全部审计链生成摘要"))
