"""Newsroom previews beside the editor: card, search result, social card."""

import pytest
from django.contrib.auth import get_user_model

from manchette.news.models import ArticlePage
from tests.news.test_admin import add_url, article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, home):
    user = get_user_model().objects.create_superuser(
        "chef", "chef@example.invalid", "motdepasse"
    )
    client.force_login(user)
    return user


@pytest.fixture
def draft(client, editor, section):
    client.post(add_url(section), article_form(summary="Résumé du brouillon."))
    return ArticlePage.objects.get(slug="article-admin")


def preview(client, url, mode, **fields):
    assert client.post(url, article_form(**fields)).json()["is_valid"] is True
    response = client.get(f"{url}?mode={mode}")
    assert response.status_code == 200
    return response.content.decode()


def test_the_search_preview_counts_title_and_description(client, draft):
    url = f"/admin/pages/{draft.pk}/edit/preview/"
    html = preview(client, url, "search", title="Un titre court", summary="Court.")
    assert "Un titre court | " in html
    assert 'data-count="title">' in html
    assert "caractères sur 60 affichés" in html
    assert "caractères sur 160 affichés" in html
    assert "trop long" not in html


def test_a_long_summary_is_cut_like_a_search_engine(client, draft):
    long_summary = "Une phrase très longue qui décrit l’article. " * 6
    url = f"/admin/pages/{draft.pk}/edit/preview/"
    html = preview(client, url, "search", summary=long_summary.strip())
    assert "trop longue" in html
    assert "…" in html


def test_the_social_and_card_previews_show_title_and_summary(client, draft):
    url = f"/admin/pages/{draft.pk}/edit/preview/"
    social = preview(client, url, "social", title="Titre partagé")
    assert "Titre partagé" in social
    assert "og:description" in social
    assert "Une phrase de résumé." in social
    card = preview(client, url, "card", title="Titre en carte")
    assert 'class="card' in card
    assert "Titre en carte" in card


def test_a_new_article_can_be_previewed_as_a_card(client, editor, section):
    url = add_url(section) + "preview/"
    html = preview(client, url, "card", title="Pas encore enregistré")
    assert "Pas encore enregistré" in html
