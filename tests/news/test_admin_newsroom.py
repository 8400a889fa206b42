"""The newsroom's admin: bylines, the article chooser and slug clashes."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from manchette.news.models import ArticlePage, AuthorPage, SectionPage
from manchette.news.services import author_ensure
from tests.factories import ArticlePageFactory, section_get
from tests.news.test_admin import add_url, article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, home):
    user = get_user_model().objects.create_superuser(
        "chef", "chef@example.invalid", "motdepasse"
    )
    client.force_login(user)
    return user


# Bylines.


def test_a_new_article_starts_with_the_users_author(client, editor, section):
    author = author_ensure(name="Salma Idrissi")
    AuthorPage.objects.filter(pk=author.pk).update(user=editor)
    html = client.get(add_url(section)).content.decode()
    assert f'name="article_authors-0-author" value="{author.pk}"' in html
    assert 'name="article_authors-TOTAL_FORMS" value="1"' in html


def test_the_prefilled_byline_is_saved(client, editor, section):
    author = author_ensure(name="Salma Idrissi")
    AuthorPage.objects.filter(pk=author.pk).update(user=editor)
    form = article_form()
    form.update(
        {
            "article_authors-TOTAL_FORMS": "1",
            "article_authors-0-author": str(author.pk),
            "article_authors-0-id": "",
            "article_authors-0-ORDER": "1",
            "article_authors-0-DELETE": "",
        }
    )
    response = client.post(add_url(section), form)
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="article-admin")
    assert [link.author_id for link in article.article_authors.all()] == [author.pk]


def test_a_user_without_author_page_is_told_what_to_do(client, editor, section):
    html = client.get(add_url(section)).content.decode()
    assert "n’est lié à aucune page auteur" in html
    assert 'name="article_authors-TOTAL_FORMS" value="0"' in html


def test_an_empty_byline_row_says_what_to_do(client, editor, section):
    form = article_form()
    form.update(
        {
            "article_authors-TOTAL_FORMS": "1",
            "article_authors-0-author": "",
            "article_authors-0-id": "",
            "article_authors-0-ORDER": "1",
            "article_authors-0-DELETE": "",
        }
    )
    response = client.post(add_url(section), form)
    assert response.status_code == 200
    assert "Choisissez un auteur dans cette ligne" in response.content.decode()


# Slugs.


def test_a_slug_clash_names_the_page_and_offers_a_free_slug(client, editor, section):
    held = ArticlePageFactory(title="Le budget adopté", section=section)
    ArticlePage.objects.filter(pk=held.pk).update(slug="article-admin")
    ArticlePageFactory(title="Autre", section=section)
    response = client.post(add_url(section), article_form())
    assert response.status_code == 200
    errors = str(response.context["form"].errors["slug"])
    assert "Le budget adopté" in errors
    assert "Adresse libre : « article-admin-2 »" in errors
    # The message at the top of the page links to the page holding the slug.
    html = response.content.decode()
    assert f'« <a href="/admin/pages/{held.pk}/edit/">Le budget adopté</a> »' in html


def test_an_abandoned_draft_gives_its_slug_up(client, editor, section, settings):
    settings.MANCHETTE_DRAFT_SLUG_DAYS = 2
    draft = ArticlePageFactory(title="Essai avorté", section=section, publish=False)
    old = timezone.now() - timedelta(days=3)
    ArticlePage.objects.filter(pk=draft.pk).update(
        slug="article-admin", latest_revision_created_at=old
    )
    response = client.post(add_url(section), article_form())
    assert response.status_code == 302
    assert ArticlePage.objects.filter(slug="article-admin").exclude(pk=draft.pk)
    draft.refresh_from_db()
    assert draft.slug == f"article-admin-brouillon-{draft.pk}"
    assert draft.get_latest_revision_as_object().slug == draft.slug


def test_a_recent_draft_keeps_its_slug(client, editor, section):
    draft = ArticlePageFactory(
        title="Brouillon du jour", section=section, publish=False
    )
    ArticlePage.objects.filter(pk=draft.pk).update(
        slug="article-admin", latest_revision_created_at=timezone.now()
    )
    response = client.post(add_url(section), article_form())
    assert response.status_code == 200
    errors = str(response.context["form"].errors["slug"])
    assert "brouillon jamais publié" in errors
    assert "Brouillon du jour" in errors


# The article chooser.


def test_the_chooser_opens_on_the_newest_articles(client, editor, section):
    now = timezone.now()
    older = ArticlePageFactory(title="Hier", published_at=now - timedelta(days=1))
    newer = ArticlePageFactory(title="Aujourd’hui", published_at=now)
    html = client.get("/admin/article_chooser/").json()["html"]
    assert html.index(newer.title) < html.index(older.title)


def test_the_chooser_finds_an_article_by_title(client, editor, section):
    ArticlePageFactory(title="Le port de Tanger bat un record")
    ArticlePageFactory(title="La pluie revient")
    html = client.get("/admin/article_chooser/results/?q=tanger").content.decode()
    assert "Le port de Tanger bat un record" in html
    assert "La pluie revient" not in html


def test_the_chooser_filters_by_section_and_day(client, editor, section):
    sport = section_get("sport", "Sport")
    yesterday = timezone.now() - timedelta(days=1)
    ArticlePageFactory(title="Match nul", section=sport, published_at=yesterday)
    ArticlePageFactory(title="Match gagné", section=sport, published_at=timezone.now())
    ArticlePageFactory(title="Vote au parlement", published_at=yesterday)
    day = timezone.localdate(yesterday).isoformat()
    html = client.get(
        f"/admin/article_chooser/results/?section={sport.pk}&day={day}"
    ).content.decode()
    assert "Match nul" in html
    assert "Match gagné" not in html
    assert "Vote au parlement" not in html


def test_read_also_and_related_articles_use_the_article_chooser(
    client, editor, section
):
    html = client.get(add_url(section)).content.decode()
    assert "/admin/article_chooser/" in html


def test_the_chooser_browses_the_section_tree(client, editor, section):
    elections = section.add_child(
        instance=SectionPage(title="Élections", slug="elections")
    )
    html = client.get("/admin/article_chooser/").json()["html"]
    assert f'?section={section.pk}" data-chooser-modal-choice>Politique</a>' in html
    html = client.get(f"/admin/article_chooser/?section={section.pk}").json()["html"]
    assert "<strong>Politique</strong>" in html
    assert f'?section={elections.pk}" data-chooser-modal-choice>Élections</a>' in html


def test_the_demo_author_account_signs_as_a_demo_author(home):
    from manchette.news.demo_bylines import demo_bylines_link

    user = get_user_model().objects.create_user("auteur", "a@example.invalid", "x")
    author = author_ensure(name="Hamza Ouchen", slug="hamza-ouchen")
    demo_bylines_link()
    demo_bylines_link()
    author.refresh_from_db()
    assert author.user == user
