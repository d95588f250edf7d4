"""Device pages open only in a browser set up as that device; the setup URL keeps the token in an HttpOnly
cookie."""

import pytest

from govhall.devices.access import COOKIE
from govhall.queueing.models import DeviceKind

pytestmark = pytest.mark.django_db

PAGES = ["/hall/kiosk/", "/hall/kiosk/take/", "/hall/kiosk/check-in/", "/hall/kiosk/progress/", "/hall/evaluator/"]


@pytest.mark.parametrize("url", PAGES)
def test_the_device_pages_refuse_a_browser_without_the_device_cookie(client, open_hall, url):
    response = client.get(url)
    assert response.status_code == 403
    assert "本终端尚未登记或已停用" in response.content.decode()


def test_a_forged_cookie_is_refused(client, open_hall):
    client.cookies[COOKIE] = "dev_not-a-real-token"
    assert client.get("/hall/kiosk/").status_code == 403


def test_a_kiosk_cannot_open_the_evaluator_page(kiosk_client):
    response = kiosk_client.get("/hall/evaluator/")
    assert response.status_code == 403
    assert "本终端登记为“自助终端”" in response.content.decode()


def test_a_deactivated_device_is_refused(kiosk_client, kiosk):
    kiosk.device.active = False
    kiosk.device.save()
    assert kiosk_client.get("/hall/kiosk/").status_code == 403


def test_the_setup_page_stores_the_token_in_a_long_lived_httponly_cookie(client, kiosk):
    response = client.post("/hall/setup/", {"token": kiosk.token})
    assert response.status_code == 302 and response["Location"] == "/hall/kiosk/"
    cookie = response.cookies[COOKIE]
    assert cookie.value == kiosk.token
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) >= 5 * 365 * 24 * 3600
    assert client.get("/hall/kiosk/").status_code == 200


def test_the_setup_sends_an_evaluator_to_its_page(client, evaluator):
    response = client.post("/hall/setup/", {"token": evaluator.token})
    assert response["Location"] == "/hall/evaluator/"


def test_the_setup_sends_a_board_to_its_center(client, open_hall):
    from govhall.queueing import services

    _device, raw = services.issue_device(
        center=open_hall.center, kind=DeviceKind.BOARD, name="大屏", actor=open_hall.manager_actor
    )
    response = client.post("/hall/setup/", {"token": raw})
    assert response["Location"] == f"/hall/board/{open_hall.center.code}/"


def test_a_wrong_token_at_setup_is_refused_in_chinese(client, open_hall):
    response = client.post("/hall/setup/", {"token": "nonsense"})
    assert response.status_code == 400
    assert "终端令牌无效" in response.content.decode()
    assert COOKIE not in response.cookies


def test_the_board_of_an_unknown_center_is_not_found(client, db):
    assert client.get("/hall/board/NOPE/").status_code == 404
