"""WordPress categories and tags: categories become sections (child categories
subsections), tags become tags; their old archive URLs redirect."""

import csv
from pathlib import Path
from urllib.parse import unquote

from wagtail.contrib.redirects.models import Redirect

from manchette.core.text import plain_text, slug_for
from manchette.news.models import SectionPage

from ..models import WxrObject
from ..wxr import WxrTerm

DEFAULT_SECTION = ("non-classe", "Non classé")


def section_map_load(path: Path) -> dict[str, tuple[str, str]]:
    """Return ``{category slug: (section path, section title)}`` from a CSV file.

    Each row is ``category_slug,section_path[,section title]``, where the section
    path is a slug (``politique``) or a nested path (``politique/elections``); a
    header row starting with ``category`` and blank lines are ignored.
    """
    mapping = {}
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for row in csv.reader(handle):
            cells = [cell.strip() for cell in row]
            if len(cells) < 2 or not cells[0] or cells[0].lower().startswith("categor"):
                continue
            parts = [
                slug_for(part, max_length=60)
                for part in cells[1].strip("/").split("/")
                if part.strip()
            ]
            if parts and all(parts):
                mapping[unquote(cells[0]).lower()] = (
                    "/".join(parts),
                    cells[2] if len(cells) > 2 and cells[2] else "",
                )
    return mapping


class TaxonomyMixin:
    """Sections from categories, tags from tags."""

    def category(self, term: WxrTerm) -> None:
        """Note a category; its section is made once every category is known
        (``sections_from_categories``), so that a parent listed after its
        child still becomes its parent."""
        slug = unquote(term.slug or "").lower() or slug_for(term.name)
        if not slug:
            return
        term.slug = slug
        term.parent = unquote(term.parent or "").lower()
        if slug not in self.categories:
            self._set(self.categories, slug, term)

    def sections_from_categories(self) -> None:
        """Make (or find) the section of every category of the export, parents first."""
        for slug in list(self.categories):
            self._guarded(slug, "category", self._section_for, slug)

    def _section_for(self, slug: str, _seen: frozenset = frozenset()) -> int:
        """Return the section id for a category slug, creating the section if needed.

        A child category becomes a subsection of its parent's section; a category
        in ``--section-map`` goes to the section at the mapped path (created, with
        the sections above it, if missing). A section an earlier import made for
        a child category at the top level is moved under its parent's section.
        """
        if slug in self.sections_placed:
            return self.sections[slug]
        term = self.categories.get(slug) or WxrTerm(kind="category", slug=slug)
        name = (term.name or slug)[:255]
        mapped = self.section_map.get(slug)
        parent_id = self.home.pk
        parent = term.parent
        if not mapped and parent and parent != slug and parent not in _seen:
            if parent not in self.categories:
                self._set(
                    self.categories,
                    parent,
                    WxrTerm(kind="category", slug=parent, name=parent),
                )
            parent_id = self._section_for(parent, _seen | {slug})
        known = SectionPage.objects.filter(pk=self.sections.get(slug, -1)).first()
        if known is not None:
            section = known
            if not mapped and parent_id != self.home.pk:
                self._section_place(section, parent_id)
        elif mapped:
            path, title = mapped
            section = self._section_at(path.split("/"), title or name, term)
        else:
            target_slug = slug_for(slug, max_length=60) or slug_for(name, max_length=60)
            target_slug = (
                target_slug or f"rubrique-{term.wp_id or len(self.sections) + 1}"
            )
            section = self._child_section(parent_id, target_slug)
            if section is not None and section.title != name:
                # Another section has the slug: give this category its own.
                owner = WxrObject.objects.filter(
                    kind=WxrObject.Kind.CATEGORY, object_id=section.pk
                ).exclude(source=self.source, wp_id=slug)
                if owner.exists() or section.title.lower() != name.lower():
                    section = None
            if section is None:
                section = self._new_section(parent_id, target_slug, name, term)
        self._set(self.sections, slug, section.pk)
        self._remember(WxrObject.Kind.CATEGORY, slug, section.pk)
        self.sections_placed.add(slug)
        self._undo.append(lambda: self.sections_placed.discard(slug))
        return section.pk

    def _section_place(self, section: SectionPage, parent_id: int) -> None:
        """Move ``section`` under ``parent_id`` if it is elsewhere (an earlier
        import put subsections at the top level); report a refused move."""
        if section.get_parent().pk == parent_id:
            return
        refused = self._move_page(section, parent_id)
        if refused:
            parent = self._parent(parent_id)
            self.report.skip(
                section.slug,
                "section",
                f"section {section.title!r} not moved under {parent.title!r}: "
                f"{refused}",
            )
        else:
            self.report.updated["sections"] += 1
            self.changed_tags.add(f"section:{section.pk}")

    def _child_section(self, parent_id: int, slug: str):
        parent = self._parent(parent_id)
        return SectionPage.objects.filter(url_path=f"{parent.url_path}{slug}/").first()

    def _new_section(self, parent_id: int, slug: str, title: str, term=None):
        section = SectionPage(
            title=title,
            slug=self._unique_slug(parent_id, slug),
            description=plain_text(term.description if term else "")[:1000],
        )
        self._insert_page(parent_id, section, live=True)
        self.report.created["sections"] += 1
        return section

    def _section_at(self, parts: list[str], title: str, term: WxrTerm):
        """Return the section at the mapped path ``parts`` below the home page,
        creating what is missing (the last one titled ``title``). A single slug
        that is not a top-level section may name a section anywhere in the
        edition's tree.
        """
        if len(parts) == 1 and self._child_section(self.home.pk, parts[0]) is None:
            found = (
                SectionPage.objects.descendant_of(self.home)
                .filter(slug=parts[0])
                .order_by("depth")
                .first()
            )
            if found is not None:
                return found
        parent_id = self.home.pk
        section = None
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            section = self._child_section(parent_id, part)
            if section is None:
                section = self._new_section(
                    parent_id,
                    part,
                    title if last else part.replace("-", " ").capitalize(),
                    term if last else None,
                )
            parent_id = section.pk
        return section

    def _default_section(self) -> int:
        if self.default_section is None:
            slug, title = DEFAULT_SECTION
            if slug not in self.categories:
                self._set(
                    self.categories,
                    slug,
                    WxrTerm(kind="category", slug=slug, name=title),
                )
            self.default_section = self._section_for(slug)
        return self.default_section

    def category_redirects(self) -> None:
        """Point ``/category/<parents…>/<slug>/`` and ``/category/<slug>/`` at sections."""
        for slug, section_id in self.sections.items():
            if slug not in self.categories:
                continue
            chain = [slug]
            seen = {slug}
            parent = self.categories[slug].parent
            while parent and parent in self.categories and parent not in seen:
                chain.insert(0, parent)
                seen.add(parent)
                parent = self.categories[parent].parent
            paths = {f"/category/{'/'.join(chain)}/", f"/category/{slug}/"}
            if self.categories[slug].wp_id:
                paths.add(f"/?cat={self.categories[slug].wp_id}")
            for path in paths:
                self._redirect(Redirect.normalise_path(path), page_id=section_id)

    def tag(self, term: WxrTerm) -> str | None:
        """Return the tag name for a WordPress tag, creating the tag with its slug."""
        from taggit.models import Tag

        wp_slug = unquote(term.slug or "").lower()
        name = " ".join((term.name or wp_slug).split())[:100]
        if not name:
            return None
        key = wp_slug or name.lower()
        if key in self.tags:
            return self.tags[key]
        slug = (
            slug_for(wp_slug, max_length=100)
            or slug_for(name, max_length=100)
            or f"sujet-{term.wp_id or abs(hash(name)) % 10**8}"
        )
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None:
            if Tag.objects.filter(slug=slug).exists():
                slug = f"{slug}-{term.wp_id or 2}"
            tag = Tag.objects.create(name=name, slug=slug)
            self.report.created["tags"] += 1
        self._set(self.tags, key, tag.name)
        self._set(self.tag_slugs, tag.name, tag.slug)
        self._set(self.tag_objects, tag.name, tag)
        self._remember(WxrObject.Kind.TAG, key, tag.pk)
        if wp_slug and self.tag_index is not None:
            for path in (f"/tag/{term.slug}/", f"/?tag={term.slug}"):
                self._redirect(
                    Redirect.normalise_path(path),
                    page_id=self.tag_index.pk,
                    route=f"/{tag.slug}/",
                )
        return tag.name
