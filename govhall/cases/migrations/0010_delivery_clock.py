"""The delivery clock (Art. 44): a licence granted is delivered within 10 working days of the decision."""

from django.db import migrations, models
from django.utils import timezone

DELIVERY_DAYS = 10  # govhall.cases.clock.DELIVERY_DAYS when this was written


def backfill(apps, schema_editor):
    """Cases decided before the clock existed: the deadline of every licence granted (from its decision day, through
    the working-day ordinals, as ``clock.deadline_sql``), and the day of every delivery (from its timeline event)."""
    Case = apps.get_model("cases", "Case")
    CaseEvent = apps.get_model("cases", "CaseEvent")
    WorkdayOrdinal = apps.get_model("core", "WorkdayOrdinal")
    approved = CaseEvent.objects.filter(action="approved").values("case_id")
    granted = Case.objects.filter(
        pk__in=approved,
        item_version__item_type="行政许可",  # Art. 44 is the Administrative Licensing Law's: licences only
        decided_on__isnull=False,
        delivery_deadline__isnull=True,
    )
    ordinals = dict(WorkdayOrdinal.objects.values_list("day", "ordinal"))
    workdays = {o: d for d, o in WorkdayOrdinal.objects.filter(is_workday=True).values_list("day", "ordinal")}
    for case in granted.only("pk", "decided_on").iterator():
        start = ordinals.get(case.decided_on)
        due = workdays.get(start + DELIVERY_DAYS) if start is not None else None
        if due is not None:
            Case.objects.filter(pk=case.pk).update(delivery_deadline=due)
    delivered = CaseEvent.objects.filter(action="delivered", case__delivered_on__isnull=True).order_by("case_id", "at")
    for case_id, at in delivered.values_list("case_id", "at").iterator():
        Case.objects.filter(pk=case_id, delivered_on__isnull=True).update(delivered_on=timezone.localtime(at).date())


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0009_case_keyed_indexes"),
        ("catalog", "0002_item_revision"),
        ("core", "0004_audit_object_index_dropped"),
        ("org", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="delivered_on",
            field=models.DateField(blank=True, null=True, verbose_name="送达日期"),
        ),
        migrations.AddField(
            model_name="case",
            name="delivery_deadline",
            field=models.DateField(blank=True, null=True, verbose_name="送达期限"),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                condition=models.Q(
                    ("status__in", ["submitted", "supplement", "approved", "denied", "certified", "delivered"])
                ),
                fields=["receiving_center", "status"],
                name="case_window_work_idx",
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
