"""The WordPress import into an edition other than French (``--language``)."""

import re
from urllib.parse import quote

import lxml.html
import pytest
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Revision

from manchette.importers.models import WxrObject
from manchette.news.models import (
    ArticlePage,
    AuthorIndexPage,
    AuthorPage,
    ContentPage,
    HomePage,
    TagIndexPage,
)
from tests.importers import wxr_builder as wxr

pytestmark = pytest.mark.django_db

SOURCE = "https://wp.example.org"
# Percent-encoded, as WordPress writes Arabic slugs in its exports.
SLUG = quote("الرقمنة-في-الإدارة").lower()
SECTION = quote("سياسة").lower()
TAG = quote("الرقمنة").lower()
PAGE_SLUG = quote("من-نحن").lower()
AUTHOR = (
    "<wp:author><wp:author_id>3</wp:author_id>"
    "<wp:author_login><![CDATA[samira]]></wp:author_login>"
    "<wp:author_display_name><![CDATA[سميرة العلوي]]></wp:author_display_name>"
    "</wp:author>"
)


def arabic_export(tmp_path, language="ar-MA", host=""):
    path = wxr.write(
        tmp_path,
        wxr.post(
            1,
            title="الرقمنة في الإدارة",
            slug=SLUG,
            body="<p>تعتمد الإدارات العمومية على المنصات الرقمية.</p>",
            excerpt="الإدارة تتحول.",
            categories=((SECTION, "سياسة"),),
            tags=((TAG, "الرقمنة"),),
            creator="samira",
        ),
        wxr.post(
            2,
            post_type="page",
            title="من نحن",
            slug=PAGE_SLUG,
            body="<p>جريدة مستقلة.</p>",
            categories=(),
        ),
        head=f"<language>{language}</language>{AUTHOR}",
    )
    text = path.read_text(encoding="utf-8")
    # The page's old URL is the one it has in the Arabic edition now (an
    # Arabic WordPress that lived at /ar/).
    text = text.replace(f"/2024/01/01/{PAGE_SLUG}/", f"/ar/{PAGE_SLUG}/")
    path.write_text(text.replace("wp.example.org", host or "wp.example.org"))
    return path


def counts():
    return {
        "locales": Locale.objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "redirects": Redirect.objects.count(),
        "objects": WxrObject.objects.count(),
    }


def imported_article(source=SOURCE) -> ArticlePage:
    obj = WxrObject.objects.get(source=source, kind="post", wp_id="1")
    return ArticlePage.objects.get(pk=obj.object_id)


def test_arabic_export_lands_in_the_arabic_edition(home, tmp_path, client, capsys):
    call_command("import_wxr", str(arabic_export(tmp_path)), language="ar")

    home_ar = HomePage.objects.get(locale__language_code="ar")
    # The edition was made the Wagtail way: translations of the French pages.
    assert home_ar.translation_key == home.translation_key
    assert home_ar.title == "الرئيسية"
    for model in (TagIndexPage, AuthorIndexPage):
        index = model.objects.get(locale__language_code="ar")
        assert index.get_parent().pk == home_ar.pk
        assert index.live
    article = imported_article()
    assert article.locale.language_code == "ar"
    assert article.section.get_parent().pk == home_ar.pk
    assert article.section.locale_id == home_ar.locale_id
    # Percent-encoded, as a browser sends it.
    url = f"/ar/{quote(article.section.slug)}/{quote(article.slug)}/"
    assert article.url == url
    response = client.get(url)
    assert response.status_code == 200
    root = lxml.html.fromstring(response.content.decode())
    assert (root.get("lang"), root.get("dir")) == ("ar", "rtl")
    assert "الرقمنة في الإدارة" in root.text_content()
    # The old WordPress URL (percent-encoded, as in the export) redirects there.
    old = client.get(f"/2024/01/01/{SLUG}/")
    assert old.status_code == 301
    assert old["Location"] == article.url
    assert client.get("/?p=1").status_code == 301
    # The author page is in the Arabic author index.
    author = article.article_authors.get().author
    assert author.title == "سميرة العلوي"
    assert author.locale.language_code == "ar"
    assert author.get_parent().specific_class is AuthorIndexPage
    assert author.get_parent().locale_id == home_ar.locale_id
    assert client.get(author.url).status_code == 200
    # The WordPress page is a content page of the edition, at its old URL: no
    # redirect from a path to itself.
    page = ContentPage.objects.get(locale__language_code="ar", title="من نحن")
    assert page.get_parent().pk == home_ar.pk
    assert page.url == f"/ar/{quote('من-نحن')}/"
    assert client.get(f"/ar/{PAGE_SLUG}/").status_code == 200
    assert not Redirect.objects.filter(old_path="/ar/من-نحن").exists()
    assert client.get("/?page_id=2")["Location"] == page.url
    # The tag's old URL goes to the Arabic tag index.
    tag = client.get(f"/tag/{TAG}/")
    assert tag.status_code == 301
    assert tag["Location"].startswith(home_ar.url)
    # Nothing went to the French edition; the export's language matches.
    assert not ArticlePage.objects.filter(locale=home.locale).exists()
    assert not AuthorPage.objects.filter(locale=home.locale).exists()
    out = capsys.readouterr().out
    assert "edition: ar (Arabic)" in out
    assert "The export says its language" not in out


def test_rerunning_an_arabic_import_changes_nothing(home, tmp_path, capsys):
    path = arabic_export(tmp_path)
    call_command("import_wxr", str(path), language="ar")
    before = counts()
    article = imported_article()

    call_command("import_wxr", str(path), language="ar")

    assert counts() == before
    assert imported_article().pk == article.pk
    assert imported_article().latest_revision_id == article.latest_revision_id
    out = capsys.readouterr().out.splitlines()
    assert "unchanged items: 2" in out


@pytest.mark.parametrize("code", ["de", "ar"])
def test_an_edition_that_is_off_is_refused_and_nothing_written(
    home, tmp_path, settings, code
):
    settings.MANCHETTE_EDITIONS = ["fr", "en"]
    settings.LANGUAGES = [("fr", "Français"), ("en", "English")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    before = counts()

    with pytest.raises(CommandError, match=r"fr \(French\), en \(English\)"):
        call_command("import_wxr", str(arabic_export(tmp_path)), language=code)

    assert counts() == before


def test_dry_run_does_not_create_the_edition(home, tmp_path, capsys):
    before = counts()

    call_command(
        "import_wxr", str(arabic_export(tmp_path)), "--dry-run", "--language=ar"
    )

    assert counts() == before
    assert not HomePage.objects.filter(locale__language_code="ar").exists()
    out = capsys.readouterr().out
    assert "Dry run" in out
    assert re.search(r"^articles +1 +0$", out, re.MULTILINE)


def test_an_arabic_export_imported_into_french_says_so(home, tmp_path, capsys):
    call_command("import_wxr", str(arabic_export(tmp_path, language="ar")))

    assert imported_article().locale_id == home.locale_id
    assert (
        "The export says its language is ar; it was imported into the French "
        "edition (use --language ar for the Arabic edition)."
    ) in capsys.readouterr().out


def test_an_edition_keeps_the_old_urls_another_edition_took(home, tmp_path, client):
    french = tmp_path / "fr"
    french.mkdir()
    call_command("import_wxr", str(wxr.write(french, wxr.post(1, title="Un titre"))))
    first = imported_article()

    report_path = tmp_path / "report.json"
    call_command(
        "import_wxr",
        str(arabic_export(tmp_path, host="ar.example.org")),
        language="ar",
        report_json=str(report_path),
    )

    # The same shortlink in both WordPress sites: the first edition keeps it.
    assert client.get("/?p=1")["Location"] == first.url
    assert '"/?p=1"' in report_path.read_text(encoding="utf-8")
    arabic = imported_article("https://ar.example.org")
    assert client.get(f"/2024/01/01/{SLUG}/")["Location"] == arabic.url


def test_an_export_imported_into_the_wrong_edition_can_be_moved(
    home, tmp_path, client, capsys
):
    path = arabic_export(tmp_path)
    call_command("import_wxr", str(path))
    french = imported_article()
    assert french.locale_id == home.locale_id

    call_command("import_wxr", str(path), language="ar")

    arabic = imported_article()
    assert arabic.pk != french.pk
    assert arabic.locale.language_code == "ar"
    assert client.get(f"/2024/01/01/{SLUG}/")["Location"] == arabic.url
    assert "earlier import are in another edition" in capsys.readouterr().out
