from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from .models import Comment
from .spam import form_token, form_token_age, form_token_spend
from .text import (
    BIDI_CONTROLS,
    clean_body,
    clean_line,
    has_control_chars,
    has_visible_text,
)

BLOCKED_MESSAGE = _(
    "Votre commentaire n’a pas pu être enregistré. Patientez quelques secondes, "
    "puis envoyez-le de nouveau."
)
EXPIRED_MESSAGE = _(
    "Ce formulaire a expiré ou a déjà été envoyé. Votre texte est conservé "
    "ci-dessous : envoyez-le de nouveau."
)


class CommentForm(forms.Form):
    """The public comment form: comment, name, e-mail, website, plus two hidden
    spam traps (a honeypot field and a signed display time).
    """

    comment = forms.CharField(
        label=_("Commentaire"),
        max_length=settings.MANCHETTE_COMMENTS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 45}),
        error_messages={"required": _("Écrivez votre commentaire.")},
    )
    author = forms.CharField(
        label=_("Nom"),
        max_length=100,
        error_messages={"required": _("Indiquez votre nom.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        error_messages={
            "required": _("Indiquez votre adresse e-mail."),
            "invalid": _("Saisissez une adresse e-mail valide."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    url = forms.URLField(
        label=_("Site web"),
        max_length=300,
        required=False,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        error_messages={"invalid": _("Saisissez une adresse web valide (https://…).")},
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    # Honeypot: hidden from people, filled in by robots.
    telephone = forms.CharField(
        label=_("Ne remplissez pas ce champ"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    # The signed display time; the template writes a fresh one (``token``).
    jeton = forms.CharField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, article, client: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        # The page, and so its token, is shared by every reader of a cached copy:
        # a token is spent once per client address, not once for everyone.
        self.client = client
        # A fresh display time each time the form is shown, errors included.
        self.token = form_token(article.pk)

    def clean_comment(self):
        value = clean_body(self.cleaned_data["comment"])
        if not has_visible_text(value):
            raise forms.ValidationError(
                self.fields["comment"].error_messages["required"], code="required"
            )
        return value

    def clean_author(self):
        raw = self.cleaned_data["author"]
        if has_control_chars(raw):
            raise forms.ValidationError(
                _("Le nom doit tenir sur une ligne, sans caractère de contrôle."),
                code="control",
            )
        if any(char in BIDI_CONTROLS for char in raw):
            raise forms.ValidationError(
                _("Le nom contient des caractères invisibles non autorisés."),
                code="bidi",
            )
        value = clean_line(raw)
        if not has_visible_text(value):
            raise forms.ValidationError(
                self.fields["author"].error_messages["required"], code="required"
            )
        return value

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = (
            Comment.objects.filter(
                pk=parent_id, article=self.article, status=Comment.Status.APPROVED
            )
            .only("pk", "parent_id", "article_id")
            .first()
        )
        if parent is None:
            raise forms.ValidationError(
                _("Le commentaire auquel vous répondez n’est pas disponible."),
                code="parent",
            )
        # One level of replies: a reply to a reply joins its thread.
        return parent.parent_id or parent.pk

    def clean(self):
        cleaned_data = super().clean()
        if self.errors:
            return cleaned_data
        token = self.data.get("jeton", "")
        age = form_token_age(token, self.article.pk)
        if (
            cleaned_data.get("telephone")
            or age is None
            or age < settings.MANCHETTE_COMMENTS_MIN_SECONDS
        ):
            raise forms.ValidationError(BLOCKED_MESSAGE, code="blocked")
        lifetime = settings.MANCHETTE_COMMENTS_TOKEN_MAX_AGE
        if age > lifetime or not form_token_spend(
            token, client=self.client, lifetime=lifetime
        ):
            raise forms.ValidationError(EXPIRED_MESSAGE, code="expired")
        return cleaned_data
