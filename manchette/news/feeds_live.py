"""RSS feeds of the corrections log and of one live blog's updates."""

from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from manchette.core.pagecache import add_cache_tags, page_tag

from .feeds import FEED_SIZE, publisher_name, site_root_url
from .models_live import CORRECTIONS_TAG, live_blog_tag
from .selectors.live import correction_list_public, live_blog_get_public


def _guid(root: str, kind: str, pk: int) -> str:
    host = urlsplit(root).hostname or "localhost"
    return f"tag:{host},2025:{kind}:{pk}"


class CorrectionFeed(Feed):
    """Every correction of the site, newest first (``/flux/corrections/rss/``)."""

    feed_type = Rss201rev2Feed
    language = "fr"

    def get_object(self, request, *args, **kwargs):
        self.root = site_root_url(request)
        self.publisher = publisher_name(request)
        self.request = request
        notes = list(correction_list_public()[:FEED_SIZE])
        add_cache_tags(
            request,
            CORRECTIONS_TAG,
            {page_tag("article", note.article_id) for note in notes},
        )
        return notes

    def title(self, obj):
        return _("Corrections — %(name)s") % {"name": self.publisher}

    def link(self, obj):
        return self.root + "/corrections/"

    def description(self, obj):
        return _(
            "Les corrections publiées par %(name)s, les plus récentes d’abord."
        ) % {"name": self.publisher}

    def items(self, obj):
        return obj

    def item_title(self, item):
        return _("Correction : %(title)s") % {"title": item.article.title}

    def item_description(self, item):
        return escape(item.text)

    def item_link(self, item):
        return item.article.get_full_url(self.request)

    def item_guid(self, item):
        return _guid(self.root, "correction", item.pk)

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.noted_at.replace(microsecond=0)


class LiveBlogFeed(Feed):
    """The updates of one live blog, newest first (``/flux/direct/<pk>/rss/``)."""

    feed_type = Rss201rev2Feed
    language = "fr"

    def get_object(self, request, pk):
        page = live_blog_get_public(pk)
        if page is None:
            raise Http404(_("Ce direct n’existe pas."))
        self.root = site_root_url(request)
        self.page_url = page.get_full_url(request)
        add_cache_tags(request, live_blog_tag(page.pk))
        return page

    def title(self, obj):
        return _("En direct : %(title)s") % {"title": obj.title}

    def link(self, obj):
        return self.page_url

    def description(self, obj):
        return escape(obj.summary)

    def items(self, obj):
        return obj.updates.order_by("-posted_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title or _("Mise à jour de %(time)s") % {
            "time": timezone.localtime(item.posted_at).strftime("%H:%M")
        }

    def item_description(self, item):
        return "".join(str(block) for block in item.body)

    def item_link(self, item):
        return f"{self.page_url}#maj-{item.pk}"

    def item_guid(self, item):
        return _guid(self.root, "live-update", item.pk)

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.posted_at.replace(microsecond=0)

    def item_updateddate(self, item):
        return (item.edited_at or item.posted_at).replace(microsecond=0)
