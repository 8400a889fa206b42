"""The cache tags of news content: what a page shows, what a change touches.

Vocabulary (``manchette.core.pagecache``): ``article:<pk>``, ``section:<pk>``,
``tag:<pk>`` (a taggit tag), ``author:<pk>``, ``home``, ``listing:latest``
(any list of newest articles) and ``site`` (navigation, identity, settings).
"""

from wagtail.models import Page

from manchette.core.pagecache import page_tag

from .models import ArticlePage, ArticlePageAuthor, ArticlePageTag

LATEST = "listing:latest"
# Root (1), home page (2): sections start at depth 3.
SECTION_DEPTH = 3


def article_tag(pk: int) -> str:
    return page_tag("article", pk)


def section_tag(pk: int) -> str:
    return page_tag("section", pk)


def tag_tag(pk: int) -> str:
    return page_tag("tag", pk)


def author_tag(pk: int) -> str:
    return page_tag("author", pk)


def article_page_tags(article: ArticlePage) -> list[str]:
    """Return the tags of what an article's page shows of it: itself, its section
    (the breadcrumb, and the source of its related box), its tags (links, and the
    other source of the related box) and its authors (byline).
    """
    tags = [article_tag(article.pk)]
    if article.section_id:
        tags.append(section_tag(article.section_id))
    tags += [tag_tag(tag.pk) for tag in article.tag_list]
    tags += [author_tag(author.pk) for author in article.author_list]
    return tags


def article_change_tags(article: ArticlePage) -> set[str]:
    """Return the tags a change of ``article`` (published, corrected, withdrawn,
    moved, deleted) invalidates: the article, its section and the sections above
    it, its tags, its authors, the home page and the lists of newest articles.

    Read from the database (three small queries), as the change left it.
    """
    tags = {article_tag(article.pk), "home", LATEST}
    sections = (
        Page.objects.ancestor_of(article)
        .filter(depth__gte=SECTION_DEPTH)
        .values_list("pk", flat=True)
    )
    tags.update(section_tag(pk) for pk in sections)
    if article.section_id:
        tags.add(section_tag(article.section_id))
    links = ArticlePageTag.objects.filter(content_object_id=article.pk)
    tags.update(tag_tag(pk) for pk in links.values_list("tag_id", flat=True))
    bylines = ArticlePageAuthor.objects.filter(page_id=article.pk)
    tags.update(author_tag(pk) for pk in bylines.values_list("author_id", flat=True))
    return tags
