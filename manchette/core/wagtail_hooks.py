from wagtail import hooks

from .pagecache.pages import tag_served_page

hooks.register("before_serve_page", tag_served_page)
