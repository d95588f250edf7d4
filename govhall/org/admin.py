from django.contrib import admin

from govhall.org.models import Center, Department, Region, StaffProfile, StaffRole, Stationing, Window


class StaffRoleInline(admin.TabularInline):  # type: ignore[type-arg]
    model = StaffRole
    extra = 0


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "level", "parent")
    search_fields = ("code", "name")


@admin.register(Center)
class CenterAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "level", "region", "phone")
    search_fields = ("code", "name")


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "short_name", "nature")
    search_fields = ("code", "name", "short_name")


@admin.register(Stationing)
class StationingAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("center", "department", "moved_in", "authorised", "section_name")
    list_filter = ("moved_in", "authorised", "center")


@admin.register(Window)
class WindowAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("center", "number", "name", "kind", "location", "active")
    list_filter = ("center", "kind")
    filter_horizontal = ("departments",)


@admin.register(StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("user", "center", "department", "employment")
    list_filter = ("center", "employment", "department")
    filter_horizontal = ("windows",)
    inlines = (StaffRoleInline,)
