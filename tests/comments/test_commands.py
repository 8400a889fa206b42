import pytest
from django.core.management import CommandError, call_command

from manchette.comments.models import Comment
from manchette.news.models import ArticlePage
from tests.comments.conftest import make_comment

pytestmark = pytest.mark.django_db


def test_forget_commenter_anonymises_their_comments(article, capsys):
    mine = make_comment(
        article,
        author_email="Oubli@Example.org",
        author_url="https://moi.example",
        ip_hash="abc",
    )
    other = make_comment(article, author_email="reste@example.org")
    call_command("forget_commenter", "oubli@example.org")
    mine.refresh_from_db()
    assert (mine.author_name, mine.author_email, mine.author_url, mine.ip_hash) == (
        "Anonyme",
        "",
        "",
        "",
    )
    assert mine.body == "Un commentaire."
    other.refresh_from_db()
    assert other.author_email == "reste@example.org"
    assert "1 comment(s) anonymised" in capsys.readouterr().out


def test_forget_commenter_delete_removes_comments_and_keeps_others_replies(article):
    from manchette.comments.services import comment_count_refresh

    mine = make_comment(article, author_email="oubli@example.org")
    reply = make_comment(article, author_email="reste@example.org", parent=mine)
    comment_count_refresh(article)
    call_command("forget_commenter", "oubli@example.org", "--delete")
    assert not Comment.objects.filter(pk=mine.pk).exists()
    reply.refresh_from_db()
    assert reply.parent_id is None
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 1


def test_forget_commenter_refuses_a_non_address(home):
    with pytest.raises(CommandError):
        call_command("forget_commenter", "pas une adresse\nBcc: x@example.org")
