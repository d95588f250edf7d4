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
        _register_jobs()


def _register_jobs() -> None:
    import datetime

    from govhall.core import audit
    from govhall.core.jobs import Job, register

    def digest() -> int:
        return audit.seal_digest().chain_count

    register(Job("core.audit_digest", datetime.timedelta(days=1), digest, "为全部审计链生成摘要"))
