"""The installable app at the root scope, and the list's calendar (no language prefix)."""

from django.urls import path

from companion import shell, views

urlpatterns = [
    path("manifest.webmanifest", shell.manifest, name="manifest"),
    path("sw.js", shell.service_worker, name="service_worker"),
    path("icons/<int:size>.png", shell.icon, name="app_icon"),
    path("my.ics", views.my_ics, name="my_ics"),
]
