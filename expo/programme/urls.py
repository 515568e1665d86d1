"""Programme pages, mounted at /<lang>/programme/ inside the expo namespace (expo/urls.py)."""

from django.urls import path

from expo.programme import feeds, views

urlpatterns = [
    path("", views.programme, name="programme"),
    path("changes/", views.programme_changes, name="programme_changes"),
    path("changes/feed/", feeds.ProgrammeChangesFeed(), name="programme_changes_feed"),
    path("programme.pdf", views.programme_pdf, name="programme_pdf"),
    path("<slug:slug>/", views.programme_item, name="programme_item"),
]
