import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from manchette.news.models import ArticlePage, AuthorPage
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

DATA = __import__("pathlib").Path(__file__).resolve().parent.parent / "data" / "ninjs"


def run_import(*files, section="politique"):
    out = StringIO()
    call_command("import_ninjs", *[str(f) for f in files], section=section, stdout=out)
    return out.getvalue()


def test_import_ninjs_1x_creates_a_published_article_and_prints_its_url(section):
    output = run_import(DATA / "wire-1x.json")
    article = ArticlePage.objects.get(source_uri="urn:manchette:test:wire-1")
    assert article.live
    assert article.title == "Le port de Tanger Med bat un record de conteneurs"
    assert article.summary.startswith("Le trafic a dépassé les prévisions.")
    assert sorted(article.tags.names()) == ["commerce", "logistique", "ports"]
    assert [author.title for author in article.author_list] == [
        "Yasmine Idrissi",
        "Omar Fassi",
    ]
    assert article.first_published_at.isoformat().startswith("2026-03-14T08:30:00")
    assert f"http://127.0.0.1:8000{article.url}" in output
    assert output.startswith("created: ")


def test_import_ninjs_sanitizes_the_body(section, client):
    run_import(DATA / "wire-1x.json")
    article = ArticlePage.objects.get(source_uri="urn:manchette:test:wire-1")
    raw = json.dumps(list(article.body.raw_data))
    assert "script" not in raw
    assert "onclick" not in raw
    assert "javascript:" not in raw
    types = [block.block_type for block in article.body]
    assert types == ["paragraph", "paragraph", "heading", "quote", "paragraph"]
    html = client.get(article.url).content.decode()
    assert "alert(1)" not in html


def test_import_ninjs_2_reads_headlines_bodies_and_descriptions(section):
    run_import(DATA / "wire-2.json")
    article = ArticlePage.objects.get(source_uri="urn:manchette:test:wire-2")
    assert article.title == "La saison des dattes démarre à Erfoud"
    assert article.summary == "Les producteurs attendent une récolte abondante."
    assert list(article.tags.names()) == ["agriculture"]
    assert article.author_list[0].title == "Leïla Berrada"
    assert len(article.body) == 2


def test_reimporting_the_same_uri_updates_instead_of_duplicating(section, tmp_path):
    run_import(DATA / "wire-2.json")
    document = json.loads((DATA / "wire-2.json").read_text())
    document["headlines"] = [
        {"value": "La saison des dattes démarre tôt à Erfoud", "role": "main"}
    ]
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document))
    output = run_import(changed)
    assert output.startswith("updated: ")
    articles = ArticlePage.objects.filter(source_uri="urn:manchette:test:wire-2")
    assert articles.count() == 1
    assert articles.get().title == "La saison des dattes démarre tôt à Erfoud"
    assert AuthorPage.objects.filter(title="Leïla Berrada").count() == 1


def test_lire_aussi_paragraph_to_a_site_article_becomes_a_block(section, tmp_path):
    target = ArticlePageFactory(title="Un partenariat d’exception")
    document = {
        "uri": "urn:manchette:test:read-also",
        "headline": "Article avec un renvoi",
        "description_text": "Un résumé.",
        "body_html": (
            "<p>Premier paragraphe.</p>"
            f'<p>Lire aussi : <a href="http://127.0.0.1:8000{target.url}">Un partenariat d’exception</a></p>'
            '<p>Lire aussi : <a href="https://ailleurs.example/article/">Un lien externe</a></p>'
        ),
    }
    path = tmp_path / "read-also.json"
    path.write_text(json.dumps(document))
    run_import(path)
    article = ArticlePage.objects.get(source_uri="urn:manchette:test:read-also")
    blocks = list(article.body)
    assert [block.block_type for block in blocks] == [
        "paragraph",
        "read_also",
        "paragraph",
    ]
    assert blocks[1].value["article"].pk == target.pk


def test_invalid_json_is_a_clear_error_and_creates_nothing(section, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"headline": "Titre", "body_html": ')
    with pytest.raises(CommandError, match=r"JSON invalide, ligne 1 colonne \d+"):
        run_import(DATA / "wire-2.json", bad)
    assert not ArticlePage.objects.exists()


def test_missing_headline_is_a_clear_error_and_creates_nothing(section, tmp_path):
    bad = tmp_path / "no-headline.json"
    bad.write_text(json.dumps({"uri": "x", "body_html": "<p>Texte</p>"}))
    with pytest.raises(CommandError, match="titre manquant"):
        run_import(DATA / "wire-1x.json", bad)
    assert not ArticlePage.objects.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'{"headline": 42}',
        b'{"headline": "T", "firstcreated": "hier"}',
    ],
)
def test_malformed_documents_are_refused(section, tmp_path, content):
    bad = tmp_path / "odd.json"
    bad.write_bytes(content)
    with pytest.raises(CommandError, match=re.escape(str(bad))):
        run_import(bad)
    assert not ArticlePage.objects.exists()


def test_unknown_section_names_the_known_ones(section):
    with pytest.raises(CommandError, match="Known sections: politique"):
        run_import(DATA / "wire-2.json", section="inexistante")


def test_missing_file_is_a_clear_error(section, tmp_path):
    with pytest.raises(CommandError, match="lecture impossible"):
        run_import(tmp_path / "absent.json")
