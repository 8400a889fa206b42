"""Second-factor pages of the admin: enrol a TOTP app, then enter its codes."""

from base64 import b32encode

import segno
from django import forms
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from django_otp import devices_for_user
from django_otp import login as otp_login
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .two_factor import has_device, totp_confirm, totp_device_pending


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


class EnrolView(WagtailAdminTemplateMixin, FormView):
    page_title = gettext_lazy("Activer la double authentification")
    header_icon = "key"
    template_name = "staff/enrol.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if has_device(request.user) and not request.user.is_verified():
            return redirect(reverse("staff_2fa_verify") + "?" + request.GET.urlencode())
        self.device = totp_device_pending(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        qr = segno.make(self.device.config_url, error="m")
        context.update(
            secret=b32encode(self.device.bin_key).decode(),
            qr_svg=mark_safe(qr.svg_inline(scale=4, dark="#000", light="#fff")),
            next=_next_url(self.request),
        )
        return context

    def form_valid(self, form):
        if not self.device.verify_token(form.cleaned_data["code"]):
            form.add_error(
                "code",
                _(
                    "Code incorrect. Vérifiez que l’heure de votre téléphone est "
                    "juste et saisissez le code affiché maintenant."
                ),
            )
            return self.form_invalid(form)
        codes = totp_confirm(self.device)
        otp_login(self.request, self.device)
        return self.response_class(
            request=self.request,
            template="staff/recovery_codes.html",
            context={
                **self.get_context_data(form=form),
                "codes": codes,
                "page_title": _("Codes de secours"),
            },
        )


class VerifyView(WagtailAdminTemplateMixin, FormView):
    page_title = gettext_lazy("Double authentification")
    header_icon = "key"
    template_name = "staff/verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if not has_device(request.user):
            return redirect(reverse("staff_2fa_enrol") + "?" + request.GET.urlencode())
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": _next_url(self.request)}

    def form_valid(self, form):
        code = form.cleaned_data["code"]
        # for_verify locks the devices (select_for_update) while a code is
        # checked, so that one code cannot be used twice at once.
        with transaction.atomic():
            for device in devices_for_user(self.request.user, for_verify=True):
                if device.verify_token(code):
                    otp_login(self.request, device)
                    return redirect(_next_url(self.request))
        form.add_error(
            "code",
            _(
                "Code refusé. Saisissez le code à six chiffres de votre application "
                "ou l’un de vos codes de secours (patientez quelques secondes après "
                "plusieurs erreurs)."
            ),
        )
        return self.form_invalid(form)
