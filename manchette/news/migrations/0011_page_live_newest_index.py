from django.db import migrations

# The live pages of each language and type, newest first: the reader search's
# window ("the newest 2,000 articles of this edition") reads it alone, without
# visiting the page rows (news/search_backends.py). An article's published_at
# is a copy of this first_published_at (ArticlePage.save).
LIVE_NEWEST_INDEX = (
    "CREATE INDEX IF NOT EXISTS news_page_live_newest ON wagtailcore_page "
    "(locale_id, content_type_id, first_published_at DESC, id DESC) WHERE live"
)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0010_breaking_news_live_alerts_corrections"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            LIVE_NEWEST_INDEX, "DROP INDEX IF EXISTS news_page_live_newest"
        ),
    ]
