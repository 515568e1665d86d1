"""Public pages of the expo app (mounted under the language prefix)."""

from django.urls import include, path

from expo import views
from expo.programme import urls as programme_urls

app_name = "expo"

urlpatterns = [
    path("", views.home, name="home"),
    path("visit/", views.visit, name="visit"),
    path("save-the-date.ics", views.save_the_date_ics, name="save_the_date"),
    path("programme/", include(programme_urls)),
]
