"""A form renderer that writes Django's plain inputs and text areas in Python.

Every public page carries the comment and newsletter forms. Django renders each
widget through three small templates (the widget's, ``input.html`` and
``attrs.html``), about 0.3 ms per field; this renderer writes the same markup
directly for Django's own input and textarea templates, and hands every other
template (Wagtail's admin widgets, selects, checkboxes…) to Django's renderer.
``tests/core/test_forms.py`` checks the output is the templates' own, byte for byte.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

_WIDGETS = "django/forms/widgets/"
INPUT_TEMPLATES = frozenset(
    f"{_WIDGETS}{name}.html"
    for name in (
        "input",
        "text",
        "email",
        "url",
        "hidden",
        "number",
        "password",
        "search",
        "tel",
    )
)
TEXTAREA_TEMPLATE = f"{_WIDGETS}textarea.html"


def _attrs(attrs: dict) -> str:
    """``attrs.html``: `` name="value"``, a bare name for True, nothing for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(value)}"')
    return "".join(parts)


class FastFormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in INPUT_TEMPLATES:
            widget = context["widget"]
            value = widget["value"]
            value_attr = (
                "" if value is None else f' value="{conditional_escape(value)}"'
            )
            return mark_safe(
                f'<input type="{conditional_escape(widget["type"])}" '
                f'name="{conditional_escape(widget["name"])}"{value_attr}'
                f"{_attrs(widget['attrs'])}>"
            )
        if template_name == TEXTAREA_TEMPLATE:
            widget = context["widget"]
            value = conditional_escape(widget["value"]) if widget["value"] else ""
            return mark_safe(
                f'<textarea name="{conditional_escape(widget["name"])}"'
                f"{_attrs(widget['attrs'])}>\n{value}</textarea>"
            )
        return super().render(template_name, context, request=request)
