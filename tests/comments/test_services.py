from email import message_from_bytes, policy

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from manchette.comments.models import Comment
from manchette.comments.services import (
    CommentBlocked,
    comment_count_refresh,
    comment_notify_editors,
    comment_set_status,
    comment_status_decide,
    comment_submit,
)
from manchette.news.models import ArticlePage
from tests.comments.conftest import make_comment
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def submit(article, rules, **fields):
    fields.setdefault("name", "Nadia")
    fields.setdefault("email", "nadia@example.org")
    fields.setdefault("body", "Un avis argumenté.")
    fields.setdefault("ip", "203.0.113.5")
    return comment_submit(article=article, rules=rules, **fields)


def decide(rules, **fields):
    fields.setdefault("name", "Nadia")
    fields.setdefault("email", "nadia@example.org")
    fields.setdefault("url", "")
    fields.setdefault("body", "Un avis.")
    return comment_status_decide(rules=rules, **fields)


def test_first_comment_is_held(rules):
    assert decide(rules) == ("pending", "premier commentaire")


def test_previously_approved_email_is_trusted(rules, article):
    make_comment(article, author_email="nadia@example.org")
    assert decide(rules, email="NADIA@example.org")[0] == "approved"


def test_previously_rejected_email_is_not_trusted(rules, article):
    make_comment(article, author_email="nadia@example.org", status="rejected")
    assert decide(rules)[0] == "pending"


def test_too_many_links_are_held_even_for_trusted_authors(rules, article):
    make_comment(article, author_email="nadia@example.org")
    assert decide(rules, body="https://a.example et https://b.example") == (
        "pending",
        "2 liens",
    )
    assert decide(rules, body="voir https://a.example")[0] == "approved"


def test_moderation_words_hold_a_comment(rules, article):
    make_comment(article, author_email="nadia@example.org")
    rules.moderation_keys = "casino\n  crypto  \n"
    assert decide(rules, body="Le CASINO en ligne")[0] == "pending"
    assert decide(rules, url="https://crypto.example")[0] == "pending"


def test_disallowed_words_make_spam(rules):
    rules.disallowed_keys = "viagra"
    assert decide(rules, name="Viagra pas cher")[0] == "spam"


def test_moderate_all_holds_every_comment(rules, article):
    make_comment(article, author_email="nadia@example.org")
    rules.moderate_all = True
    assert decide(rules)[0] == "pending"


def test_submit_stores_a_hash_never_the_ip(rules, article):
    comment = submit(article, rules)
    assert comment.ip_hash
    assert "203.0.113" not in comment.ip_hash
    assert len(comment.ip_hash) == 64
    assert Comment.objects.filter(ip_hash__contains="203").count() == 0


def test_duplicate_from_the_same_address_is_blocked(rules, article):
    submit(article, rules)
    with pytest.raises(CommentBlocked) as blocked:
        submit(article, rules, email="autre@example.org", body="UN avis  argumenté.")
    assert blocked.value.code == "duplicate"


def test_same_text_from_someone_else_is_allowed(rules, article):
    submit(article, rules, body="Bravo")
    submit(article, rules, body="Bravo", email="b@example.org", ip="198.51.100.1")
    assert Comment.objects.count() == 2


def test_status_changes_keep_the_count(rules, article):
    first = make_comment(article, status="pending")
    second = make_comment(article, status="pending", body="Deux")
    assert comment_set_status(comments=[first, second], status="approved") == 2
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 2
    comment_set_status(comments=[first], status="spam")
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 1


def test_count_survives_publishing_an_older_revision(article):
    revision = article.latest_revision
    make_comment(article)
    comment_count_refresh(article)
    revision.publish()
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 1


def test_pending_comments_are_announced_in_one_email(
    rules, article, smtp_server, settings
):
    get_user_model().objects.create_superuser("red", "redaction@example.org", "x")
    rules.notify_emails = "veille@example.org"
    rules.save()
    for number in range(3):
        make_comment(article, status="pending", author_name=f"Lecteur {number}")
    assert comment_notify_editors() == 3
    assert comment_notify_editors() == 0
    assert len(smtp_server.messages) == 1
    envelope = smtp_server.messages[0]
    assert sorted(envelope.rcpt_tos) == ["redaction@example.org", "veille@example.org"]
    message = message_from_bytes(envelope.content, policy=policy.default)
    assert message["Subject"] == "3 commentaires attendent la modération"
    body = message.get_content()
    assert "Lecteur 0" in body
    assert "Lecteur 2" in body
    assert "karim@example.org" not in body
    assert "/admin/snippets/comments/comment/?status=pending" in body


def test_submitting_a_pending_comment_enqueues_the_notification(
    rules, article, django_capture_on_commit_callbacks, mailoutbox
):
    get_user_model().objects.create_superuser("red", "redaction@example.org", "x")
    with django_capture_on_commit_callbacks(execute=True):
        submit(article, rules)
    assert len(mailoutbox) == 1
    assert Comment.objects.get().notified_at is not None


def test_database_backend_batches_notifications(
    rules, article, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MANCHETTE_COMMENTS_NOTIFY_DELAY = 600
    for number in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            submit(
                article, rules, body=f"Avis {number}", email=f"n{number}@example.org"
            )
    tasks = DBTaskResult.objects.filter(task_path__endswith="comments_notify_editors")
    assert tasks.count() == 1
    assert tasks.get().run_after is not None


def test_approving_a_comment_invalidates_its_article_and_nothing_else(section):
    from manchette.comments.services import comment_set_status
    from manchette.core.pagecache.fragments import tag_versions

    article = ArticlePageFactory(published_at=timezone.now())
    comment = make_comment(
        article, status=Comment.Status.PENDING, body="Bravo à la rédaction"
    )
    tags = [f"article:{article.pk}", f"section:{section.pk}", "home", "site"]
    before = tag_versions(tags)
    comment_set_status(comments=[comment], status=Comment.Status.APPROVED)
    after = tag_versions(tags)
    assert {tag for tag in tags if before[tag] != after[tag]} == {
        f"article:{article.pk}"
    }


def test_approving_a_comment_purges_the_cached_article(
    client, section, purges, django_capture_on_commit_callbacks
):
    from manchette.comments.services import comment_set_status
    from tests.pagecache import shown_tags

    article = ArticlePageFactory(published_at=timezone.now())
    comment = make_comment(
        article, status=Comment.Status.PENDING, body="Bravo à la rédaction"
    )
    shown = shown_tags(article.url)
    purges.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment_set_status(comments=[comment], status=Comment.Status.APPROVED)
    assert shown & purges.tags()
    response = client.get(article.url)
    assert "Bravo à la rédaction" in response.content.decode()
