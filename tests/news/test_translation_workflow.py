"""Translating as the newsroom does: an Éditeur translates an article side by side
(wagtail-localize), and the translation's links stay in its own edition."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page

from manchette.news.demo import roles_ensure, workflow_ensure
from manchette.news.editions import counterpart
from manchette.news.models import ArticlePage, ArticlePageRelated, HomePage
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def translate(page, code: str, **fields):
    locale, _ = Locale.objects.get_or_create(language_code=code)
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return type(copy).objects.get(pk=copy.pk)


@pytest.fixture
def editeur(client, home):
    groups = roles_ensure(home)
    workflow_ensure(home, groups["Éditeurs"])
    user = get_user_model().objects.create_user("editrice", password="motdepasse")
    user.groups.add(groups["Éditeurs"])
    client.force_login(user)
    return user


def test_an_editeur_translates_an_article_side_by_side(client, editeur, section):
    article = ArticlePageFactory(title="La pluie revient", summary="Il pleut enfin.")
    # The Arabic edition exists (an administrator translated the home page).
    translate(HomePage.objects.get(), "ar", title="الرئيسية")
    arabic = Locale.objects.get(language_code="ar")
    form = client.get(f"/admin/localize/submit/page/{article.pk}/")
    assert form.status_code == 200
    response = client.post(
        f"/admin/localize/submit/page/{article.pk}/", {"locales": [arabic.pk]}
    )
    assert response.status_code == 302
    translation = ArticlePage.objects.get(
        translation_key=article.translation_key, locale=arabic
    )
    # The translation editor shows the source's segments next to the fields.
    editor = client.get(f"/admin/pages/{translation.pk}/edit/")
    assert editor.status_code == 200
    html = editor.content.decode()
    assert 'data-component="translation-editor"' in html or "translation-editor" in html
    assert "Il pleut enfin." in html


def test_translation_picks_point_into_its_own_edition(client, section):
    home_ar = translate(HomePage.objects.get(), "ar", title="الرئيسية")
    section_ar = translate(section, "ar", title="سياسة")
    assert section_ar.get_parent().pk == home_ar.pk
    picked = ArticlePageFactory(title="Article choisi")
    article = ArticlePageFactory(title="Article principal")
    ArticlePageRelated.objects.create(page=article, article=picked, sort_order=0)
    article = ArticlePage.objects.get(pk=article.pk)
    article_ar = translate(article, "ar", title="المقال الرئيسي")
    # Picked article not translated yet: the translation keeps the French pick.
    assert [link.article_id for link in article_ar.related_links.all()] == [picked.pk]
    picked_ar = translate(
        ArticlePage.objects.get(pk=picked.pk), "ar", title="المقال المختار"
    )
    assert list(
        ArticlePageRelated.objects.filter(page=article_ar).values_list(
            "article_id", flat=True
        )
    ) == [picked_ar.pk]
    # The French article keeps its French pick.
    assert list(
        ArticlePageRelated.objects.filter(page=article).values_list(
            "article_id", flat=True
        )
    ) == [picked.pk]
    html = client.get(article_ar.url).content.decode()
    assert f'href="{picked_ar.url}"' in html
    assert f'href="{picked.url}"' not in html


def test_read_also_points_at_the_translation(client, section):
    translate(HomePage.objects.get(), "ar", title="الرئيسية")
    translate(section, "ar", title="سياسة")
    target = ArticlePageFactory(title="Article cible")
    target_ar = translate(target, "ar", title="المقال الهدف")
    source = ArticlePageFactory(
        title="Article avec lien",
        body=[
            {"type": "paragraph", "value": "<p>Texte.</p>"},
            {"type": "read_also", "value": {"article": target.pk}},
        ],
    )
    source_ar = translate(
        ArticlePage.objects.get(pk=source.pk), "ar", title="مقال مع رابط"
    )
    html = client.get(source_ar.url).content.decode()
    assert f'href="{target_ar.url}"' in html
    assert f'href="{target.url}"' not in html
    french = client.get(source.url).content.decode()
    assert f'href="{target.url}"' in french


def test_counterpart_falls_back_to_the_page_itself(section):
    article = ArticlePageFactory(title="Sans traduction")
    arabic, _ = Locale.objects.get_or_create(language_code="ar")
    assert counterpart(Page.objects.get(pk=article.pk), arabic.pk).pk == article.pk


def test_api_names_each_articles_translations(client, section):
    import json

    translate(HomePage.objects.get(), "ar", title="الرئيسية")
    translate(section, "ar", title="سياسة")
    article = ArticlePageFactory(title="Article traduit")
    article_ar = translate(ArticlePage.objects.get(pk=article.pk), "ar", title="مقال")
    data = json.loads(client.get(f"/api/articles/{article.pk}").content)
    assert data["translations"] == [
        {
            "id": article_ar.pk,
            "language": "ar",
            "url": article_ar.get_full_url(),
        }
    ]
    data = json.loads(client.get(f"/api/articles/{article_ar.pk}").content)
    assert [item["language"] for item in data["translations"]] == ["fr"]
