"""Who must use a second factor, and the devices behind it (django-otp)."""

from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Manchette"


def two_factor_required(user) -> bool:
    """True when ``user`` must have a confirmed device to use the admin."""
    required = settings.MANCHETTE_2FA_REQUIRED_GROUPS
    if not required or not user.is_authenticated:
        return False
    if user.is_superuser and "superusers" in required:
        return True
    return user.groups.filter(name__in=required).exists()


def has_device(user) -> bool:
    return user_has_device(user, confirmed=True)


def totp_device_pending(user) -> TOTPDevice:
    """Return the user's unconfirmed TOTP device, made once per enrolment."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


@transaction.atomic
def totp_confirm(device: TOTPDevice) -> list[str]:
    """Confirm ``device`` and return fresh recovery codes (replacing old ones)."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    StaticDevice.objects.filter(user=device.user).delete()
    recovery = StaticDevice.objects.create(
        user=device.user, name="Codes de secours", confirmed=True
    )
    codes = [
        StaticToken.random_token() for _ in range(settings.MANCHETTE_2FA_RECOVERY_CODES)
    ]
    StaticToken.objects.bulk_create(
        [StaticToken(device=recovery, token=code) for code in codes]
    )
    return codes


def devices_reset(user) -> int:
    """Delete every device of ``user`` (a lost phone); return how many."""
    count = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        count += 1
    return count
