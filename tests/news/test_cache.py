import pytest
from django.test import Client

from manchette.news.models import ArticlePage
from manchette.news.services import ArticleData, article_save
from tests.factories import ArticlePageFactory, section_get
from tests.pagecache import shown_tags

pytestmark = pytest.mark.django_db


def warm(paths) -> dict[str, set[str]]:
    """Return the tags under which each page is stored in the shared cache."""
    return {path: shown_tags(path) for path in paths}


def purged(shown: dict[str, set[str]], purges) -> list[str]:
    """Return the pages of ``shown`` that the purges received so far reach."""
    tags = purges.tags()
    return [path for path, carried in shown.items() if carried & tags]


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


def test_publishing_purges_every_page_showing_the_article(
    section, purges, django_capture_on_commit_callbacks
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
    assert unrelated.url
    shown = warm(showing)
    assert article.url in Client().get(other.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        republish(article, title="Titre corrigé")

    assert purged(shown, purges) == showing
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
    section, purges, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory()
    shown = warm([article.url, "/"])
    with django_capture_on_commit_callbacks(execute=True):
        section.title = "Politique nationale"
        section.save_revision().publish()
    assert purged(shown, purges) == [article.url, "/"]
    reader = Client()
    assert "Politique nationale" in reader.get(article.url).content.decode()
    assert "Politique nationale" in reader.get("/").content.decode()


def test_site_identity_change_purges_everything(
    section, purges, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    from manchette.core.models import SiteIdentity

    article = ArticlePageFactory()
    shown = warm([article.url, "/"])
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    with django_capture_on_commit_callbacks(execute=True):
        identity.newsletter_title = "La lettre du matin"
        identity.save()
    assert purged(shown, purges) == [article.url, "/"]
    assert "La lettre du matin" in Client().get(article.url).content.decode()
