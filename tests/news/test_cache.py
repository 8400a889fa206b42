"""What a change of news content invalidates (``manchette/news/cache.py``).

Observed through the tags' versions in the fragment cache, which
``invalidate`` renews: a tag is invalidated exactly when its version moves.
"""

import pytest
from taggit.models import Tag

from manchette.core.models import SiteIdentity
from manchette.core.pagecache.fragments import tag_versions
from manchette.news.models import ArticlePage, AuthorPage
from manchette.news.services import ArticleData, article_save
from tests.factories import ArticlePageFactory, section_get

pytestmark = pytest.mark.django_db


def invalidated(candidates, change) -> set[str]:
    """Return which of ``candidates`` ``change()`` invalidated."""
    before = tag_versions(candidates)
    change()
    after = tag_versions(candidates)
    return {tag for tag in candidates if before[tag] != after[tag]}


def site_tags() -> set[str]:
    """Every tag the site's content can carry now."""
    tags = {"site", "home", "listing:latest"}
    for article in ArticlePage.objects.all():
        tags.add(f"article:{article.pk}")
    for section in ArticlePage.objects.values_list("section_id", flat=True):
        tags.add(f"section:{section}")
    tags.update(
        f"section:{pk}"
        for pk in section_get().get_parent().get_children().values_list("pk", flat=True)
    )
    tags.update(f"tag:{pk}" for pk in Tag.objects.values_list("pk", flat=True))
    tags.update(
        f"author:{pk}" for pk in AuthorPage.objects.values_list("pk", flat=True)
    )
    return tags


def republish(article, **changes):
    data = ArticleData(
        title=changes.get("title", article.title),
        summary=article.summary,
        body=[{"type": "paragraph", "value": "<p>Corps.</p>"}],
        tags=changes.get("tags", list(article.tags.names())),
        authors=changes.get("authors", article.author_list),
    )
    return article_save(section=article.section, data=data, article=article)[0]


def test_correcting_an_article_invalidates_it_its_section_tags_authors_and_lists(
    section,
):
    economie = section_get("economie", "Économie")
    article = ArticlePageFactory(tags=["budget"], authors=["Salma Bennani"])
    ArticlePageFactory(section=economie, tags=["sport"], authors=["Karim Idrissi"])
    budget, salma = (
        Tag.objects.get(name="budget"),
        AuthorPage.objects.get(slug="salma-bennani"),
    )

    changed = invalidated(site_tags(), lambda: republish(article, title="Corrigé"))

    assert changed == {
        f"article:{article.pk}",
        f"section:{section.pk}",
        f"tag:{budget.pk}",
        f"author:{salma.pk}",
        "home",
        "listing:latest",
    }


def test_unpublishing_an_article_invalidates_the_same_tags(section):
    article = ArticlePageFactory(tags=["budget"])
    budget = Tag.objects.get(name="budget")

    changed = invalidated(site_tags(), lambda: article.unpublish())

    assert changed == {
        f"article:{article.pk}",
        f"section:{section.pk}",
        f"tag:{budget.pk}",
        "home",
        "listing:latest",
    }


def test_a_subsection_article_invalidates_the_sections_above_it(section):
    elections = section.add_child(
        instance=type(section)(title="Élections", slug="elections")
    )
    elections.save_revision().publish()
    article = ArticlePageFactory(section=elections)

    changed = invalidated(
        {f"section:{section.pk}", f"section:{elections.pk}"},
        lambda: republish(article, title="Corrigé"),
    )

    assert changed == {f"section:{section.pk}", f"section:{elections.pk}"}


def test_renaming_a_tag_invalidates_the_site(section):
    ArticlePageFactory(tags=["budget"])
    tag = Tag.objects.get(name="budget")

    def rename():
        tag.name = "Budget 2027"
        tag.save()

    assert invalidated(site_tags(), rename) == {"site"}


def test_a_section_renamed_invalidates_the_site_but_a_new_description_does_not(
    section,
):
    def describe():
        section.description = "Nouvelle description."
        section.save_revision().publish()

    def rename():
        section.title = "Politique nationale"
        section.save_revision().publish()

    assert invalidated(site_tags(), describe) == {f"section:{section.pk}"}
    assert invalidated(site_tags(), rename) == {f"section:{section.pk}", "site"}


def test_changing_the_site_identity_invalidates_the_site(home):
    from wagtail.models import Site

    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))

    def rename():
        identity.publisher_name = "Le Quotidien"
        identity.save()

    assert invalidated({"site", "home"}, rename) == {"site"}
