import csv
import io
import re
from datetime import timedelta

import pytest

from manchette.newsletter import services
from manchette.newsletter.models import BriefIssue, Subscriber
from tests.factories import ArticlePageFactory
from tests.newsletter.conftest import text_part

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(admin_user, admin_client):
    admin_user.email = "redaction@example.com"
    admin_user.save()
    return admin_client


@pytest.fixture
def day():
    return services.brief_next_day()


@pytest.fixture
def issue(section, day):
    send_at = services.brief_send_time(day)
    for n in range(3):
        ArticlePageFactory(
            title=f"Sujet {n}", published_at=send_at - timedelta(hours=n + 1)
        )
    return services.brief_compose(day=day)


def test_subscribers_are_listed_searchable_and_exported(editor, section):
    Subscriber.objects.create(email="alice@example.com", status="active")
    Subscriber.objects.create(email="bob@example.com", status="unsubscribed")
    listing = editor.get("/admin/newsletter/subscribers/")
    assert listing.status_code == 200
    assert "alice@example.com" in listing.content.decode()
    found = editor.get("/admin/newsletter/subscribers/?q=alice").content.decode()
    assert "alice@example.com" in found
    assert "bob@example.com" not in found
    export = editor.get("/admin/newsletter/subscribers/?export=csv")
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert len(rows) == 3
    assert any("alice@example.com" in row for row in rows)


def test_issue_list_shows_progress(editor, issue):
    Subscriber.objects.create(email="a@example.com", status="active")
    services.brief_start(issue=issue)
    html = editor.get("/admin/newsletter/issues/").content.decode()
    assert str(issue) in html
    assert "Aperçu et envoi" in html


def test_preview_shows_the_email_and_reading_time(editor, issue):
    html = editor.get(f"/admin/newsletter/issue/{issue.pk}/").content.decode()
    assert "Sujet 0" in html
    assert "Lecture" in html
    assert "Envoyer maintenant" in html


def test_editor_reorders_removes_and_edits_intro(editor, issue):
    items = list(issue.items.order_by("sort_order"))
    data = {
        "intro": "Bonjour, voici l’essentiel.",
        "items-TOTAL_FORMS": "3",
        "items-INITIAL_FORMS": "3",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    # New order: third, first; the second is removed.
    for index, (item, order, delete) in enumerate(
        [(items[0], 2, ""), (items[1], 3, "1"), (items[2], 1, "")]
    ):
        data.update(
            {
                f"items-{index}-id": str(item.pk),
                f"items-{index}-article": str(item.article_id),
                f"items-{index}-ORDER": str(order),
                f"items-{index}-DELETE": delete,
            }
        )
    response = editor.post(f"/admin/newsletter/issues/edit/{issue.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    issue.refresh_from_db()
    assert issue.intro == "Bonjour, voici l’essentiel."
    order = list(
        issue.items.order_by("sort_order").values_list("article_id", flat=True)
    )
    assert order == [items[2].article_id, items[0].article_id]
    rendered = services.brief_render_issue(issue)
    assert rendered.text.index("Sujet 2") < rendered.text.index("Sujet 0")
    assert "Sujet 1" not in rendered.text
    assert "Bonjour, voici l’essentiel." in rendered.text


def test_editor_adds_an_article(editor, issue, section):
    extra = ArticlePageFactory(title="Ajout de la rédaction")
    BriefIssue.objects.get(pk=issue.pk)
    items = list(issue.items.order_by("sort_order"))
    data = {
        "intro": "",
        "items-TOTAL_FORMS": str(len(items) + 1),
        "items-INITIAL_FORMS": str(len(items)),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    for index, item in enumerate(items):
        data.update(
            {
                f"items-{index}-id": str(item.pk),
                f"items-{index}-article": str(item.article_id),
                f"items-{index}-ORDER": str(index),
                f"items-{index}-DELETE": "",
            }
        )
    data.update(
        {
            f"items-{len(items)}-id": "",
            f"items-{len(items)}-article": str(extra.pk),
            f"items-{len(items)}-ORDER": str(len(items)),
            f"items-{len(items)}-DELETE": "",
        }
    )
    response = editor.post(f"/admin/newsletter/issues/edit/{issue.pk}/", data)
    assert response.status_code == 302
    assert "Ajout de la rédaction" in services.brief_render_issue(issue).text


def test_send_test_goes_to_the_editor_only(editor, issue, smtp_sink):
    Subscriber.objects.create(email="a@example.com", status="active")
    response = editor.post(f"/admin/newsletter/issue/{issue.pk}/test/")
    assert response.status_code == 302
    (received,) = smtp_sink.messages
    assert received["to"] == ["redaction@example.com"]
    assert received["msg"]["Subject"].strip().startswith("[TEST]")
    issue.refresh_from_db()
    assert issue.status == BriefIssue.Status.DRAFT


def test_send_now_sends_and_locks_the_issue(editor, issue, smtp_sink):
    Subscriber.objects.create(email="a@example.com", status="active")
    Subscriber.objects.create(email="p@example.com", status="pending")
    response = editor.post(f"/admin/newsletter/issue/{issue.pk}/send/")
    assert response.status_code == 302
    assert [m["to"] for m in smtp_sink.messages] == [["a@example.com"]]
    assert "Sujet 0" in text_part(smtp_sink.messages[0]["msg"])
    issue.refresh_from_db()
    assert issue.status == BriefIssue.Status.SENT
    html = editor.get(f"/admin/newsletter/issue/{issue.pk}/").content.decode()
    assert re.search(r"1 envoyés, 0 échecs, 1 au total", html)
    edit = editor.get(f"/admin/newsletter/issues/edit/{issue.pk}/")
    assert edit.status_code == 302


def test_compose_page_says_when_there_is_no_article(editor, section, day):
    response = editor.post(
        "/admin/newsletter/compose/",
        {"day": day.isoformat(), "language": "fr"},
        follow=True,
    )
    html = response.content.decode()
    assert "Aucun article publié depuis le numéro précédent" in html
    assert BriefIssue.objects.get(day=day).status == BriefIssue.Status.EMPTY


def test_admin_pages_need_permission(client, issue, django_user_model):
    user = django_user_model.objects.create_user("lecteur", password="x")
    client.force_login(user)
    assert client.get(f"/admin/newsletter/issue/{issue.pk}/").status_code in (302, 403)
    assert client.post(f"/admin/newsletter/issue/{issue.pk}/send/").status_code in (
        302,
        403,
    )
    issue.refresh_from_db()
    assert issue.status == BriefIssue.Status.DRAFT
