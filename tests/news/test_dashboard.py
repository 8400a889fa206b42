"""Dashboards: the author's own articles, the editor's day."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from manchette.news.demo import roles_ensure, workflow_ensure
from manchette.news.models import ArticlePage, AuthorPage
from manchette.news.services import author_ensure
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups(home):
    groups = roles_ensure(home)
    workflow_ensure(home, groups["Éditeurs"])
    return groups


def make_user(name, group):
    user = get_user_model().objects.create_user(name, f"{name}@example.invalid", "x")
    user.groups.add(group)
    return user


def test_the_author_sees_drafts_review_and_published_today(client, groups, section):
    user = make_user("plume", groups["Auteurs"])
    author = author_ensure(name="Plume")
    AuthorPage.objects.filter(pk=author.pk).update(user=user)
    # A draft is the user's by its owner (Wagtail writes the byline rows of a
    # draft into its revisions only), a published article by its byline too.
    draft = ArticlePageFactory(title="Mon brouillon", publish=False)
    ArticlePageFactory(
        title="Mon article du jour", authors=[author], published_at=timezone.now()
    )
    ArticlePageFactory(title="L’article d’un autre", publish=False)
    in_review = ArticlePageFactory(title="Ma relecture", publish=False)
    ArticlePage.objects.filter(pk__in=[draft.pk, in_review.pk]).update(owner=user)
    in_review = ArticlePage.objects.get(pk=in_review.pk)
    in_review.get_workflow().start(in_review, user)
    ArticlePage.objects.filter(pk__gt=0).update(last_published_at=timezone.now())

    client.force_login(user)
    html = client.get("/admin/").content.decode()
    panel = html[html.index('id="manchette-my-articles-section"') :]
    drafts = panel[
        panel.index("Mes brouillons") : panel.index("En attente de relecture")
    ]
    review = panel[
        panel.index("En attente de relecture") : panel.index("Publiés aujourd’hui")
    ]
    assert "Mon brouillon" in drafts
    assert "Ma relecture" in review
    assert "Ma relecture" not in drafts
    assert "Mon article du jour" in panel
    assert f'href="/admin/pages/add/news/articlepage/{section.pk}/"' in panel
    assert "L’article d’un autre" not in panel
    # Not an editor: no editor panels.
    assert 'id="manchette-today-section"' not in html
    assert 'id="manchette-brief-section"' not in html


def test_the_editor_sees_the_day(client, groups, section):
    user = make_user("chef", groups["Éditeurs"])
    ArticlePageFactory(title="Publié ce matin", published_at=timezone.now())
    old = ArticlePageFactory(title="Publié il y a trois jours")
    ArticlePage.objects.filter(pk=old.pk).update(
        last_published_at=timezone.now() - timedelta(days=3)
    )
    scheduled = ArticlePageFactory(title="Programmé ce soir", publish=False)
    scheduled = ArticlePage.objects.get(pk=scheduled.pk)
    later = timezone.localtime().replace(hour=23, minute=59)
    scheduled.go_live_at = later
    scheduled.save_revision().publish()
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    today = html[html.index('id="manchette-today-section"') :]
    assert "Programmé ce soir" in today
    assert "Publié ce matin" in today
    assert "Publié il y a trois jours" not in today
    assert 'id="manchette-comments-section"' in html
    assert "Aucun commentaire en attente." in html
    assert 'id="manchette-brief-section"' in html
    assert "Pas encore composé" in html
