"""factory_boy factories and the named cast used across the suite."""

from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth.hashers import make_password

from govhall.accounts.models import User
from govhall.catalog import services as catalog_services
from govhall.catalog.models import ServiceItem, Theme
from govhall.core.actors import Actor, system_actor
from govhall.org.models import Center, Department, Region, Role, StaffProfile, StaffRole, Window

PASSWORD = "govhall-test-pw"
_HASHED = make_password(PASSWORD)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = "519901000000"
    name = "清川县"
    level = Region.Level.COUNTY


class CenterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Center
        django_get_or_create = ("code",)

    code = "QC"
    name = "清川县政务服务中心"
    level = Center.Level.COUNTY
    region = factory.SubFactory(RegionFactory)
    address = "清川县滨江大道88号"
    phone = "0826-1234567"


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"DEPT{n:03d}")
    name = factory.Sequence(lambda n: f"清川县测试局{n:03d}")
    short_name = factory.LazyAttribute(lambda o: o.name[3:])


class WindowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Window

    center = factory.SubFactory(CenterFactory)
    number = factory.Sequence(lambda n: f"{n + 1:02d}")
    name = factory.Sequence(lambda n: f"综合受理窗口{n + 1}")
    kind = Window.Kind.COMPREHENSIVE
    location = "一楼A区"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Sequence(lambda n: f"工作人员{n}")
    password = _HASHED


def make_staff(
    username: str,
    *roles: str,
    department: Department | None = None,
    windows: list[Window] | None = None,
    center: Center | None = None,
) -> User:
    user = UserFactory(username=username, display_name=username)
    profile = StaffProfile.objects.create(
        user=user,
        center=center or CenterFactory(),
        department=department,
        employment=StaffProfile.Employment.ADMINISTRATIVE,
    )
    for role in roles:
        StaffRole.objects.create(profile=profile, role=role)
    if windows:
        profile.windows.set(windows)
    return user


def item_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "食品经营许可（新办）",
        "item_type": "行政许可",
        "exercise_level": "县级",
        "legal_basis_set": "《中华人民共和国食品安全法》第三十五条",
        "legal_basis_impl": "《食品经营许可和备案管理办法》",
        "department_nature": "法定机关",
        "power_source": "法定本级行使",
        "case_type": "承诺件",
        "legal_limit": 20,
        "legal_limit_unit": "working_days",
        "legal_limit_note": "",
        "promised_limit": 5,
        "promised_limit_unit": "working_days",
        "promised_limit_note": "",
        "extension_days": 10,
        "visits_required": 1,
        "acceptance_conditions": "（一）具有与经营的食品品种、数量相适应的经营场所",
        "process_description": "申请→受理→审查→决定→送达",
        "handling_form": "窗口办理、网上办理",
        "anywhere_scope": "全市通办",
        "online_depth": 3,
        "stationed": True,
        "supports_appointment": True,
        "supports_delivery": True,
        "supports_online_payment": False,
        "result_type": "证照",
        "result_name": "食品经营许可证",
        "address": "清川县政务服务中心一楼A区",
        "office_hours": "工作日 9:00-17:30",
        "consult_phone": "0826-1234567",
        "complaint_phone": "12345",
        "audience": "enterprise",
        "themes": [],
        "materials": [
            {
                "name": "食品经营许可申请书",
                "necessity": "required",
                "condition": "",
                "form": "original",
                "copies": 1,
                "paper_size": "A4",
                "source": "applicant",
                "filling_notes": "",
                "acceptance_standard": "签字齐全",
                "legal_basis": "",
                "commitment_allowed": False,
            },
            {
                "name": "授权委托书",
                "necessity": "conditional",
                "condition": "委托代理人办理的",
                "form": "original",
                "copies": 1,
                "paper_size": "A4",
                "source": "applicant",
                "filling_notes": "",
                "acceptance_standard": "",
                "legal_basis": "",
                "commitment_allowed": False,
            },
        ],
        "fees": [],
        "special_procedures": [
            {
                "name": "现场核查",
                "duration": "5个工作日",
                "legal_basis": "《行政许可法》第四十五条",
                "stops_clock": True,
            }
        ],
        "steps": [
            {"name": "受理", "role": Role.WINDOW_CLERK, "budget_days": 0},
            {"name": "审查", "role": Role.APPROVER, "budget_days": 3},
            {"name": "决定", "role": Role.CHIEF_REPRESENTATIVE, "budget_days": 1},
        ],
        "faqs": [{"question": "需要现场核查吗？", "answer": "新办需现场核查。"}],
    }
    data.update(overrides)
    return data


def make_item(
    code: str = "11519901TEST000001",
    *,
    department: Department | None = None,
    publish: bool = True,
    actor: Actor | None = None,
    basic_code: str | None = None,
    **overrides: Any,
) -> ServiceItem:
    actor = actor or system_actor("test")
    item = catalog_services.create_item(
        code=code,
        basic_code=basic_code or code[-12:],
        department=department or DepartmentFactory(),
        data=item_data(**overrides),
        actor=actor,
    )
    if publish:
        catalog_services.publish_draft(item=item, actor=actor)
        item.refresh_from_db()
    return item


def make_theme(code: str = "kbqy", name: str = "开办企业", audience: str = "enterprise") -> Theme:
    return Theme.objects.get_or_create(code=code, defaults={"name": name, "audience": audience})[0]


ALL_ROLES = tuple(Role.values)


# What a clerk writes into the notices (a refusal's reason, a supplement's list, …): one sample for the notice tests
# and the notice benchmark.
NOTICE_CONTEXT = {
    "reason": "申请人提交的经营场所证明与实际地址不一致",
    "missing": ["营业场所使用证明（房屋租赁合同）", "食品安全管理制度文本", "设备布局图和工艺流程图"],
    "documents": "《准予行政许可决定书》（市场监管局准字〔2026〕第00001号）及行政许可证件",
    "server": "李四",
    "days": 10,
}
