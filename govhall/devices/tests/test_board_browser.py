"""The display board in a real Chromium: a call made through the API is on screen within a second, and a
network blip leaves the last picture up, shows the reconnect mark, then carries on."""

import time

from playwright.sync_api import expect

from govhall.accounts.tokens import issue_token
from govhall.devices.tests.conftest import api_post, take
from govhall.queueing import services
from govhall.testing.browser import screenshot

BOARD_API = "**/api/v1/hall/centers/**"


def _open_board(page, live_server, hall, query=""):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{live_server.url}/hall/board/{hall.center.code}/{query}")
    expect(page.locator("#board-categories")).to_contain_text("企业开办")


def test_the_board_shows_a_call_made_through_the_api_within_one_second(page, live_server, open_hall):
    hall = open_hall
    take(hall)
    take(hall)
    take(hall, hall.b)
    _open_board(page, live_server, hall)
    expect(page.locator("#board-categories tr").first).to_contain_text("2人")
    token = issue_token(user=hall.clerk, name="board test")[1]

    status, body = api_post(live_server.url, f"/api/v1/hall/windows/{hall.window.pk}/call-next", token)
    called = time.monotonic()
    assert status == 200, body
    assert body["number"] == "A001"
    expect(page.locator('#board-windows tr[data-window="01"] .call-number')).to_have_text("A001", timeout=1000)
    expect(page.locator("#board-latest [data-role=number]")).to_have_text("A001", timeout=1000)
    expect(page.locator("#board-latest [data-role=window]")).to_have_text("1号窗口", timeout=1000)
    latency = time.monotonic() - called
    print(f"\nboard latency after the API call returned: {latency * 1000:.0f} ms")
    assert latency < 1.0
    expect(page.locator("#board-latest")).to_have_class("latest-call flash")
    expect(page.locator("#board-categories tr").first).to_contain_text("1人")

    hall2_token = issue_token(user=hall.clerk2, name="board test 2")[1]
    status, _body = api_post(live_server.url, f"/api/v1/hall/windows/{hall.window2.pk}/call-next", hall2_token)
    assert status == 200
    expect(page.locator('#board-windows tr[data-window="02"] .call-number')).to_have_text("A002", timeout=1000)
    screenshot(page, "hall-board")
    text = page.inner_text("body")
    assert "王五" not in text and "139" not in text  # no personal data on the board


def test_the_board_keeps_its_picture_through_a_network_blip_and_reconnects(page, live_server, open_hall):
    hall = open_hall
    take(hall)
    take(hall)
    services.call_next(window=hall.window, actor=hall.actor)
    _open_board(page, live_server, hall)
    expect(page.locator('#board-windows tr[data-window="01"] .call-number')).to_have_text("A001")

    page.route(BOARD_API, lambda route: route.abort())
    expect(page.locator("#board-offline")).to_be_visible(timeout=3000)
    expect(page.locator("#board-offline")).to_have_text("连接中断，正在重连")
    page.wait_for_timeout(2000)
    expect(page.locator('#board-windows tr[data-window="01"] .call-number')).to_have_text("A001")  # last state kept
    screenshot(page, "hall-board-offline")
    page.unroute(BOARD_API)
    expect(page.locator("#board-offline")).to_be_hidden(timeout=8000)

    services.call_next(window=hall.window2, actor=hall.actor2)
    expect(page.locator('#board-windows tr[data-window="02"] .call-number')).to_have_text("A002", timeout=1000)


def test_a_recall_is_announced_again_and_an_area_board_shows_only_its_windows(page, live_server, open_hall):
    hall = open_hall
    hall.window2.location = "二楼B区"
    hall.window2.save()
    take(hall)
    take(hall)
    page.add_init_script(
        "window.__said = []; window.speechSynthesis && (window.speechSynthesis.speak = function (u) {"
        " window.__said.push(u.text + '|' + u.lang); });"
    )
    _open_board(page, live_server, hall, f"?area={hall.window.area}")
    first = services.call_next(window=hall.window, actor=hall.actor)
    expect(page.locator('#board-windows tr[data-window="01"] .call-number')).to_have_text("A001", timeout=1000)
    services.call_next(window=hall.window2, actor=hall.actor2)
    services.recall(ticket=first, window=hall.window, actor=hall.actor)
    page.wait_for_function("window.__said.length >= 4", timeout=2000)
    page.wait_for_timeout(600)
    said = page.evaluate("window.__said")
    assert said == ["请A001号到1号窗口办理|zh-CN"] * 4  # twice per call, the recall again; window 02 not here
    expect(page.locator('#board-windows tr[data-window="02"]')).to_have_count(0)
