"""Admin avatars are local: initials, or the photo the user uploaded."""

from urllib.parse import unquote

import pytest
from django.contrib.auth import get_user_model
from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url

pytestmark = pytest.mark.django_db


def test_a_user_without_photo_gets_their_initials():
    user = get_user_model().objects.create_user(
        "yasmine", first_name="Yasmine", last_name="Benali"
    )
    url = avatar_url(user)
    assert url.startswith("data:image/svg+xml,")
    assert ">YB</text>" in unquote(url)


def test_the_dashboard_asks_no_outside_avatar_service(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "gravatar" not in html
    assert "data:image/svg+xml," in html
