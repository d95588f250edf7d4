from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from govhall.core.models import AuditDigest, AuditEntry, CalendarDay, CalendarYear


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """The audit log is append-only; the admin only reads it."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "action", "object_type", "object_id", "actor_name", "actor_role", "client_ip")
    list_filter = ("action", "actor_role")
    search_fields = ("chain", "object_repr", "actor_name")


@admin.register(AuditDigest)
class AuditDigestAdmin(ReadOnlyAdmin):
    list_display = ("pk", "created_at", "chain_count", "entry_count", "hash")


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("day", "kind", "note", "source")


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("year", "source", "loaded_at")
