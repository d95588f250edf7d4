import pytest

from govhall.testing.factories import make_item

pytestmark = pytest.mark.django_db


def test_a_guide_without_a_place_and_without_a_center_still_opens_and_names_the_hotline(client):
    item = make_item(address="", office_hours="", consult_phone="")
    response = client.get(f"/guides/{item.code}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "12345" in page
    assert "法定工作日" in page
