import pytest

from govhall.core.actors import system_actor
from govhall.core.audit import history
from govhall.core.errors import ValidationFailed
from govhall.org import services
from govhall.org.access import department_scope
from govhall.org.models import Role, StaffProfile, Window
from govhall.testing.factories import CenterFactory, DepartmentFactory, WindowFactory

pytestmark = pytest.mark.django_db
ACTOR = system_actor("center_manager")


def test_a_professional_window_must_name_the_departments_it_serves():
    center = CenterFactory()
    a, b = DepartmentFactory(), DepartmentFactory()
    with pytest.raises(ValidationFailed) as exc:
        services.save_window(
            window=None,
            center=center,
            number="12",
            name="不动产窗口",
            kind="professional",
            departments=[],
            actor=ACTOR,
        )
    assert exc.value.code == "professional_without_department"
    window = services.save_window(
        window=None,
        center=center,
        number="12",
        name="不动产窗口",
        kind="professional",
        location="二楼B区12号",
        departments=[a, b],
        actor=ACTOR,
    )
    assert set(window.departments.all()) == {a, b}
    assert [e.action for e in history(window)] == ["org.window.created"]


def test_window_numbers_are_unique_per_center():
    center = CenterFactory()
    services.save_window(window=None, center=center, number="01", name="综合1", kind="comprehensive", actor=ACTOR)
    with pytest.raises(ValidationFailed) as exc:
        services.save_window(window=None, center=center, number="01", name="综合2", kind="comprehensive", actor=ACTOR)
    assert exc.value.code == "duplicate_number"
    assert Window.objects.count() == 1


def test_a_clerk_needs_a_window_and_an_approver_a_department():
    center = CenterFactory()
    with pytest.raises(ValidationFailed) as exc:
        services.save_staff(
            profile=None,
            username="x",
            display_name="张三",
            center=center,
            employment="contract",
            roles=[Role.WINDOW_CLERK, Role.APPROVER],
            actor=ACTOR,
        )
    assert {p.code for p in exc.value.problems} == {"clerk_without_window", "approver_without_department"}
    assert not StaffProfile.objects.exists()


def test_changing_a_clerks_windows_changes_his_scope_and_is_audited_without_his_full_phone():
    center = CenterFactory()
    market, housing = DepartmentFactory(), DepartmentFactory()
    w1 = WindowFactory(center=center)
    w1.departments.add(market)
    w2 = WindowFactory(center=center)
    w2.departments.add(housing)
    profile = services.save_staff(
        profile=None,
        username="lixm",
        display_name="李晓梅",
        center=center,
        employment="contract",
        roles=[Role.WINDOW_CLERK],
        windows=[w1],
        phone="13912345678",
        password="secret-pw-1",
        actor=ACTOR,
    )
    assert department_scope(profile.user) == {market.pk}
    profile = services.save_staff(
        profile=profile,
        username="lixm",
        display_name="李晓梅",
        center=center,
        employment="contract",
        roles=[Role.WINDOW_CLERK],
        windows=[w2],
        phone="13912345678",
        actor=ACTOR,
    )
    fresh = StaffProfile.objects.get(pk=profile.pk).user
    assert department_scope(fresh) == {housing.pk}
    entries = list(history(profile))
    assert [e.action for e in entries] == ["org.staff.created", "org.staff.changed"]
    assert "windows" in entries[1].changes
    assert "13912345678" not in str([e.changes for e in entries])
    assert fresh.check_password("secret-pw-1")


def test_stationing_records_two_concentrations_two_in_place():
    center, dept = CenterFactory(), DepartmentFactory()
    services.set_stationing(
        center=center, department=dept, moved_in=True, authorised=False, section_name="行政审批股", actor=ACTOR
    )
    record = services.set_stationing(center=center, department=dept, moved_in=True, authorised=True, actor=ACTOR)
    assert record.authorised
    assert history(record).last().changes["authorised"] == [False, True]


def test_leaving_the_phone_out_keeps_the_number_on_file():
    center = CenterFactory()
    profile = services.save_staff(
        profile=None,
        username="wangjg",
        display_name="王建国",
        center=center,
        employment="administrative",
        roles=[Role.CENTER_MANAGER],
        phone="15826371459",
        actor=ACTOR,
    )
    profile = services.save_staff(
        profile=profile,
        username="wangjg",
        display_name="王建国",
        center=center,
        employment="administrative",
        roles=[Role.CENTER_MANAGER, Role.SUPERVISOR],
        actor=ACTOR,
    )
    assert StaffProfile.objects.get(pk=profile.pk).user.phone == "15826371459"
    assert "phone" not in history(profile).last().changes


def test_a_password_is_checked_against_the_password_rules_in_chinese():
    with pytest.raises(ValidationFailed) as exc:
        services.save_staff(
            profile=None,
            username="x",
            display_name="张三",
            center=CenterFactory(),
            employment="contract",
            roles=[Role.SUPERVISOR],
            password="1234",
            actor=ACTOR,
        )
    assert [(p.field, p.message) for p in exc.value.problems] == [("password", "密码太短，至少需要8个字符")]
    assert not StaffProfile.objects.exists()


def test_closing_a_window_is_audited_and_keeps_its_staff():
    window = WindowFactory(center=CenterFactory())
    services.set_window_active(window=window, active=False, actor=ACTOR)
    window.refresh_from_db()
    assert not window.active
    assert history(window).last().changes == {"active": [True, False]}


@pytest.mark.parametrize(
    ("location", "area"),
    [("一楼A区01号", "一楼A区"), ("二楼12号", "二楼"), ("东区3号", "东区"), ("大厅北侧", "大厅北侧"), ("", "")],
)
def test_a_windows_area_is_the_floor_and_area_of_its_location(location, area):
    assert Window(location=location).area == area
