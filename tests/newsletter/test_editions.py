"""Newsletter per edition: the reader picks the brief's language at sign-up, and
each language's brief is composed from that edition and sent to its readers."""

from datetime import timedelta

import lxml.html
import pytest
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale

from manchette.news.models import HomePage
from manchette.news.services import section_ensure
from manchette.newsletter import services
from manchette.newsletter.models import BriefIssue, Delivery, Subscriber
from tests.factories import ArticlePageFactory
from tests.newsletter.conftest import text_part

pytestmark = pytest.mark.django_db

ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def arabic_section(section):
    locale, _ = Locale.objects.get_or_create(language_code="ar")
    home_ar = HomePage.objects.get().copy_for_translation(locale)
    home_ar.title = "الرئيسية"
    home_ar.save_revision().publish()
    return section_ensure(
        home=HomePage.objects.get(pk=home_ar.pk), slug="سياسة", title="سياسة"
    )


def test_the_signup_form_defaults_to_the_edition_signed_up_from():
    with translation.override("ar"):
        html = render_to_string("newsletter/signup_form.html", {})
    select = lxml.html.fromstring(html).xpath('//select[@name="language"]')[0]
    assert select.xpath("option[@selected]/@value") == ["ar"]


def test_a_reader_signs_up_for_the_arabic_brief(client, section, smtp_sink):
    response = client.post(
        "/newsletter/inscription/",
        {"email": "qari@example.com", "consent": "on", "language": "ar"},
        **ORIGIN,
    )
    assert response.status_code == 200
    assert 'lang="ar"' in response.content.decode()
    assert Subscriber.objects.get().language == "ar"
    (received,) = smtp_sink.to("qari@example.com")
    assert "أكّد اشتراكك" in str(received["msg"]["Subject"])
    assert "مرحبًا" in text_part(received["msg"])


def test_an_unknown_language_is_refused(client, section, smtp_sink):
    response = client.post(
        "/newsletter/inscription/",
        {"email": "x@example.com", "consent": "on", "language": "xx"},
        **ORIGIN,
    )
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_each_brief_is_composed_from_its_edition(arabic_section):
    day = services.brief_next_day()
    when = services.brief_send_time(day) - timedelta(hours=2)
    ArticlePageFactory(title="Un article français", published_at=when)
    ArticlePageFactory(section=arabic_section, title="مقال عربي", published_at=when)
    Subscriber.objects.create(email="fr@example.com", status="active", language="fr")
    Subscriber.objects.create(email="ar@example.com", status="active", language="ar")
    french = services.brief_compose(day=day, language="fr")
    arabic = services.brief_compose(day=day, language="ar")
    assert [item.article.title for item in french.items.all()] == [
        "Un article français"
    ]
    assert [item.article.title for item in arabic.items.all()] == ["مقال عربي"]
    assert services.brief_start(issue=arabic) == 1
    assert Delivery.objects.get(issue=arabic).subscriber.email == "ar@example.com"
    rendered = services.brief_render_issue(arabic)
    assert "موجز" in rendered.subject


def test_the_daily_task_sends_each_edition_its_brief(arabic_section, smtp_sink):
    from manchette.newsletter import tasks
    from manchette.newsletter.models import BriefIssue

    day = services.brief_next_day()
    when = services.brief_send_time(day) - timedelta(hours=1)
    ArticlePageFactory(title="Un article français", published_at=when)
    ArticlePageFactory(section=arabic_section, title="مقال عربي", published_at=when)
    Subscriber.objects.create(email="fr@example.com", status="active", language="fr")
    Subscriber.objects.create(email="ar@example.com", status="active", language="ar")
    tasks.brief_daily.enqueue(day.isoformat())
    # No English edition: no English issue.
    assert set(BriefIssue.objects.values_list("language", flat=True)) == {"fr", "ar"}
    (arabic,) = smtp_sink.to("ar@example.com")
    assert "مقال عربي" in text_part(arabic["msg"])
    assert "Un article français" not in text_part(arabic["msg"])
    (french,) = smtp_sink.to("fr@example.com")
    assert "Un article français" in text_part(french["msg"])


def briefs_ready(day, sections: dict) -> None:
    """Publish one article per edition before ``day``'s brief (``sections``:
    {language: section}, French's own section when absent) and subscribe one
    reader per edition, ``<language>@example.com``.
    """
    titles = {"fr": "Un article français", "ar": "مقال عربي", "en": "An English story"}
    when = services.brief_send_time(day) - timedelta(hours=2)
    for language in ["fr", *sections]:
        section = sections.get(language)
        extra = {"section": section} if section else {}
        ArticlePageFactory(title=titles[language], published_at=when, **extra)
        Subscriber.objects.create(
            email=f"{language}@example.com", status="active", language=language
        )


@pytest.fixture
def english_section(section):
    locale, _ = Locale.objects.get_or_create(language_code="en")
    home_en = HomePage.objects.get(locale__language_code="fr").copy_for_translation(
        locale
    )
    home_en.title = "Home"
    home_en.save_revision().publish()
    return section_ensure(
        home=HomePage.objects.get(pk=home_en.pk), slug="politics", title="Politics"
    )


def brief_html(received) -> lxml.html.HtmlElement:
    from tests.newsletter.conftest import html_part

    return lxml.html.fromstring(html_part(received["msg"]).encode())


def test_send_brief_sends_each_reader_the_brief_of_their_language(
    arabic_section, english_section, smtp_sink
):
    from io import StringIO

    from django.core.management import call_command

    day = services.brief_today()
    briefs_ready(day, {"ar": arabic_section, "en": english_section})
    call_command("send_brief", "--date", day.isoformat(), stdout=StringIO())
    (arabic,) = smtp_sink.to("ar@example.com")
    html = brief_html(arabic)
    assert (html.get("lang"), html.get("dir")) == ("ar", "rtl")
    assert "مقال عربي" in text_part(arabic["msg"])
    assert "إلغاء الاشتراك" in text_part(arabic["msg"])
    assert "Un article français" not in text_part(arabic["msg"])
    (english,) = smtp_sink.to("en@example.com")
    html = brief_html(english)
    assert (html.get("lang"), html.get("dir")) == ("en", "ltr")
    assert "An English story" in text_part(english["msg"])
    assert "Unsubscribe" in text_part(english["msg"])
    assert "Se désinscrire" not in text_part(english["msg"])
    (french,) = smtp_sink.to("fr@example.com")
    assert brief_html(french).get("lang") == "fr"
    assert "Un article français" in text_part(french["msg"])


def test_send_brief_language_sends_one_edition_only(arabic_section, smtp_sink):
    from io import StringIO

    from django.core.management import call_command

    day = services.brief_today()
    briefs_ready(day, {"ar": arabic_section})
    call_command(
        "send_brief", "--date", day.isoformat(), "--language", "ar", stdout=StringIO()
    )
    assert len(smtp_sink.to("ar@example.com")) == 1
    assert smtp_sink.to("fr@example.com") == []


def test_an_editor_composes_previews_and_sends_the_arabic_brief(
    admin_client, admin_user, arabic_section, smtp_sink
):
    day = services.brief_today()
    briefs_ready(day, {"ar": arabic_section})
    # The composer shows what the Arabic issue would hold.
    html = admin_client.get("/admin/newsletter/compose/?language=ar").content.decode()
    assert "مقال عربي" in html
    assert "Un article français" not in html
    response = admin_client.post(
        "/admin/newsletter/compose/", {"day": day.isoformat(), "language": "ar"}
    )
    issue = BriefIssue.objects.get(language="ar")
    assert response.url == f"/admin/newsletter/issue/{issue.pk}/"
    preview = admin_client.get(response.url).content.decode()
    assert "مقال عربي" in preview
    assert "موجز" in preview  # The Arabic subject.
    admin_user.email = "editrice@example.com"
    admin_user.save()
    admin_client.post(f"/admin/newsletter/issue/{issue.pk}/test/")
    (test,) = smtp_sink.to("editrice@example.com")
    assert brief_html(test).get("dir") == "rtl"
    admin_client.post(f"/admin/newsletter/issue/{issue.pk}/send/")
    (arabic,) = smtp_sink.to("ar@example.com")
    assert "مقال عربي" in text_part(arabic["msg"])
    assert smtp_sink.to("fr@example.com") == []
    assert not BriefIssue.objects.filter(language="fr").exists()


def test_an_unknown_edition_is_refused_by_the_composer(admin_client, section):
    response = admin_client.post(
        "/admin/newsletter/compose/",
        {"day": services.brief_today().isoformat(), "language": "xx"},
    )
    assert response.status_code == 200
    assert "language" in response.context["form"].errors
    assert not BriefIssue.objects.exists()
