"""Editors work through Wagtail's admin: drafts, publishing rules and roles."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from manchette.news.demo import roles_ensure, workflow_ensure
from manchette.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def article_form(**overrides):
    data = {
        "title": "Un article écrit dans l’admin",
        "slug": "article-admin",
        "summary": "Une phrase de résumé.",
        "body": streamfield(
            [("paragraph", rich_text("<p>Le corps de l’article.</p>"))]
        ),
        "tags": "",
        "article_authors": inline_formset([]),
        "related_links": inline_formset([]),
        "comments_open": "on",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def editor(client, home):
    user = get_user_model().objects.create_superuser(
        "chef", "chef@example.invalid", "motdepasse"
    )
    client.force_login(user)
    return user


def add_url(section):
    return f"/admin/pages/add/news/articlepage/{section.pk}/"


def test_publishing_without_en_bref_is_refused(client, editor, section):
    response = client.post(
        add_url(section), {**article_form(summary=""), "action-publish": "publish"}
    )
    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="article-admin").exists()
    assert "summary" in response.context["form"].errors


def test_a_draft_may_be_saved_without_en_bref(client, editor, section):
    response = client.post(add_url(section), article_form(summary=""))
    assert response.status_code == 302, response.context["form"].errors
    draft = ArticlePage.objects.get(slug="article-admin")
    assert not draft.live
    assert client.get("/politique/article-admin/").status_code == 404


def test_en_bref_of_four_sentences_is_refused(client, editor, section):
    summary = "Une. Deux phrases. Trois phrases. Quatre phrases."
    response = client.post(
        add_url(section), {**article_form(summary=summary), "action-publish": "publish"}
    )
    assert response.status_code == 200
    assert "trois au plus" in str(response.context["form"].errors["summary"])


def test_publishing_from_the_admin_computes_reading_time_and_section(
    client, editor, section
):
    body = streamfield(
        [("paragraph", rich_text("<p>" + " ".join(["mot"] * 320) + "</p>"))]
    )
    response = client.post(
        add_url(section), {**article_form(body=body), "action-publish": "publish"}
    )
    assert response.status_code == 302, response.context["form"].errors
    article = ArticlePage.objects.get(slug="article-admin")
    assert article.live
    assert article.reading_minutes == 3
    assert article.section_id == section.pk
    assert "Temps de lecture : 3 minutes" in client.get(article.url).content.decode()


def test_an_author_cannot_publish_but_can_submit_for_review(client, home, section):
    groups = roles_ensure(home)
    workflow_ensure(home, groups["Éditeurs"])
    author = get_user_model().objects.create_user(
        "plume", "plume@example.invalid", "motdepasse"
    )
    author.groups.add(groups["Auteurs"])
    client.force_login(author)

    client.post(add_url(section), {**article_form(), "action-publish": "publish"})
    article = ArticlePage.objects.get(slug="article-admin")
    assert not article.live

    client.post(
        f"/admin/pages/{article.pk}/edit/",
        {**article_form(), "action-submit": "submit"},
    )
    article.refresh_from_db()
    assert not article.live
    assert article.current_workflow_state is not None
    assert article.current_workflow_state.status == "in_progress"


def test_editor_previews_a_draft_before_publishing(client, editor, section):
    client.post(add_url(section), article_form(summary="Résumé du brouillon."))
    draft = ArticlePage.objects.get(slug="article-admin")
    preview_url = f"/admin/pages/{draft.pk}/edit/preview/"
    form = article_form(title="Titre vu en aperçu", summary="Résumé du brouillon.")
    assert client.post(preview_url, form).json()["is_valid"] is True
    html = client.get(preview_url).content.decode()
    assert "Titre vu en aperçu" in html
    assert "Temps de lecture : 1 minute" in html
    assert client.get("/politique/article-admin/").status_code == 404


def test_control_characters_typed_in_the_admin_are_dropped(client, section):
    from django.contrib.auth import get_user_model

    from manchette.core.admin_forms import XmlSafePageForm
    from manchette.news.models import ArticlePage

    assert issubclass(ArticlePage.get_edit_handler().get_form_class(), XmlSafePageForm)
    user = get_user_model().objects.create_superuser("x", "x@example.org", "x")
    client.force_login(user)
    article = ArticlePage(title="Propre", summary="Une phrase.")
    section.add_child(instance=article)
    article.title = "Titre\x07 piégé\x1b"
    article.summary = "Résumé\x0b piégé."
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.title == "Titre piégé"
    assert article.summary == "Résumé piégé."
