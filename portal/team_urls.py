from django.urls import path

from portal import team_views

urlpatterns = [
    path("exhibitor/team/", team_views.team, name="team"),
    path("exhibitor/team/add/", team_views.add, name="team_add"),
    path("exhibitor/team/<int:pk>/", team_views.change, name="team_change"),
    path("exhibitor/team/<int:pk>/remove/", team_views.remove, name="team_remove"),
    path("exhibitor/team/<int:pk>/photo/", team_views.photo, name="team_photo"),
]
