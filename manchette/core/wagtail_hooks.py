from wagtail import hooks

from .avatars import initials_avatar_url
from .middleware import mark_cacheable
from .privacy import any_view_restriction


@hooks.register("before_serve_page")
def mark_public_page_cacheable(page, request, serve_args, serve_kwargs):
    """Let the page cache keep a page every anonymous reader may see."""
    if not any_view_restriction() or not page.get_view_restrictions().exists():
        mark_cacheable(request, last_modified=page.last_published_at)


@hooks.register("get_avatar_url")
def local_avatar(user, size):
    """An uploaded photo (Wagtail's own), else the user's initials: never a
    request to an outside avatar service.
    """
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return None
    return initials_avatar_url(user)
