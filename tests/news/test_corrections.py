"""Corrections and updates log: the note box, JSON-LD, /corrections/, its feed,
protected history (administrators delete, Wagtail's audit log records it)."""

from datetime import timedelta

import extruct
import feedparser
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import ModelLogEntry

from manchette.core.pagecache import cache_tags
from manchette.news.models import ArticlePage, CorrectionNote
from tests.factories import ArticlePageFactory
from tests.news.pagecache_probe import purged_tags

pytestmark = pytest.mark.django_db


def note_add(article, kind=CorrectionNote.Kind.CORRECTION, text="", **kwargs):
    return CorrectionNote.objects.create(
        article=article,
        kind=kind,
        text=text or "Le montant était de 12 millions de dirhams, non de 21.",
        **kwargs,
    )


@pytest.fixture
def article(section):
    return ArticlePageFactory(title="Le budget de la ville", section=section)


def json_ld(html):
    data = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
    return next(item for item in data if item.get("@type") == "NewsArticle")


def test_article_shows_its_notes_in_a_box(client, article):
    note_add(article, text="Le maire s’appelle Karim, non Kamal.")
    note_add(article, kind=CorrectionNote.Kind.UPDATE, text="Ajout de la réaction.")

    html = client.get(article.url).content.decode()

    box = html[html.index('class="notes"') :]
    assert "Corrections et mises à jour" in box
    assert "Le maire s’appelle Karim, non Kamal." in box
    assert "Mise à jour" in box
    assert "Ajout de la réaction." in box


def test_article_without_notes_has_no_box(client, article):
    assert 'class="notes"' not in client.get(article.url).content.decode()


def test_json_ld_carries_corrections_and_the_newest_note_date(client, article):
    later = timezone.now() + timedelta(days=2)
    note_add(article, text="Une erreur de date corrigée.")
    note_add(article, kind=CorrectionNote.Kind.UPDATE, noted_at=later)

    data = json_ld(client.get(article.url).content.decode())

    assert data["dateModified"].startswith(timezone.localtime(later).date().isoformat())
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Une erreur de date corrigée.",
            "datePublished": data["correction"][0]["datePublished"],
        }
    ]


def test_json_ld_has_no_correction_for_an_update_note(client, article):
    note_add(article, kind=CorrectionNote.Kind.UPDATE)
    assert "correction" not in json_ld(client.get(article.url).content.decode())


def test_a_new_note_reaches_the_memoized_article_metadata(client, article):
    client.get(article.url)  # The metadata is now memoized.
    note_add(article, text="Correction venue après coup.")
    data = json_ld(client.get(article.url).content.decode())
    assert data["correction"][0]["text"] == "Correction venue après coup."


def test_corrections_page_lists_corrections_newest_first(client, section):
    old = ArticlePageFactory(title="Ancien article", section=section)
    new = ArticlePageFactory(title="Nouvel article", section=section)
    note_add(old, noted_at=timezone.now() - timedelta(days=3), text="Ancienne erreur")
    note_add(new, text="Erreur récente")
    note_add(new, kind=CorrectionNote.Kind.UPDATE, text="Simple ajout")

    response = client.get("/corrections/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Erreur récente") < html.index("Ancienne erreur")
    assert "Simple ajout" not in html
    assert f'href="{new.url}#note-' in html
    assert {"site", "corrections", f"article:{old.pk}", f"article:{new.pk}"} <= (
        cache_tags(response.wsgi_request)
    )


def test_corrections_page_hides_unpublished_articles(client, article):
    note_add(article, text="Erreur sur un article retiré")
    article.unpublish()
    assert (
        "Erreur sur un article retiré"
        not in client.get("/corrections/").content.decode()
    )


def test_corrections_page_refuses_a_bad_page_number(client):
    assert client.get("/corrections/?page=abc").status_code == 404


def test_corrections_feed_links_each_correction_to_its_article(client, article):
    note_add(article, text="Erreur de chiffre")

    response = client.get("/flux/corrections/rss/")

    feed = feedparser.parse(response.content)
    assert feed.entries[0].title == "Correction : Le budget de la ville"
    assert feed.entries[0].link.endswith(article.url)
    assert feed.entries[0].description == "Erreur de chiffre"
    assert "corrections" in cache_tags(response.wsgi_request)


def test_notes_survive_a_later_edit_of_the_article(client, article):
    note_add(article, text="Erreur corrigée avant la réécriture")

    page = ArticlePage.objects.get(pk=article.pk)
    page.title = "Le budget de la ville, version revue"
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    assert "Erreur corrigée avant la réécriture" in html
    assert "version revue" in html


def test_a_note_invalidates_its_article_and_the_log(article):
    assert purged_tags(lambda: note_add(article)) == {
        f"article:{article.pk}",
        "corrections",
    }


@pytest.fixture
def editor(client, home):
    """An editor allowed to add and change notes, not to delete them."""
    group = Group.objects.create(name="Rédaction")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            codename__in=[
                "add_correctionnote",
                "change_correctionnote",
                "view_correctionnote",
            ]
        ),
    )
    user = get_user_model().objects.create_user("editrice", password="motdepasse")
    user.groups.add(group)
    client.force_login(user)
    return user


def test_editor_adds_a_note_from_the_admin_and_it_is_logged(client, editor, article):
    response = client.post(
        f"/admin/corrections/new/?article={article.pk}",
        {
            "article": article.pk,
            "kind": "correction",
            "noted_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
            "text": "Le score final était 2-1.",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    note = CorrectionNote.objects.get()
    assert note.created_by == editor
    assert ModelLogEntry.objects.filter(
        object_id=str(note.pk), action="wagtail.create"
    ).exists()


def test_editor_cannot_delete_a_note(client, editor, article):
    note = note_add(article)
    response = client.post(f"/admin/corrections/delete/{note.pk}/")
    assert response.status_code in {302, 403}
    assert CorrectionNote.objects.filter(pk=note.pk).exists()


def test_administrator_deletes_a_note_and_the_audit_log_records_it(
    client, home, article
):
    admin = get_user_model().objects.create_superuser("admin", password="motdepasse")
    client.force_login(admin)
    note = note_add(article)

    response = client.post(f"/admin/corrections/delete/{note.pk}/")

    assert response.status_code == 302
    assert not CorrectionNote.objects.filter(pk=note.pk).exists()
    entry = ModelLogEntry.objects.get(object_id=str(note.pk), action="wagtail.delete")
    assert entry.user == admin


def test_article_header_offers_to_add_a_correction(client, article):
    admin = get_user_model().objects.create_superuser("chef", password="motdepasse")
    client.force_login(admin)
    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert f"/admin/corrections/new/?article={article.pk}" in html
