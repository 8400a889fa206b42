from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from manchette.api.urls import api_urls
from manchette.core import identity_views
from manchette.core import views as core_views
from manchette.news import feeds
from manchette.news import sitemaps as news_sitemaps
from manchette.news import views as news_views
from manchette.newsletter import views as newsletter_views

SECTION_PATH = r"[-\w]+(?:/[-\w]+)*"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Comments (manchette.comments): the public POST endpoint.
    path("commentaires/", include("manchette.comments.urls")),
]

# Discover: sitemaps, robots.txt and the read API (one for every edition).
urlpatterns += [
    path("sitemap.xml", news_sitemaps.index, name="sitemap_index"),
    path("sitemap-pages.xml", news_sitemaps.pages, name="sitemap_pages"),
    path("sitemap-news.xml", news_sitemaps.news, name="sitemap_news"),
    path(
        "sitemap-articles-<int:chunk>.xml",
        news_sitemaps.articles,
        name="sitemap_articles",
    ),
    re_path(
        r"^sitemap-(?P<kind>sections|authors|tags)-(?P<chunk>[0-9]+)\.xml$",
        news_sitemaps.listings,
        name="sitemap_listings",
    ),
    path("csrf/", core_views.csrf_token, name="csrf_token"),
    # One read beacon for every edition, answered in front of Django by
    # manchette.wsgi (newsletter/beacon.py); this view serves other servers.
    path(
        "newsletter/lu/<int:article_id>/",
        newsletter_views.read_beacon,
        name="newsletter_read",
    ),
    path("robots.txt", news_sitemaps.robots_txt, name="robots_txt"),
    # Identity: icons, web app manifest and brand colour (core/identity_views.py).
    path("favicon.svg", identity_views.favicon_svg, name="favicon_svg"),
    path("favicon.ico", identity_views.favicon_ico, name="favicon_ico"),
    path("icone-<int:size>.png", identity_views.icon, name="site_icon"),
    path("manifest.webmanifest", identity_views.manifest, name="web_manifest"),
    path("identite.css", identity_views.brand_css, name="brand_css"),
    path("api/", api_urls),
    path("", include("manchette.news.urls_live")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Each edition's search and feeds, then its pages: French at the root, the
# other editions under /ar/ and /en/ (settings.MANCHETTE_EDITIONS).
edition_urls = [
    # The newsletter's pages speak their edition's language (/ar/newsletter/).
    path("newsletter/", include("manchette.newsletter.urls")),
    path("recherche/", news_views.search, name="search"),
    path("flux/rss/", feeds.ArticleFeed(), name="feed_rss"),
    path("flux/atom/", feeds.ArticleAtomFeed(), name="feed_atom"),
    # A section by its path under the home page: politique, or politique/elections
    # for a subsection (two subsections may share a slug under two parents).
    re_path(
        rf"^flux/rubrique/(?P<slug>{SECTION_PATH})/rss/$",
        feeds.SectionFeed(),
        name="feed_section_rss",
    ),
    re_path(
        rf"^flux/rubrique/(?P<slug>{SECTION_PATH})/atom/$",
        feeds.SectionAtomFeed(),
        name="feed_section_atom",
    ),
    path("flux/sujet/<str:slug>/rss/", feeds.TagFeed(), name="feed_tag_rss"),
    path("flux/sujet/<str:slug>/atom/", feeds.TagAtomFeed(), name="feed_tag_atom"),
    path("flux/auteur/<str:slug>/rss/", feeds.AuthorFeed(), name="feed_author_rss"),
    path(
        "flux/auteur/<str:slug>/atom/",
        feeds.AuthorAtomFeed(),
        name="feed_author_atom",
    ),
    path("", include(wagtail_urls)),
]
urlpatterns += i18n_patterns(*edition_urls, prefix_default_language=False)
