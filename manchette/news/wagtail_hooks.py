"""The newsroom's admin hooks: article chooser, bylines, slug clashes, dashboards."""

from django.contrib import messages
from wagtail import hooks

from .admin.bylines import NO_AUTHOR_PAGE, author_for_user
from .admin.choosers import article_chooser_viewset
from .admin.dashboard import homepage_panels
from .admin.slugs import slug_clash_check
from .models import ArticlePage


@hooks.register("register_admin_viewset")
def register_article_chooser():
    return article_chooser_viewset


@hooks.register("before_create_page")
def article_create_bylines_and_slug(request, parent_page, page_class):
    """Tell a user without an author page what to do; on save, free the slug of an
    abandoned draft (manchette/news/admin/slugs.py).
    """
    if not issubclass(page_class, ArticlePage):
        return None
    if request.method == "GET" and author_for_user(request.user) is None:
        messages.warning(request, NO_AUTHOR_PAGE)
    elif request.method == "POST":
        _slug_clash_message(request, parent=parent_page)
    return None


def _slug_clash_message(request, *, parent, exclude_pk=None):
    """Add a message linking to the page that holds the requested slug (the
    field's own error repeats it as text: Wagtail escapes field errors).
    """
    message = slug_clash_check(
        parent=parent, slug=request.POST.get("slug", ""), exclude_pk=exclude_pk
    )
    if message:
        messages.error(request, message)


@hooks.register("before_edit_page")
def article_edit_slug(request, page):
    if request.method == "POST" and isinstance(page, ArticlePage):
        _slug_clash_message(request, parent=page.get_parent(), exclude_pk=page.pk)
    return None


@hooks.register("construct_homepage_panels")
def add_newsroom_panels(request, panels):
    homepage_panels(request, panels)
