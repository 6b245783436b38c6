"""In a real chromium at 390×844: navigating by touch leaves the page visible, never covered,
and capturing a card is one tap away from every page."""

from __future__ import annotations

import pytest

from storage import contacts, owners
from storage.db import Database
from storage.kinds import Rating
from storage.records import ContactAnswers, ContactDetails
from tests.browser.conftest import UI_TIMEOUT_MS, KlickServer, save_screenshot, wait_for_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NAV_LINK = ".st-key-app-nav [data-testid='stPageLink-NavLink']"
PAGES = ("Tonight", "Capture", "Triage", "Follow-ups", "Contacts", "Account")

# Where the title's centre is on screen, and what the browser would hit there.
UNCOVERED = """title => {
    const box = title.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const hit = document.elementFromPoint(x, y);
    return {
        inViewport: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight
            && box.right <= innerWidth && box.height > 0,
        uncovered: hit !== null && title.contains(hit),
        hit: hit ? hit.outerHTML.slice(0, 200) : null,
    };
}"""


# The app's own stylesheet (assets/phone.css, which lays out the bar) is in the page.
STYLED = """() => [...document.querySelectorAll('style')]
    .some(s => s.textContent.includes('st-key-app-nav'))"""


def _nav_link(page, label: str):  # type: ignore[no-untyped-def]
    return page.locator(NAV_LINK).filter(has_text=label)


def _assert_title_visible(page, title: str) -> None:  # type: ignore[no-untyped-def]
    heading = page.locator("h1").filter(has_text=title)
    heading.wait_for(state="visible")
    wait_for_app(page)
    # The whole bar is drawn (a fresh browser shows placeholders while Streamlit loads it),
    # with the app's stylesheet in place and laid out: on a loaded machine the links can
    # show for a frame before their style does.
    page.locator(NAV_LINK).nth(len(PAGES) - 1).wait_for(state="visible")
    page.wait_for_function(STYLED, timeout=UI_TIMEOUT_MS)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    where = heading.evaluate(UNCOVERED)
    assert where["inViewport"], f"{title}: not on screen"
    assert where["uncovered"], f"{title} is covered by {where['hit']}"


def _assert_capture_one_tap_away(page) -> None:  # type: ignore[no-untyped-def]
    capture = page.locator(f"{NAV_LINK}[href$='capture']")
    capture.wait_for(state="visible")
    assert capture.evaluate(UNCOVERED)["uncovered"], "the capture link is covered"


def test_navigating_on_a_phone_leaves_the_page_visible(
    module_klick_server: KlickServer,
    phone,  # type: ignore[no-untyped-def]
) -> None:
    phone.goto(module_klick_server.url)
    wait_for_app(phone)
    _assert_title_visible(phone, "Tonight's event")
    _assert_capture_one_tap_away(phone)
    # No sidebar and no drawer to open: nothing that could stay over the page.
    assert phone.locator("[data-testid='stSidebar']").count() == 0
    assert phone.locator("[data-testid='stExpandSidebarButton']").count() == 0

    for label, title, path in (
        ("Contacts", "Contacts", "/contacts"),
        ("Account", "Account", "/account"),
        ("Follow-ups", "Follow-ups", "/follow-ups"),
    ):
        _nav_link(phone, label).tap()
        _assert_title_visible(phone, title)
        assert phone.url.endswith(path)
        _assert_capture_one_tap_away(phone)
        # The bar fits the phone: no sideways scrolling.
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    save_screenshot(phone, "navigation-phone.png", module_klick_server.data_dir)

    _nav_link(phone, "Capture").tap()
    _assert_title_visible(phone, "Capture")
    assert phone.url.endswith("/capture")


def test_every_page_of_the_bar_can_be_reached_by_a_tap(
    module_klick_server: KlickServer,
    phone,  # type: ignore[no-untyped-def]
) -> None:
    phone.goto(f"{module_klick_server.url}/account")
    _assert_title_visible(phone, "Account")
    labels = phone.locator(NAV_LINK).all_inner_texts()
    assert tuple(label.split("\n")[-1].strip() for label in labels) == PAGES
    for link in phone.locator(NAV_LINK).all():
        assert link.evaluate(UNCOVERED)["uncovered"], link.inner_text()
        box = link.bounding_box()
        # A thumb's target: at least 44 CSS pixels tall, and wide enough to tell apart.
        assert box is not None and box["height"] >= 44 and box["width"] >= 44


def test_a_phone_and_an_email_are_links_to_tap(
    module_klick_server: KlickServer,
    phone,  # type: ignore[no-untyped-def]
) -> None:
    database = Database(module_klick_server.database_url)
    database.upgrade()
    try:
        with database.write() as session:
            owner_id = owners.get_or_create_owner(session, owners.LOCAL_USERNAME).id
            contact_id = contacts.add_contact(
                session,
                owner_id,
                event_id=None,
                details=ContactDetails(
                    name="Ida Telefon", phones=("+497111234567",), emails=("ida@example.org",)
                ),
                answers=ContactAnswers(rating=Rating.YES, note="Repairs tram clocks."),
            ).id
    finally:
        database.dispose()
    phone.goto(f"{module_klick_server.url}/contacts")
    _assert_title_visible(phone, "Contacts")
    phone.locator(f".st-key-contacts-open-{contact_id} button").tap()
    call = phone.locator("a[href='tel:+497111234567']")
    call.wait_for(state="visible")
    assert call.inner_text() == "0711 1234567"
    write = phone.locator("a[href='mailto:ida@example.org']")
    assert write.inner_text() == "ida@example.org"
    for link in (call, write):
        assert link.evaluate(UNCOVERED)["uncovered"]
