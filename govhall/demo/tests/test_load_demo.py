import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from govhall.accounts.models import User
from govhall.catalog.models import ItemStationing, ItemVersion, ServiceItem
from govhall.core.models import AuditEntry
from govhall.demo.loader import DEMO_PASSWORD, LOGIN_ROLES
from govhall.org.access import roles_of
from govhall.org.models import Center, Department, Stationing, Window

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Center, Department, Window, User, ServiceItem, ItemVersion, ItemStationing, AuditEntry)
    }


def test_the_demo_county_loads_once_and_a_second_run_adds_nothing(capsys):
    call_command("load_demo", history=False)
    first = _counts()
    out = capsys.readouterr().out
    call_command("load_demo", history=False)
    assert _counts() == first
    assert "未重复写入" in capsys.readouterr().out

    assert first["Department"] >= 25
    assert first["ServiceItem"] >= 120
    assert set(Center.objects.values_list("level", flat=True)) == {"county", "township", "village"}
    assert Stationing.objects.filter(moved_in=False).exists()
    assert Stationing.objects.filter(authorised=False).exists()
    for username, _ in LOGIN_ROLES:
        assert username in out
        assert authenticate(username=username, password=DEMO_PASSWORD) is not None


def test_the_demo_catalog_holds_the_items_a_county_center_really_handles():
    call_command("load_demo", history=False)
    names = set(ServiceItem.objects.values_list("current_version__name", flat=True))
    for expected in (
        "食品经营许可",
        "个体工商户",
        "建设工程规划许可",
        "施工许可",
        "公共场所卫生许可",
        "道路货物运输经营许可",
        "结婚登记",
        "户口迁移",
        "排入排水管网许可",
    ):
        assert any(expected in name for name in names), expected
    individual = ItemVersion.objects.filter(name__contains="个体工商户", case_type="即办件")
    assert individual.exists()
    published = ItemVersion.objects.filter(state=ItemVersion.State.PUBLISHED)
    assert published.count() == ServiceItem.objects.count()
    assert all(v.materials.exists() for v in published.prefetch_related("materials"))


def test_every_demo_role_has_a_login_with_that_role():
    call_command("load_demo", history=False)
    expected = {
        "manager": "center_manager",
        "clerk": "window_clerk",
        "approver": "approver",
        "chief": "chief_representative",
        "supervisor": "supervisor",
    }
    for username, role in expected.items():
        assert role in roles_of(User.objects.get(username=username))
