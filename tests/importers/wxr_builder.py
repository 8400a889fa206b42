"""Builds small WordPress exports in code, for the odd cases of the WXR tests."""

from html import escape

HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
 xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/{version}/">
<channel>
<title>Test</title>
<link>https://wp.example.org</link>
<wp:wxr_version>{version}</wp:wxr_version>
<wp:base_site_url>https://wp.example.org</wp:base_site_url>
<wp:base_blog_url>https://wp.example.org</wp:base_blog_url>
"""


def cdata(value: str) -> str:
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def comment(
    wp_id, *, approved="1", parent="0", date="2024-01-02 10:00:00", body="Oui."
):
    return f"""<wp:comment><wp:comment_id>{wp_id}</wp:comment_id>
<wp:comment_author>{cdata("Lecteur " + str(wp_id))}</wp:comment_author>
<wp:comment_author_email>lecteur{wp_id}@example.org</wp:comment_author_email>
<wp:comment_date>{date}</wp:comment_date><wp:comment_date_gmt>{date}</wp:comment_date_gmt>
<wp:comment_content>{cdata(body)}</wp:comment_content>
<wp:comment_approved>{approved}</wp:comment_approved>
<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"""


def post(
    wp_id,
    *,
    title="Un titre",
    slug=None,
    body="Un paragraphe.",
    excerpt="Un résumé.",
    status="publish",
    post_type="post",
    date="2024-01-01 09:00:00",
    date_gmt=None,
    categories=(("actualite", "Actualité"),),
    tags=(),
    creator="redaction",
    comments=(),
    extra="",
    parent="0",
):
    slug = f"article-{wp_id}" if slug is None else slug
    date_gmt = date if date_gmt is None else date_gmt
    terms = "".join(
        f'<category domain="category" nicename="{escape(s)}">{cdata(n)}</category>'
        for s, n in categories
    ) + "".join(
        f'<category domain="post_tag" nicename="{escape(s)}">{cdata(n)}</category>'
        for s, n in tags
    )
    day = date[:10].replace("-", "/")
    return f"""<item><title>{escape(title)}</title>
<link>https://wp.example.org/{day}/{escape(slug)}/</link>
<dc:creator>{cdata(creator)}</dc:creator>
<guid isPermaLink="false">https://wp.example.org/?p={wp_id}</guid>
<content:encoded>{cdata(body)}</content:encoded>
<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>
<wp:post_id>{wp_id}</wp:post_id>
<wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{date_gmt}</wp:post_date_gmt>
<wp:post_name>{cdata(slug)}</wp:post_name>
<wp:status>{status}</wp:status>
<wp:post_parent>{parent}</wp:post_parent>
<wp:post_type>{post_type}</wp:post_type>
{terms}{extra}{"".join(comments)}</item>
"""


def document(*items: str, version: str = "1.2", head: str = "") -> str:
    return HEADER.format(version=version) + head + "".join(items) + "</channel></rss>\n"


def write(tmp_path, *items: str, name="export.xml", **kwargs):
    path = tmp_path / name
    path.write_text(document(*items, **kwargs), encoding="utf-8")
    return path


def attachment(wp_id, url, *, title="Pièce jointe", parent="0"):
    """An attachment item (an uploaded file) whose file is at ``url``."""
    return f"""<item><title>{escape(title)}</title>
<link>https://wp.example.org/?attachment_id={wp_id}</link>
<guid isPermaLink="false">{escape(url)}</guid>
<content:encoded>{cdata("")}</content:encoded>
<excerpt:encoded>{cdata("")}</excerpt:encoded>
<wp:post_id>{wp_id}</wp:post_id>
<wp:post_date>2024-01-01 08:00:00</wp:post_date>
<wp:post_date_gmt>2024-01-01 08:00:00</wp:post_date_gmt>
<wp:post_name>{cdata("piece-" + str(wp_id))}</wp:post_name>
<wp:status>inherit</wp:status>
<wp:post_parent>{parent}</wp:post_parent>
<wp:post_type>attachment</wp:post_type>
<wp:attachment_url>{escape(url)}</wp:attachment_url></item>
"""
