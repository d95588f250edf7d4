"""The public catalog the portal tests read: a few real-looking items across departments, themes and audiences."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from govhall.catalog import services
from govhall.catalog.models import ServiceItem, Theme
from govhall.core.actors import system_actor
from govhall.org.models import Center, Department, Role
from govhall.testing.factories import CenterFactory, DepartmentFactory, make_item, make_theme

ACTOR = system_actor("test")

LOST_LICENCE_MATERIALS = [
    {
        "name": "营业执照遗失补领申请书",
        "necessity": "required",
        "form": "original",
        "copies": 1,
        "paper_size": "A4",
        "source": "applicant",
        "filling_notes": "法定代表人（负责人）签字，加盖公章",
        "acceptance_standard": "内容完整、签章齐全",
        "legal_basis": "《市场主体登记管理条例实施细则》第六十八条",
    },
    {
        "name": "法定代表人身份证件",
        "necessity": "required",
        "form": "copy",
        "copies": 1,
        "paper_size": "A4",
        "source": "government",
        "acceptance_standard": "在有效期内",
    },
    {
        "name": "遗失声明",
        "necessity": "optional",
        "form": "original",
        "copies": 1,
        "source": "applicant",
        "filling_notes": "可在国家企业信用信息公示系统免费公示",
        "commitment_allowed": True,
    },
    {
        "name": "授权委托书",
        "necessity": "conditional",
        "condition": "委托代理人办理的",
        "form": "original",
        "copies": 1,
        "source": "applicant",
    },
]


@dataclass
class Catalog:
    market: Department
    housing: Department
    civil: Department
    center: Center
    food: ServiceItem
    lost_licence: ServiceItem
    marriage: ServiceItem
    building: ServiceItem
    property_transfer: ServiceItem
    draft: ServiceItem
    cancelled: ServiceItem
    themes: dict[str, Theme]


def build_catalog() -> Catalog:
    market = DepartmentFactory(code="QCSCJG", name="清川县市场监督管理局", short_name="市场监管局")
    housing = DepartmentFactory(code="QCZJJ", name="清川县住房和城乡建设局", short_name="住建局")
    civil = DepartmentFactory(code="QCMZJ", name="清川县民政局", short_name="民政局")
    center = CenterFactory(hours="周一至周五 9:00-12:00，13:30-17:30（法定节假日除外）")
    themes = {
        "kbqy": make_theme("kbqy", "开办企业", "enterprise"),
        "kft": make_theme("kft", "开饭店", "enterprise"),
        "gcjs": make_theme("gcjs", "工程建设", "enterprise"),
        "jh": make_theme("jh", "结婚", "person"),
        "gfzy": make_theme("gfzy", "购房置业", "person"),
    }
    food = make_item("11519901QCSCJG0001", department=market, themes=["kft"])
    lost_licence = make_item(
        "11519901QCSCJG0002",
        department=market,
        name="营业执照遗失补领",
        item_type="行政确认",
        legal_basis_set="《中华人民共和国市场主体登记管理条例》第二十二条",
        legal_basis_impl="《中华人民共和国市场主体登记管理条例实施细则》第六十八条",
        acceptance_conditions="（一）营业执照遗失或者毁损；\n（二）已通过国家企业信用信息公示系统或报纸发布遗失公告。",
        process_description="申请人提交申请材料，窗口审核材料齐全、符合法定形式的，当场打印补发营业执照。",
        case_type="即办件",
        legal_limit=15,
        promised_limit=0,
        legal_limit_note="自受理之日起15个工作日内",
        steps=[
            {"name": "受理", "role": Role.WINDOW_CLERK, "budget_days": 0},
            {"name": "审核发照", "role": Role.CHIEF_REPRESENTATIVE, "budget_days": 0},
        ],
        special_procedures=[],
        materials=LOST_LICENCE_MATERIALS,
        online_depth=4,
        result_name="营业执照",
        themes=["kbqy"],
        faqs=[{"question": "补领后原执照还有效吗？", "answer": "原执照作废，补领的执照与原执照具有同等法律效力。"}],
    )
    marriage = make_item(
        "11519901QCMZJ00001",
        department=civil,
        name="内地居民结婚登记",
        item_type="行政确认",
        case_type="即办件",
        promised_limit=0,
        legal_limit=1,
        steps=[],
        special_procedures=[],
        audience="person",
        themes=["jh"],
        result_type="证照",
        result_name="结婚证",
        anywhere_scope="跨省通办",
        visits_required=1,
    )
    building = make_item(
        "11519901QCZJJ00001",
        department=housing,
        name="建筑工程施工许可证核发",
        themes=["gcjs"],
        visits_required=2,
        result_name="建筑工程施工许可证",
    )
    property_transfer = make_item(
        "11519901QCZJJ00002",
        department=housing,
        name="存量房买卖转移登记",
        item_type="行政确认",
        audience="both",
        themes=["gfzy"],
        fees=[
            {
                "name": "不动产登记费",
                "standard": "住宅类每件80元",
                "basis": "《关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）",
                "reducible": True,
            }
        ],
        result_name="不动产权证书",
    )
    draft = make_item("11519901QCSCJG0003", department=market, name="药品零售许可证核发", publish=False)
    cancelled = make_item("11519901QCSCJG0004", department=market, name="营业执照原件遗失登报")
    services.change_status(item=cancelled, move="cancel", reason="事项清单调整", actor=ACTOR)
    return Catalog(
        market=market,
        housing=housing,
        civil=civil,
        center=center,
        food=food,
        lost_licence=lost_licence,
        marriage=marriage,
        building=building,
        property_transfer=property_transfer,
        draft=draft,
        cancelled=cancelled,
        themes=themes,
    )


@pytest.fixture
def catalog(db: None) -> Catalog:
    return build_catalog()


@pytest.fixture
def live_catalog(transactional_db: None) -> Catalog:
    """The same catalog, committed, for the browser tests' live server thread."""
    return build_catalog()


def publish_new_version(item: ServiceItem, **overrides: object) -> None:
    """Edit an item's content and publish it as version n+1 (the old version stays readable)."""
    current = item.current_version
    assert current is not None
    data = services.version_content(current)
    data.update(overrides)
    services.save_draft(item=item, data=data, actor=ACTOR, change_note="压缩承诺时限")
    services.publish_draft(item=item, actor=ACTOR)
    item.refresh_from_db()
