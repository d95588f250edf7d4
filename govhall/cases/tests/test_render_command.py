import os
import sys
import threading

import pytest
from django.core.management import call_command
from django.db import connections

from govhall.cases import services
from govhall.cases.models import Notice

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="SCHED_IDLE is Linux's"),
]


def test_idle_renderer_runs_at_idle_priority_and_renders_what_is_pending(settings, submitted, clerk_actor):
    settings.GOVHALL_NOTICE_RENDERING = "worker"
    services.accept_case(case=submitted, actor=clerk_actor)
    assert Notice.objects.get(case=submitted).number is None
    seen: dict[str, object] = {}

    def renderer() -> None:
        # A scheduling policy belongs to the thread (Linux), so the test's own thread keeps its priority.
        try:
            call_command("render_notices", "--idle", stdout=sys.stderr)
            seen["policy"] = os.sched_getscheduler(0)
        except BaseException as exc:  # pragma: no cover - reported below
            seen["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=renderer)
    thread.start()
    thread.join(60)
    assert "error" not in seen, seen.get("error")
    assert seen["policy"] == os.SCHED_IDLE
    assert os.sched_getscheduler(0) != os.SCHED_IDLE
    notice = Notice.objects.get(case=submitted)
    assert notice.is_rendered and notice.number
