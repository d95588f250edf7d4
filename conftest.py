"""The named cast shared by every test module."""

from __future__ import annotations

import os

import pytest

from govhall.org.models import Department, Role, Window
from govhall.testing.factories import DepartmentFactory, WindowFactory, make_staff

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

pytest_plugins = ["govhall.testing.browser"]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path_factory: pytest.TempPathFactory) -> None:
    # Services write notice PDFs and seal images; keep them out of var/media (one dir per session: seals cache).
    settings.MEDIA_ROOT = str(tmp_path_factory.getbasetemp() / "media")


@pytest.fixture
def market_department(db: None) -> Department:
    return DepartmentFactory(code="QCSCJG", name="清川县市场监督管理局", short_name="市场监管局")


@pytest.fixture
def housing_department(db: None) -> Department:
    return DepartmentFactory(code="QCZJJ", name="清川县住房和城乡建设局", short_name="住建局")


@pytest.fixture
def market_window(market_department: Department) -> Window:
    window = WindowFactory(number="01", name="市场准入窗口")
    window.departments.add(market_department)
    return window


@pytest.fixture
def manager(db: None):
    return make_staff("manager", Role.CENTER_MANAGER)


@pytest.fixture
def clerk(market_window: Window):
    return make_staff("clerk", Role.WINDOW_CLERK, windows=[market_window])


@pytest.fixture
def other_department_clerk(housing_department: Department):
    window = WindowFactory(number="12", name="建设窗口")
    window.departments.add(housing_department)
    return make_staff("otherclerk", Role.WINDOW_CLERK, windows=[window])


@pytest.fixture
def approver(market_department: Department):
    return make_staff("approver", Role.APPROVER, department=market_department)


@pytest.fixture
def chief(market_department: Department):
    return make_staff("chief", Role.CHIEF_REPRESENTATIVE, Role.APPROVER, department=market_department)


@pytest.fixture
def supervisor(db: None):
    return make_staff("supervisor", Role.SUPERVISOR)


@pytest.fixture(autouse=True)
def _reset_process_state():
    """What one test changes process-wide (the active language, the cached calendar) must not leak."""
    from django.utils import translation

    from govhall.catalog.selectors import forget_version_parts
    from govhall.core import workdays

    yield
    translation.activate("zh-hans")
    # A test that loaded a holiday schedule rolled its rows back; the process-wide calendar must follow.
    workdays.invalidate()
    forget_version_parts()  # SQLite may reuse a rolled-back version's primary key


@pytest.fixture
def hall(clerk, market_window: Window):
    """The hall (issue 4): the clerk's window 01 serving category A, a second clerk's window 02 serving A and B."""
    from govhall.queueing.tests.builders import build_hall

    return build_hall(clerk=clerk, window=market_window)


@pytest.fixture
def hall_case(hall, market_department, clerk):
    """A case received at the hall's window 01 (a visit there can be linked to it)."""
    from govhall.cases import services as case_services
    from govhall.cases.services import Applicant, Intake, MaterialReceipt
    from govhall.core.actors import Actor
    from govhall.testing.factories import make_item

    item = make_item("11519901HALL", department=market_department)
    intake = Intake(
        item=item,
        center=hall.center,
        window=hall.window,
        applicant=Applicant(kind="person", name="张三", id_kind="resident_id", id_number="11010519491231002X"),
        materials=[MaterialReceipt(m.pk) for m in item.current_version.materials.all()],
    )
    return case_services.submit_case(intake=intake, actor=Actor(user=clerk, role=Role.WINDOW_CLERK))
