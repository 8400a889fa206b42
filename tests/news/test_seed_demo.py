from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Site, WorkflowPage

from manchette.news import demo_content, demo_editions
from manchette.news.models import (
    ArticlePage,
    AuthorPage,
    ContentPage,
    CorrectionNote,
    LiveBlogPage,
    LiveUpdate,
    SectionPage,
)

pytestmark = pytest.mark.django_db


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_builds_the_site_and_is_safe_to_rerun(client):
    """One demo build (about 25 s) checked from every side, then built again."""
    first = seed()
    newsroom_checks(first)
    read_also_checks()
    editions_checks(client)
    breaking_news_checks(client)
    editor_checks(client)

    second = seed()
    french = {"locale__language_code": "fr"}
    articles = ArticlePage.objects.live().filter(**french).not_exact_type(LiveBlogPage)
    assert "0 article(s) created" in second
    assert "password '" not in second
    assert articles.count() == len(demo_content.ARTICLES)
    assert ArticlePage.objects.filter(locale__language_code="ar").count() == 13
    assert LiveUpdate.objects.count() == 20
    assert client.get("/").status_code == 200


def newsroom_checks(first):
    french = {"locale__language_code": "fr"}
    articles = (
        ArticlePage.objects.live().filter(**french).not_exact_type(LiveBlogPage)
    )  # demo_live
    assert articles.count() == len(demo_content.ARTICLES) >= 30
    assert list(
        SectionPage.objects.filter(**french)
        .order_by("path")
        .values_list("title", flat=True)
    ) == [
        "Politique",
        "Économie",
        "Société",
        "Monde",
        "Sport",
        "Culture",
        "Tech",
    ]
    # Each edition's journalists, and their pages in the other edition.
    assert AuthorPage.objects.count() == len(demo_content.AUTHORS) + sum(
        len(content.AUTHORS) + len(content.AUTHOR_TRANSLATIONS)
        for content in (demo_editions.ar, demo_editions.en)
    )
    assert "account 'editeur' password '" in first
    assert Site.objects.get(is_default_site=True).root_page.title == "Accueil"
    assert WorkflowPage.objects.filter(page__slug="accueil").exists()
    editor = get_user_model().objects.get(username="editeur")
    assert editor.groups.filter(name="Éditeurs").exists()


def read_also_checks():
    read_also = [
        article
        for article in ArticlePage.objects.live().filter(locale__language_code="fr")
        if any(block.block_type == "read_also" for block in article.body)
    ]
    assert len(read_also) >= 8
    tags = ArticlePage.tags.through.objects.values_list("tag__name", flat=True)
    assert max(list(tags).count(name) for name in set(tags)) >= 2


def test_demo_content_is_consistent():
    assert demo_content.check() == []


def editor_checks(client):
    """Editors moderate comments, run the newsletter and live blogs; only
    administrators delete correction notes. Logs the client in last.
    """
    editor = get_user_model().objects.get(username="editeur")
    assert editor.has_perm("comments.change_comment")
    assert editor.has_perm("newsletter.change_briefissue")
    assert not editor.has_perm("comments.change_commentsettings")
    assert editor.has_perm("news.add_liveupdate")
    assert not editor.has_perm("news.delete_correctionnote")
    assert editor.has_perm("newsletter.view_articlereadcount")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.has_perm("news.delete_correctionnote")
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def breaking_news_checks(client):
    """A finished live blog, a correction and an update note, the policy page."""
    live = LiveBlogPage.objects.get()
    assert live.status == LiveBlogPage.Status.ENDED
    assert LiveUpdate.objects.filter(page=live).count() == 20
    assert CorrectionNote.objects.filter(kind="correction").count() == 1
    assert CorrectionNote.objects.filter(kind="update").count() == 1
    assert "Direct terminé" in client.get(live.url).content.decode()
    assert client.get("/corrections/").status_code == 200
    policy = client.get("/politique-editoriale/").content.decode()
    assert "/corrections/" in policy


def editions_checks(client):
    for code, content in (("ar", demo_editions.ar), ("en", demo_editions.en)):
        originals = ArticlePage.objects.live().filter(
            locale__language_code=code, source_uri__startswith=f"demo:{code}:"
        )
        assert originals.count() == len(content.ARTICLES) == 10
        translated = [item for item in content.ARTICLES if item.get("translation")]
        other = "en" if code == "ar" else "ar"
        for item in translated:
            article = originals.get(source_uri=f"demo:{code}:{item['slug']}")
            version = article.get_translations().get(locale__language_code=other)
            assert version.live
            assert version.title == item["translation"]["title"]
            # Its own tags, and bylines on its edition's author pages.
            assert sorted(version.tags.names()) == sorted(item["translation"]["tags"])
            assert {
                link.author.locale_id for link in version.article_authors.all()
            } == {version.locale_id}
        # Each article its own picture; footer pages in the edition's language.
        images = set(originals.values_list("featured_image_id", flat=True))
        assert len(images) == len(content.ARTICLES)
        assert None not in images
        footer = ContentPage.objects.live().filter(locale__language_code=code)
        assert sorted(footer.values_list("title", flat=True)) == sorted(
            title for _slug, title, _body in content.FOOTER_PAGES.values()
        )
        home = client.get(f"/{code}/")
        assert home.status_code == 200
        assert content.ARTICLES[0]["title"] in home.content.decode()
    # Arabic sections and articles have Arabic slugs.
    economy = SectionPage.objects.get(locale__language_code="ar", title="اقتصاد")
    assert economy.slug == "اقتصاد"
    assert client.get(economy.url).status_code == 200
