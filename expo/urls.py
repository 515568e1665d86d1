"""Public pages of the expo app (mounted under the language prefix)."""

from django.urls import include, path

from expo import views
from expo.programme import urls as programme_urls

app_name = "expo"

urlpatterns = [
    path("", views.home, name="home"),
    path("visit/", views.visit, name="visit"),
    path("programme/", include(programme_urls)),
]
