"""The reader's pages of the demo newsroom in Debian's Chromium: no horizontal
overflow at 320/390/768/1366 px, no axe violation, valid HTML (Nu checker), a
menu that works from the keyboard, the editors' order on the home page and a
home page no taller than 9,000 px on a phone.

One demo site serves every check (building it is the slow part).
"""

import pytest

from manchette.news.demo import demo_build
from manchette.news.demo_front import demo_front_build
from manchette.news.models import ArticlePage, AuthorPage, HomePagePick
from tests.browser_checks import axe_problems, overflow, vnu_problems

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser,
    pytest.mark.usefixtures("wagtail_base_data"),
]

WIDTHS = (320, 390, 768, 1366)
MAX_HOME_HEIGHT = 9000


def reader_urls() -> dict[str, str]:
    article = ArticlePage.objects.live().filter(source_uri__startswith="demo:").first()
    tag = article.tags.first()
    author = AuthorPage.objects.live().first()
    return {
        "home": "/",
        "section": article.section.url,
        "tag": f"/sujets/{tag.slug}/",
        "author": author.url,
        "article": article.url,
        "search": "/recherche/?q=Maroc",
        "newsletter": "/newsletter/",
        "footer page": "/mentions-legales/",
        "404": "/cette-page-n-existe-pas/",
    }


@pytest.fixture
def demo_site(settings):
    settings.MANCHETTE_PAGE_CACHE = False
    demo_build()
    demo_front_build()
    return reader_urls()


def test_reader_pages_in_chromium(live_server, browser, demo_site, tmp_path):
    base = live_server.url
    problems = []
    # Layout: no horizontal overflow at any width; the home page's height on a phone.
    for width in WIDTHS:
        context = browser.new_context(
            locale="fr-FR", viewport={"width": width, "height": 800}
        )
        tab = context.new_page()
        for name, url in demo_site.items():
            tab.goto(base + url)
            problems += overflow(tab, name)
            if name == "home" and width == 390:
                height = tab.evaluate("document.documentElement.scrollHeight")
                if height > MAX_HOME_HEIGHT:
                    problems.append(f"home at 390px is {height}px tall")
        context.close()

    # Accessibility (axe) at phone width, and the HTML as served (Nu checker).
    context = browser.new_context(
        locale="fr-FR", viewport={"width": 390, "height": 800}
    )
    tab = context.new_page()
    files = []
    for name, url in demo_site.items():
        tab.goto(base + url)
        problems += axe_problems(tab, name)
        path = tmp_path / f"{name.replace(' ', '-')}.html"
        path.write_text(tab.request.get(base + url).text(), encoding="utf-8")
        files.append(path)
    context.close()
    problems += vnu_problems(files)
    assert not problems, "\n".join(problems)


def test_menu_works_from_the_keyboard_and_shows_focus(live_server, page, demo_site):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + "/")
    menu = page.locator("details.menu")
    panel_link = page.locator(".menu__list a").nth(1)
    assert not panel_link.is_visible()
    page.keyboard.press("Tab")  # The skip link…
    assert page.evaluate("document.activeElement.className").startswith("skip-link")
    page.keyboard.press("Tab")  # …then the menu button.
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert menu.get_attribute("open") is not None
    assert panel_link.is_visible()
    # Search is reachable from the menu: the next stop is its field.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "menu-search-q"
    page.keyboard.type("Maroc")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recherche/?q=Maroc")
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert menu.get_attribute("open") is not None
    page.keyboard.press("Space")
    assert menu.get_attribute("open") is None


def test_home_shows_the_editors_picks_in_their_order(live_server, page, demo_site):
    picks = list(
        HomePagePick.objects.order_by("sort_order").values_list(
            "article__title", flat=True
        )
    )
    assert len(picks) >= 2
    page.goto(live_server.url + "/")
    shown = page.locator(".front__top .story__title a").all_inner_texts()
    assert shown[: len(picks)] == picks
