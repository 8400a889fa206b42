"""Staff accounts: login throttling (django-axes) and TOTP two-factor
authentication for the Wagtail admin (django-otp)."""
