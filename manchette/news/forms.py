"""Reader-facing forms of the news pages."""

from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .selectors import locale_id_for, section_list


class SearchForm(forms.Form):
    """The reader search: words, and optionally a section and a date range.

    The words are never rejected (a 10 KB paste is cut, not refused); only the
    filters can be invalid.
    """

    q = forms.CharField(label=_("Rechercher"), required=False, strip=True)
    rubrique = forms.ChoiceField(label=_("Rubrique"), required=False)
    du = forms.DateField(
        label=_("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    au = forms.DateField(
        label=_("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A NUL character is dropped from the words, not refused.
        self.fields["q"].validators = []
        locale_id = locale_id_for(get_language())
        self.sections = {
            section.slug: section for section in section_list(locale_id=locale_id)
        }
        self.fields["rubrique"].choices = [
            ("", _("Toutes les rubriques")),
            *((slug, section.title) for slug, section in self.sections.items()),
        ]
        self.fields["rubrique"].error_messages["invalid_choice"] = _(
            "Cette rubrique n’existe pas."
        )
        for name in ("du", "au"):
            self.fields[name].error_messages["invalid"] = _(
                "Saisissez une date valide (jj/mm/aaaa)."
            )

    def clean_q(self):
        return self.cleaned_data["q"].replace("\x00", "")

    def clean(self):
        cleaned_data = super().clean()
        since, until = cleaned_data.get("du"), cleaned_data.get("au")
        if since and until and since > until:
            self.add_error("au", _("La date de fin précède la date de début."))
        for name in ("du", "au"):
            day = cleaned_data.get(name)
            if day and not (1900 <= day.year <= 9998):
                self.add_error(name, _("Saisissez une date valide (jj/mm/aaaa)."))
        return cleaned_data

    @property
    def section(self):
        return self.sections.get(self.cleaned_data.get("rubrique") or "")

    def _start_of(self, day):
        return timezone.make_aware(datetime.combine(day, time.min))

    @property
    def since(self):
        day = self.cleaned_data.get("du")
        return self._start_of(day) if day else None

    @property
    def until(self):
        day = self.cleaned_data.get("au")
        return self._start_of(day + timedelta(days=1)) if day else None
