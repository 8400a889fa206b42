"""The read counter in batches, its retention, and the audience report."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from manchette.newsletter.audience import most_read, top_read_ids
from manchette.newsletter.models import ArticleReadCount, ArticleReadHour
from manchette.newsletter.readcounter import reads_flush, reads_prune
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def hour_ago(hours):
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    return now - timedelta(hours=hours)


def test_reads_are_written_in_one_batch(client, section, settings):
    settings.MANCHETTE_READS_FLUSH_SECONDS = 3600
    article = ArticlePageFactory()
    reads_flush()
    for number in range(5):
        client.post(f"/newsletter/lu/{article.pk}/", REMOTE_ADDR=f"10.0.0.{number}")
    assert not ArticleReadCount.objects.exists()

    assert reads_flush() == 5

    assert ArticleReadHour.objects.get(article_id=article.pk).count == 5
    assert ArticleReadCount.objects.get(article_id=article.pk).count == 5


def test_retention_keeps_48_hours_of_hours_and_400_days_of_days(section):
    article = ArticlePageFactory()
    today = timezone.localdate()
    for hours in (1, 47, 49, 100):
        ArticleReadHour.objects.create(article=article, hour=hour_ago(hours), count=1)
    for days in (0, 399, 401):
        ArticleReadCount.objects.create(
            article=article, day=today - timedelta(days=days), count=1
        )

    assert reads_prune() == (2, 1)
    assert ArticleReadHour.objects.count() == 2
    assert ArticleReadCount.objects.count() == 2


def test_top_reads_per_period(section):
    old, recent = ArticlePageFactory(), ArticlePageFactory()
    ArticleReadHour.objects.create(article=recent, hour=hour_ago(0), count=3)
    ArticleReadHour.objects.create(article=old, hour=hour_ago(5), count=10)
    ArticleReadCount.objects.create(
        article=old, day=timezone.localdate() - timedelta(days=3), count=50
    )

    assert top_read_ids(period="hour") == [(recent.pk, 3)]
    assert top_read_ids(period="day") == [(old.pk, 10), (recent.pk, 3)]
    assert top_read_ids(period="week") == [(old.pk, 50)]


def test_most_read_is_the_top_of_24_hours_among_live_articles(section):
    first, second, gone = (ArticlePageFactory() for _ in range(3))
    for article, count in ((first, 9), (second, 4), (gone, 20)):
        ArticleReadHour.objects.create(article=article, hour=hour_ago(2), count=count)
    gone.unpublish()

    cards = most_read(limit=5)

    assert [(card.pk, card.reads) for card in cards] == [(first.pk, 9), (second.pk, 4)]


@pytest.fixture
def report(client, section):
    article = ArticlePageFactory(title="Un article très lu")
    ArticleReadHour.objects.create(article=article, hour=hour_ago(0), count=7)
    ArticleReadCount.objects.create(article=article, day=timezone.localdate(), count=7)
    admin = get_user_model().objects.create_superuser("admin", password="motdepasse")
    client.force_login(admin)
    return article


def test_report_shows_tops_sections_and_an_svg_chart(client, report):
    html = client.get("/admin/audience/").content.decode()
    assert html.count("Un article très lu") == 3
    assert "Politique" in html
    assert html.count("<rect ") == 30
    assert "7 lectures en 30 jours" in html


def test_report_exports_reads_per_article_per_day_as_csv(client, report):
    response = client.get("/admin/audience/?format=csv&days=abc")

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert rows[0] == ["jour", "article", "titre", "rubrique", "lectures"]
    assert rows[1] == [
        timezone.localdate().isoformat(),
        str(report.pk),
        "Un article très lu",
        "Politique",
        "7",
    ]


def test_report_needs_the_permission(client, home):
    user = get_user_model().objects.create_user("lecteur", password="motdepasse")
    client.force_login(user)
    assert client.get("/admin/audience/").status_code in {302, 403}
