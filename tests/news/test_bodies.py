"""html_to_blocks with and without an image resolver."""

from manchette.news.bodies import html_to_blocks

HTML = (
    "<p>Avant.</p>"
    '<figure><img src="/u/a.jpg" alt="A"><figcaption>La légende</figcaption></figure>'
    '<p><a href="/u/b.jpg"><img src="/u/b.jpg" alt="Texte alternatif"></a> Après.</p>'
    '<img src="/u/inconnue.jpg">'
)


def test_without_a_resolver_images_are_dropped_and_captions_kept():
    blocks = html_to_blocks(HTML)

    assert [b["type"] for b in blocks] == ["paragraph", "paragraph", "paragraph"]
    assert blocks[1]["value"] == "<p><i>La légende</i></p>"


def test_with_a_resolver_known_images_become_image_blocks():
    blocks = html_to_blocks(HTML, resolve_image={"/u/a.jpg": 1, "/u/b.jpg": 2}.get)

    assert blocks == [
        {"type": "paragraph", "value": "<p>Avant.</p>"},
        {"type": "image", "value": {"image": 1, "caption": "La légende", "credit": ""}},
        {
            "type": "image",
            "value": {"image": 2, "caption": "Texte alternatif", "credit": ""},
        },
        {"type": "paragraph", "value": "<p> Après.</p>"},
    ]


def test_an_unknown_figure_keeps_its_caption_as_text():
    blocks = html_to_blocks(HTML, resolve_image=lambda src: None)

    assert blocks[1] == {"type": "paragraph", "value": "<p><i>La légende</i></p>"}


def test_line_breaks_are_self_closed_for_wagtail_rich_text():
    assert html_to_blocks("<p>Un<br>deux</p>") == [
        {"type": "paragraph", "value": "<p>Un<br/>deux</p>"}
    ]
