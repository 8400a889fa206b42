"""Admin listing of what the WordPress import created, with its "to check" flag."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import WxrObject


class WxrObjectViewSet(ModelViewSet):
    """Imported WordPress objects; filter on « En bref » à relire to find the
    articles whose summary was derived from their body, then untick the flag."""

    model = WxrObject
    icon = "download"
    menu_label = _("Imports WordPress")
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["wp_id", "kind", "target_title", "summary_derived", "imported_at"]
    list_filter = ["kind", "summary_derived", "source"]
    search_fields = ["wp_id"]
    form_fields = ["summary_derived"]


@hooks.register("register_admin_viewset")
def register_wxr_object_viewset():
    return WxrObjectViewSet("wxr_objects")
