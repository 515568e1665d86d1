"""The profile and exhibits pages of the portal (proposals for the editors' review)."""

from django.urls import path

from portal import proposals_views as views

urlpatterns = [
    path("exhibitor/profile/", views.profile, name="profile"),
    path("exhibitor/exhibits/", views.exhibits, name="exhibits"),
    path("exhibitor/exhibits/new/", views.new_exhibit, name="new_exhibit"),
    path("exhibitor/exhibits/<int:product_id>/", views.exhibit, name="exhibit"),
    path("exhibitor/exhibits/proposed/<int:pk>/", views.proposed_exhibit, name="proposed_exhibit"),
    path("exhibitor/proposals/<int:pk>/withdraw/", views.withdraw, name="withdraw_proposal"),
    path("exhibitor/proposals/files/<int:file_id>/", views.proposal_file, name="proposal_file"),
]
