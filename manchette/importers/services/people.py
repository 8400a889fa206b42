"""WordPress authors become author pages."""

from urllib.parse import unquote

from manchette.core.text import slug_for
from manchette.news.models import AuthorPage

from ..models import WxrObject
from ..wxr import WxrAuthor


class PeopleMixin:
    """Author pages for the export's authors (and the posts' creators)."""

    def author(self, author: WxrAuthor) -> None:
        if not author.login:
            return
        name = (
            author.display_name
            or " ".join(filter(None, [author.first_name, author.last_name]))
            or author.login
        )[:255]
        slug = (
            slug_for(unquote(author.login), max_length=60)
            or slug_for(name, max_length=60)
            or f"auteur-{author.wp_id or 'wp'}"
        )
        known = self.authors.get(author.login)
        page = AuthorPage.objects.filter(pk=known).first() if known else None
        found_by_slug = page is None
        if page is None:
            # Another login's page, or the newsroom's own (in the edition
            # imported into): used, never renamed.
            page = AuthorPage.objects.filter(
                slug=slug, locale_id=self.locale_id
            ).first()
        if page is None:
            page = AuthorPage(title=name, slug=slug)
            self._insert_page(self.author_index_id, page, live=True)
            self.report.created["authors"] += 1
        elif page.title != name and not found_by_slug:
            page.title = page.draft_title = name
            page.save(clean=False, update_fields=["title", "draft_title"])
            self.written_pages.add(page.pk)
            self.changed_tags.add(f"author:{page.pk}")
            self.report.updated["authors"] += 1
        self._set(self.authors, author.login, page.pk)
        self._remember(WxrObject.Kind.AUTHOR, author.login, page.pk)

    def _author_for(self, login: str) -> int | None:
        if not login:
            return None
        if login not in self.authors:
            self.author(WxrAuthor(login=login))
        return self.authors.get(login)
