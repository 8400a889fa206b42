"""``edition_ensure``: an edition's home page and indexes, made as translations."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from manchette.news.models import (
    AuthorIndexPage,
    HomePage,
    HomePagePick,
    TagIndexPage,
)
from manchette.news.services import edition_ensure
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_edition_home_and_indexes_are_published_translations(home):
    home.intro = "L’actualité en français"
    home.front_picks = [HomePagePick(article=ArticlePageFactory())]
    home.save_revision().publish()
    editors = Group.objects.create(name="Rédaction test")
    GroupPagePermission.objects.create(
        group=editors,
        page=home,
        permission=Permission.objects.get(codename="publish_page"),
    )

    english = edition_ensure("en")

    assert english.locale.language_code == "en"
    assert english.translation_key == home.translation_key
    assert english.live
    assert (english.title, english.intro) == ("Home", "")
    # The French "À la une" picks are not the English edition's.
    assert not HomePagePick.objects.filter(page=english).exists()
    for model, slug, title in (
        (TagIndexPage, "topics", "Topics"),
        (AuthorIndexPage, "authors", "Authors"),
    ):
        index = model.objects.get(locale=english.locale)
        assert (index.slug, index.title, index.live) == (slug, title, True)
        assert index.get_parent().pk == english.pk
        assert (
            index.translation_key
            == model.objects.get(locale=home.locale).translation_key
        )
    assert GroupPagePermission.objects.filter(group=editors, page=english).exists()
    # Safe to call again; the default language is the French home page.
    pages = Page.objects.count()
    assert edition_ensure("en").pk == english.pk
    assert Page.objects.count() == pages
    assert edition_ensure("fr").pk == home.pk
    assert HomePage.objects.count() == 2


def test_arabic_edition_titles_are_arabic(home):
    arabic = edition_ensure("ar")

    assert arabic.title == "الرئيسية"
    index = AuthorIndexPage.objects.get(locale=arabic.locale)
    assert (index.slug, index.title) == ("الكتاب", "الكتّاب")
