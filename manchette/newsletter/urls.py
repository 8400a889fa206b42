from django.urls import path

from . import views

urlpatterns = [
    path("", views.signup_page, name="newsletter"),
    path("inscription/", views.signup, name="newsletter_signup"),
    path("confirmer/<str:token>/", views.confirm, name="newsletter_confirm"),
    path(
        "desinscription/<str:token>/", views.unsubscribe, name="newsletter_unsubscribe"
    ),
]
