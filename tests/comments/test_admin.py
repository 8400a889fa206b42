import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from manchette.comments.models import Comment
from manchette.news.models import ArticlePage
from tests.comments.conftest import make_comment

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/comments/comment/"


@pytest.fixture
def admin_client(client, home):
    user = get_user_model().objects.create_superuser(
        "moderatrice", "moderatrice@example.org", "motdepasse-solide"
    )
    client.force_login(user)
    return client


def bulk_url(action, *comments):
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    return (
        reverse("wagtail_bulk_action", args=("comments", "comment", action))
        + f"?{ids}&next={LIST_URL}"
    )


def test_queue_lists_pending_comments_without_emails(admin_client, article):
    make_comment(
        article,
        body="Commentaire en attente",
        status="pending",
        author_email="cache@example.org",
    )
    make_comment(article, body="Commentaire publié")
    response = admin_client.get(LIST_URL + "?status=pending")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Commentaire en attente" in html
    assert "Commentaire publié" not in html
    assert "cache@example.org" not in html


def test_queue_filters_by_article(admin_client, article, section):
    from tests.factories import ArticlePageFactory

    other = ArticlePageFactory(title="Autre article")
    make_comment(article, body="Sur le premier")
    make_comment(other, body="Sur le second")
    html = admin_client.get(LIST_URL + f"?article={other.pk}").content.decode()
    assert "Sur le second" in html
    assert "Sur le premier" not in html


def test_queue_filters_by_date(admin_client, article):
    from datetime import datetime

    from django.utils import timezone

    make_comment(
        article, body="Ancien", created_at=timezone.make_aware(datetime(2024, 1, 5))
    )
    make_comment(article, body="Récent")
    html = admin_client.get(
        LIST_URL + "?created_at_from=2024-01-01&created_at_to=2024-01-31"
    ).content.decode()
    assert "Ancien" in html
    assert "Récent" not in html


def test_menu_shows_the_pending_count(admin_client, article):
    make_comment(article, status="pending")
    make_comment(article, status="pending", body="Deux")
    html = admin_client.get("/admin/").content.decode()
    assert "Commentaires (2)" in html
    assert "/admin/snippets/comments/comment/?status=pending" in html


def test_row_actions_link_to_approve_reject_and_spam(admin_client, article):
    comment = make_comment(article, status="pending")
    html = admin_client.get(LIST_URL).content.decode()
    for action in ("approve", "reject", "spam"):
        assert f"/admin/bulk/comments/comment/{action}/?id={comment.pk}" in html


def test_bulk_approve_publishes_and_counts(admin_client, article):
    first = make_comment(article, status="pending")
    second = make_comment(article, status="pending", body="Deux")
    url = bulk_url("approve", first, second)
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url)
    assert response.status_code == 302
    assert set(Comment.objects.values_list("status", flat=True)) == {"approved"}
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 2


@pytest.mark.parametrize(
    ("action", "status"), [("reject", "rejected"), ("spam", "spam")]
)
def test_bulk_reject_and_spam_unpublish(admin_client, article, action, status):
    comment = make_comment(article)
    admin_client.post(bulk_url("approve", comment))
    admin_client.post(bulk_url(action, comment))
    comment.refresh_from_db()
    assert comment.status == status
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 0


def test_bulk_delete_refreshes_the_count(admin_client, article):
    comment = make_comment(article)
    admin_client.post(bulk_url("approve", comment))
    admin_client.post(bulk_url("delete", comment))
    assert not Comment.objects.exists()
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 0


def test_edit_changes_text_and_status(admin_client, article):
    comment = make_comment(article, status="pending")
    url = reverse("wagtailsnippets_comments_comment:edit", args=[comment.pk])
    html = admin_client.get(url).content.decode()
    assert "karim@example.org" not in html
    response = admin_client.post(
        url,
        {
            "status": "approved",
            "author_name": "Karim",
            "author_url": "",
            "body": "Corrigé",
        },
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.body) == ("approved", "Corrigé")
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 1


def test_nobody_adds_comments_from_the_admin(admin_client, article):
    response = admin_client.get("/admin/snippets/comments/comment/add/")
    assert response.status_code in {302, 403}
    assert (
        'href="/admin/snippets/comments/comment/add/"'
        not in admin_client.get(LIST_URL).content.decode()
    )


def test_user_without_permission_sees_no_queue(client, article):
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("auteur", password="motdepasse-solide")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    make_comment(article, status="pending")
    assert "Commentaires (1)" not in client.get("/admin/").content.decode()
    assert client.get(LIST_URL).status_code in {302, 403}


def test_rules_are_edited_in_the_settings(admin_client, rules):
    url = reverse("wagtailsettings:edit", args=["comments", "commentsettings"])
    html = admin_client.get(url, follow=True).content.decode()
    assert "Règles de modération" in html
    assert "mots à modérer" in html.lower()
