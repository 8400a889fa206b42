from wagtail import hooks

from .avatars import initials_avatar_url
from .pagecache.pages import tag_served_page

hooks.register("before_serve_page", tag_served_page)


@hooks.register("get_avatar_url")
def local_avatar(user, size):
    """An uploaded photo (Wagtail's own), else the user's initials: never a
    request to an outside avatar service.
    """
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return None
    return initials_avatar_url(user)


from .staff import admin_urls  # noqa: E402, F401  (registers the 2FA admin pages)
