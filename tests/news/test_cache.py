import pytest
from django.test import Client

import manchette.core.cache as page_cache_module
from manchette.core.cache import cached_paths, urls_for
from manchette.news.models import ArticlePage
from manchette.news.services import ArticleData, article_save
from tests.factories import ArticlePageFactory, section_get

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _commit_free_purges(monkeypatch):
    """Tests never commit, so purges never replace their pending marks: shorten them."""
    monkeypatch.setattr(page_cache_module, "PENDING_SECONDS", 0.0)


def cache_state(paths):
    """Return, for each path, whether the next anonymous GET is a cache hit."""
    reader = Client()
    return {path: reader.get(path)["X-Page-Cache"] == "hit" for path in paths}


def warm(paths):
    reader = Client()
    for path in paths:
        assert reader.get(path).status_code == 200, path


def republish(article, **changes):
    data = ArticleData(
        title=changes.get("title", article.title),
        summary=article.summary,
        body=[{"type": "paragraph", "value": "<p>Corps.</p>"}],
        tags=changes.get("tags", list(article.tags.names())),
        authors=article.author_list,
    )
    with_commit = article_save(section=article.section, data=data, article=article)
    return with_commit[0]


def test_article_names_itself_its_section_home_tags_and_authors(section):
    article = ArticlePageFactory(tags=["elections"], authors=["Salma Bennani"])
    assert urls_for(article) == {
        article.url,
        "/politique/",
        "/",
        "/sujets/",
        "/sujets/elections/",
        "/auteurs/salma-bennani/",
    }


def test_publishing_purges_every_page_showing_the_article_and_only_those(
    section, django_capture_on_commit_callbacks
):
    economie = section_get("economie", "Économie")
    article = ArticlePageFactory(tags=["budget"], authors=["Salma Bennani"])
    # "other" shows the article in its related list (same tag).
    other = ArticlePageFactory(tags=["budget"])
    unrelated = ArticlePageFactory(section=economie, tags=["sport"])
    showing = [
        article.url,
        other.url,
        "/",
        "/politique/",
        "/sujets/budget/",
        "/auteurs/salma-bennani/",
    ]
    untouched = [unrelated.url, "/economie/", "/sujets/sport/"]
    warm(showing + untouched)
    assert article.url in Client().get(other.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        republish(article, title="Titre corrigé")

    assert cache_state(showing) == dict.fromkeys(showing, False)
    assert cache_state(untouched) == dict.fromkeys(untouched, True)
    assert "Titre corrigé" in Client().get(other.url).content.decode()


def test_removing_a_tag_purges_the_old_tag_page(
    section, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(tags=["budget"])
    warm(["/sujets/budget/"])
    with django_capture_on_commit_callbacks(execute=True):
        republish(article, tags=["fiscalite"])
    assert article.url not in Client().get("/sujets/budget/").content.decode()


def test_unpublishing_purges_the_article_and_its_lists(
    section, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(tags=["budget"])
    warm([article.url, "/", "/politique/", "/sujets/budget/"])
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).unpublish()
    reader = Client()
    assert reader.get(article.url).status_code == 404
    for path in ["/", "/politique/", "/sujets/budget/"]:
        assert article.url not in reader.get(path).content.decode()


def test_moving_purges_old_address_and_both_sections(
    section, django_capture_on_commit_callbacks
):
    economie = section_get("economie", "Économie")
    article = ArticlePageFactory()
    old_url = article.url
    warm([old_url, "/politique/", "/economie/"])
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).move(economie, pos="last-child")
    reader = Client()
    assert reader.get(old_url).status_code in {301, 404}
    assert old_url not in reader.get("/politique/").content.decode()
    moved = ArticlePage.objects.get(pk=article.pk)
    assert moved.url in reader.get("/economie/").content.decode()


def test_deleting_purges_the_lists(section, django_capture_on_commit_callbacks):
    article = ArticlePageFactory(tags=["budget"])
    url = article.url
    warm(["/", "/politique/", "/sujets/budget/"])
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).delete()
    reader = Client()
    for path in ["/", "/politique/"]:
        assert url not in reader.get(path).content.decode()


def test_section_rename_purges_every_page_with_the_navigation(
    section, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory()
    warm([article.url, "/"])
    assert cached_paths() >= {article.url, "/"}
    with django_capture_on_commit_callbacks(execute=True):
        section.title = "Politique nationale"
        section.save_revision().publish()
    reader = Client()
    assert "Politique nationale" in reader.get(article.url).content.decode()
    assert "Politique nationale" in reader.get("/").content.decode()


def test_site_identity_change_purges_everything(
    section, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    from manchette.core.models import SiteIdentity

    article = ArticlePageFactory()
    warm([article.url, "/"])
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    with django_capture_on_commit_callbacks(execute=True):
        identity.newsletter_title = "La lettre du matin"
        identity.save()
    assert "La lettre du matin" in Client().get(article.url).content.decode()


def test_publishing_purges_older_articles_whose_related_box_now_shows_it(
    section, django_capture_on_commit_callbacks
):
    """A new article enters the related box of older ones that cannot link to it
    yet; exactly those are purged (by the worker's task), not the rest.
    """
    from manchette.news.models import ArticlePageRelated

    economie = section_get("economie", "Économie")
    same_tag = ArticlePageFactory(section=economie, tags=["eau"])
    same_section = ArticlePageFactory(tags=["sport"])
    # Eight editor picks fill this one's related box: a new article cannot enter.
    full_box = ArticlePageFactory(section=economie, tags=["eau"])
    picks = [ArticlePageFactory(section=economie) for _ in range(8)]
    for order, pick in enumerate(picks):
        ArticlePageRelated.objects.create(page=full_box, article=pick, sort_order=order)
    unrelated = ArticlePageFactory(section=economie, tags=["culture"])
    showing = [same_tag.url, same_section.url]
    untouched = [full_box.url, unrelated.url]
    warm(showing + untouched)

    with django_capture_on_commit_callbacks(execute=True):
        new = ArticlePageFactory(title="Pénurie d’eau à Tanger", tags=["eau"])

    assert cache_state(showing) == dict.fromkeys(showing, False)
    assert cache_state(untouched) == dict.fromkeys(untouched, True)
    for path in showing:
        assert new.url in Client().get(path).content.decode()
    assert new.url not in Client().get(full_box.url).content.decode()
