from datetime import timedelta

import pytest

from manchette.core.text import reading_minutes
from manchette.newsletter import services
from manchette.newsletter.models import ArticleReadCount, BriefIssue
from tests.factories import ArticlePageFactory, section_get

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    return services.brief_next_day()


def at(day, hours_before):
    return services.brief_send_time(day) - timedelta(hours=hours_before)


def titles(plan):
    return [article.title for article in plan.articles]


def test_send_time_is_0630_in_casablanca(settings):
    from datetime import date

    moment = services.brief_send_time(date(2026, 11, 26))
    assert (moment.hour, moment.minute) == (6, 30)
    assert str(moment.tzinfo) == "Africa/Casablanca"
    settings.MANCHETTE_BRIEF_SEND_TIME = "07:15"
    assert services.brief_send_time(date(2026, 11, 26)).hour == 7


def test_featured_first_then_most_read_then_newest(section, day):
    ArticlePageFactory(title="Récent", published_at=at(day, 1))
    read = ArticlePageFactory(title="Très lu", published_at=at(day, 5))
    ArticlePageFactory(title="À la une", published_at=at(day, 8), featured=True)
    ArticlePageFactory(title="Ancien", published_at=at(day, 9))
    ArticleReadCount.objects.create(article=read, day=at(day, 2).date(), count=40)
    assert titles(services.brief_plan(day=day)) == [
        "À la une",
        "Très lu",
        "Récent",
        "Ancien",
    ]


def test_without_reads_the_order_is_recency(section, day):
    ArticlePageFactory(title="Plus ancien", published_at=at(day, 6))
    ArticlePageFactory(title="Plus récent", published_at=at(day, 2))
    assert titles(services.brief_plan(day=day)) == ["Plus récent", "Plus ancien"]


def test_sections_are_varied(section, day):
    sport = section_get("sport", "Sport")
    for n in range(3):
        ArticlePageFactory(title=f"Politique {n}", published_at=at(day, 1 + n))
    ArticlePageFactory(title="Sport 0", section=sport, published_at=at(day, 10))
    assert titles(services.brief_plan(day=day))[:2] == ["Politique 0", "Sport 0"]


def test_only_articles_since_the_previous_issue_within_24_hours(section, day):
    ArticlePageFactory(title="Trop vieux", published_at=at(day, 30))
    ArticlePageFactory(title="Avant le précédent", published_at=at(day, 6))
    ArticlePageFactory(title="Après le précédent", published_at=at(day, 2))
    ArticlePageFactory(title="Après l’heure", published_at=at(day, -1))
    BriefIssue.objects.create(
        day=day - timedelta(days=1), since=at(day, 40), until=at(day, 4)
    )
    assert titles(services.brief_plan(day=day)) == ["Après le précédent"]


def test_the_whole_brief_reads_in_five_minutes_at_most(section, day, settings):
    long_summary = " ".join(["mot"] * 200) + "."
    for n in range(8):
        ArticlePageFactory(
            title=f"Long {n}", summary=long_summary, published_at=at(day, n + 1)
        )
    plan = services.brief_plan(day=day)
    assert 0 < len(plan.articles) < 8
    assert plan.minutes <= 5
    issue = services.brief_compose(day=day)
    rendered = services.brief_render_issue(issue)
    assert rendered.minutes == plan.minutes
    assert (
        reading_minutes(
            rendered.text, words_per_minute=settings.MANCHETTE_WORDS_PER_MINUTE
        )
        <= 5
    )
    assert f"Temps de lecture : {rendered.minutes} minutes" in rendered.text


def test_compose_is_done_once_per_day(section, day):
    ArticlePageFactory(published_at=at(day, 1))
    first = services.brief_compose(day=day)
    ArticlePageFactory(published_at=at(day, 2))
    assert services.brief_compose(day=day).pk == first.pk
    assert first.items.count() == 1


def test_no_article_records_an_empty_issue(section, day):
    issue = services.brief_compose(day=day)
    assert issue.status == BriefIssue.Status.EMPTY
    assert not issue.items.exists()
