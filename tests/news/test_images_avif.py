"""Lead images in AVIF with a WebP fallback (<picture>), through Wagtail's renditions."""

import re

import pytest
from wagtail.images import get_image_model
from wagtail_factories import ImageFactory

from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

PICTURE = re.compile(r"<picture>(.*?)</picture>", re.S)


def picture_parts(html: str) -> tuple[list[str], list[str], str]:
    """Return the first <picture>'s AVIF and fallback URLs and its <img> tag."""
    match = PICTURE.search(html)
    assert match, "no <picture>"
    inner = match.group(1)
    source = re.search(r'<source [^>]*srcset="([^"]+)"[^>]*type="image/avif"', inner)
    assert source, inner
    img = re.search(r"<img [^>]*>", inner).group(0)
    fallback = re.search(r'srcset="([^"]+)"', img).group(1)

    def urls(srcset: str) -> list[str]:
        return [item.split()[0] for item in srcset.split(",")]

    return urls(source.group(1)), urls(fallback), img


def rendition_bytes(url: str) -> bytes:
    rendition_model = get_image_model().get_rendition_model()
    name = url.rsplit("/", 1)[1]
    rendition = rendition_model.objects.get(file__endswith=name)
    with rendition.file.open("rb") as f:
        return f.read()


@pytest.fixture
def article(section):
    article = ArticlePageFactory(section=section)
    article.featured_image = ImageFactory(
        title="Photo", file__width=1600, file__height=900, file__color="teal"
    )
    article.save_revision().publish()
    return article


@pytest.mark.parametrize("where", ["article", "home", "section"])
def test_lead_images_offer_avif_then_webp(client, article, where):
    url = {"article": article.url, "home": "/", "section": article.section.url}
    avif, webp, img = picture_parts(client.get(url[where]).content.decode())
    assert len(avif) == len(webp) == 3
    assert all(u.endswith(".avif") for u in avif)
    assert all(u.endswith(".webp") for u in webp)
    for path in avif:
        assert rendition_bytes(path)[4:12] == b"ftypavif", path
    for path in webp:
        data = rendition_bytes(path)
        assert (data[:4], data[8:12]) == (b"RIFF", b"WEBP"), path
    assert re.search(r'width="\d+"', img)
    assert re.search(r'height="\d+"', img)
    assert 'fetchpriority="high"' in img
