from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from govhall.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):  # type: ignore[type-arg]
    list_display = ("username", "display_name", "kind", "is_active", "is_staff")
    fieldsets = (*BaseUserAdmin.fieldsets, ("govhall", {"fields": ("kind", "display_name", "phone")}))  # type: ignore[misc]
