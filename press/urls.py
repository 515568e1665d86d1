"""Press centre pages and the fact-sheet downloads (mounted under the language prefix).

Mounted before the catalogue: `exhibitors/<slug>/factsheet.pdf` belongs here.
"""

from django.urls import path

from press import feeds, media_photos, media_views, views

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
    # The accredited journalists' area (press/media_views.py): all of it behind the e-mailed sign-in.
    path("press/media/", media_views.home, name="media_home"),
    path("press/media/sign-in/", media_views.sign_in, name="media_sign_in"),
    path("press/media/sign-in/<str:key>/", media_views.redeem, name="media_redeem"),
    path("press/media/sign-out/", media_views.sign_out, name="media_sign_out"),
    path("press/media/releases/<slug:slug>/", media_views.release, name="media_release"),
    path("press/media/releases/<slug:slug>/release.pdf", media_views.release_pdf, name="media_release_pdf"),
    path("press/media/conferences/<int:pk>/register/", media_views.conference_register, name="media_register"),
    path("press/media/conferences/<int:pk>/give-back/", media_views.conference_give_back, name="media_give_back"),
    path("press/media/photos/", media_photos.library, name="media_photos"),
    path("press/media/photos/photos.zip", media_photos.download, name="media_photos_zip"),
    path("press/media/photos/<str:kind>-<int:pk>/file", media_photos.photo_file, name="media_photo_file"),
    path("press/media/videos/", media_views.videos, name="media_videos"),
    path("press/media/videos/<int:pk>/file", media_views.video_file, name="media_video_file"),
]
