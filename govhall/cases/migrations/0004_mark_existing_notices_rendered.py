from django.db import migrations
from django.db.models import F


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    # Notices issued before worker rendering existed were rendered inline: they are not pending.
    Notice = apps.get_model("cases", "Notice")
    Notice.objects.filter(rendered_at=None).exclude(sha256="").update(rendered_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_notice_rendered_by_worker")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
