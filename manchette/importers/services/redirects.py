"""The old site's URLs: which post each names, and 301s to the new pages."""

from urllib.parse import urlsplit

from wagtail.contrib.redirects.models import Redirect

from ..wxr import WxrPost


class RedirectsMixin:
    """Old URLs of the export and the redirects that keep them working."""

    def _load_redirects(self) -> None:
        rows = Redirect.objects.filter(site__isnull=True).values_list(
            "pk",
            "old_path",
            "redirect_page_id",
            "redirect_page_route_path",
            "redirect_link",
            "redirect_page__locale_id",
        )
        self.redirects = {}
        # Old paths that lead to another edition's pages (the same shortlink
        # or category path in the WordPress sites of two editions) are kept,
        # unless an earlier import of this same export made those pages.
        self.other_edition_redirects = set()
        for pk, old_path, page_id, route, link, locale_id in rows:
            self.redirects[old_path] = (pk, page_id, route, link)
            if (
                page_id is not None
                and locale_id != self.locale_id
                and page_id not in self.earlier_edition_pages
            ):
                self.other_edition_redirects.add(old_path)

    def _redirects_written(self, rows: list) -> None:
        """Note the ids of the redirects a flush just inserted."""
        for obj in rows:
            if isinstance(obj, Redirect) and obj.pk is not None:
                self.redirects[obj.old_path] = (
                    obj.pk,
                    obj.redirect_page_id,
                    obj.redirect_page_route_path,
                    "",
                )

    def _old_path(self, url: str) -> str | None:
        """Return the path of a URL of the old site (or a relative one), else None."""
        parts = urlsplit((url or "").strip())
        if parts.scheme not in {"", "http", "https"}:
            return None
        if parts.hostname and parts.hostname.lower() not in self.old_hosts:
            return None
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        return Redirect.normalise_path(path)

    def _redirect(self, old_path: str, *, page_id: int, route: str = "") -> None:
        """Make ``old_path`` answer with a 301 to the page (and route) given."""
        if not old_path or old_path in {"/", ""}:
            return
        if "\0" in old_path or len(old_path) > 255:
            return
        if old_path in self.other_edition_redirects:
            self.report.skip(
                old_path, "redirect", "already redirects to a page of another edition"
            )
            return
        existing = self.redirects.get(old_path)
        if existing is not None:
            pk, current_page, current_route, _link = existing
            if current_page == page_id and current_route == route:
                return
            if pk is None:
                # Still waiting for _flush(): a later item claims the same old URL.
                return
            Redirect.objects.filter(pk=pk).update(
                redirect_page_id=page_id,
                redirect_page_route_path=route,
                redirect_link="",
                is_permanent=True,
            )
            self._set(self.redirects, old_path, (pk, page_id, route, ""))
            self.report.updated["redirects"] += 1
            return
        redirect = Redirect(
            old_path=old_path,
            site=None,
            is_permanent=True,
            redirect_page_id=page_id,
            redirect_page_route_path=route,
        )
        self._buffer(redirect)
        self._set(self.redirects, old_path, (None, page_id, route, ""))
        self.report.created["redirects"] += 1

    def _redirect_old_urls(self, page, urls) -> None:
        """Point the old ``urls`` of a live ``page`` at it (not its own new URL)."""
        new_path = self._page_url_path(page)
        for url in urls:
            path = self._old_path(url)
            if path and path != new_path:
                self._redirect(path, page_id=page.pk)

    def _page_url_path(self, page) -> str:
        """Return the public path of ``page`` (normalised as a redirect's): the
        edition's prefix ("/", "/ar/") and its path under the edition's home."""
        return Redirect.normalise_path(
            self.url_prefix + page.url_path[len(self.home_prefix) :]
        )

    def remember_urls(self, item: WxrPost) -> None:
        """Note every URL by which another post may link to ``item``."""
        for url in (item.link, item.guid, f"/?p={item.wp_id}"):
            path = self._old_path(url)
            if path:
                self.post_urls[path] = item.wp_id
        permalink = self._date_permalink(item)
        if permalink:
            self.post_urls[permalink] = item.wp_id

    def _date_permalink(self, item: WxrPost) -> str | None:
        if not item.post_name or len(item.post_date) < 10:
            return None
        year, month, day = item.post_date[:10].split("-")
        return Redirect.normalise_path(f"/{year}/{month}/{day}/{item.post_name}/")
