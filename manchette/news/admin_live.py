"""Breaking news and trust in Wagtail's admin: correction notes, alerts and live
blog updates, each a short form saved (and shown to readers) at once.

Wagtail's model views record every creation, change and deletion in its audit
log. Deleting a correction note needs the ``news.delete_correctionnote``
permission, which only administrators hold (``demo_live.roles_grant``).
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale

from .models import ArticlePage
from .models_live import Alert, CorrectionNote, LiveBlogPage, LiveUpdate


class SignedCreateView(generic.CreateView):
    """A create form that starts attached to the page given in the query string
    (``?<parent_param>=<pk>``, when that page exists) and is signed by its editor.
    """

    parent_param = ""
    parent_model = None
    parent_field = ""
    signer_field = ""

    def get_initial_form_instance(self):
        instance = self.model()
        value = self.request.GET.get(self.parent_param, "")
        if value.isdigit() and self.parent_model.objects.filter(pk=value).exists():
            setattr(instance, f"{self.parent_field}_id", int(value))
        return instance

    def save_instance(self):
        setattr(self.form.instance, self.signer_field, self.request.user)
        return super().save_instance()


class NoteCreateView(SignedCreateView):
    """Starts with the article given as ``?article=<pk>`` and signs the note."""

    parent_param = parent_field = "article"
    parent_model = ArticlePage
    signer_field = "created_by"


class CorrectionNoteViewSet(ModelViewSet):
    model = CorrectionNote
    icon = "warning"
    menu_label = gettext_lazy("Corrections")
    url_prefix = "corrections"
    name = "news_correctionnote"
    add_view_class = NoteCreateView
    list_display = ["article", "kind", "noted_at", "created_by"]
    list_filter = ["kind"]
    search_fields = ["text"]
    search_backend_name = None
    copy_view_enabled = False
    ordering = ["-noted_at"]


class AlertCreateView(generic.CreateView):
    """Starts in the site's default language (French)."""

    def get_initial_form_instance(self):
        instance = self.model()
        instance.locale = Locale.get_default()
        return instance


class AlertViewSet(ModelViewSet):
    model = Alert
    icon = "warning"
    menu_label = gettext_lazy("Alertes")
    url_prefix = "alertes"
    name = "news_alert"
    add_view_class = AlertCreateView
    list_display = ["text", "kind", "locale", "expires_at"]
    list_filter = ["locale"]
    copy_view_enabled = False
    ordering = ["-created_at"]


class UpdateCreateView(SignedCreateView):
    """The short "Ajouter une mise à jour" form: saving publishes the update, then
    the form comes back empty for the next one on the same live blog.
    """

    parent_param = parent_field = "page"
    parent_model = LiveBlogPage
    signer_field = "author"

    def get_success_message(self, instance):
        return _("Mise à jour publiée sur « %(title)s ».") % {
            "title": instance.page.title
        }

    def get_success_url(self):
        return self.get_add_url_for(self.object.page_id)

    def get_add_url_for(self, page_id: int) -> str:
        return reverse("news_liveupdate:add") + "?" + urlencode({"page": page_id})


class LiveUpdateViewSet(ModelViewSet):
    model = LiveUpdate
    icon = "time"
    menu_label = gettext_lazy("Mises à jour en direct")
    url_prefix = "direct"
    name = "news_liveupdate"
    add_view_class = UpdateCreateView
    list_display = ["__str__", "page", "posted_at", "pinned", "author"]
    list_filter = ["page", "pinned"]
    copy_view_enabled = False
    ordering = ["-posted_at"]


class LiveViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Direct et corrections")
    menu_icon = "warning"
    items = (LiveUpdateViewSet, AlertViewSet, CorrectionNoteViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return LiveViewSetGroup()


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    """Add "Ajouter une mise à jour" to a live blog's header and "Ajouter une
    correction" to an article's, for the users allowed to.
    """
    specific_class = page.specific_class
    if specific_class is LiveBlogPage and user.has_perm("news.add_liveupdate"):
        yield Button(
            _("Ajouter une mise à jour"),
            reverse("news_liveupdate:add") + "?" + urlencode({"page": page.pk}),
            icon_name="plus",
            priority=12,
        )
    if (
        specific_class is not None
        and issubclass(specific_class, ArticlePage)
        and user.has_perm("news.add_correctionnote")
    ):
        yield Button(
            _("Ajouter une correction"),
            reverse("news_correctionnote:add") + "?" + urlencode({"article": page.pk}),
            icon_name="warning",
            priority=13,
        )
