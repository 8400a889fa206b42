"""Uploaded files: attachments become Wagtail images and documents, and the
bodies' images and links to files are resolved to them."""

import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images.models import Image

from manchette.core.text import plain_text

from ..models import WxrObject
from ..wxr import WxrPost
from .text import title_or_fallback

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
_SIZE_SUFFIX = re.compile(r"(-\d+x\d+|-scaled|-rotated|-e\d{10,})+(?=\.\w+$)")
# An opening link tag of rich text (as html_to_blocks writes it) and its target.
HREF = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"[^>]*>', re.IGNORECASE)
_HREF_VALUE = re.compile(r"<a\b[^>]*?\bhref=[\"']([^\"']+)", re.IGNORECASE)
_UPLOADS = "/wp-content/uploads/"
_WPCOM_FILES = ".files.wordpress.com"


@dataclass
class Attachment:
    url: str
    caption: str = ""
    image_id: int | None = None


def wpcom_upload(url: str) -> str | None:
    """Return the path of a WordPress.com upload (``2013/09/a.jpg``), served from
    ``blog.files.wordpress.com`` or through its ``i0.wp.com`` proxy, else None."""
    parts = urlsplit(url or "")
    host = (parts.hostname or "").lower()
    path = unquote(parts.path)
    if host.endswith(_WPCOM_FILES):
        return path.lstrip("/")
    if _WPCOM_FILES + "/" in path:
        return path.split(_WPCOM_FILES + "/", 1)[1]
    return None


def upload_path(url: str, *, lower: bool = True) -> str:
    """Return the path of an uploaded file's URL under ``uploads/`` (on
    WordPress.com, under the blog's files host), else its file name."""
    path = wpcom_upload(url)
    if path is None:
        path = unquote(urlsplit(url or "").path)
        path = (
            path.split(_UPLOADS, 1)[1] if _UPLOADS in path else path.rsplit("/", 1)[-1]
        )
    return path.lower() if lower else path


def upload_key(url: str) -> str:
    """Return the key of an uploaded file's URL: its path under ``uploads/``,
    without WordPress's size suffixes (``-300x200``, ``-scaled``), so that a
    resized copy finds its original."""
    return _SIZE_SUFFIX.sub("", upload_path(url))


class MediaMixin:
    """Attachments, and what the bodies' images and file links resolve to."""

    def attachment(self, item: WxrPost) -> None:
        """Import an attachment found under ``--media-dir``: an image becomes a
        Wagtail image, any other file (PDF, sound…) a Wagtail document."""
        url = item.attachment_url or item.guid
        attachment = Attachment(url=url, caption=plain_text(item.excerpt)[:300])
        self.attachments[item.wp_id] = attachment
        key = upload_path(url)
        is_image = Path(key).suffix.lower() in IMAGE_EXTENSIONS
        if is_image:
            kind, model, label = WxrObject.Kind.ATTACHMENT, Image, "images"
            by_key, dry_run_keys = self.images_by_key, self.dry_run_images
        else:
            kind, model, label = (
                WxrObject.Kind.DOCUMENT,
                get_document_model(),
                "documents",
            )
            by_key, dry_run_keys = self.documents_by_key, self.dry_run_documents
        known = self.known.get((kind, item.wp_id))
        if known is not None and model.objects.filter(pk=known.object_id).exists():
            if is_image:
                attachment.image_id = known.object_id
            self._set_upload_key(by_key, url, known.object_id)
            return
        if self.media_dir is None:
            self.report.skip(
                item.wp_id, "attachment", f"file not found: {key} (no --media-dir)"
            )
            return
        relative = upload_path(url, lower=False).lstrip("/")
        candidate = (self.media_dir / relative).resolve()
        if self.media_dir.resolve() not in candidate.parents or not candidate.is_file():
            self.report.skip(item.wp_id, "attachment", f"file not found: {relative}")
            return
        if self.report.dry_run:
            # No file is written in a dry run; the file counts as found.
            dry_run_keys.update({key, upload_key(url)})
            self.report.created[label] += 1
            return
        obj = None
        try:
            with transaction.atomic(), open(candidate, "rb") as handle:
                title = title_or_fallback(item.title, "", fallback=candidate.name)
                if is_image:
                    obj = Image(
                        title=title, file=ImageFile(handle, name=candidate.name)
                    )
                else:
                    obj = model(title=title, file=File(handle, name=candidate.name))
                obj.save()
                self._remember(kind, item.wp_id, obj.pk)
        except Exception as exc:  # A broken file must not stop the import.
            if obj is not None and obj.file:
                obj.file.delete(save=False)
            what = "image" if is_image else "file"
            self.report.skip(
                item.wp_id, "attachment", f"unreadable {what}: {exc}"[:300]
            )
            return
        if is_image:
            attachment.image_id = obj.pk
        self._set_upload_key(by_key, url, obj.pk)
        self.report.created[label] += 1

    def _set_upload_key(self, by_key: dict, url: str, pk: int) -> None:
        """Map an upload's exact path and, unless another file has that exact
        path, its path without size suffix (for resized copies) to ``pk``."""
        self._set(by_key, upload_path(url), pk)
        key = upload_key(url)
        if key not in by_key:
            self._set(by_key, key, pk)

    def _resolve_image(self, src: str) -> int | None:
        found = self.images_by_key.get(upload_path(src))
        return found if found is not None else self.images_by_key.get(upload_key(src))

    def _attachment_url(self, wp_id: str) -> str | None:
        attachment = self.attachments.get(wp_id)
        return attachment.url if attachment else None

    def _upload_document(self, href: str) -> tuple[str, bool]:
        """Return (key, is a non-image upload of the old site) for a link target."""
        href = unescape(href or "").strip()
        if wpcom_upload(href) is None:
            path = self._old_path(href)
            if not path or _UPLOADS not in path:
                return "", False
        key = upload_path(href)
        suffix = Path(key).suffix.lower()
        return key, bool(suffix) and suffix not in IMAGE_EXTENSIONS

    def _document_link(self, match: re.Match) -> str:
        """Turn a link to an uploaded file into a rich-text link to its document."""
        key, is_document = self._upload_document(match.group(1))
        document_id = self.documents_by_key.get(key) if is_document else None
        if document_id is None:
            return match.group(0)
        return f'<a linktype="document" id="{document_id}">'

    def _missing_documents(self, item: WxrPost, html: str) -> None:
        """Report links to uploaded files (not images) that were not imported."""
        missing = []
        for href in _HREF_VALUE.findall(html):
            key, is_document = self._upload_document(href)
            if not is_document or key in missing:
                continue
            if key not in self.documents_by_key and key not in self.dry_run_documents:
                missing.append(key)
        for key in missing:
            self.report.skip(item.wp_id, "document", f"document not found: {key}")

    def _missing_images(self, item: WxrPost, html: str) -> None:
        missing = []
        for src in re.findall(r"<img\b[^>]*\bsrc=[\"']([^\"']+)", html, re.IGNORECASE):
            key = upload_path(src)
            found = self._resolve_image(src) is not None or bool(
                {key, upload_key(src)} & self.dry_run_images
            )
            if not found and key not in missing:
                missing.append(key)
        for key in missing:
            self.report.skip(item.wp_id, "image", f"image not found: {key}")
