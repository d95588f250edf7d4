from django.contrib import admin

from govhall.evaluations.models import Evaluation


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("created_at", "channel", "level", "is_bad", "window", "clerk", "department")
    list_filter = ("channel", "level", "is_bad")
    exclude = ("rater_id_number", "rater_phone")

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
