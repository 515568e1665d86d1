"""Public pages of the expo app (mounted under the language prefix)."""

from django.urls import include, path

from expo import live, views

app_name = "expo"

urlpatterns = [
    path("", views.home, name="home"),
    path("visit/", views.visit, name="visit"),
    path("live/", live.live_board, name="live"),
    path("programme/", include("expo.programme.urls")),
]
