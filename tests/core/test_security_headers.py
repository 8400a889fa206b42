"""Every page type carries the Content-Security-Policy and Permissions-Policy."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(section):
    article = ArticlePageFactory(
        title="Un article", tags=["climat"], authors=["Nadia Alaoui"]
    )
    article.save_revision().publish()
    return article


def check(response):
    policy = response["Content-Security-Policy"]
    directives = {
        part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()
    }
    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    for sources in directives.values():
        for source in sources:
            assert source.startswith("'") or source in {"data:", "blob:"}, source
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_public_pages_feeds_api_and_errors(client, article):
    urls = [
        "/",
        article.section.url,
        article.url,
        "/recherche/?q=article",
        "/flux/rss/",
        "/sitemap.xml",
        "/robots.txt",
        "/newsletter/",
        "/api/",
        "/n-existe-pas/",
        "/admin/login/",
    ]
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code < 500, url
        check(response)


def test_the_admin(client, article):
    user = get_user_model().objects.create_superuser("a", "a@example.org", "x")
    client.force_login(user)
    for url in ["/admin/", f"/admin/pages/{article.pk}/edit/", "/admin/pages/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        check(response)
