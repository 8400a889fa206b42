"""The page-tree adapter of the import: paths as treebeard writes them."""

import pytest
from wagtail.models import Page

from manchette.importers.services.tree import child_path, path_step
from manchette.news.models import SectionPage

pytestmark = pytest.mark.django_db


def test_paths_match_the_ones_treebeard_writes(home):
    before = home.get_children().count()  # the tag and author indexes
    children = [
        home.add_child(instance=SectionPage(title=f"Rubrique {n}", slug=f"r{n}"))
        for n in range(1, 4)
    ]

    for step, child in enumerate(children, start=before + 1):
        assert child_path(home.path, step) == child.path
        assert path_step(child.path) == step


def test_a_step_past_the_alphabet_carries_over_and_round_trips():
    base = len(Page.alphabet)

    assert child_path("0001", base).endswith("0010")
    for step in (1, base - 1, base, base**2 + 7, base**Page.steplen - 1):
        assert path_step(child_path("0001", step)) == step
    with pytest.raises(ValueError, match="too many children"):
        child_path("0001", base**Page.steplen)


def test_a_page_inserted_after_import_paths_keeps_the_tree_sound(home, tmp_path):
    from manchette.importers.services import wxr_import
    from tests.importers import wxr_builder as wxr

    wxr_import(wxr.write(tmp_path, *[wxr.post(n, slug=f"a{n}") for n in range(1, 40)]))
    section = SectionPage.objects.get(slug="actualite")
    # Treebeard's own insert after the import's: it reads the import's paths.
    later = section.add_child(instance=SectionPage(title="Après", slug="apres"))

    assert path_step(later.path) == 40
    assert all(not found for found in Page.find_problems())
