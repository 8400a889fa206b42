from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_published_at(apps, schema_editor):
    """Fill the author links' new column from their article, in one UPDATE."""
    ArticlePageAuthor = apps.get_model("news", "ArticlePageAuthor")
    ArticlePage = apps.get_model("news", "ArticlePage")
    ArticlePageAuthor.objects.using(schema_editor.connection.alias).update(
        published_at=Subquery(
            ArticlePage.objects.filter(pk=OuterRef("page_id")).values("published_at")[
                :1
            ]
        )
    )


class Migration(migrations.Migration):
    dependencies = [("news", "0006_tag_published_at")]

    operations = [
        migrations.AddField(
            model_name="articlepageauthor",
            name="published_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(copy_published_at, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="articlepageauthor",
            index=models.Index(
                fields=["author", "published_at", "page"],
                name="news_author_published",
            ),
        ),
    ]
