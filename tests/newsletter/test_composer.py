"""The brief composer in the admin, and ``send_brief --dry-run``'s e-mail files."""

import re
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from manchette.newsletter import services
from manchette.newsletter.models import BriefIssue
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    return services.brief_today()


@pytest.fixture
def articles(section, day):
    send_at = services.brief_send_time(day)
    words = "mot " * 20
    return [
        ArticlePageFactory(
            title=f"Sujet long de {minutes} minutes",
            paragraphs=[words * (minutes * 7)],
            published_at=send_at - timedelta(hours=index + 1),
        )
        for index, minutes in enumerate([1, 4, 7])
    ]


def test_the_composer_has_its_title_and_todays_date(admin_client, section, day):
    html = admin_client.get("/admin/newsletter/compose/").content.decode()
    crumbs = html[html.index("<nav") : html.index("</nav>")]
    assert "Composer un numéro du brief" in crumbs
    assert "Numéros du brief" in crumbs
    assert f'name="day" value="{day.isoformat()}"' in html


def test_the_composer_shows_each_articles_reading_time(admin_client, articles):
    html = admin_client.get("/admin/newsletter/compose/").content.decode()
    for article in articles:
        row = html[html.index(article.title) :]
        row = row[: row.index("</tr>")]
        assert f"{article.reading_minutes} min" in row
    assert len({article.reading_minutes for article in articles}) == 3


def test_the_preview_lists_the_articles_with_reading_time(admin_client, articles, day):
    issue = services.brief_compose(day=day)
    html = admin_client.get(f"/admin/newsletter/issue/{issue.pk}/").content.decode()
    assert f"Brief du {day:%d/%m/%Y}" in html[html.index("<nav") :]
    for article in issue.items.all():
        assert article.article.title in html


def test_dry_run_writes_the_email_to_files(articles, day, tmp_path):
    out = StringIO()
    call_command(
        "send_brief",
        "--date",
        day.isoformat(),
        "--dry-run",
        "--output-dir",
        str(tmp_path),
        stdout=out,
    )
    paths = re.findall(r"Courriel \((?:html|txt)\) : (\S+)", out.getvalue())
    html, text = (Path(path) for path in paths)
    assert html.suffix == ".html"
    assert "<html" in html.read_text()
    assert articles[0].title in html.read_text()
    assert articles[0].title in text.read_text()
    assert "Se désinscrire" in text.read_text()
    assert not BriefIssue.objects.exists()
