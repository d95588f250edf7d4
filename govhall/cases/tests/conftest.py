import pytest

from govhall.cases import services
from govhall.cases.services import Applicant, Intake, MaterialReceipt
from govhall.core.actors import Actor
from govhall.org.models import Role
from govhall.testing.factories import CenterFactory, make_item

ID_NUMBER = "11010519491231002X"


@pytest.fixture
def center(db):
    return CenterFactory()


@pytest.fixture
def food_item(market_department):
    return make_item("11519901FOOD", department=market_department)


@pytest.fixture
def immediate_item(market_department):
    return make_item(
        "11519901GTGSH",
        department=market_department,
        name="个体工商户设立登记",
        case_type="即办件",
        legal_limit=3,
        promised_limit=0,
        steps=[],
        special_procedures=[],
    )


def as_actor(user, role: str) -> Actor:
    return Actor(user=user, role=role, client_ip="10.0.0.8")


@pytest.fixture
def clerk_actor(clerk):
    return as_actor(clerk, Role.WINDOW_CLERK)


@pytest.fixture
def approver_actor(approver):
    return as_actor(approver, Role.APPROVER)


@pytest.fixture
def chief_actor(chief):
    return as_actor(chief, Role.CHIEF_REPRESENTATIVE)


def intake_for(item, center, *, all_materials: bool = True) -> Intake:
    version = item.current_version
    received = [MaterialReceipt(m.pk) for m in version.materials.all()] if all_materials else []
    return Intake(
        item=item,
        center=center,
        applicant=Applicant(
            kind="person",
            name="张三",
            id_kind="resident_id",
            id_number=ID_NUMBER,
            phone="13912345678",
            address="四川省清川县城关镇滨江路12号",
        ),
        materials=received,
    )


@pytest.fixture
def submitted(food_item, center, clerk_actor):
    return services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor)
