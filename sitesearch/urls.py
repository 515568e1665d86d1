"""The site search page (mounted under the language prefix by the root URL map)."""

from django.urls import path

from sitesearch.views import site_search

app_name = "sitesearch"

urlpatterns = [
    path("search/", site_search, name="search"),
]
