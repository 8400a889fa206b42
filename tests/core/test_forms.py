"""The fast form renderer writes exactly what Django's widget templates write."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from manchette.comments.forms import CommentForm
from manchette.core.forms import FastFormRenderer
from manchette.newsletter.forms import SignupForm
from tests.factories import ArticlePageFactory

TRICKY = "a <b> & \"c\" 'd' é"


class EveryInput(forms.Form):
    text = forms.CharField(widget=forms.TextInput(attrs={"placeholder": TRICKY}))
    email = forms.EmailField(widget=forms.EmailInput(attrs={"autofocus": True}))
    url = forms.URLField(
        assume_scheme="https",
        widget=forms.URLInput(attrs={"hidden": False, "size": 40}),
    )
    number = forms.IntegerField(widget=forms.NumberInput(attrs={"step": 0.5}))
    password = forms.CharField(widget=forms.PasswordInput(render_value=True))
    search = forms.CharField(widget=forms.TextInput(attrs={"type": "search"}))
    hidden = forms.CharField(widget=forms.HiddenInput)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "data-x": TRICKY}))
    choice = forms.ChoiceField(choices=[("a", TRICKY), ("b", "B")])  # Django's own.
    agree = forms.BooleanField(required=False)  # Django's own.


def both(form_class, *args, **kwargs):
    fast = form_class(*args, renderer=FastFormRenderer(), **kwargs)
    django = form_class(*args, renderer=DjangoTemplates(), **kwargs)
    return fast, django


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {
            "text": TRICKY,
            "email": "pas une adresse",
            "url": "javascript:alert(1)",
            "number": "3",
            "password": TRICKY,
            "search": "",
            "hidden": mark_safe("<i>déjà sûr</i>"),
            "notes": f"{TRICKY}\nligne </textarea><script>",
            "choice": "a",
            "agree": "on",
        },
    ],
)
def test_every_field_renders_as_with_the_templates(data):
    fast, django = both(EveryInput, data)
    assert fast.is_bound == (data is not None)
    for name in EveryInput.base_fields:
        assert str(fast[name]) == str(django[name]), name
    assert str(fast) == str(django)


@pytest.mark.django_db
def test_the_public_forms_render_as_with_the_templates():
    article = ArticlePageFactory()
    data = {"comment": "<b>Bonjour</b>", "author": "", "email": "x@", "parent": "2"}
    for form_class, kwargs in (
        (CommentForm, {"article": article}),
        (SignupForm, {}),
    ):
        for args in ((), (data,)):
            fast, django = both(form_class, *args, **kwargs)
            for name in form_class.base_fields:
                assert str(fast[name]) == str(django[name]), name


def test_an_unknown_template_goes_to_django():
    html = FastFormRenderer().render(
        "django/forms/widgets/checkbox.html",
        {
            "widget": {
                "name": "agree",
                "type": "checkbox",
                "value": None,
                "attrs": {"checked": True},
                "template_name": "django/forms/widgets/checkbox.html",
            }
        },
    )
    assert html == '<input type="checkbox" name="agree" checked>'
