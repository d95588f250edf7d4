import pytest

pytestmark = pytest.mark.django_db


def test_an_unknown_address_gets_a_chinese_404_page_with_a_way_back(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "页面不存在" in page
    assert 'href="/"' in page
