"""WordPress category hierarchy: child categories become subsections."""

import re

import pytest
from wagtail.models import Page

from manchette.importers.services import section_map_load, wxr_import
from manchette.news.models import ArticlePage, SectionPage
from tests.importers import wxr_builder as wxr

pytestmark = pytest.mark.django_db


def category(term_id, slug, name, parent=""):
    return (
        f"<wp:category><wp:term_id>{term_id}</wp:term_id>"
        f"<wp:category_nicename>{slug}</wp:category_nicename>"
        f"<wp:category_parent>{parent}</wp:category_parent>"
        f"<wp:cat_name>{wxr.cdata(name)}</wp:cat_name></wp:category>"
    )


# The child is listed before its parent, and the grandchild first of all: an
# export edited by hand (or by a plugin) does not keep WordPress's order.
HEAD = (
    category(12, "municipales", "Municipales", parent="elections")
    + category(11, "elections", "Élections", parent="politique")
    + category(10, "politique", "Politique")
    + category(13, "boucle-a", "Boucle A", parent="boucle-b")
    + category(14, "boucle-b", "Boucle B", parent="boucle-a")
)


@pytest.fixture
def export(tmp_path):
    return wxr.write(
        tmp_path,
        wxr.post(1, slug="second-tour", categories=[("municipales", "Municipales")]),
        wxr.post(2, slug="le-vote", categories=[("elections", "Élections")]),
        wxr.post(3, slug="la-loi", categories=[("politique", "Politique")]),
        wxr.post(4, slug="en-boucle", categories=[("boucle-a", "Boucle A")]),
        head=HEAD,
    )


def section_paths():
    return {s.slug: s.url for s in SectionPage.objects.all()}


def test_child_categories_become_subsections(home, export, client):
    report = wxr_import(export)

    paths = section_paths()
    assert paths["politique"] == "/politique/"
    assert paths["elections"] == "/politique/elections/"
    assert paths["municipales"] == "/politique/elections/municipales/"
    assert report.created["sections"] == 5
    article = ArticlePage.objects.get(slug="second-tour")
    # The article's section is its own category's, not the top-level one.
    assert article.section.slug == "municipales"
    assert article.url == "/politique/elections/municipales/second-tour/"
    assert client.get(article.url).status_code == 200
    listed = client.get("/politique/").content.decode()
    assert all(f"/{slug}/" in listed for slug in ("second-tour", "le-vote", "la-loi"))


def test_a_loop_of_parents_is_cut(home, export):
    wxr_import(export)

    paths = section_paths()
    # One of the two ends up on top, the other under it; nothing is lost.
    assert sorted(paths[slug].count("/") for slug in ("boucle-a", "boucle-b")) == [
        2,
        3,
    ]
    assert ArticlePage.objects.get(slug="en-boucle").section.slug == "boucle-a"


def test_old_category_archives_redirect_to_the_subsection(home, export, client):
    wxr_import(export)

    for old in (
        "/category/politique/elections/municipales/",
        "/category/municipales/",
        "/?cat=12",
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == "/politique/elections/municipales/", old
    assert client.get("/category/politique/elections/")["Location"] == (
        "/politique/elections/"
    )


def test_rerun_keeps_the_tree_and_changes_nothing(home, export):
    wxr_import(export)
    before = section_paths()

    again = wxr_import(export)

    assert section_paths() == before
    assert again.created == dict.fromkeys(again.created, 0)
    assert again.updated == dict.fromkeys(again.updated, 0)


def test_section_map_sends_a_category_to_a_nested_path(home, tmp_path, export):
    mapping = tmp_path / "map.csv"
    mapping.write_text(
        "category,section,title\n"
        "municipales,actualite/votes/locales,Élections locales\n"
        "elections,actualite/votes\n",
        encoding="utf-8",
    )

    report = wxr_import(export, section_map=section_map_load(mapping))

    paths = section_paths()
    assert paths["locales"] == "/actualite/votes/locales/"
    assert SectionPage.objects.get(slug="locales").title == "Élections locales"
    assert ArticlePage.objects.get(slug="second-tour").section.slug == "locales"
    assert ArticlePage.objects.get(slug="le-vote").section.slug == "votes"
    # Sections created on the way are real, published sections.
    assert SectionPage.objects.get(slug="actualite").live
    assert report.created["sections"] >= 3


def test_section_map_finds_an_existing_subsection(home, tmp_path, section, export):
    existing = section.add_child(
        instance=SectionPage(title="Scrutins", slug="scrutins")
    )
    existing.save_revision().publish()
    mapping = tmp_path / "map.csv"
    mapping.write_text("municipales,politique/scrutins\n", encoding="utf-8")

    wxr_import(export, section_map=section_map_load(mapping))

    assert ArticlePage.objects.get(slug="second-tour").section_id == existing.pk
    assert SectionPage.objects.filter(slug="scrutins").count() == 1


def test_section_map_rows_are_read_as_paths(tmp_path):
    mapping = tmp_path / "map.csv"
    mapping.write_text(
        "category,section\nSport,/Sports/Football/\nvide,/\n", encoding="utf-8"
    )

    assert section_map_load(mapping) == {"sport": ("sports/football", "")}


# What an earlier version of the importer made of the same categories: every
# section at the top level.
FLAT_HEAD = re.sub(r"<wp:category_parent>[^<]*</wp:category_parent>", "", HEAD)


@pytest.fixture
def flat_export(tmp_path):
    return wxr.write(
        tmp_path,
        wxr.post(1, slug="second-tour", categories=[("municipales", "Municipales")]),
        wxr.post(2, slug="le-vote", categories=[("elections", "Élections")]),
        wxr.post(3, slug="la-loi", categories=[("politique", "Politique")]),
        wxr.post(4, slug="en-boucle", categories=[("boucle-a", "Boucle A")]),
        head=FLAT_HEAD,
        name="flat.xml",
    )


def test_a_rerun_moves_flat_sections_under_their_parents(
    home, export, flat_export, client
):
    wxr_import(flat_export)
    assert section_paths()["municipales"] == "/municipales/"

    report = wxr_import(export)

    paths = section_paths()
    assert paths["elections"] == "/politique/elections/"
    assert paths["municipales"] == "/politique/elections/municipales/"
    assert sorted(paths[slug].count("/") for slug in ("boucle-a", "boucle-b")) == [
        2,
        3,
    ]
    assert report.updated["sections"] == 3
    assert report.created["sections"] == 0
    assert SectionPage.objects.count() == 5
    article = ArticlePage.objects.get(slug="second-tour")
    assert article.url == "/politique/elections/municipales/second-tour/"
    assert client.get(article.url).status_code == 200
    assert all(not found for found in Page.find_problems())

    again = wxr_import(export)

    assert section_paths() == paths
    assert again.created == dict.fromkeys(again.created, 0)
    assert again.updated == dict.fromkeys(again.updated, 0)
    assert not [s for s in again.skipped if s["kind"] == "section"]


def test_a_section_an_editor_changed_is_not_moved_and_the_report_says_so(
    home, export, flat_export, admin_user
):
    wxr_import(flat_export)
    elections = SectionPage.objects.get(slug="elections")
    elections.title = "Élections 2026"
    elections.save_revision(user=admin_user).publish(user=admin_user)

    report = wxr_import(export)

    paths = section_paths()
    assert paths["elections"] == "/elections/"
    # Its subsection still goes under it, wherever it is.
    assert paths["municipales"] == "/elections/municipales/"
    refused = [s for s in report.skipped if s["kind"] == "section"]
    assert refused == [
        {
            "wp_id": "elections",
            "kind": "section",
            "reason": "section 'Élections 2026' not moved under 'Politique': "
            "changed by an editor since the import",
        }
    ]
    # Nothing else changes on the next run; the refusal is reported again.
    again = wxr_import(export)
    assert again.updated == dict.fromkeys(again.updated, 0)
    assert [s for s in again.skipped if s["kind"] == "section"] == refused
