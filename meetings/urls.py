"""Public results pages (mounted under the language prefix)."""

from django.urls import path

from meetings import feeds, views

app_name = "meetings"

urlpatterns = [
    path("results/", views.results_page, name="results"),
    path("results/briefing.pdf", views.briefing_pdf, name="briefing"),
    path("results/feed/", feeds.ResultsFeed(), name="feed"),
]
