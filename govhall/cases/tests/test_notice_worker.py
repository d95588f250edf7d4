import pytest
from django.core.management import call_command

from govhall.cases import notices, services
from govhall.cases.models import Notice
from govhall.cases.tests.conftest import intake_for
from govhall.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker_mode(settings):
    settings.GOVHALL_NOTICE_RENDERING = "worker"


def test_in_worker_mode_the_action_leaves_a_pending_notice_that_the_worker_numbers_and_renders_once(
    worker_mode, submitted, clerk_actor, client
):
    case = services.accept_case(case=submitted, actor=clerk_actor)
    notice = Notice.objects.get(case=case)
    # Pending: its content fixed by the action, its number, file and audit chain left to the worker.
    assert notice.number is None and not notice.is_rendered and not notice.file
    assert "受理" in "".join(notice.content["paragraphs"])
    assert not AuditEntry.objects.filter(chain=f"cases.notice:{notice.pk}").exists()
    accepted = AuditEntry.objects.get(chain=f"cases.case:{case.pk}", action="cases.case.accepted")
    assert accepted.changes["notice"] == "acceptance"
    page = client.get(f"/verify/{notice.token}/").content.decode()
    assert "正在生成" in page

    call_command("render_notices")
    notice.refresh_from_db()
    assert notice.is_rendered and notices.file_matches(notice)
    assert notice.number and notice.number.endswith("第00001号")
    first = (notice.number, notice.file.name, notice.sha256)
    assert notices.render_pending() == 0  # nothing left; a second run rewrites nothing
    notice.refresh_from_db()
    assert (notice.number, notice.file.name, notice.sha256) == first
    # The notice's chain begins with its issue, as an inline notice's: number and hash together.
    [issued] = AuditEntry.objects.filter(chain=f"cases.notice:{notice.pk}")
    assert issued.action == "cases.notice.issued" and issued.seq == 1
    assert issued.changes["number"] == notice.number and issued.changes["sha256"] == notice.sha256
    assert issued.changes["case"] == case.receipt_number
    verified = client.get(f"/verify/{notice.token}/").content.decode()
    assert "本中心出具" in verified and notice.number in verified


def test_worker_numbers_are_gapless_and_a_failed_rendering_gives_its_number_back_and_stops_no_other(
    worker_mode, food_item, center, clerk_actor, monkeypatch, caplog
):
    cases = [services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor) for _ in range(3)]
    for case in cases:
        services.accept_case(case=case, actor=clerk_actor)
    pending = list(Notice.objects.filter(case__in=cases).order_by("created_at", "pk"))
    real_render = notices.render

    def fail_on_second(notice):
        if notice.pk == pending[1].pk:
            raise RuntimeError("字体缺失")
        return real_render(notice)

    monkeypatch.setattr(notices, "render", fail_on_second)
    assert notices.render_pending() == 2  # the failure is logged; the other cases' notices go on
    assert f"文书 {pending[1].pk} 渲染失败" in caplog.text
    numbers = dict(Notice.objects.filter(case__in=cases).values_list("pk", "number"))
    assert numbers[pending[1].pk] is None  # rolled back, number and all: still pending
    assert sorted(numbers[n.pk][-6:] for n in (pending[0], pending[2])) == ["00001号", "00002号"]
    assert not AuditEntry.objects.filter(chain=f"cases.notice:{pending[1].pk}").exists()
    monkeypatch.setattr(notices, "render", real_render)
    assert notices.render_pending() == 1  # retried on the next pass
    assert Notice.objects.get(pk=pending[1].pk).number.endswith("第00003号")  # the next number: no gap


def test_a_notice_numbered_when_issued_is_rendered_after_its_issue_entry(worker_mode, submitted, clerk_actor, settings):
    # Issued by an earlier version (numbered, audited) but left pending: the worker keeps its number and follows
    # its chain with a rendering entry.
    settings.GOVHALL_NOTICE_RENDERING = "inline"
    notice = notices.issue_notice(case=submitted, kind="supplement", actor=clerk_actor, context={"reason": "缺照片"})
    Notice.objects.filter(pk=notice.pk).update(rendered_at=None, sha256="", file="")
    settings.GOVHALL_NOTICE_RENDERING = "worker"
    assert notices.render_pending() == 1
    notice.refresh_from_db()
    assert notice.is_rendered and notices.file_matches(notice)
    chain = list(AuditEntry.objects.filter(chain=f"cases.notice:{notice.pk}").order_by("seq"))
    assert [e.action for e in chain] == ["cases.notice.issued", "cases.notice.rendered"]
    assert chain[0].changes["number"] == notice.number


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


def test_a_service_receipt_waits_for_its_decision_and_names_the_number_the_decision_took(
    worker_mode, submitted, clerk_actor, approver_actor, chief_actor
):
    from govhall.cases import selectors
    from govhall.cases.models import Task
    from govhall.cases.tests.test_notices import text_of

    case = services.accept_case(case=submitted, actor=clerk_actor)
    task = selectors.task_by_id(Task.objects.get(case=case).pk)
    services.complete_task(task=task, opinion="同意", actor=approver_actor)
    case = services.decide_case(case=case, approve=True, reason="", actor=chief_actor)
    case = services.certify_case(case=case, actor=clerk_actor)
    case = services.deliver_case(case=case, actor=clerk_actor)
    decision = Notice.objects.get(case=case, kind="approval")
    receipt = Notice.objects.get(case=case, kind="service_receipt")
    assert decision.number is None and receipt.number is None
    # A case's notices are taken in the order they were issued: the receipt and the decision wait for the
    # acceptance notice.
    acceptance = Notice.objects.get(case=case, kind="acceptance")
    assert notices._pending(receipt.pk) is None and notices._pending(decision.pk) is None
    assert notices._pending(acceptance.pk) is not None

    assert notices.render_pending() == 3
    decision.refresh_from_db()
    receipt.refresh_from_db()
    text = text_of(receipt)
    assert decision.number and decision.number.replace(" ", "") in text
    assert notices.DELIVERED_DOCUMENTS not in text and "文号待定" not in text and "准予行政许可决定书" in text
