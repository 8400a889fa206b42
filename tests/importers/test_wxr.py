"""The WXR parser: streaming, every field, bad and hostile files."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from manchette.importers.wxr import (
    WxrAuthor,
    WxrChannel,
    WxrError,
    WxrItemError,
    WxrPost,
    WxrTerm,
    iter_wxr,
    parse_wp_date,
)
from tests.importers import wxr_builder as wxr


def test_parser_reads_channel_authors_terms_and_items_in_order(minimal_wxr):
    entries = list(iter_wxr(minimal_wxr))

    assert isinstance(entries[0], WxrChannel)
    assert entries[0].base_site_url == "https://ancien.example.com"
    assert entries[0].wxr_version == "1.2"
    assert [e.login for e in entries if isinstance(e, WxrAuthor)] == ["alice", "bob.k"]
    terms = [(e.kind, e.slug) for e in entries if isinstance(e, WxrTerm)]
    assert terms == [
        ("category", "politique"),
        ("category", "elections"),
        ("category", "economie"),
        ("tag", "legislatives"),
        ("tag", "budget"),
    ]
    posts = [e for e in entries if isinstance(e, WxrPost)]
    assert [p.wp_id for p in posts][:4] == ["10", "11", "100", "101"]


def test_parser_reads_every_field_of_a_post(minimal_wxr):
    post = next(e for e in iter_wxr(minimal_wxr) if getattr(e, "wp_id", "") == "100")

    assert post.title == "Le Parlement adopte la réforme électorale"
    assert post.post_type == "post"
    assert post.status == "publish"
    assert post.is_sticky is True
    assert post.creator == "alice"
    assert post.post_date_gmt == "2024-05-03 07:30:00"
    assert post.meta["_thumbnail_id"] == "10"
    assert [(t.kind, t.slug) for t in post.categories] == [
        ("category", "elections"),
        ("category", "politique"),
        ("tag", "legislatives"),
    ]
    assert [c.wp_id for c in post.comments] == ["501", "503", "502", "504", "505"]
    assert post.comments[1].parent == "502"
    assert post.comments[0].content == "Enfin !\nIl était temps."
    assert "[caption" in post.content


def test_parser_reads_wxr_1_1_namespaces(tmp_path):
    path = wxr.write(tmp_path, wxr.post(5, title="Ancien format"), version="1.1")

    posts = [e for e in iter_wxr(path) if isinstance(e, WxrPost)]

    assert posts[0].title == "Ancien format"
    assert posts[0].excerpt == "Un résumé."


def test_malformed_xml_names_line_and_column(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text(
        wxr.document(wxr.post(1)).replace("</item>", "</itme>", 1), encoding="utf-8"
    )

    with pytest.raises(WxrError, match=r"line \d+, column \d+"):
        list(iter_wxr(path))


def test_xml_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
        ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n'
        "<rss><channel><title>&lol3;</title></channel></rss>\n",
        encoding="utf-8",
    )

    with pytest.raises(WxrError, match="DOCTYPE"):
        list(iter_wxr(path))


def test_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret", encoding="utf-8")
    path = tmp_path / "xxe.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        "<rss><channel><title>&xxe;</title></channel></rss>\n",
        encoding="utf-8",
    )

    with pytest.raises(WxrError, match="refused"):
        list(iter_wxr(path))


def test_an_undeclared_entity_is_a_syntax_error_not_an_expansion(tmp_path):
    path = tmp_path / "entity.xml"
    path.write_text(
        wxr.document(wxr.post(1)).replace("Un titre", "&xxe;"), encoding="utf-8"
    )

    with pytest.raises(WxrError, match="line"):
        list(iter_wxr(path))


def test_a_file_that_is_not_rss_is_refused(tmp_path):
    path = tmp_path / "other.xml"
    path.write_text("<html><body/></html>", encoding="utf-8")

    with pytest.raises(WxrError, match="not a WordPress export"):
        list(iter_wxr(path))


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.xml"
    path.write_text("", encoding="utf-8")

    with pytest.raises(WxrError):
        list(iter_wxr(path))


def test_parser_frees_items_as_it_goes(tmp_path):
    path = wxr.write(tmp_path, *(wxr.post(n, body="x" * 2000) for n in range(300)))
    roots = []

    for entry in iter_wxr(path):
        if isinstance(entry, WxrPost):
            roots.append(entry)

    assert len(roots) == 300
    # Memory stays flat: every item is read into a dataclass and its element freed
    # (checked at scale by bench/wxr_import.py).


def test_gmt_date_wins_over_local_date():
    assert parse_wp_date(
        "2024-05-03 08:30:00",
        gmt="2024-05-03 07:30:00",
        tz=ZoneInfo("Africa/Casablanca"),
    ) == datetime(2024, 5, 3, 7, 30, tzinfo=UTC)


def test_local_date_is_read_in_the_export_time_zone_when_gmt_is_zero():
    value = parse_wp_date(
        "2024-01-15 10:00:00", gmt="0000-00-00 00:00:00", tz=ZoneInfo("Europe/Paris")
    )

    assert value == datetime(2024, 1, 15, 9, 0, tzinfo=UTC)


def test_unreadable_date_is_an_item_error():
    with pytest.raises(WxrItemError):
        parse_wp_date("2024-13-45 99:00:00", tz=ZoneInfo("UTC"))
