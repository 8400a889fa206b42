"""Attachments that are not images (PDF, sound…) become Wagtail documents."""

import pytest
from wagtail.documents import get_document_model

from manchette.importers.services import wxr_import
from manchette.news.models import ArticlePage
from tests.importers import wxr_builder as wxr

pytestmark = pytest.mark.django_db
UPLOADS = "https://wp.example.org/wp-content/uploads"
Document = get_document_model()


@pytest.fixture
def media(tmp_path):
    root = tmp_path / "uploads"
    (root / "2024" / "05").mkdir(parents=True)
    (root / "2024" / "05" / "rapport-annuel.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    return root


@pytest.fixture
def export(tmp_path):
    body = (
        f'Lire <a href="{UPLOADS}/2024/05/rapport-annuel.pdf">le rapport</a>.\n\n'
        f'Écouter <a href="{UPLOADS}/2024/05/entretien.mp3">l’entretien</a>.\n\n'
        f'[audio mp3="{UPLOADS}/2024/05/entretien.mp3"][/audio]\n\n'
        'Ailleurs : <a href="https://autre.example.net/rapport-annuel.pdf">un PDF</a>.'
    )
    return wxr.write(
        tmp_path,
        wxr.attachment(20, f"{UPLOADS}/2024/05/rapport-annuel.pdf", title="Rapport"),
        wxr.attachment(21, f"{UPLOADS}/2024/05/entretien.mp3", title="Entretien"),
        wxr.post(1, body=body),
    )


def test_a_found_file_becomes_a_document_and_body_links_point_at_it(
    home, export, media, client
):
    report = wxr_import(export, media_dir=media)

    document = Document.objects.get()
    assert document.title == "Rapport"
    assert document.file.read() == b"%PDF-1.4\n%%EOF\n"
    assert report.created["documents"] == 1
    assert report.created["images"] == 0
    article = ArticlePage.objects.get()
    source = "".join(
        b.value.source for b in article.body if b.block_type == "paragraph"
    )
    assert f'<a linktype="document" id="{document.pk}">le rapport</a>' in source
    html = client.get(article.url).content.decode()
    assert f'href="{document.url}"' in html
    assert "wp-content/uploads/2024/05/rapport-annuel.pdf" not in html
    # A file of another site with the same name is left alone.
    assert 'href="https://autre.example.net/rapport-annuel.pdf"' in html
    assert client.get(document.url).status_code == 200


def test_missing_files_are_listed_in_the_report(home, export, media):
    report = wxr_import(export, media_dir=media)

    assert {
        "wp_id": "21",
        "kind": "attachment",
        "reason": "file not found: 2024/05/entretien.mp3",
    } in report.skipped
    assert {
        "wp_id": "1",
        "kind": "document",
        "reason": "document not found: 2024/05/entretien.mp3",
    } in report.skipped
    # The link to the missing file stays as it was, pointing at the old site.
    article = ArticlePage.objects.get()
    assert f"{UPLOADS}/2024/05/entretien.mp3" in str(article.body)


def test_rerun_and_dry_run_count_documents_without_duplicating(home, export, media):
    dry = wxr_import(export, media_dir=media, dry_run=True)
    assert dry.created["documents"] == 1
    assert not Document.objects.exists()

    wxr_import(export, media_dir=media)
    again = wxr_import(export, media_dir=media)

    assert Document.objects.count() == 1
    assert again.created == dict.fromkeys(again.created, 0)
    assert again.updated == dict.fromkeys(again.updated, 0)


def test_a_document_found_on_a_later_run_updates_the_links(home, export, media):
    (media / "2024" / "05" / "rapport-annuel.pdf").rename(media / "ailleurs.pdf")
    wxr_import(export, media_dir=media)
    assert not Document.objects.exists()
    (media / "ailleurs.pdf").rename(media / "2024" / "05" / "rapport-annuel.pdf")

    report = wxr_import(export, media_dir=media)

    assert report.created["documents"] == 1
    assert report.updated["articles"] == 1
    document = Document.objects.get()
    assert f'id="{document.pk}"' in str(ArticlePage.objects.get().body.raw_data)
