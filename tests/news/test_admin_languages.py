"""The admin in three languages: each staff member picks French, Arabic or English."""

import pytest
from wagtail.users.models import UserProfile

from manchette.news.models import SectionPage

pytestmark = pytest.mark.django_db

SCREENS = [
    "/admin/",
    "/admin/newsletter/compose/",
    "/admin/newsletter/issues/",
    "/admin/newsletter/subscribers/",
    "/admin/snippets/comments/comment/",
    "/admin/wxr_objects/",
    "/admin/article_chooser/",
]


def test_the_account_offers_the_three_languages(admin_client, home):
    html = admin_client.get("/admin/account/").content.decode()
    for code in ("fr", "ar", "en"):
        assert f'<option value="{code}"' in html


@pytest.mark.parametrize("url", SCREENS)
def test_manchettes_screens_render_in_arabic(admin_client, admin_user, section, url):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ar"
    profile.save()
    response = admin_client.get(url)
    assert response.status_code == 200
    if response["Content-Type"].startswith("text/html"):
        html = response.content.decode()
        assert '<html lang="ar" dir="rtl"' in html


def test_the_article_editor_renders_in_arabic(admin_client, admin_user, section):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ar"
    profile.save()
    section = SectionPage.objects.get(pk=section.pk)
    response = admin_client.get(f"/admin/pages/add/news/articlepage/{section.pk}/")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()
