import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from manchette.importers.services import (
    REPORT_KINDS,
    WxrEditionError,
    import_language,
    language_name,
    section_map_load,
    wxr_import,
)
from manchette.importers.wxr import WxrError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.1/1.2): posts, pages, comments, categories, "
        "tags, authors, images, documents; old URLs redirect to the new ones. Safe "
        "to re-run."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the WordPress export (.xml)")
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="a copy of wp-content/uploads, where attachments are looked for",
        )
        parser.add_argument(
            "--section-map",
            type=Path,
            help="CSV rows 'category_slug,section_path[,section title]', where the "
            "path is a section slug or a nested path such as 'politique/elections'",
        )
        parser.add_argument(
            "--language",
            metavar="CODE",
            help="the edition to import into, by its language code (ar, en, fr; "
            "default: the site's default language); its home page, tag and "
            "author indexes are made if missing",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="report what would change and write nothing",
        )
        parser.add_argument(
            "--report-json", type=Path, help="also write the report to this file"
        )
        parser.add_argument(
            "--time-zone",
            help="time zone of the WordPress site, for dates without a GMT "
            "twin (default: TIME_ZONE)",
        )

    def handle(
        self, *args, file, media_dir, section_map, dry_run, report_json, **options
    ):
        file = Path(file)
        media_dir = Path(media_dir) if media_dir else None
        section_map = Path(section_map) if section_map else None
        report_json = Path(report_json) if report_json else None
        try:
            language = import_language(options.get("language"))
        except WxrEditionError as exc:
            raise CommandError(f"--language: {exc}. Nothing was imported.") from exc
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"--media-dir {media_dir}: no such directory")
        mapping = {}
        if section_map is not None:
            try:
                mapping = section_map_load(section_map)
            except (OSError, UnicodeDecodeError) as exc:
                raise CommandError(f"--section-map {section_map}: {exc}") from exc
        columns = [
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        ]
        with Progress(
            *columns, transient=True, disable=options["verbosity"] < 1
        ) as bar:
            task = bar.add_task("Reading the export", total=None)

            def progress(advance=1, total=None):
                if total is not None:
                    bar.update(task, total=total, description="Importing")
                bar.advance(task, advance)

            try:
                report = wxr_import(
                    file,
                    media_dir=media_dir,
                    section_map=mapping,
                    dry_run=dry_run,
                    time_zone=options.get("time_zone"),
                    progress=progress,
                    language=language,
                )
            except WxrError as exc:
                raise CommandError(f"{exc}. Nothing was imported.") from exc
        data = report.as_dict()
        if report_json is not None:
            report_json.write_text(
                json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
        self._print(report, data, dry_run=dry_run)

    def _print(self, report, data, *, dry_run):
        if dry_run:
            self.stdout.write("Dry run: nothing was written. It would have:")
        self.stdout.write(
            f"edition: {report.language} ({language_name(report.language)})"
        )
        width = max(len(kind) for kind in REPORT_KINDS)
        self.stdout.write(f"{'':{width}}  created  updated")
        for kind in REPORT_KINDS:
            self.stdout.write(
                f"{kind:{width}}  {data['created'][kind]:7d}  {data['updated'][kind]:7d}"
            )
        self.stdout.write(f"unchanged items: {report.unchanged}")
        for note in (report.language_note(), report.earlier_edition_note()):
            if note:
                self.stdout.write(note)
        if report.summaries_derived:
            self.stdout.write(
                f"{len(report.summaries_derived)} article(s) had no excerpt: their "
                "« En bref » was taken from the first sentences and should be "
                "checked (WordPress ids: "
                + ", ".join(report.summaries_derived[:20])
                + (" …" if len(report.summaries_derived) > 20 else "")
                + ")."
            )
        if report.skipped:
            self.stdout.write(f"skipped: {len(report.skipped)}")
            for entry in report.skipped[:50]:
                self.stdout.write(
                    f"  {entry['kind']} {entry['wp_id']}: {entry['reason']}"
                )
            if len(report.skipped) > 50:
                self.stdout.write("  … (the whole list is in --report-json)")
