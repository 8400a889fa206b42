import pytest
from django.utils import timezone

from manchette.newsletter.models import ArticleReadCount
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_article_page_loads_the_read_beacon(client, section):
    article = ArticlePageFactory()
    html = client.get(article.url).content.decode()
    assert f'data-read-url="/newsletter/lu/{article.pk}/"' in html
    assert "read-beacon.js" in html


def test_beacon_counts_one_read_per_client_and_day(client, section):
    article = ArticlePageFactory()
    for _ in range(3):
        response = client.post(f"/newsletter/lu/{article.pk}/")
        assert response.status_code == 204
        assert not response.cookies
    other = client.post(f"/newsletter/lu/{article.pk}/", REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 204
    count = ArticleReadCount.objects.get(article_id=article.pk)
    assert count.day == timezone.localdate()
    assert count.count == 2


def test_beacon_for_an_unknown_article_counts_nothing(client, section):
    assert client.post("/newsletter/lu/999999/").status_code == 204
    assert not ArticleReadCount.objects.exists()


def test_beacon_only_takes_posts(client, section):
    article = ArticlePageFactory()
    assert client.get(f"/newsletter/lu/{article.pk}/").status_code == 405


def test_beacon_is_rate_limited(client, section, settings):
    settings.MANCHETTE_READS_PER_HOUR = 2
    articles = [ArticlePageFactory() for _ in range(3)]
    codes = [client.post(f"/newsletter/lu/{a.pk}/").status_code for a in articles]
    assert codes == [204, 204, 429]
    assert ArticleReadCount.objects.count() == 2
