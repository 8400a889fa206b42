"""The WordPress import: what becomes of each kind of item, re-runs, bad items."""

import json
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from manchette.comments.models import Comment
from manchette.importers.models import WxrObject
from manchette.importers.services import section_map_load, wxr_import
from manchette.news.models import ArticlePage, AuthorPage, ContentPage, SectionPage
from tests.importers import wxr_builder as wxr

pytestmark = pytest.mark.django_db


def article(wp_id, source="https://ancien.example.com"):
    obj = WxrObject.objects.get(source=source, kind="post", wp_id=str(wp_id))
    return ArticlePage.objects.get(pk=obj.object_id)


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "comments": Comment.objects.count(),
        "redirects": Redirect.objects.count(),
        "tags": Tag.objects.count(),
        "images": Image.objects.count(),
        "objects": WxrObject.objects.count(),
    }


@pytest.fixture
def imported(home, minimal_wxr, uploads):
    return wxr_import(minimal_wxr, media_dir=uploads)


def test_import_reports_counts_per_kind(imported):
    assert imported.as_dict()["created"] == {
        "articles": 8,
        "pages": 2,
        "comments": 4,
        "sections": 5,
        "tags": 3,
        "authors": 3,
        "images": 1,
        "documents": 0,
        "redirects": imported.created["redirects"],
    }
    assert imported.created["redirects"] >= 20
    assert imported.as_dict()["updated"] == dict.fromkeys(imported.created, 0)


def test_import_lists_skipped_items_with_reasons(imported):
    skipped = {(s["kind"], s["wp_id"]): s["reason"] for s in imported.skipped}

    assert skipped[("attachment", "11")] == "file not found: 2024/05/absente.png"
    assert skipped[("post", "108")] == "in the trash"
    assert skipped[("comment", "505")] == "in the trash"
    assert skipped[("comment", "701")] == "comment on a page"
    assert skipped[("nav_menu_item", "300")] == "unsupported type 'nav_menu_item'"
    assert "unreadable date" in skipped[("post", "109")]
    assert skipped[("comment", "601")] == "post skipped"


def test_published_post_keeps_title_slug_summary_dates_author_and_sticky(imported):
    page = article(100)

    assert page.live
    assert page.title == "Le Parlement adopte la réforme électorale"
    assert page.slug == "reforme-electorale"
    assert page.summary == (
        "Les députés ont adopté la réforme du code électoral. Le Sénat doit encore voter."
    )
    assert page.first_published_at == datetime(2024, 5, 3, 7, 30, tzinfo=UTC)
    assert page.updated_at == datetime(2024, 5, 3, 11, 0, tzinfo=UTC)
    assert page.featured is True
    assert [a.title for a in page.author_list] == ["Alice Martin"]
    assert page.source_uri == "https://ancien.example.com/?p=100"
    assert page.live_revision_id == page.latest_revision_id is not None


def test_post_goes_to_its_first_category_section_with_its_tags(imported):
    page = article(100)

    assert page.get_parent().specific.title == "Élections"
    assert page.section.slug == "elections"
    assert [(t.name, t.slug) for t in page.tags.all()] == [
        ("Législatives", "legislatives")
    ]


def test_body_is_cleaned_images_resolved_and_read_also_linked(imported):
    page = article(100)
    types = [block.block_type for block in page.body]
    image = Image.objects.get()

    assert types == [
        "paragraph",
        "image",
        "paragraph",
        "image",
        "read_also",
        "paragraph",
    ]
    assert page.body[1].value["image"] == image
    assert page.body[1].value["caption"] == "Une urne à Rabat"
    assert page.body[4].value["article"].specific == article(101)
    html = "".join(
        str(block.value) for block in page.body if block.block_type == "paragraph"
    )
    assert "script" not in html
    assert "[tweet" not in html
    assert "[sic]" in html
    assert "Un encadré conservé." in html


def test_featured_image_comes_from_the_thumbnail(imported):
    page = article(100)

    assert page.featured_image == Image.objects.get()
    assert page.featured_image_caption == "Une urne à Rabat."


def test_missing_body_image_is_reported(imported):
    assert {
        "wp_id": "100",
        "kind": "image",
        "reason": "image not found: 2024/05/absente.png",
    } in imported.skipped


def test_empty_excerpt_gives_a_derived_summary_flagged_for_the_editor(imported):
    page = article(101)

    assert (
        page.summary
        == "Le gouvernement présente son budget. Les débats commencent lundi."
    )
    assert WxrObject.objects.get(kind="post", wp_id="101").summary_derived
    assert not WxrObject.objects.get(kind="post", wp_id="100").summary_derived
    assert "101" in imported.summaries_derived


def test_gutenberg_body_keeps_heading_embed_link_and_read_also(imported):
    body = article(101).body

    assert [b.block_type for b in body] == [
        "paragraph",
        "heading",
        "embed",
        "read_also",
    ]
    assert body[2].value.safe_url == "https://www.youtube.com/watch?v=abc123"
    assert body[2].value.provider_name == "YouTube"
    assert body[3].value["article"].specific == article(100)


def test_future_post_is_scheduled(imported):
    page = article(102)
    revision = Revision.objects.get(pk=page.latest_revision_id)

    assert not page.live
    assert page.go_live_at == datetime(2099, 1, 1, 8, 0, tzinfo=UTC)
    assert revision.approved_go_live_at == page.go_live_at


def test_draft_without_title_gets_one_from_its_text(imported):
    page = article(103)

    assert not page.live
    assert page.first_published_at is None
    assert page.title.startswith("Un brouillon sans titre")
    assert page.slug.startswith("un-brouillon-sans-titre")


def test_private_post_is_not_public(imported, client):
    page = article(107)

    assert not page.live
    assert client.get(page.url_path.replace("/accueil", "", 1)).status_code == 404


def test_duplicate_slug_in_a_section_is_made_unique(imported):
    assert article(104).slug == "reforme-electorale-2"


def test_arabic_slug_stays_arabic_and_others_become_ascii(imported):
    # WordPress percent-encodes its Unicode slugs (wp:post_name); an Arabic one
    # stays Arabic, as the admin makes it for an Arabic title.
    assert article(105).slug == "الانتخابات"
    assert article(106).slug == "ete-des-festivals"


def test_arabic_categories_tags_and_titles_keep_arabic_slugs(home, tmp_path):
    path = wxr.write(
        tmp_path,
        wxr.post(
            1,
            title="الرقمنة في الإدارة",
            slug="",
            categories=(("%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9", "سياسة"),),
            tags=(("%d8%a7%d9%84%d8%b1%d9%82%d9%85%d9%86%d8%a9", "الرقمنة"),),
        ),
        wxr.post(
            2, title="رأي", slug="%d8%b1%d8%a3%d9%8a-%d9%85%d9%8f%d9%87%d9%90%d9%85"
        ),
        wxr.post(3, title="Élections : le calendrier", slug=""),
    )
    wxr_import(path)

    first = article(1, source="https://wp.example.org")
    assert first.slug == "الرقمنة-في-الإدارة"
    assert first.section.slug == "سياسة"
    assert [tag.slug for tag in first.tags.all()] == ["الرقمنة"]
    # Tashkeel is dropped from a slug, as the admin does.
    assert article(2, source="https://wp.example.org").slug == "رأي-مهم"
    assert article(3, source="https://wp.example.org").slug == "elections-le-calendrier"


def test_unknown_category_becomes_a_section(imported):
    page = article(106)

    assert page.section.title == "Culture"


def test_post_without_category_goes_to_the_default_section(imported):
    assert article(107).section.slug == "non-classe"


def test_categories_become_sections_and_authors_author_pages(imported):
    slugs = set(SectionPage.objects.values_list("slug", flat=True))

    assert {"politique", "elections", "economie", "culture", "non-classe"} <= slugs
    assert (
        SectionPage.objects.get(slug="economie").description
        == "L’actualité économique."
    )
    assert set(AuthorPage.objects.values_list("slug", "title")) >= {
        ("alice", "Alice Martin"),
        ("bob-k", "Bob Karimi"),
        ("ghost", "ghost"),
    }


def test_comments_keep_status_threading_and_author(imported):
    page = article(100)
    comments = {
        c.source_id.rsplit(":", 1)[1]: c for c in Comment.objects.filter(article=page)
    }

    assert set(comments) == {"501", "502", "503", "504"}
    assert comments["501"].status == "approved"
    assert comments["503"].status == "pending"
    assert comments["504"].status == "spam"
    assert comments["502"].parent == comments["501"]
    assert comments["503"].parent == comments["502"]
    assert comments["501"].author_url == "https://samir.example.net"
    assert comments["502"].author_url == ""
    assert comments["501"].body == "Enfin !\nIl était temps."
    assert comments["503"].body == "Je réponds à Samir."
    assert comments["501"].created_at == datetime(2024, 5, 3, 9, 0, tzinfo=UTC)
    assert ArticlePage.objects.get(pk=page.pk).comment_count == 2


def test_closed_comments_stay_closed(imported):
    assert article(101).comments_open is False
    assert article(100).comments_open is True


def test_pages_become_content_pages_with_their_hierarchy(imported, home):
    about = ContentPage.objects.get(slug="a-propos")
    team = ContentPage.objects.get(slug="equipe")

    assert about.get_parent().specific == home
    assert team.get_parent().specific == about
    assert about.live
    assert [b.block_type for b in about.body] == ["paragraph", "paragraph"]


def test_bad_item_is_skipped_and_leaves_nothing_behind(imported):
    assert not WxrObject.objects.filter(kind="post", wp_id="109").exists()
    assert not ArticlePage.objects.filter(slug="casse").exists()
    assert not Comment.objects.filter(source_id__endswith=":601").exists()
    assert not Redirect.objects.filter(old_path__contains="casse").exists()
    assert not Tag.objects.filter(name="Orphelin").exists()
    assert not Revision.objects.filter(object_str__contains="cassé").exists()


OLD_URLS = [
    ("/2024/05/03/reforme-electorale/", "/politique/elections/reforme-electorale/"),
    ("/?p=100", "/politique/elections/reforme-electorale/"),
    ("/?p=100&utm_source=x", "/politique/elections/reforme-electorale/"),
    (
        "/2024/05/06/reforme-electorale/",
        "/politique/elections/reforme-electorale-2/",
    ),
    (
        "/2024/05/07/%d8%a7%d9%84%d8%a7%d9%86%d8%aa%d8%ae%d8%a7%d8%a8%d8%a7%d8%aa/",
        "/politique/%D8%A7%D9%84%D8%A7%D9%86%D8%AA%D8%AE%D8%A7%D8%A8%D8%A7%D8%AA/",
    ),
    ("/2024/05/08/%c3%a9t%c3%a9-des-festivals/", "/culture/ete-des-festivals/"),
    ("/category/politique/", "/politique/"),
    ("/category/politique/elections/", "/politique/elections/"),
    ("/category/elections/", "/politique/elections/"),
    ("/?cat=5", "/economie/"),
    ("/tag/legislatives/", "/sujets/legislatives/"),
    ("/tag/finances-publiques/", "/sujets/finances-publiques/"),
    ("/?page_id=200", "/a-propos/"),
]


def test_old_urls_answer_with_a_permanent_redirect(imported, client):
    # One import, every kind of old URL (the import is the slow part).
    for old, new in OLD_URLS:
        response = client.get(old)

        assert response.status_code == 301, old
        assert response["Location"] == new, old
        assert client.get(new).status_code == 200, new


def test_unpublished_posts_get_no_redirect(imported, client):
    assert client.get("/?p=103").status_code == 200  # the home page, no redirect
    assert not Redirect.objects.filter(old_path="/?p=102").exists()


def test_second_run_changes_nothing(imported, home, minimal_wxr, uploads):
    before = counts()

    again = wxr_import(minimal_wxr, media_dir=uploads)

    assert again.created == dict.fromkeys(again.created, 0)
    assert again.updated == dict.fromkeys(again.updated, 0)
    assert counts() == before
    assert again.unchanged == 10


def test_rerun_with_an_edited_post_updates_it(home, tmp_path):
    first = wxr.write(
        tmp_path,
        wxr.post(
            1, title="Avant", comments=[wxr.comment(10), wxr.comment(11, parent="10")]
        ),
    )
    wxr_import(first)
    page = ArticlePage.objects.get()

    second = wxr.write(
        tmp_path,
        wxr.post(
            1,
            title="Après",
            comments=[
                wxr.comment(10, approved="spam"),
                wxr.comment(11, parent="10"),
                wxr.comment(12),
            ],
        ),
        name="second.xml",
    )
    report = wxr_import(second)

    page.refresh_from_db()
    assert page.title == "Après"
    assert ArticlePage.objects.count() == 1
    assert report.updated["articles"] == 1
    assert report.created["comments"] == 1
    assert report.updated["comments"] == 1
    assert Comment.objects.get(source_id__endswith=":10").status == "spam"
    assert page.comment_count == 2
    assert Revision.objects.filter(object_id=str(page.pk)).count() == 2


def test_an_article_imported_by_guid_is_updated_not_duplicated(home, tmp_path):
    path = wxr.write(tmp_path, wxr.post(1))
    wxr_import(path)
    WxrObject.objects.all().delete()

    report = wxr_import(path)

    assert report.updated["articles"] == 1
    assert ArticlePage.objects.count() == 1


def test_dry_run_writes_nothing_and_reports_what_it_would_do(
    home, minimal_wxr, uploads, settings
):
    before = counts()

    report = wxr_import(minimal_wxr, media_dir=uploads, dry_run=True)

    assert counts() == before
    assert report.created["articles"] == 8
    assert report.created["images"] == 1
    assert not list((settings.MEDIA_ROOT).glob("**/*.jpg"))


def test_section_map_sends_categories_to_existing_sections(home, tmp_path, section):
    mapping = tmp_path / "map.csv"
    mapping.write_text(
        "category,section\nactualite,politique\nsport,sports,Sports\n", encoding="utf-8"
    )
    path = wxr.write(
        tmp_path,
        wxr.post(1),
        wxr.post(2, categories=[("sport", "Le sport")]),
    )

    report = wxr_import(path, section_map=section_map_load(mapping))

    assert ArticlePage.objects.get(slug="article-1").section == section
    assert ArticlePage.objects.get(slug="article-2").section.title == "Sports"
    assert report.created["sections"] == 1


def test_a_comment_thread_whose_parent_is_missing_is_kept_flat(home, tmp_path):
    path = wxr.write(
        tmp_path,
        wxr.post(
            1,
            comments=[wxr.comment(20, parent="99"), wxr.comment(21, approved="trash")],
        ),
    )

    wxr_import(path)

    assert Comment.objects.get().parent is None


def test_tags_keep_their_wordpress_slugs(home, tmp_path):
    path = wxr.write(
        tmp_path, wxr.post(1, tags=[("cop-28", "La COP28"), ("%d8%a7", "عربي")])
    )

    wxr_import(path)

    assert Tag.objects.get(name="La COP28").slug == "cop-28"
    # An Arabic WordPress slug stays Arabic, as the admin's Arabic tag slugs do.
    assert Tag.objects.get(name="عربي").slug == "ا"


def test_page_with_a_slug_taken_by_a_section_gets_another(home, tmp_path, section):
    path = wxr.write(
        tmp_path, wxr.post(1, slug="politique", post_type="page", categories=())
    )

    wxr_import(path)

    assert ContentPage.objects.get().slug == "politique-2"


def test_command_writes_the_report_json(home, minimal_wxr, uploads, tmp_path, capsys):
    report_path = tmp_path / "report.json"

    call_command(
        "import_wxr",
        str(minimal_wxr),
        media_dir=str(uploads),
        report_json=str(report_path),
    )

    data = json.loads(report_path.read_text(encoding="utf-8"))
    assert set(data) == {"created", "updated", "skipped"}
    assert data["created"]["articles"] == 8
    assert set(data["skipped"][0]) == {"wp_id", "kind", "reason"}
    assert "articles" in capsys.readouterr().out


def test_command_dry_run_says_so(home, minimal_wxr, capsys):
    call_command("import_wxr", str(minimal_wxr), "--dry-run")

    assert "Dry run" in capsys.readouterr().out
    assert not ArticlePage.objects.exists()


def test_command_stops_on_malformed_xml_with_line_and_column(home, tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text(
        wxr.document(wxr.post(1)).replace("</channel>", ""), encoding="utf-8"
    )

    with pytest.raises(
        CommandError, match=r"line \d+, column \d+.*Nothing was imported"
    ):
        call_command("import_wxr", str(path))
    assert not ArticlePage.objects.exists()


def test_command_refuses_an_xml_bomb(home, tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>',
        encoding="utf-8",
    )

    with pytest.raises(CommandError, match="refused"):
        call_command("import_wxr", str(path))


def test_reading_time_follows_the_article_rule(home, tmp_path):
    words = " ".join(["mot"] * 335)
    path = wxr.write(tmp_path, wxr.post(1, body=words))

    wxr_import(path)

    page = ArticlePage.objects.get()
    assert page.reading_minutes == page.compute_reading_minutes() == 3


def test_imported_pages_leave_the_page_tree_consistent(imported):
    problems = Page.find_problems()

    assert all(not found for found in problems), problems


def test_editors_can_open_an_imported_article_and_page(
    imported, client, django_user_model
):
    admin = django_user_model.objects.create_superuser("chef", "chef@example.org", "pw")
    client.force_login(admin)

    for pk in (
        article(100).pk,
        article(102).pk,
        ContentPage.objects.get(slug="equipe").pk,
    ):
        assert client.get(f"/admin/pages/{pk}/edit/").status_code == 200


def test_a_scheduled_post_is_published_by_wagtail_when_its_time_comes(home, tmp_path):
    path = wxr.write(tmp_path, wxr.post(1, status="future", date="2099-01-01 09:00:00"))
    wxr_import(path)
    page = ArticlePage.objects.get()
    # Time passes: the scheduled date is now behind us.
    revision = Revision.objects.get(pk=page.latest_revision_id)
    revision.content["go_live_at"] = "2000-01-01T00:00:00Z"
    revision.approved_go_live_at = datetime(2000, 1, 1, tzinfo=UTC)
    revision.save()

    call_command("publish_scheduled")

    page.refresh_from_db()
    assert page.live


def test_editors_find_the_articles_whose_summary_to_check(
    imported, client, django_user_model
):
    admin = django_user_model.objects.create_superuser("chef", "chef@example.org", "pw")
    client.force_login(admin)

    response = client.get("/admin/wxr_objects/?summary_derived=true")

    assert response.status_code == 200
    assert "Le budget 2025 en débat" in response.content.decode()
    assert "Le Parlement adopte" not in response.content.decode()


def test_source_is_the_blog_url_not_the_network_url(home, tmp_path):
    head = "<wp:base_blog_url>https://blog.example.org</wp:base_blog_url>"
    path = tmp_path / "wpcom.xml"
    path.write_text(
        wxr.document(wxr.post(1)).replace(
            "<wp:base_blog_url>https://wp.example.org</wp:base_blog_url>", head
        ),
        encoding="utf-8",
    )

    wxr_import(path)

    assert WxrObject.objects.get(kind="post").source == "https://blog.example.org"


def test_dry_run_reports_the_same_missing_files_as_a_real_run(
    home, minimal_wxr, uploads
):
    dry = wxr_import(minimal_wxr, media_dir=uploads, dry_run=True)
    real = wxr_import(minimal_wxr, media_dir=uploads)

    assert dry.skipped == real.skipped


def test_embeds_of_every_kind_become_embed_blocks(home, tmp_path):
    classic = (
        "Le débat :\n\n[embed]https://vimeo.com/42[/embed]\n\n"
        "https://x.com/redaction/status/1\n\nUn lien https://a.org/ dans le texte."
    )
    gutenberg = (
        '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=z","type":"video"} -->'
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">'
        "https://www.youtube.com/watch?v=z</div><figcaption>Le clip</figcaption>"
        "</figure><!-- /wp:embed -->"
    )
    path = wxr.write(
        tmp_path, wxr.post(1, body=classic), wxr.post(2, body=gutenberg, slug="g")
    )

    wxr_import(path)

    body = ArticlePage.objects.get(slug="article-1").body
    assert [b.block_type for b in body] == ["paragraph", "embed", "embed", "paragraph"]
    assert [(b.value.safe_url, b.value.provider_name) for b in body[1:3]] == [
        ("https://vimeo.com/42", "Vimeo"),
        ("https://x.com/redaction/status/1", "X (Twitter)"),
    ]
    video = ArticlePage.objects.get(slug="g").body[0].value
    assert (video.safe_url, video["title"]) == (
        "https://www.youtube.com/watch?v=z",
        "Le clip",
    )


@pytest.fixture
def refuse_summary_boom(db):
    """A database trigger refusing an article whose summary is "BOOM": a failure
    that comes after the item's page row was written."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN "
                "IF NEW.summary = 'BOOM.' THEN RAISE EXCEPTION 'refused'; END IF; "
                "RETURN NEW; END; $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER refuse_boom BEFORE INSERT ON news_articlepage "
                "FOR EACH ROW EXECUTE FUNCTION refuse_boom()"
            )
        else:
            cursor.execute(
                "CREATE TRIGGER refuse_boom BEFORE INSERT ON news_articlepage "
                "WHEN NEW.summary = 'BOOM.' BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )


def test_an_item_failing_mid_batch_leaves_nothing_and_spares_the_others(
    home, tmp_path, refuse_summary_boom
):
    posts = [
        wxr.post(
            n,
            slug=f"ok-{n}",
            excerpt="BOOM." if n == 5 else "Bien.",
            comments=[wxr.comment(100 + n), wxr.comment(200 + n, parent=str(100 + n))],
            tags=[(f"sujet-{n}", f"Sujet {n}")],
        )
        for n in range(1, 10)
    ]
    path = wxr.write(tmp_path, *posts)
    home_revisions = Revision.objects.count()

    report = wxr_import(path)

    assert home_revisions == 3  # home, authors, tags: made before the import
    assert report.created["articles"] == 8
    assert report.created["comments"] == 16
    assert [s["wp_id"] for s in report.skipped if s["kind"] == "post"] == ["5"]
    assert "refused" in next(s for s in report.skipped if s["wp_id"] == "5")["reason"]
    assert sorted(ArticlePage.objects.values_list("slug", flat=True)) == [
        f"ok-{n}" for n in (1, 2, 3, 4, 6, 7, 8, 9)
    ]
    assert not Page.objects.filter(slug="ok-5").exists()
    # One revision per page, none left by the rolled-back try.
    revised = sorted(
        int(pk) for pk in Revision.objects.values_list("object_id", flat=True)
    )
    assert revised == sorted(
        Page.objects.filter(depth__gt=1).values_list("pk", flat=True)
    )
    assert not WxrObject.objects.filter(kind="post", wp_id="5").exists()
    assert not Redirect.objects.filter(old_path__contains="ok-5").exists()
    assert not Comment.objects.filter(source_id__endswith=":105").exists()
    assert Comment.objects.count() == 16
    assert all(c.parent_id for c in Comment.objects.filter(source_id__contains=":20"))
    assert not Page.find_problems()[0]


def test_every_comment_on_a_page_is_listed_as_skipped_with_its_reason(home, tmp_path):
    comments = [
        wxr.comment(801),
        wxr.comment(802, parent="801"),
        wxr.comment(803),
        wxr.comment(804, approved="0"),
        wxr.comment(805, approved="0", parent="803"),
    ]
    path = wxr.write(
        tmp_path, wxr.post(80, post_type="page", slug="a-propos", comments=comments)
    )

    for _run in range(2):
        report = wxr_import(path)

        skipped = [s for s in report.skipped if s["kind"] == "comment"]
        assert skipped == [
            {"wp_id": str(n), "kind": "comment", "reason": "comment on a page"}
            for n in range(801, 806)
        ]
        assert report.created["comments"] == 0
    assert not Comment.objects.exists()
    assert ContentPage.objects.get(slug="a-propos").live


def test_a_creator_whose_slug_is_an_authors_does_not_rename_that_author(home, tmp_path):
    head = (
        "<wp:author><wp:author_id>2</wp:author_id>"
        "<wp:author_login>themereviewteam</wp:author_login>"
        f"<wp:author_display_name>{wxr.cdata('Theme Reviewer')}"
        "</wp:author_display_name></wp:author>"
    )
    # A creator as the WordPress Theme Unit Test export spells one of them.
    path = wxr.write(tmp_path, wxr.post(1, creator="themereviewteam>"), head=head)

    wxr_import(path)
    again = wxr_import(path)

    assert AuthorPage.objects.get(slug="themereviewteam").title == "Theme Reviewer"
    assert again.updated == dict.fromkeys(again.updated, 0)
