from django.contrib import admin

from govhall.queueing.models import Appointment, AppointmentSlot, Category, Device, HallSettings, Ticket


@admin.register(HallSettings)
class HallSettingsAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("center", "opens_at", "closes_at", "extended_until", "max_calls", "priority_streak")


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("center", "series", "name", "active")
    list_filter = ("center", "active")
    filter_horizontal = ("windows",)
    raw_id_fields = ("items",)


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("day", "number", "category", "status", "priority", "window")
    list_filter = ("status", "priority", "source")
    date_hierarchy = "day"
    # Personal data is shown masked in lists; the change page is read-only (writes go through the services).
    exclude = ("id_number", "phone")

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(AppointmentSlot)
class AppointmentSlotAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("category", "day", "starts_at", "capacity", "booked")
    list_filter = ("category",)


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "category", "slot", "status", "channel")
    list_filter = ("status", "channel")
    exclude = ("id_number", "phone")

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Device)
class DeviceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "center", "kind", "window", "active")
    exclude = ("token_hash",)
