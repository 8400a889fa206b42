from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from manchette.core.pagecache import add_cache_tags, page_tag
from manchette.core.privacy import ViewRestrictionsMixin
from manchette.core.text import excerpt, reading_minutes

from .admin.forms import ArticlePageForm
from .admin.previews import ArticlePreviewMixin
from .blocks import ArticleBodyBlock, body_plain_text


def paginate(request, items, *, per_page: int | None = None, count: int | None = None):
    """Return the requested page of ``items``; a bad page number gives 404. Pass
    ``count`` when a cheaper query than ``items.count()`` knows it.
    """
    paginator = Paginator(items, per_page or settings.MANCHETTE_PAGE_SIZE)
    if count is not None:
        paginator.count = count  # A cached_property: this value is used instead.
    number = request.GET.get("page") or 1
    try:
        return paginator.page(number)
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404(_("Cette page n’existe pas.")) from exc


class HomePage(ViewRestrictionsMixin, Page):
    """The front page ("Accueil"): latest news, then one block per section."""

    intro = models.CharField(_("accroche"), max_length=250, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel(
            "front_picks",
            label=_("À la une (choix de la rédaction, dans l’ordre)"),
            max_num=5,
        ),
    ]
    subpage_types = [
        "news.SectionPage",
        "news.AuthorIndexPage",
        "news.TagIndexPage",
        "news.ContentPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page d’accueil")

    @property
    def localized_draft(self):
        """Wagtail's translation lookup, without its query for the active locale
        when that is the home page's own: routing asks on every request.
        """
        from .selectors import locale_id_for

        try:
            language = get_supported_content_language_variant(
                translation.get_language()
            )
        except LookupError:
            return self
        if locale_id_for(language) == self.locale_id:
            return self
        return super().localized_draft

    def serves_active_language(self) -> bool:
        """True when this home page is the edition of the request's language: when
        ``/ar/`` has no Arabic home, Wagtail falls back to the French one, which
        must answer 404 instead of showing French pages under an Arabic URL.
        """
        from manchette.core.editions import is_edition

        from .metadata import page_language

        language = translation.get_language() or settings.LANGUAGE_CODE
        return is_edition(language) and page_language(self) == language

    def route(self, request, path_components):
        """Find a section or an article by its URL path in one query, instead of two
        queries per level. Wagtail does not index ``url_path``; the slug (indexed)
        narrows the lookup to a few rows.
        """
        from .selectors import article_get_by_path, section_get_by_path

        if not self.serves_active_language():
            raise Http404
        url_path = self.url_path + "/".join(path_components) + "/"
        slug = path_components[-1] if path_components else ""
        if len(path_components) >= 2:
            # An article is /section/slug/ or /section/subsection/…/slug/.
            article = article_get_by_path(slug, url_path)
            if article is not None:
                if not article.live:
                    raise Http404
                if article.specific_class is not ArticlePage:  # A live blog.
                    article = article.specific
                return RouteResult(article)
        if path_components:
            section = section_get_by_path(slug, url_path)
            if section is not None:
                if not section.live:
                    raise Http404
                return RouteResult(section)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .selectors.front import front_page

        context = super().get_context(request, *args, **kwargs)
        context["front"] = front_page(self)
        front = context["front"]
        add_cache_tags(
            request,
            "home",
            "listing:latest",
            [page_tag("article", article.pk) for article in front.articles],
            [page_tag("section", section.pk) for section, _ in front.sections],
        )
        return context


class SectionPage(ViewRestrictionsMixin, Page):
    """A section ("rubrique") such as Politique or Économie; articles live under it.

    A section may hold subsections (Politique › Élections, as WordPress's child
    categories): its page lists its own articles and theirs.
    """

    description = models.TextField(_("description"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("description")]
    parent_page_types = ["news.HomePage", "news.SectionPage"]
    subpage_types = ["news.ArticlePage", "news.LiveBlogPage", "news.SectionPage"]
    search_fields = [*Page.search_fields, index.SearchField("description")]

    class Meta:
        verbose_name = _("rubrique")
        verbose_name_plural = _("rubriques")

    def get_context(self, request, *args, **kwargs):
        from .selectors import (
            article_count,
            article_list_for_section,
            page_ancestors_below_home,
        )
        from .selectors.front import listing_cards

        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(
            request,
            listing_cards(article_list_for_section(self)),
            count=article_count(section=self),
        )
        if self.depth > 3:  # A subsection: its breadcrumb shows its parents.
            context["page_ancestors"] = page_ancestors_below_home(self)
        add_cache_tags(request, page_tag("section", self.pk))
        return context


class AuthorIndexPage(ViewRestrictionsMixin, Page):
    """The list of the newsroom's authors ("Auteurs")."""

    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.AuthorPage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des auteurs")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = authors = list(
            AuthorPage.objects.child_of(self).live().order_by("title")
        )
        add_cache_tags(request, [page_tag("author", author.pk) for author in authors])
        return context


class AuthorPage(ViewRestrictionsMixin, Page):
    """A journalist's page: bio and their articles."""

    role = models.CharField(_("fonction"), max_length=120, blank=True)
    bio = models.TextField(_("biographie"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The staff account that signs as this author: new articles start with it.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte lié"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_page",
        help_text=_("Le compte de l’admin qui signe sous ce nom."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("user"),
    ]
    parent_page_types = ["news.AuthorIndexPage"]
    subpage_types = []
    search_fields = [*Page.search_fields, index.SearchField("bio")]

    class Meta:
        verbose_name = _("auteur")
        verbose_name_plural = _("auteurs")

    def get_context(self, request, *args, **kwargs):
        from .selectors import article_count, article_list_for_author
        from .selectors.front import listing_cards

        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(
            request,
            listing_cards(article_list_for_author(self)),
            count=article_count(author=self),
        )
        add_cache_tags(request, page_tag("author", self.pk))
        return context


class TagIndexPage(ViewRestrictionsMixin, RoutablePageMixin, Page):
    """Serves the tag pages: ``/sujets/`` lists tags, ``/sujets/<slug>/`` their articles."""

    parent_page_types = ["news.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("index des sujets")

    @path("")
    def tag_list(self, request):
        from .selectors import tag_list_popular

        # The tags' names and counts: any article published or withdrawn.
        add_cache_tags(request, "listing:latest")
        return self.render(
            request,
            context_overrides={"tags": tag_list_popular(limit=200)},
        )

    @path("<str:tag_slug>/")
    def tag_detail(self, request, tag_slug):
        from .selectors import article_count, article_list_for_tag
        from .selectors.front import listing_cards

        tag = get_object_or_404(Tag, slug=tag_slug)
        add_cache_tags(request, page_tag("tag", tag.pk))
        return self.render(
            request,
            template="news/tag_page.html",
            context_overrides={
                "tag": tag,
                "articles": paginate(
                    request,
                    listing_cards(article_list_for_tag(tag, locale_id=self.locale_id)),
                    count=article_count(tag=tag, locale_id=self.locale_id),
                ),
            },
        )

    def tag_url(self, tag_slug: str) -> str:
        return self.url + self.reverse_subpage("tag_detail", args=[tag_slug])


class ContentPage(ViewRestrictionsMixin, Page):
    """A plain page (about us, legal notice, a page imported from WordPress)."""

    body = StreamField(ArticleBodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["news.HomePage", "news.ContentPage"]
    subpage_types = ["news.ContentPage"]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("page de contenu")
        verbose_name_plural = _("pages de contenu")


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )
    # A copy of the article's ``published_at`` (kept by ArticlePage.save), so
    # that "the newest articles with this tag" (related boxes) is read from this
    # table's index alone instead of probing the tags of every recent article.
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        indexes = [
            models.Index(
                fields=["tag", "published_at", "content_object"],
                name="news_tag_published",
            )
        ]


class ArticlePage(ViewRestrictionsMixin, ArticlePreviewMixin, Page):
    """A news article: "En bref", body, authors, tags, related articles."""

    summary = models.TextField(
        _("en bref"),
        help_text=_(
            "Une à trois phrases qui résument l’article ; obligatoire pour publier."
        ),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("corps"), blank=True)
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image principale"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_image_caption = models.CharField(_("légende"), max_length=300, blank=True)
    featured_image_credit = models.CharField(_("crédit"), max_length=120, blank=True)
    tags = ClusterTaggableManager(
        through=ArticlePageTag, blank=True, verbose_name=_("sujets")
    )
    updated_at = models.DateTimeField(
        _("mis à jour le"),
        null=True,
        blank=True,
        help_text=_("Date de mise à jour affichée ; vide : la dernière publication."),
    )
    featured = models.BooleanField(
        _("à la une"), default=False, help_text=_("Mis en avant (accueil, newsletter).")
    )
    comments_open = models.BooleanField(_("commentaires ouverts"), default=True)
    # Denormalised for listings: set from the parent page on save.
    section = models.ForeignKey(
        "news.SectionPage",
        verbose_name=_("rubrique"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    reading_minutes = models.PositiveSmallIntegerField(
        _("temps de lecture (minutes)"), default=1, editable=False
    )
    # Maintained by the comments app: approved comments on this article.
    comment_count = models.PositiveIntegerField(default=0, editable=False)
    # Denormalised for listings: a copy of Wagtail's ``first_published_at`` (kept
    # equal on every save, and set by every direct inserter), so that "newest
    # first", overall or per section, is one index scan of this table.
    published_at = models.DateTimeField(
        _("publié le"), null=True, blank=True, editable=False
    )
    # Where the article came from (a ninjs ``uri``), so re-imports update it.
    source_uri = models.CharField(
        max_length=500, blank=True, db_index=True, editable=False
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        InlinePanel("article_authors", label=_("Auteurs")),
        MultiFieldPanel(
            [
                FieldPanel("featured_image"),
                FieldPanel("featured_image_caption"),
                FieldPanel("featured_image_credit"),
            ],
            heading=_("Image principale"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("related_links", label=_("Articles liés (choix de la rédaction)")),
    ]
    settings_panels = [
        *Page.settings_panels,
        FieldPanel("updated_at"),
        FieldPanel("featured"),
        FieldPanel("comments_open"),
    ]
    base_form_class = ArticlePageForm
    # A copy (a translation, most often) takes its section from its new parent
    # (see ``save``) and is not the imported original.
    exclude_fields_in_copy = ["section", "source_uri"]
    parent_page_types = ["news.SectionPage"]
    subpage_types = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        # Accent-free copy of what readers search, so "numerique" finds
        # "numérique" on every backend (PostgreSQL's french config keeps accents).
        index.SearchField("search_text_folded"),
        index.FilterField("section_id"),
        index.FilterField("published_at"),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["section", "featured"]),
            # "Newest first" (ORDER BY published_at DESC, pk DESC), read backwards.
            models.Index(
                fields=["published_at", "page_ptr"], name="news_article_published"
            ),
            models.Index(
                fields=["section", "published_at", "page_ptr"],
                name="news_article_section_pub",
            ),
        ]

    @property
    def modified_at(self):
        return self.updated_at or self.last_published_at or self.published_at

    @property
    def shows_update(self) -> bool:
        """True when the article changed at least ten minutes after it was first published."""
        if self.published_at is None:  # Never published: nothing was updated.
            return False
        return (self.modified_at - self.published_at).total_seconds() >= 600

    @property
    def card_label(self) -> str:
        """Return the label of this article's card: the tag it shares with the article
        being read (``label``, set by ``article_list_related``), else its section.
        """
        return getattr(self, "label", "") or (
            self.section.title if self.section_id else ""
        )

    @cached_property
    def excerpt(self) -> str:
        return excerpt(
            self.summary or body_plain_text(self.body),
            length=settings.MANCHETTE_EXCERPT_LENGTH,
        )

    @cached_property
    def author_list(self) -> list["AuthorPage"]:
        # Links prefetched by a list (``article_list_filtered``) are used as
        # they are; a preview's unsaved bylines are in memory (``is_deferring``).
        prefetched = getattr(self, "byline_links", None)
        if prefetched is not None:
            return [link.author for link in prefetched]
        if self.pk is None or self.article_authors.is_deferring:
            return [
                link.author for link in self.article_authors.all() if link.author_id
            ]
        from .selectors import article_bylines

        return article_bylines(self.pk)

    @cached_property
    def tag_list(self) -> list[Tag]:
        if self.pk is None or self.tagged_items.is_deferring:
            return list(self.tags.all())
        from .selectors import article_tags

        return article_tags(self.pk)

    @cached_property
    def note_list(self) -> list:
        """Return the article's correction and update notes, newest first."""
        from .selectors.live import note_list_for_article

        return note_list_for_article(self.pk) if self.pk else []

    def search_text_folded(self) -> str:
        """Return the title, "En bref", body, tags and authors without accents,
        for the search index (see ``manchette.news.search.fold``).
        """
        from .search import fold

        parts = [self.title, self.summary, body_plain_text(self.body)]
        if self.pk:
            parts += [item.tag.name for item in self.tagged_items.all()]
            parts += [author.title for author in self.author_list]
        return fold(" ".join(part for part in parts if part))

    def compute_reading_minutes(self) -> int:
        from manchette.core.editions import words_per_minute

        from .metadata import page_language

        return reading_minutes(
            body_plain_text(self.body),
            words_per_minute=words_per_minute(page_language(self)),
        )

    def full_clean(self, *args, **kwargs):
        self.reading_minutes = self.compute_reading_minutes()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.reading_minutes = self.compute_reading_minutes()
        # Wagtail stamps first_published_at on the first publish (direct or
        # scheduled) and never changes it after; the copy follows it exactly.
        self.published_at = self.first_published_at
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "first_published_at" in update_fields:
            kwargs["update_fields"] = {*update_fields, "published_at"}
        # A move updates the section through the post_page_move signal.
        if self.path and self.section_id is None:
            parent = self.get_parent()
            if parent is not None and parent.specific_class is SectionPage:
                self.section_id = parent.pk
        result = super().save(*args, **kwargs)
        if update_fields is None or "published_at" in kwargs.get("update_fields", ()):
            # The tag and author links were just written (modelcluster commits
            # them in save(), from the form or the revision): give them the
            # article's date.
            for links in (
                ArticlePageTag.objects.filter(content_object_id=self.pk),
                ArticlePageAuthor.objects.filter(page_id=self.pk),
            ):
                links.exclude(published_at=self.published_at).update(
                    published_at=self.published_at
                )
        return result

    def with_content_json(self, content):
        """Keep the fields that the revision does not own (counts, denormalised
        section) when an older revision is previewed or published again.
        """
        obj = super().with_content_json(content)
        obj.comment_count = self.comment_count
        obj.section_id = self.section_id
        obj.published_at = self.published_at
        return obj

    def serve_preview(self, request, mode_name):
        # A draft shows the date it would go live, else today, as a reader would.
        if self.published_at is None:
            self.published_at = (
                self.first_published_at or self.go_live_at or timezone.now()
            )
        return super().serve_preview(request, mode_name)

    def get_context(self, request, *args, **kwargs):
        from .selectors import article_list_related, page_ancestors_below_home

        context = super().get_context(request, *args, **kwargs)
        # Read only when rendered: a page part from the render cache skips it.
        context["related"] = SimpleLazyObject(
            lambda: article_list_related(self, tags=self.tag_list)
        )
        if self.depth > 4:  # In a subsection: its breadcrumb shows the sections.
            context["page_ancestors"] = page_ancestors_below_home(self)
        # The page's tags (article, section, tags, authors) are recorded by its
        # template, inside each part of the render cache that shows them
        # ({% article_cache_tags %}): a page served from its parts skips the
        # two queries they take.
        return context


from .models_links import (  # noqa: E402, F401
    ArticlePageAuthor,
    ArticlePageRelated,
    HomePagePick,
)
from .models_live import Alert, CorrectionNote, LiveBlogPage, LiveUpdate  # noqa: E402, F401
