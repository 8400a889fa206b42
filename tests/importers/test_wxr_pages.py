"""WordPress pages: content pages in the same hierarchy, whatever the order of
the file, and put back in it by a re-run."""

import pytest
from wagtail.models import Page

from manchette.importers.services import wxr_import
from manchette.news.models import ContentPage
from tests.importers import wxr_builder as wxr

pytestmark = pytest.mark.django_db


def page(wp_id, slug, parent="0"):
    return wxr.post(wp_id, slug=slug, post_type="page", parent=parent)


def paths():
    return {p.slug: p.url for p in ContentPage.objects.all()}


def test_a_page_listed_before_its_parent_goes_under_it(home, tmp_path):
    export = wxr.write(
        tmp_path,
        page(3, "niveau-3", parent="2"),
        page(2, "niveau-2", parent="1"),
        page(1, "niveau-1"),
    )

    report = wxr_import(export)

    assert paths() == {
        "niveau-1": "/niveau-1/",
        "niveau-2": "/niveau-1/niveau-2/",
        "niveau-3": "/niveau-1/niveau-2/niveau-3/",
    }
    assert report.created["pages"] == 3
    again = wxr_import(export)
    assert again.updated == dict.fromkeys(again.updated, 0)
    assert again.unchanged == 3
    assert all(not found for found in Page.find_problems())


def test_a_rerun_puts_pages_an_earlier_import_left_on_top_under_their_parent(
    home, tmp_path
):
    flat = wxr.write(
        tmp_path, page(2, "niveau-2"), page(1, "niveau-1"), name="flat.xml"
    )
    wxr_import(flat)
    assert paths()["niveau-2"] == "/niveau-2/"
    nested = wxr.write(tmp_path, page(2, "niveau-2", parent="1"), page(1, "niveau-1"))

    report = wxr_import(nested)

    assert paths()["niveau-2"] == "/niveau-1/niveau-2/"
    assert report.updated["pages"] == 1
    again = wxr_import(nested)
    assert again.updated == dict.fromkeys(again.updated, 0)
    assert all(not found for found in Page.find_problems())
