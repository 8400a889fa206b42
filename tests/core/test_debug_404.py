import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/rien-du-tout/", "/nope.php", "/flux/inconnu/x/"])
def test_debug_404_shows_our_page_not_the_url_list(client, home, settings, path):
    settings.DEBUG = True
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html
    assert "URLconf" not in html
    assert "sitemap" not in html


def test_debug_still_appends_the_slash(client, home, settings):
    settings.DEBUG = True
    response = client.get("/admin")
    assert response.status_code == 301
    assert response["Location"] == "/admin/"
