"""Hostile ninjs files: a one-line error naming the file and the field, nothing written."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from manchette.news.models import ArticlePage

pytestmark = pytest.mark.django_db

BASE = {"uri": "urn:test:hostile", "headline": "Titre", "body_html": "<p>Texte.</p>"}


def write(tmp_path, content, name="wire.json"):
    path = tmp_path / name
    if isinstance(content, dict):
        content = json.dumps(content)
    path.write_text(content, encoding="utf-8")
    return path


def run_import(path):
    out = StringIO()
    call_command("import_ninjs", str(path), section="politique", stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"firstcreated": "2026-13-45T10:00:00Z"}, "firstcreated"),
        ({"versioncreated": "2026-02-30T10:00:00"}, "versioncreated"),
        ({"keywords": [1, 2]}, "keywords"),
        ({"keywords": 7}, "keywords"),
        ({"subject": 3}, "subject"),
        ({"subjects": [4.5]}, "subjects"),
        ({"uri": "urn:" + "x" * 600}, "uri"),
        ({"body_html": 42}, "body_html"),
        ({"body_html": None}, "corps manquant"),
        ({"body_html": "<p> </p>"}, "corps manquant"),
        ({"headline": 12}, "headline"),
        ({"byline": ["a"]}, "byline"),
        ({"keywords": ["x" * 200]}, "keywords"),
    ],
)
def test_bad_fields_are_refused_naming_the_file_and_field(
    section, tmp_path, changes, field
):
    path = write(tmp_path, {**BASE, **changes})
    with pytest.raises(CommandError) as caught:
        run_import(path)
    message = str(caught.value)
    assert str(path) in message
    assert field in message
    assert "\n" not in message
    assert not ArticlePage.objects.exists()


def test_a_document_without_a_body_is_refused(section, tmp_path):
    path = write(tmp_path, {"uri": "urn:x", "headline": "Titre"})
    with pytest.raises(CommandError, match="corps manquant"):
        run_import(path)
    assert not ArticlePage.objects.exists()


def test_deep_nesting_is_refused(section, tmp_path):
    path = write(
        tmp_path, '{"headline": "T", "x": ' + "[" * 100000 + "]" * 100000 + "}"
    )
    with pytest.raises(CommandError, match="imbrication"):
        run_import(path)
    shallow_but_deep = {**BASE, "extra": json.loads("[" * 50 + "]" * 50)}
    with pytest.raises(CommandError, match="imbrication"):
        run_import(write(tmp_path, shallow_but_deep, "deep.json"))
    assert not ArticlePage.objects.exists()


def test_control_characters_nul_and_lone_surrogates_are_stripped(section, tmp_path):
    path = write(
        tmp_path,
        '{"uri": "urn:x\\u0000y", "headline": "Alerte\\u0007 \\ud800rouge\\u0000",'
        ' "body_html": "<p>Texte\\u0000 \\udfff\\u001b sûr.</p>",'
        ' "keywords": ["mot\\u0000"], "byline": "Nadia\\u0008 Alaoui"}',
    )
    run_import(path)
    article = ArticlePage.objects.get()
    assert article.title == "Alerte rouge"
    assert article.source_uri == "urn:xy"
    assert list(article.tags.names()) == ["mot"]
    assert "\x00" not in json.dumps(list(article.body.raw_data))
    assert "\\u001b" not in json.dumps(list(article.body.raw_data))


def test_the_command_exits_1_with_one_line(section, tmp_path):
    # manage.py prints a CommandError as one line on stderr and exits with its
    # returncode (run_from_argv would close the test's database connection).
    path = write(tmp_path, {**BASE, "keywords": [1]})
    with pytest.raises(CommandError) as caught:
        run_import(path)
    assert caught.value.returncode == 1
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    assert "keywords" in message
    assert not ArticlePage.objects.exists()
