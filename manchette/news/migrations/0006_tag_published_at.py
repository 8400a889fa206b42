from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_published_at(apps, schema_editor):
    """Fill the tag links' new column from their article, in one UPDATE."""
    ArticlePageTag = apps.get_model("news", "ArticlePageTag")
    ArticlePage = apps.get_model("news", "ArticlePage")
    ArticlePageTag.objects.using(schema_editor.connection.alias).update(
        published_at=Subquery(
            ArticlePage.objects.filter(pk=OuterRef("content_object_id")).values(
                "published_at"
            )[:1]
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0005_i18n"),
        (
            "taggit",
            "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx",
        ),
    ]

    operations = [
        migrations.AddField(
            model_name="articlepagetag",
            name="published_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(copy_published_at, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="articlepagetag",
            index=models.Index(
                fields=["tag", "published_at", "content_object"],
                name="news_tag_published",
            ),
        ),
    ]
