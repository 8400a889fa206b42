"""The page cache: responses name what they show as tags; changes invalidate tags.

This package is the only place that knows how pages are cached. Domain apps use
two functions and nothing else:

- ``add_cache_tags(request, *tags)``: the response to ``request`` shows these
  things (called by views, template tags and Wagtail hooks while rendering);
- ``invalidate(*tags)``: these things changed (called by services and signal
  handlers after a write); every stored response carrying one of the tags is
  purged once, after the current transaction commits.

Tags are short strings: ``"<kind>:<id>"`` for one object (``article:12``,
``section:3``, ``tag:7``, ``author:4``, ``page:9``) and a few names for
site-wide content (``site`` for navigation, identity and settings, carried by
every HTML page; ``home``; ``listing:latest``). ``tags.py`` builds them.
"""

from .invalidation import invalidate
from .tags import add_cache_tags, cache_tags, page_tag

__all__ = ["add_cache_tags", "cache_tags", "invalidate", "page_tag"]
