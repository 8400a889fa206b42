from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        max_length=254,
        error_messages={
            "required": _("Indiquez votre adresse e-mail."),
            "invalid": _("Cette adresse e-mail n’est pas valide."),
            "max_length": _("Cette adresse e-mail est trop longue."),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "J’accepte de recevoir la newsletter quotidienne ; je peux me désinscrire à tout moment."
        ),
        error_messages={
            "required": _("Cochez la case pour donner votre accord."),
        },
    )

    # The brief's language; default: the edition the reader signs up from.
    language = forms.ChoiceField(
        label=_("Langue du brief"),
        required=False,
        choices=lambda: settings.LANGUAGES,
        error_messages={"invalid_choice": _("Choisissez une langue proposée.")},
    )

    def clean_language(self):
        language = self.cleaned_data.get("language")
        if language:
            return language
        current = get_language()
        codes = [code for code, _ in settings.LANGUAGES]
        return current if current in codes else settings.LANGUAGE_CODE

    def clean_email(self):
        email = self.cleaned_data["email"]
        # EmailValidator already refuses these; said again because a header
        # injection must never reach a message.
        if any(char in email for char in "\r\n,;<>\"'"):
            raise forms.ValidationError(_("Cette adresse e-mail n’est pas valide."))
        return email
