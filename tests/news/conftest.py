import io
import json
import re
from html import escape

import pytest

from manchette.core.models import SiteIdentity, SocialLink
from manchette.news.models import ArticlePage
from tests.factories import ArticlePageFactory, section_get

REFERENCE_TAG = "transition numérique"


def parse_reference(text: str) -> dict:
    """Return the parts of the reference page's text: title, paragraphs (with the
    "Lire aussi" line), the read-also title and the related cards.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    crumb = next(line for line in lines if line.startswith("Accueil / "))
    title = crumb.split(" / ", 2)[2]
    start = lines.index("En Bref") + 1
    while lines[start].startswith("Temps de lecture"):
        start += 1
    end = lines.index("Laissez-nous vos commentaires")
    paragraphs = lines[start:end]
    read_also = next(line for line in paragraphs if line.startswith("Lire aussi"))
    social = lines.index("Et sur nos réseaux sociaux :")
    card_lines = lines[social + 1 : lines.index("Laisser un commentaire")]
    cards = []
    for index in range(0, len(card_lines) - 2, 3):
        label, card_title, excerpt = card_lines[index : index + 3]
        cards.append(
            {"label": label, "title": card_title, "excerpt": excerpt.rstrip("…")}
        )
    return {
        "title": title,
        "paragraphs": paragraphs,
        "read_also": read_also.split(":", 1)[1].strip(),
        "cards": cards,
    }


def reference_to_ninjs(parts: dict, read_also_url: str) -> dict:
    """Return the reference article as an IPTC ninjs 2.0 document."""
    body = []
    for paragraph in parts["paragraphs"]:
        if paragraph.startswith("Lire aussi"):
            body.append(
                f'<p>Lire aussi : <a href="{read_also_url}">{escape(parts["read_also"])}</a></p>'
            )
        else:
            body.append(f"<p>{escape(paragraph)}</p>")
    return {
        "uri": "urn:manchette:reference:1",
        "type": "text",
        "language": "fr",
        "headlines": [{"value": parts["title"], "role": "main"}],
        "bodies": [
            {"value": "".join(body), "contenttype": "text/html", "role": "main"}
        ],
        "keywords": [REFERENCE_TAG],
        "firstcreated": "2024-10-29T12:00:00+01:00",
    }


@pytest.fixture
def reference_article(reference_text, tmp_path):
    """Import the reference page's article through ``import_ninjs`` into a site that
    also holds its "Lire aussi" target and its related cards; return the article.
    """
    from django.core.management import call_command

    politique = section_get("politique", "Politique")
    identity = SiteIdentity.for_site(politique.get_site())
    SocialLink.objects.create(
        settings=identity, network="facebook", url="https://www.facebook.com/exemple"
    )
    SocialLink.objects.create(
        settings=identity, network="x", url="https://x.com/exemple"
    )
    parts = parse_reference(reference_text)
    target = ArticlePageFactory(section=politique, title=parts["read_also"])
    for card in parts["cards"][:4]:
        ArticlePageFactory(
            section=politique,
            title=card["title"],
            summary=card["excerpt"] + " " + card["excerpt"],
            tags=[REFERENCE_TAG],
        )
    path = tmp_path / "reference.json"
    path.write_text(
        json.dumps(reference_to_ninjs(parts, f"http://127.0.0.1:8000{target.url}"))
    )
    call_command("import_ninjs", str(path), section="politique", stdout=io.StringIO())
    article = ArticlePage.objects.get(source_uri="urn:manchette:reference:1")
    article.reference_parts = parts
    return article


def visible_text(html: str) -> str:
    """Return the text a reader sees in the body of an HTML page, as one line."""
    html = re.sub(r"<head>.*?</head>", " ", html, flags=re.S)
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


@pytest.fixture
def sitemap_alternates_schema(shared_dir, tmp_path):
    """sitemap.xsd with the xhtml:link element of translations known."""
    import shutil
    from pathlib import Path

    from lxml import etree

    data = Path(__file__).parent.parent / "data" / "xsd"
    shutil.copy(shared_dir / "xsd" / "sitemap.xsd", tmp_path / "sitemap.xsd")
    for name in ("xhtml-link.xsd", "sitemap-with-alternates.xsd"):
        shutil.copy(data / name, tmp_path / name)
    return etree.XMLSchema(etree.parse(str(tmp_path / "sitemap-with-alternates.xsd")))


def edition_urls(code: str) -> dict[str, str]:
    """Return one URL of each reader page type of the demo's ``code`` edition."""
    from manchette.news.models import ContentPage, SectionPage, TagIndexPage

    article = (
        ArticlePage.objects.live()
        .filter(locale__language_code=code, source_uri__startswith=f"demo:{code}:")
        .order_by("-first_published_at")
        .first()
    )
    tag = article.tags.first()
    tag_index = TagIndexPage.objects.live().get(locale__language_code=code)
    section = SectionPage.objects.live().filter(locale__language_code=code).first()
    footer = ContentPage.objects.live().filter(locale__language_code=code).first()
    word = max(article.title.split(), key=len)
    return {
        "home": f"/{code}/",
        "section": section.url,
        "tag": tag_index.tag_url(tag.slug),
        "author": article.article_authors.first().author.url,
        "article": article.url,
        "search": f"/{code}/recherche/?q={word}",
        "newsletter": f"/{code}/newsletter/",
        "footer page": footer.url,
        "404": f"/{code}/cette-page-n-existe-pas/",
    }


@pytest.fixture
def editions_demo(settings):
    """The demo newsroom with its three editions; return {code: edition_urls}."""
    from manchette.news.demo import demo_build
    from manchette.news.demo_editions import editions_build
    from manchette.news.demo_front import demo_front_build

    settings.MANCHETTE_PAGE_CACHE = False
    demo_build()
    demo_front_build()
    editions_build()
    return {code: edition_urls(code) for code in ("ar", "en")}
