import json
from datetime import timedelta

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from wagtail_factories import ImageFactory

from tests.factories import ArticlePageFactory, section_get

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(section):
    economie = section_get("economie", "Économie")
    other = ArticlePageFactory(title="Un partenariat d’exception")
    article = ArticlePageFactory(
        title="La coopération numérique",
        summary="Deux pays signent un accord.",
        body=[
            {
                "type": "paragraph",
                "value": '<p>Premier <b>paragraphe</b><script>alert(1)</script> <a href="javascript:x()">lien</a></p>',
            },
            {"type": "heading", "value": {"text": "Intertitre", "level": "h2"}},
            {"type": "read_also", "value": {"article": other.pk}},
            {"type": "quote", "value": {"text": "Une citation", "attribution": "X"}},
        ],
        tags=["diplomatie"],
        authors=["Salma Bennani"],
        published_at=timezone.now() - timedelta(days=3),
    )
    article.featured_image = ImageFactory(title="Photo")
    article.save_revision().publish()
    ArticlePageFactory(title="Marchés", section=economie, tags=["bourse"])
    ArticlePageFactory(title="Brouillon caché", publish=False)
    return {"article": article, "other": other}


def test_openapi_document_is_valid(client, home):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert {"/api/articles", "/api/articles/{article_id}", "/api/sections"} <= set(
        document["paths"]
    )


def test_article_list_is_paginated_newest_first_without_drafts(client, newsroom):
    data = client.get("/api/articles", {"page_size": 2}).json()
    assert data["count"] == 3
    assert data["num_pages"] == 2
    assert [item["title"] for item in data["results"]] == [
        "La coopération numérique",
        "Marchés",
    ]
    assert data["next"].endswith("/api/articles?page_size=2&page=2")
    second = client.get("/api/articles", {"page_size": 2, "page": 2}).json()
    assert [item["title"] for item in second["results"]] == [
        "Un partenariat d’exception"
    ]
    assert "Brouillon" not in json.dumps(data) + json.dumps(second)


def test_article_list_filters(client, newsroom):
    def titles(**params):
        response = client.get("/api/articles", params)
        assert response.status_code == 200, response.content
        return [item["title"] for item in response.json()["results"]]

    assert titles(section="economie") == ["Marchés"]
    assert titles(tag="diplomatie") == ["La coopération numérique"]
    assert titles(author="salma-bennani") == ["La coopération numérique"]
    day = (timezone.localtime() - timedelta(days=3)).date().isoformat()
    assert titles(since=day, until=day) == ["La coopération numérique"]


def test_article_detail_has_sanitized_html_and_blocks(client, newsroom):
    article = newsroom["article"]
    data = client.get(f"/api/articles/{article.pk}").json()
    assert data["title"] == "La coopération numérique"
    assert data["url"] == f"http://127.0.0.1:8000{article.url}"
    assert data["section"] == {"slug": "politique", "title": "Politique"}
    assert data["authors"][0]["name"] == "Salma Bennani"
    assert data["tags"] == ["diplomatie"]
    assert data["image"]["url"].startswith("http://testserver/media/original_images/")
    assert "<script" not in data["body_html"]
    assert "javascript:" not in data["body_html"]
    assert "<b>paragraphe</b>" in data["body_html"]
    assert "<h2>Intertitre</h2>" in data["body_html"]
    assert "Lire aussi :" in data["body_html"]
    assert [block["type"] for block in data["body_blocks"]] == [
        "paragraph",
        "heading",
        "read_also",
        "quote",
    ]
    assert data["body_blocks"][2]["value"]["id"] == newsroom["other"].pk
    assert "<script" not in data["body_blocks"][0]["value"]["html"]


def test_no_email_owner_or_internal_field_leaks(client, newsroom):
    article = newsroom["article"]
    text = json.dumps(client.get(f"/api/articles/{article.pk}").json())
    text += json.dumps(client.get("/api/authors").json())
    for private in ("@", "owner", "revision", "source_uri", "comment_count", "path"):
        assert private not in text.replace("http://", ""), private


def test_sections_tags_and_authors(client, newsroom):
    sections = client.get("/api/sections").json()["results"]
    assert [item["slug"] for item in sections] == ["politique", "economie"]
    tags = client.get("/api/tags").json()["results"]
    assert [(item["slug"], item["article_count"]) for item in tags] == [
        ("bourse", 1),
        ("diplomatie", 1),
    ]
    assert tags[1]["url"] == "http://testserver/sujets/diplomatie/"
    authors = client.get("/api/authors").json()["results"]
    assert [item["name"] for item in authors] == ["Salma Bennani"]
    assert client.get("/api/authors/salma-bennani").json()["slug"] == "salma-bennani"
    assert client.get("/api/sections/economie").json()["title"] == "Économie"
    assert client.get("/api/tags/bourse").json()["name"] == "bourse"


def test_unknown_things_are_404(client, newsroom):
    for url in [
        "/api/articles?section=inconnue",
        "/api/articles?tag=inconnu",
        "/api/articles?author=personne",
        "/api/articles?page=5",
        "/api/articles/999999",
        "/api/sections/inconnue",
        "/api/tags/inconnu",
        "/api/authors/personne",
        "/api/inconnu/",
    ]:
        assert client.get(url).status_code == 404, url


def test_draft_article_is_404(client, newsroom, section):
    draft = ArticlePageFactory(title="Pas encore", publish=False)
    assert client.get(f"/api/articles/{draft.pk}").status_code == 404


def test_out_of_range_parameters_are_400_with_a_message(client, newsroom):
    for params in [
        {"page": 0},
        {"page": -1},
        {"page": "abc"},
        {"page": 10**12},
        {"page_size": 0},
        {"page_size": 101},
        {"since": "2024-13-40"},
        {"since": "2025-01-02", "until": "2025-01-01"},
        {"since": "0001-01-01"},
    ]:
        response = client.get("/api/articles", params)
        assert response.status_code == 400, params
        assert response.json()["detail"]


def test_api_is_read_only(client, newsroom):
    assert client.post("/api/articles", {}).status_code == 405
    assert client.delete(f"/api/articles/{newsroom['article'].pk}").status_code == 405


def test_schemathesis_finds_no_server_error_or_schema_mismatch(newsroom):
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]
    # As Django's test client does: a request ending must not close the test
    # database connection (PostgreSQL would lose the test transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi(
            "/api/openapi.json", get_wsgi_application()
        )
        for result in schema.get_all_operations():
            exercise(result.ok().as_strategy(), checks)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def exercise(strategy, checks):
    """Call one operation with generated requests and check every answer."""

    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case):
        case.call_and_validate(checks=checks)

    run()


@pytest.mark.parametrize(
    "url",
    [
        "/api/articles?author=%00",
        "/api/articles?section=a%00b",
        "/api/articles?tag=%3Cscript%3E",
        "/api/sections/a%00b",
        "/api/tags/%00",
        "/api/authors/x%00",
    ],
)
def test_slugs_with_nul_or_markup_are_a_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["detail"]
