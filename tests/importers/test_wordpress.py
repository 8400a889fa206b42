"""WordPress content cleaning: wpautop, shortcodes, Gutenberg comments."""

from manchette.importers.wordpress import (
    render_shortcodes,
    shortcode_attrs,
    strip_block_comments,
    wp_content_to_html,
    wpautop,
)


def test_wpautop_makes_paragraphs_and_line_breaks():
    assert wpautop("Un.\nDeux.\n\nTrois.") == "<p>Un.<br />\nDeux.</p>\n<p>Trois.</p>"


def test_wpautop_leaves_block_tags_alone():
    html = wpautop("Intro\n\n<h2>Titre</h2>\n\n<ul>\n<li>a</li>\n</ul>")

    assert "<p><h2>" not in html
    assert "<h2>Titre</h2>" in html
    assert "<p>Intro</p>" in html


def test_wpautop_keeps_pre_blocks_verbatim():
    html = wpautop("Code :\n\n<pre>a\n\nb</pre>")

    assert "<pre>a\n\nb</pre>" in html


def test_block_comments_are_removed_and_embeds_become_media_figures():
    html = strip_block_comments(
        "<!-- wp:paragraph --><p>Oui</p><!-- /wp:paragraph -->"
        '<!-- wp:embed {"url":"https://youtu.be/x"} --><figure>x'
        "<figcaption>Le <b>clip</b> &amp; son making-of</figcaption></figure>"
        "<!-- /wp:embed --><!--more-->"
    )

    assert html == (
        "<p>Oui</p>\n\n"
        '<figure><a href="https://youtu.be/x">https://youtu.be/x</a>'
        "<figcaption>Le clip &amp; son making-of</figcaption></figure>\n\n"
    )


def test_caption_shortcode_becomes_a_figure():
    html = render_shortcodes(
        '[caption id="a" width="300"]<a href="/b.jpg"><img src="/b-300x200.jpg" /></a>'
        " La légende[/caption]"
    )

    assert (
        '<figure><img src="/b-300x200.jpg" /><figcaption>La légende</figcaption></figure>'
        in html
    )


def test_gallery_shortcode_lists_the_known_images():
    html = render_shortcodes(
        '[gallery ids="1, 2"]', attachment_url={"1": "/u/a.jpg"}.get
    )

    assert html.strip() == '<figure><img src="/u/a.jpg" alt=""></figure>'


def test_embed_shortcode_becomes_a_media_figure():
    assert render_shortcodes("[embed width=640] https://vimeo.com/1 [/embed]") == (
        '\n\n<figure><a href="https://vimeo.com/1">https://vimeo.com/1</a></figure>\n\n'
    )


def test_an_embed_of_something_else_than_a_web_address_stays_text():
    html = render_shortcodes('[embed]javascript:alert("x")[/embed]')

    assert html.strip() == "<p>javascript:alert(&quot;x&quot;)</p>"


def test_unknown_shortcodes_are_unwrapped_or_removed_but_brackets_stay():
    html = render_shortcodes(
        '[box color="red"]Gardé[/box] [tweet id="1"] [vc_row] [sic] [[caption]] [x/]'
    )

    assert html == "Gardé   [sic] [caption] "


def test_shortcode_attributes_accept_every_quoting():
    assert shortcode_attrs(" a=\"1\" b='2' c=3") == {"a": "1", "b": "2", "c": "3"}


def test_classic_content_gets_paragraphs_and_gutenberg_content_does_not():
    assert wp_content_to_html("A\n\nB") == "<p>A</p>\n<p>B</p>"
    assert (
        wp_content_to_html("<!-- wp:paragraph -->\n<p>A</p>\n<!-- /wp:paragraph -->")
        == "<p>A</p>"
    )


def test_a_bare_url_line_becomes_a_media_figure():
    html = wp_content_to_html(
        "Voir :\n\nhttps://www.youtube.com/watch?v=1&t=2\n\nFin https://x.org/ là."
    )

    assert html == (
        "<p>Voir :</p>\n"
        '<figure><a href="https://www.youtube.com/watch?v=1&amp;t=2">'
        "https://www.youtube.com/watch?v=1&amp;t=2</a></figure>\n"
        "<p>Fin https://x.org/ là.</p>"
    )
