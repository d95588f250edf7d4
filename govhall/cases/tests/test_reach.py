"""Who reads which cases: an approver his department's wherever received; a window clerk his windows' departments
only where received at his center; a manager or supervisor every case of his centers."""

import pytest

from govhall.cases import selectors, services
from govhall.cases.access import access_case, case_reach
from govhall.cases.tests.conftest import ID_NUMBER, as_actor, intake_for
from govhall.core.errors import AccessDenied
from govhall.org.models import Center, Role
from govhall.testing.factories import make_item, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def township(center):
    return Center.objects.create(
        code="QCCG", name="城关镇便民服务中心", level=Center.Level.TOWNSHIP, parent=center, region=center.region
    )


@pytest.fixture
def cases(food_item, housing_department, center, township, clerk, market_window):
    """A market case and a housing case at the county; a market case at the township."""
    housing_item = make_item("11519901HOUSE", department=housing_department, name="商品房预售许可")
    town_clerk = make_staff("town_clerk", Role.WINDOW_CLERK, windows=[market_window], center=township)
    county_clerk = as_actor(clerk, Role.WINDOW_CLERK)
    market_window.departments.add(housing_department)
    return {
        "county": services.submit_case(intake=intake_for(food_item, center), actor=county_clerk),
        "housing": services.submit_case(intake=intake_for(housing_item, center), actor=county_clerk),
        "town": services.submit_case(
            intake=intake_for(food_item, township), actor=as_actor(town_clerk, Role.WINDOW_CLERK)
        ),
        "town_clerk": town_clerk,
    }


def _found(user) -> set[str]:
    reach = case_reach(user)
    return set(
        selectors.search_cases(reach, selectors.CaseFilters(), today=services.today()).values_list(
            "receipt_number", flat=True
        )
    )


def _reads(user, case) -> bool:
    try:
        access_case(user, case.receipt_number)
    except AccessDenied as denied:
        assert denied.code == "out_of_scope"
        return False
    return True


def test_a_clerk_reads_his_windows_departments_at_his_own_center_only(cases, clerk):
    county, housing, town = cases["county"], cases["housing"], cases["town"]
    assert _found(clerk) == {county.receipt_number, housing.receipt_number}
    assert (_reads(clerk, county), _reads(clerk, housing), _reads(clerk, town)) == (True, True, False)
    town_clerk = cases["town_clerk"]
    assert _found(town_clerk) == {town.receipt_number}
    assert (_reads(town_clerk, town), _reads(town_clerk, county)) == (True, False)
    with pytest.raises(AccessDenied) as denied:
        access_case(town_clerk, county.receipt_number)
    assert denied.value.message == "该办件不是本中心收件的办件"


def test_an_approver_reads_his_departments_cases_wherever_received(cases, approver):
    county, housing, town = cases["county"], cases["housing"], cases["town"]
    assert _found(approver) == {county.receipt_number, town.receipt_number}
    assert (_reads(approver, town), _reads(approver, housing)) == (True, False)
    with pytest.raises(AccessDenied) as denied:
        access_case(approver, housing.receipt_number)
    assert denied.value.message == "该办件不属于您办理的部门"


def test_a_chief_who_also_keeps_a_window_reads_his_department_anywhere_and_the_windows_here(
    cases, market_department, township, market_window, housing_department
):
    chief = make_staff(
        "town_chief",
        Role.CHIEF_REPRESENTATIVE,
        Role.WINDOW_CLERK,
        department=market_department,
        windows=[market_window],  # serves the housing department too
        center=township,
    )
    county, housing, town = cases["county"], cases["housing"], cases["town"]
    assert _found(chief) == {county.receipt_number, town.receipt_number}  # not the county's housing case
    assert (_reads(chief, county), _reads(chief, town), _reads(chief, housing)) == (True, True, False)


def test_the_intake_suggests_earlier_applicants_only_from_cases_the_clerk_reads(cases, clerk):
    town_clerk = cases["town_clerk"]
    assert [c.pk for c in selectors.previous_applicants(ID_NUMBER, case_reach(town_clerk))] == [cases["town"].pk]
    found = {c.pk for c in selectors.previous_applicants(ID_NUMBER, case_reach(clerk))}
    assert cases["town"].pk not in found and found  # one per applicant name: the county's newest


def test_managers_read_every_department_of_the_centers_they_oversee(cases, township, center):
    county_manager = make_staff("county_manager", Role.CENTER_MANAGER, center=center)
    town_manager = make_staff("town_manager", Role.CENTER_MANAGER, center=township)
    everything = {cases[k].receipt_number for k in ("county", "housing", "town")}
    assert _found(county_manager) == everything
    assert _found(town_manager) == {cases["town"].receipt_number}
    assert not _reads(town_manager, cases["housing"])
