"""Addresses of the corrections log, the alert endpoint and live blog endpoints."""

from django.urls import path

from . import feeds_live, views_live

urlpatterns = [
    path("corrections/", views_live.corrections_page, name="corrections"),
    path(
        "flux/corrections/rss/",
        feeds_live.CorrectionFeed(),
        name="feed_corrections_rss",
    ),
    path("alerte/<slug:language>.json", views_live.alert_json, name="alert_json"),
    path(
        "direct/<int:pk>/mises-a-jour.json",
        views_live.live_updates_json,
        name="live_updates_json",
    ),
    path("flux/direct/<int:pk>/rss/", feeds_live.LiveBlogFeed(), name="feed_live_rss"),
]
