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
from tests.browser import WIDTHS, check_pages, fonts_loaded, menu_keyboard_problems

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser,
    pytest.mark.usefixtures("wagtail_base_data"),
]

MAX_HOME_HEIGHT = 9000
MAX_ARTICLE_FONTS = 120 * 1024


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
    # Every page at 320, 390, 768 and 1,366 px: no overflow, no axe violation;
    # valid HTML as served (Nu checker).
    problems = check_pages(
        browser, live_server.url, demo_site, tmp_path, locale="fr-FR"
    )
    # The home page's height on a phone.
    context = browser.new_context(
        locale="fr-FR", viewport={"width": 390, "height": 800}
    )
    tab = context.new_page()
    tab.goto(live_server.url + "/")
    height = tab.evaluate("document.documentElement.scrollHeight")
    if height > MAX_HOME_HEIGHT:
        problems.append(f"home at 390px is {height}px tall")
    context.close()
    # Fonts of a French article: Latin faces only, within the budget.
    fonts = fonts_loaded(
        browser, live_server.url + demo_site["article"], locale="fr-FR"
    )
    if sum(fonts.values()) > MAX_ARTICLE_FONTS or any("arabic" in f for f in fonts):
        problems.append(f"article fonts: {fonts}")
    assert not problems, "\n".join(problems)


def test_menu_works_from_the_keyboard_at_every_width(live_server, page, demo_site):
    problems = []
    for width in WIDTHS:
        problems += menu_keyboard_problems(page, live_server.url + "/", width)
    assert not problems, "\n".join(problems)
    # Search is reachable from the menu: type in its field and submit.
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")  # The skip link…
    assert page.evaluate("document.activeElement.className").startswith("skip-link")
    page.keyboard.press("Tab")  # …then the menu button.
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "menu-search-q"
    page.keyboard.type("Maroc")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recherche/?q=Maroc")


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
