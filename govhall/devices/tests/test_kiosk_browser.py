"""The kiosk in a real Chromium: set up once through the setup URL, take a ticket with a touch, and the
ticket prints itself on a 58 mm receipt."""

from playwright.sync_api import expect

from govhall.devices.access import COOKIE
from govhall.testing.browser import screenshot

COUNT_PRINTS = "window.__printed = 0; window.print = function () { window.__printed += 1; };"


def test_a_kiosk_set_up_once_takes_a_ticket_and_prints_it(page, live_server, kiosk):
    page.add_init_script(COUNT_PRINTS)
    page.goto(f"{live_server.url}/hall/setup/#{kiosk.token}")
    page.wait_for_url(f"{live_server.url}/hall/kiosk/")
    cookie = next(c for c in page.context.cookies() if c["name"] == COOKIE)
    assert cookie["httpOnly"] and cookie["value"] == kiosk.token
    assert page.evaluate("document.cookie").find(kiosk.token) == -1  # the scripts never see the token
    expect(page.locator(".tile-name")).to_have_text(["取号", "预约签到", "办件进度查询", "办事指南"])
    for tile in page.locator(".tile").all():
        assert tile.bounding_box()["height"] >= 64
    screenshot(page, "kiosk-home")

    page.click("text=取号")
    expect(page.locator(".category-button")).to_have_count(2)
    assert page.locator(".category-button").first.bounding_box()["height"] >= 64
    expect(page.locator(".claim-id")).to_be_hidden()
    page.click("text=70岁以上老年人")
    expect(page.locator(".claim-id")).to_be_visible()
    page.click("text=普通取号")
    screenshot(page, "kiosk-take")
    page.click(".category-button >> text=企业开办")

    expect(page.locator("[data-ticket-number]")).to_have_text("A001")
    page.wait_for_function("window.__printed === 1")
    assert "print=1" not in page.url  # a reload does not print a second ticket
    expect(page.locator("[data-ahead]")).to_have_text("0 人")
    screenshot(page, "kiosk-ticket")

    page.emulate_media(media="print")
    receipt = page.locator(".receipt").bounding_box()
    assert abs(receipt["width"] - 58 / 25.4 * 96) < 2  # 58 mm at 96 px per inch
    expect(page.locator(".ticket-actions")).to_be_hidden()
    page.set_viewport_size({"width": 219, "height": 480})
    screenshot(page, "kiosk-ticket-print")


def test_the_kiosk_goes_home_after_a_minute_untouched(page, live_server, kiosk):
    page.context.add_cookies([{"name": COOKIE, "value": kiosk.token, "url": live_server.url}])
    page.clock.install()
    page.goto(f"{live_server.url}/hall/kiosk/progress/")
    page.fill("#id_receipt", "QC2026")
    page.clock.fast_forward("00:50")
    page.click("#id_digits")  # a touch starts the minute again
    page.clock.fast_forward("00:50")
    assert page.url.endswith("/hall/kiosk/progress/")
    page.clock.fast_forward("00:15")
    page.wait_for_url(f"{live_server.url}/hall/kiosk/")
