"""``{% rendercache %}``: a part of a page kept in the render cache.

    {% load render_cache %}
    {% rendercache "article" page.pk %}…costly HTML…{% endrendercache %}

The name's parts identify the part (with the host and the language); a part
that resolves to nothing (no page) renders it every time. What it shows is
known from the tags the page recorded (``core.pagecache.rendered``).
"""

from django import template

from manchette.core.pagecache.rendered import render_cached

register = template.Library()


class RenderCacheNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        if any(part in (None, "") for part in parts):
            # Not a page of its own (a search, a form): rendered every time.
            return self.nodelist.render(context)
        name = ":".join(str(part) for part in parts)
        return render_cached(
            context.get("request"), name, lambda: self.nodelist.render(context)
        )


@register.tag
def rendercache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes a name, e.g. {{% rendercache 'article' page.pk %}}"
        )
    nodelist = parser.parse(("endrendercache",))
    parser.delete_first_token()
    return RenderCacheNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])
