"""The reference article, imported as ninjs, shows every element of the reference page."""

import html as html_lib
import re

import pytest

from tests.news.conftest import REFERENCE_TAG, visible_text

pytestmark = pytest.mark.django_db


def test_reference_article_shows_every_element_in_order(client, reference_article):
    parts = reference_article.reference_parts
    response = client.get(reference_article.url)
    assert response.status_code == 200
    text = html_lib.unescape(visible_text(response.content.decode()))
    first_paragraph = parts["paragraphs"][0]
    last_paragraph = parts["paragraphs"][-1]
    expected = [
        f"Accueil / Politique / {parts['title']}",
        parts["title"],
        "29 octobre 2024",
        "Temps de lecture : 3 minutes",
        "En bref",
        first_paragraph,
        f"Lire aussi : {parts['read_also']}",
        last_paragraph,
        "Temps de lecture : 3 minutes",
        REFERENCE_TAG,
        "Laissez-nous vos commentaires",
        "La newsletter qui vous briefe en 5 min",
        "Chaque jour, recevez l’essentiel de l’information pour ne rien rater de l’actualité",
        "Et sur nos réseaux sociaux :",
        parts["cards"][0]["title"],
        "Laisser un commentaire",
    ]
    position = 0
    for item in expected:
        found = text.find(item, position)
        assert found >= 0, f"missing or out of order: {item!r}"
        position = found + len(item)


def test_reference_article_reads_in_three_minutes(reference_article):
    assert reference_article.reading_minutes == 3


def test_reference_article_has_a_read_also_block(reference_article):
    blocks = [
        block for block in reference_article.body if block.block_type == "read_also"
    ]
    assert len(blocks) == 1
    assert (
        blocks[0].value["article"].title
        == reference_article.reference_parts["read_also"]
    )


def test_reference_related_list_has_labelled_cards_without_the_article(
    client, reference_article
):
    html = client.get(reference_article.url).content.decode()
    related = re.search(
        r'<section class="related".*?</section>', html, flags=re.S
    ).group(0)
    titles = [
        html_lib.unescape(t)
        for t in re.findall(
            r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', related
        )
    ]
    assert reference_article.title not in titles
    assert titles[:4] == [
        card["title"]
        for card in reversed(reference_article.reference_parts["cards"][:4])
    ]
    labels = re.findall(r'<p class="card__label">([^<]+)</p>', related)
    assert labels[:4] == [REFERENCE_TAG] * 4
    excerpts = [
        html_lib.unescape(e)
        for e in re.findall(r'<p class="card__excerpt">([^<]+)</p>', related)
    ]
    assert all(e.endswith("…") and 100 <= len(e) <= 141 for e in excerpts[:4])


def test_reference_breadcrumb_links_work(client, reference_article):
    html = client.get(reference_article.url).content.decode()
    nav = re.search(r'<nav class="breadcrumb".*?</nav>', html, flags=re.S).group(0)
    hrefs = re.findall(r'href="([^"]+)"', nav)
    assert hrefs == ["/", "/politique/"]
    for href in hrefs:
        assert client.get(href).status_code == 200
