import datetime as dt
import hashlib
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from govhall.cases import notices, services
from govhall.cases.models import Notice, NoticeKind
from govhall.core.errors import DomainError
from govhall.core.models import AuditEntry

pytestmark = pytest.mark.django_db
D = dt.date
RIGHTS = (
    "可以自收到本{doc}之日起六十日内依法向本级人民政府申请行政复议，"
    "或者自收到本{doc}之日起六个月内依法向人民法院提起行政诉讼"
)


def text_of(notice: Notice) -> str:
    with notice.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    # Extraction breaks lines where the layout wrapped them; the assertions read the running text.
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def only(case, kind: str) -> Notice:
    return case.notices.get(kind=kind)


def reviewed(case, approver_actor):
    review = case.tasks.get()
    services.claim_task(task=review, actor=approver_actor)
    services.complete_task(task=review, opinion="符合条件", actor=approver_actor)
    return case


def test_acceptance_gives_a_numbered_acceptance_notice_with_the_receipt_number_and_deadlines(submitted, clerk_actor):
    case = services.accept_case(case=submitted, actor=clerk_actor, on=D(2026, 9, 30))
    notice = only(case, NoticeKind.ACCEPTANCE)
    assert notice.number == "市场监管局受字〔2026〕第00001号"
    assert notice.issued_on == D(2026, 9, 30)
    text = text_of(notice)
    for phrase in (
        "受理通知书",
        "张三：",
        case.receipt_number,
        "食品经营许可",
        "第三十二条第一款第（五）项",
        "本机关决定予以受理",
        "承诺办结期限为2026年10月13日",
        "不计算在上述期限内",
        "清川县市场监督管理局",
        "2026年9月30日",
        notice.number,
    ):
        assert phrase in text, phrase


def test_an_immediate_case_is_told_it_is_decided_on_the_spot_not_in_0_days(immediate_item, center, clerk_actor):
    from govhall.cases.tests.conftest import intake_for

    case = services.submit_case(intake=intake_for(immediate_item, center), actor=clerk_actor)
    text = text_of(only(services.handle_immediately(case=case, actor=clerk_actor), NoticeKind.ACCEPTANCE))
    assert "本机关将当场作出书面的行政许可决定" in text and "第三十四条第二款" in text
    assert "个工作日内" not in text


def test_a_limit_in_natural_days_is_stated_in_days(market_department, center, clerk_actor):
    from govhall.cases.tests.conftest import intake_for
    from govhall.testing.factories import make_item

    item = make_item(
        "11519901NATURAL",
        department=market_department,
        legal_limit=30,
        promised_limit=15,
        legal_limit_unit="natural_days",
        promised_limit_unit="natural_days",
    )
    case = services.submit_case(intake=intake_for(item, center), actor=clerk_actor)
    text = text_of(only(services.accept_case(case=case, actor=clerk_actor), NoticeKind.ACCEPTANCE))
    assert "自受理之日起30日内作出行政许可决定" in text


def test_a_deemed_acceptance_is_confirmed_in_writing_from_the_day_of_receipt(food_item, center, clerk_actor):
    from govhall.cases.tests.conftest import intake_for

    case = services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor, received_on=D(2026, 9, 28))
    assert services.sweep_deemed_acceptance(on=D(2026, 10, 12)) == 1
    text = text_of(only(case, NoticeKind.ACCEPTANCE))
    assert "第三十二条第一款第（四）项" in text
    assert "自收到申请材料之日（2026年9月28日）起即为受理" in text


def test_a_refusal_notice_states_the_reason_and_the_rights_to_reconsideration_and_lawsuit(submitted, clerk_actor):
    case = services.refuse_case(case=submitted, reason="申请事项依法不需要取得行政许可", actor=clerk_actor)
    text = text_of(only(case, NoticeKind.REFUSAL))
    assert "不予受理通知书" in text
    assert "申请事项依法不需要取得行政许可" in text
    assert "本机关决定不予受理" in text
    assert RIGHTS.format(doc="通知书") in text


def test_a_supplement_notice_lists_every_missing_material_at_once(submitted, clerk_actor):
    missing = ["营业场所使用证明（房屋租赁合同）", "食品安全管理制度文本", "设备布局图和工艺流程图"]
    case = services.request_supplement(case=submitted, missing=missing, note="", actor=clerk_actor)
    text = text_of(only(case, NoticeKind.SUPPLEMENT))
    assert "补正材料通知书" in text
    assert "现一次告知你需要补正的全部内容如下" in text
    for i, name in enumerate(missing, 1):
        assert f"{i}.{name}" in text


def test_a_special_procedure_notice_says_the_time_does_not_count(submitted, clerk_actor, approver_actor):
    case = services.accept_case(case=submitted, actor=clerk_actor, on=D(2026, 11, 2))
    case = services.suspend_case(
        case=case, procedure="现场核查", reason="需核实经营场所", actor=approver_actor, on=D(2026, 11, 4)
    )
    notice = only(case, NoticeKind.SPECIAL_PROCEDURE)
    text = text_of(notice)
    assert "特别程序告知书" in text
    assert "现场核查所需时间不计算在行政许可期限内" in text
    assert "第四十五条" in text
    assert "5个工作日" in text
    assert notice.issued_on == D(2026, 11, 4)


def test_an_extension_notice_gives_the_reason_the_days_and_the_new_deadline(submitted, clerk_actor, chief_actor):
    case = services.accept_case(case=submitted, actor=clerk_actor, on=D(2026, 11, 2))
    case = services.extend_case(case=case, days=None, reason="情况复杂", actor=chief_actor, on=D(2026, 11, 5))
    text = text_of(only(case, NoticeKind.EXTENSION))
    assert "延期告知书" in text
    assert "因情况复杂" in text
    assert "第四十二条第一款" in text
    assert "办理期限延长10个工作日" in text
    assert f"法定办结期限为{notices.cn_date(case.legal_deadline)}" in text


def test_an_approval_decision_and_its_delivery_receipt_are_issued(submitted, clerk_actor, approver_actor, chief_actor):
    case = reviewed(services.accept_case(case=submitted, actor=clerk_actor), approver_actor)
    case = services.decide_case(case=case, approve=True, reason="", actor=chief_actor)
    decision = only(case, NoticeKind.APPROVAL)
    text = text_of(decision)
    assert "准予行政许可决定书" in text
    assert "第三十八条第一款" in text
    assert "本机关决定准予行政许可" in text
    assert "十个工作日内" in text
    case = services.certify_case(case=case, actor=clerk_actor)
    case = services.deliver_case(case=case, actor=clerk_actor)
    receipt = text_of(only(case, NoticeKind.SERVICE_RECEIPT))
    assert "送达回证" in receipt
    assert f"《准予行政许可决定书》（{decision.number}）" in receipt
    assert "受送达人签名或盖章" in receipt


def test_a_denial_decision_states_the_reason_and_the_rights(submitted, clerk_actor, approver_actor, chief_actor):
    case = reviewed(services.accept_case(case=submitted, actor=clerk_actor), approver_actor)
    case = services.decide_case(case=case, approve=False, reason="经营场所不符合卫生要求", actor=chief_actor)
    text = text_of(only(case, NoticeKind.DENIAL))
    assert "不予行政许可决定书" in text
    assert "经营场所不符合卫生要求" in text
    assert "第三十八条第二款" in text
    assert RIGHTS.format(doc="决定") in text


def test_every_notice_kind_renders_its_chinese_title_and_applicant(submitted, clerk_actor):
    for kind in NoticeKind:
        notice = notices.issue_notice(case=submitted, kind=kind, actor=clerk_actor, context={"reason": "理由"})
        text = text_of(notice)
        assert str(kind.label) in text
        assert "张三" in text
        assert submitted.receipt_number in text


def test_document_numbers_run_per_department_kind_and_year_without_gaps(submitted, clerk_actor):
    first = notices.issue_notice(case=submitted, kind="acceptance", actor=clerk_actor, context={})
    second = notices.issue_notice(case=submitted, kind="acceptance", actor=clerk_actor, context={})
    other = notices.issue_notice(case=submitted, kind="refusal", actor=clerk_actor, context={"reason": "x"})
    later = notices.issue_notice(
        case=submitted, kind="acceptance", actor=clerk_actor, context={"issued_on": D(2027, 1, 4)}
    )
    assert [first.number[-7:], second.number[-7:], other.number[-7:]] == ["第00001号", "第00002号", "第00001号"]
    assert later.number == "市场监管局受字〔2027〕第00001号"


def test_a_notice_is_stored_once_hashed_and_audited(submitted, clerk_actor):
    case = services.accept_case(case=submitted, actor=clerk_actor)
    notice = only(case, NoticeKind.ACCEPTANCE)
    with notice.file.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == notice.sha256
    entry = AuditEntry.objects.get(action="cases.notice.issued")
    assert entry.changes["number"] == notice.number
    assert entry.changes["kind"] == "acceptance"
    assert entry.changes["sha256"] == notice.sha256
    notice.sha256 = "0" * 64
    with pytest.raises(DomainError):
        notice.save()
    with pytest.raises(DomainError):
        notice.delete()


def test_a_failed_action_leaves_no_notice_and_no_number_used(food_item, center, clerk_actor, approver_actor):
    from govhall.cases.tests.conftest import intake_for

    case = services.submit_case(intake=intake_for(food_item, center, all_materials=False), actor=clerk_actor)
    with pytest.raises(DomainError):
        services.accept_case(case=case, actor=clerk_actor)
    assert not Notice.objects.exists()
    accepted = services.accept_case(
        case=services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor), actor=clerk_actor
    )
    assert only(accepted, NoticeKind.ACCEPTANCE).number.endswith("第00001号")


def test_the_qr_code_points_to_the_public_verification_page(submitted, clerk_actor, settings):
    settings.GOVHALL_PUBLIC_URL = "https://zwfw.qingchuan.gov.cn/"
    notice = notices.issue_notice(case=submitted, kind="acceptance", actor=clerk_actor, context={})
    url = f"https://zwfw.qingchuan.gov.cn/verify/{notice.token}/"
    assert notices.public_url(notice) == url
    assert url in text_of(notice)


def test_the_verification_page_shows_the_notice_with_the_applicant_masked(client, submitted, clerk_actor):
    case = services.accept_case(case=submitted, actor=clerk_actor)
    notice = only(case, NoticeKind.ACCEPTANCE)
    response = client.get(reverse("portal:verify", args=[notice.token]))
    assert response.status_code == 200
    page = response.content.decode()
    for shown in ("受理通知书", notice.number, "清川县市场监督管理局", case.receipt_number, "张*", notice.sha256):
        assert shown in page
    assert "张三" not in page
    assert "未被篡改" in page


def test_the_verification_page_tells_when_the_stored_file_no_longer_matches(client, submitted, clerk_actor):
    notice = notices.issue_notice(case=submitted, kind="acceptance", actor=clerk_actor, context={})
    with open(notice.file.path, "ab") as handle:
        handle.write(b"%tampered")
    page = client.get(reverse("portal:verify", args=[notice.token])).content.decode()
    assert "不一致或已缺失" in page
    assert "未被篡改" not in page


def test_the_verification_page_is_404_for_an_unknown_token(client, db):
    assert client.get(reverse("portal:verify", args=["nonesuch"])).status_code == 404


def test_the_seal_image_is_drawn_once_per_department_and_reused(market_department):
    from govhall.cases import seals

    first = seals.seal_path(market_department)
    mtime = first.stat().st_mtime_ns
    assert seals.seal_path(market_department) == first
    assert first.stat().st_mtime_ns == mtime
    assert seals.draw_seal(market_department.name).tobytes() == seals.draw_seal(market_department.name).tobytes()


def test_a_posted_result_has_its_method_address_and_tracking_number_on_the_delivery_receipt(
    submitted, clerk_actor, approver_actor, chief_actor
):
    case = reviewed(services.accept_case(case=submitted, actor=clerk_actor), approver_actor)
    case = services.decide_case(case=case, approve=True, reason="", actor=chief_actor)
    case = services.certify_case(case=case, actor=clerk_actor)
    for bad, field, code in (
        ({"method": "pigeon"}, "method", "invalid_choice"),
        ({"method": "post"}, "tracking_number", "required"),
        ({"method": "post", "tracking_number": "EMS 12"}, "tracking_number", "invalid_tracking_number"),
        ({"method": "direct", "tracking_number": "1234567890"}, "tracking_number", "not_posted"),
    ):
        with pytest.raises(DomainError) as refused:
            services.deliver_case(case=case, actor=clerk_actor, **bad)
        assert (refused.value.field, refused.value.code) == (field, code), bad
    assert not Notice.objects.filter(case=case, kind=NoticeKind.SERVICE_RECEIPT).exists()

    case = services.deliver_case(case=case, actor=clerk_actor, method="post", tracking_number="1151234567890")
    receipt = text_of(only(case, NoticeKind.SERVICE_RECEIPT))
    assert "邮寄送达（1151234567890）" in receipt
    assert case.applicant_address in receipt  # no address given: the one the applicant registered
    assert clerk_actor.user.display_name in receipt  # 送达人
    event = case.events.get(action="delivered")
    assert (event.data["method_code"], event.data["tracking_number"]) == ("post", "1151234567890")


def test_a_result_collected_at_the_window_is_delivered_directly(submitted, clerk_actor, approver_actor, chief_actor):
    case = reviewed(services.accept_case(case=submitted, actor=clerk_actor), approver_actor)
    case = services.decide_case(case=case, approve=True, reason="", actor=chief_actor)
    case = services.deliver_case(case=services.certify_case(case=case, actor=clerk_actor), actor=clerk_actor)
    receipt = text_of(only(case, NoticeKind.SERVICE_RECEIPT))
    assert "直接送达" in receipt and "邮寄" not in receipt


def test_a_clerk_working_in_english_still_writes_a_chinese_delivery_receipt(
    submitted, clerk_actor, approver_actor, chief_actor
):
    from django.utils import translation

    case = reviewed(services.accept_case(case=submitted, actor=clerk_actor), approver_actor)
    case = services.decide_case(case=case, approve=True, reason="", actor=chief_actor)
    case = services.certify_case(case=case, actor=clerk_actor)
    with translation.override("en"):
        case = services.deliver_case(case=case, actor=clerk_actor, method="post", tracking_number="1151234567890")
    assert "邮寄送达（1151234567890）" in text_of(only(case, NoticeKind.SERVICE_RECEIPT))
    assert case.events.get(action="delivered").data["method"] == "邮寄送达（1151234567890）"
