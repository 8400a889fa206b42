"""Wagtail's autosave is off in the newsroom (docs/decisions.md): the article
editor sends no background saves that could race an editor's own clicks.
"""

import pytest

pytestmark = pytest.mark.django_db


def editor_html(client, section) -> str:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("chef", "chef@example.org", "x")
    client.force_login(user)
    response = client.get(f"/admin/pages/add/news/articlepage/{section.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_article_editor_does_not_autosave(client, section):
    assert "data-w-autosave-interval-value" not in editor_html(client, section)


def test_autosave_can_be_turned_back_on(client, section, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 500
    assert "data-w-autosave-interval-value" in editor_html(client, section)
