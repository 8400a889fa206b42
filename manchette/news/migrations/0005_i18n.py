"""Creates a Wagtail locale for each content language (French already has one),
so editors can translate pages into Arabic and English."""

from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", []):
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_embed_block"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
