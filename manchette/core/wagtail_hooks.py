from wagtail import hooks

from .middleware import mark_cacheable
from .privacy import any_view_restriction


@hooks.register("before_serve_page")
def mark_public_page_cacheable(page, request, serve_args, serve_kwargs):
    """Let the page cache keep a page every anonymous reader may see."""
    if not any_view_restriction() or not page.get_view_restrictions().exists():
        mark_cacheable(request, last_modified=page.last_published_at)


from .staff import admin_urls  # noqa: E402, F401  (registers the 2FA admin pages)
