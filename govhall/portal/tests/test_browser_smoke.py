from govhall.testing.browser import screenshot


def test_the_home_page_opens_in_chromium(page, live_server):
    page.goto(live_server.url + "/")
    assert "办事指南" in page.text_content("h1")
    screenshot(page, "portal-home-smoke")
