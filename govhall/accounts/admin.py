from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest

from govhall.accounts.models import ApiToken, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):  # type: ignore[type-arg]
    list_display = ("username", "display_name", "kind", "is_active", "is_staff")
    fieldsets = (*BaseUserAdmin.fieldsets, ("govhall", {"fields": ("kind", "display_name", "phone")}))  # type: ignore[misc]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Tokens are issued with ``manage.py create_api_token``; here they are only listed and revoked."""

    list_display = ("name", "user", "created", "last_used", "revoked")
    list_filter = ("revoked",)
    fields = ("user", "name", "created", "last_used", "revoked")
    readonly_fields = ("user", "name", "created", "last_used")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
