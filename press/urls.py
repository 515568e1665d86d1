"""Press centre pages and the fact-sheet downloads (mounted under the language prefix).

Mounted before the catalogue: `exhibitors/<slug>/factsheet.pdf` belongs here.
"""

from django.urls import path

from press import feeds, views

app_name = "press"

urlpatterns = [
    path("factsheet.pdf", views.expo_factsheet, name="expo_factsheet"),
    path("exhibitors/<slug:slug>/factsheet.pdf", views.exhibitor_factsheet, name="exhibitor_factsheet"),
    path("exhibits/<slug:slug>/factsheet.pdf", views.exhibit_factsheet, name="exhibit_factsheet"),
    path("press/", views.index, name="index"),
    path("press/kit.zip", views.press_kit, name="kit"),
    path("press/photos/", views.photo_library, name="photos"),
    path("press/releases/<slug:slug>/", views.release_detail, name="release_detail"),
    path("press/releases/feed/rss/", feeds.ReleasesFeed(), name="feed_rss"),
    path("press/releases/feed/atom/", feeds.ReleasesAtomFeed(), name="feed_atom"),
    path("press/accreditation/", views.accreditation, name="accreditation"),
    path("press/accreditation/status/<str:token>/", views.accreditation_status, name="accreditation_status"),
]
