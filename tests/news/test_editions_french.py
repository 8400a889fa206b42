"""No French interface string on the Arabic and English editions.

The list of the interface's French strings is derived from the French msgids
of the catalogue that the reader's templates and Python modules use; each page
type of /ar/ and /en/ (with its forms' errors and its feeds) must show none of
them, in its text, its labels and its JSON-LD, outside fragments marked
``lang="fr"`` (the language switcher's "Français").
"""

import re
from pathlib import Path

import lxml.html
import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

APP = Path(settings.PROJECT_DIR)
# What readers see: templates (not the admin's, the staff's or the editors'
# e-mails) and the modules that build reader pages, forms and their errors.
READER_SOURCES = [
    *(
        path
        for path in (APP / "templates").rglob("*")
        if path.is_file()
        and not {"admin", "staff", "pending"} & set(path.relative_to(APP).parts)
    ),
    *(APP / "news" / "templatetags").glob("*.py"),
    *(APP / "newsletter" / "templatetags").glob("*.py"),
    *(APP / "comments" / "templatetags").glob("*.py"),
    *(
        APP / name
        for name in (
            "comments/forms.py",
            "comments/views.py",
            "comments/services.py",
            "core/forms.py",
            "core/models.py",
            "newsletter/forms.py",
            "newsletter/views.py",
            "news/views.py",
            "news/feeds.py",
            "news/metadata.py",
            "news/blocks.py",
            "news/editions.py",
        )
    ),
]
PLACEHOLDER = re.compile(r"%\([^)]*\)[sd]|%[sd]|\{[^}]*\}")
ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "content", "value")


def catalogue(code: str) -> dict[str, str]:
    """Return {msgid: msgstr} of the ``code`` catalogue (plural forms: the first)."""
    text = (APP / "locale" / code / "LC_MESSAGES" / "django.po").read_text("utf-8")
    entries = {}
    pattern = r'msgid ((?:"(?:[^"\\]|\\.)*"\s*)+)(?:msgid_plural (?:"(?:[^"\\]|\\.)*"\s*)+)?msgstr(?:\[0\])? ((?:"(?:[^"\\]|\\.)*"\s*)+)'
    for msgid, msgstr in re.findall(pattern, text):

        def joined(part):
            return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', part)).replace('\\"', '"')

        if joined(msgid):
            entries[joined(msgid)] = joined(msgstr)
    return entries


def french_strings(code: str) -> list[str]:
    """Return the French interface strings that must not show in ``code``: the
    msgids the reader's sources use, cut at their placeholders, without the
    words the translation keeps (names such as "Facebook", "Newsletter").
    """
    sources = "\n".join(path.read_text("utf-8") for path in READER_SOURCES)
    strings = set()
    for msgid, msgstr in catalogue(code).items():
        if msgid not in sources:
            continue
        for fragment in PLACEHOLDER.split(msgid):
            fragment = fragment.strip(" :,.…\n")
            # Labels of the interface: a capital or several words (lowercase
            # single words are field names, as in JSON-LD's "type").
            label = fragment[:1].isupper() or " " in fragment
            if len(fragment) >= 3 and label and fragment not in msgstr:
                strings.add(fragment)
    return sorted(strings)


def interface_text(html: str) -> str:
    """Return a page's text, labels and JSON-LD, without ``lang="fr"`` fragments."""
    tree = lxml.html.fromstring(html)
    for element in tree.xpath('//*[@lang="fr"]'):
        element.drop_tree()
    for element in tree.xpath('//script[not(@type="application/ld+json")]|//style'):
        element.drop_tree()
    parts = [tree.text_content()]
    for name in ATTRIBUTES:
        # Addresses are not labels.
        parts += [
            value
            for value in tree.xpath(f"//@{name}")
            if not value.startswith(("/", "http"))
        ]
    return "\n".join(parts)


def found(strings: list[str], text: str) -> list[str]:
    return [
        string
        for string in strings
        if re.search(rf"(?<!\w){re.escape(string)}(?!\w)", text)
    ]


def test_the_list_of_french_strings_is_the_interfaces():
    strings = french_strings("en")
    for expected in ("Rechercher", "En bref", "Lire aussi", "Temps de lecture"):
        assert expected in strings
    assert "Facebook" not in strings


def test_no_french_string_on_the_arabic_and_english_editions(client, editions_demo):
    problems = []
    for code, urls in editions_demo.items():
        problems += french_on_edition(client, code, urls)
    assert not problems, "\n".join(problems)


def french_on_edition(client, code: str, urls: dict[str, str]) -> list[str]:
    """Return the French strings found on each page type of the edition."""
    strings = french_strings(code)
    pages = {name: client.get(url) for name, url in urls.items()}
    pages["search, nothing found"] = client.get(f"/{code}/recherche/?q=zzzzqqq")
    pages["search, empty"] = client.get(f"/{code}/recherche/")
    pages["newsletter, bad address"] = client.post(
        f"/{code}/newsletter/inscription/",
        {"email": "pas-une-adresse", "language": code},
        HTTP_ORIGIN="http://testserver",
    )
    # The article's comment form, posted with errors.
    action = lxml.html.fromstring(pages["article"].content).xpath(
        '//form[contains(@action, "/commentaires/")]/@action'
    )[0]
    pages["comment, errors"] = client.post(
        action, {"comment": "", "author": "", "email": "x"}
    )
    pages["feed"] = client.get(f"/{code}/flux/rss/")
    problems = []
    for name, response in pages.items():
        assert response.status_code in (200, 400, 404), (name, response.status_code)
        content = response.content.decode()
        text = content if name == "feed" else interface_text(content)
        for string in found(strings, text):
            problems.append(f"{code} {name}: {string!r}")
    return problems
