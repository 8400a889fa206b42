"""Odd cases met in real exports (WordPress.com's theme unit test data)."""

import pytest
from PIL import Image as PILImage
from wagtail.images.models import Image

from manchette.importers.services import wxr_import
from manchette.news.models import ArticlePage
from tests.importers import wxr_builder as wxr

pytestmark = pytest.mark.django_db
FILES = "https://i0.wp.com/blog.files.wordpress.com"


def https_namespaces(path):
    """Write the namespaces as WordPress.com does: with https."""
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        '"http://wordpress.org/export/', '"https://wordpress.org/export/'
    )
    path.write_text(text, encoding="utf-8")
    return path


def test_an_export_with_https_namespaces_is_read(home, tmp_path):
    path = https_namespaces(
        wxr.write(
            tmp_path,
            wxr.post(1, excerpt="Le résumé.", comments=[wxr.comment(5)]),
            wxr.post(2, post_type="page", categories=()),
        )
    )
    assert 'xmlns:wp="https://wordpress.org/export/1.2/"' in path.read_text()

    report = wxr_import(path)

    assert report.created["articles"] == 1
    assert report.created["pages"] == 1
    assert report.created["comments"] == 1
    assert ArticlePage.objects.get().summary == "Le résumé."


@pytest.fixture
def media(tmp_path):
    root = tmp_path / "uploads"
    (root / "2013" / "03").mkdir(parents=True)
    for name, color in (("580x300", "red"), ("150x150", "blue")):
        PILImage.new("RGB", (30, 20), color).save(
            root / "2013" / "03" / f"image-alignment-{name}.jpg"
        )
    return root


def test_wordpress_com_uploads_are_found_by_year_and_month(home, tmp_path, media):
    # Two originals whose names look like WordPress's resized copies: each body
    # image must get its own file, not the other one.
    body = (
        f'<img src="{FILES}/2013/03/image-alignment-580x300.jpg" alt="Grande">\n\n'
        f'<img src="{FILES}/2013/03/image-alignment-150x150.jpg?w=150" alt="Petite">'
    )
    path = wxr.write(
        tmp_path,
        wxr.attachment(906, f"{FILES}/2013/03/image-alignment-580x300.jpg", title="A"),
        wxr.attachment(904, f"{FILES}/2013/03/image-alignment-150x150.jpg", title="B"),
        wxr.post(1, body=body),
    )

    report = wxr_import(path, media_dir=media)

    assert report.created["images"] == 2
    assert [s for s in report.skipped if s["kind"] in {"image", "attachment"}] == []
    blocks = [b for b in ArticlePage.objects.get().body if b.block_type == "image"]
    assert [b.value["image"].title for b in blocks] == ["A", "B"]
    assert Image.objects.get(title="B").width == 30
