from django.db import migrations


def ascii_slugs(apps, schema_editor):
    """Rewrite the tags' non-ASCII slugs (``numérique``) as ASCII ones (``numerique``)."""
    from manchette.core.text import ascii_slug, unique_slug

    Tag = apps.get_model("taggit", "Tag")
    taken = set(Tag.objects.values_list("slug", flat=True))
    for tag in Tag.objects.all():
        if tag.slug.isascii():
            continue
        base = ascii_slug(tag.name, max_length=90) or "sujet"
        slug = unique_slug(base, taken)
        taken.add(slug)
        Tag.objects.filter(pk=tag.pk).update(slug=slug)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(ascii_slugs, migrations.RunPython.noop)]
