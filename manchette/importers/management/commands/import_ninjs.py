from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from manchette.importers.ninjs import NinjsError
from manchette.importers.services import ninjs_import
from manchette.news.models import SectionPage


class Command(BaseCommand):
    help = "Import IPTC ninjs (1.x or 2.0) JSON files as published articles and print their URLs."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, help="ninjs JSON files")
        parser.add_argument(
            "--section",
            required=True,
            help="slug of the section to publish in (e.g. politique)",
        )

    def handle(self, *args, files, section, **options):
        target = SectionPage.objects.filter(slug=section).first()
        if target is None:
            known = (
                ", ".join(
                    SectionPage.objects.order_by("path").values_list("slug", flat=True)
                )
                or "none yet"
            )
            raise CommandError(
                f"Unknown section {section!r}. Known sections: {known}. "
                "Create it in the admin or run `python manage.py seed_demo`."
            )
        try:
            results = ninjs_import(files, section=target)
        except NinjsError as exc:
            raise CommandError(f"{exc}. Nothing was imported.") from exc
        for result in results:
            verb = "created" if result.created else "updated"
            url = (
                result.article.get_full_url()
                or settings.MANCHETTE_BASE_URL + result.article.url
            )
            self.stdout.write(f"{verb}: {url}")
