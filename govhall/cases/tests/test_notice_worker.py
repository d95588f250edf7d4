import pytest
from django.core.management import call_command

from govhall.cases import notices, services
from govhall.cases.models import Notice
from govhall.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker_mode(settings):
    settings.GOVHALL_NOTICE_RENDERING = "worker"


def test_in_worker_mode_the_action_leaves_a_pending_notice_that_the_worker_renders_once(
    worker_mode, submitted, clerk_actor, client
):
    case = services.accept_case(case=submitted, actor=clerk_actor)
    notice = Notice.objects.get(case=case)
    assert notice.number and not notice.is_rendered and not notice.file
    assert "受理" in "".join(notice.content["paragraphs"])
    page = client.get(f"/verify/{notice.token}/").content.decode()
    assert "正在生成" in page

    call_command("render_notices")
    notice.refresh_from_db()
    assert notice.is_rendered and notices.file_matches(notice)
    first = (notice.file.name, notice.sha256)
    assert notices.render_pending() == 0  # nothing left; a second run rewrites nothing
    notice.refresh_from_db()
    assert (notice.file.name, notice.sha256) == first
    rendered = AuditEntry.objects.get(action="cases.notice.rendered")
    assert rendered.changes["sha256"] == notice.sha256
    assert "本中心出具" in client.get(f"/verify/{notice.token}/").content.decode()


def test_the_worker_renders_what_was_fixed_at_the_action_not_what_the_case_says_later(
    worker_mode, submitted, clerk_actor, chief_actor
):
    case = services.accept_case(case=submitted, actor=clerk_actor)
    fixed = Notice.objects.get(case=case).content
    services.extend_case(case=case, days=None, reason="情况复杂", actor=chief_actor)
    call_command("render_notices")
    acceptance = Notice.objects.filter(case=case).order_by("pk").first()
    assert acceptance.content == fixed
    from io import BytesIO

    from pypdf import PdfReader

    with acceptance.file.open("rb") as handle:
        text = "".join(page.extract_text() for page in PdfReader(BytesIO(handle.read())).pages)
    assert case.receipt_number in text
