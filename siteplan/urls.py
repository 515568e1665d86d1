"""Public map pages (mounted under the language prefix)."""

from django.urls import path

from siteplan import views

app_name = "siteplan"

urlpatterns = [
    path("map/", views.map_page, name="map"),
    path("map/plan.pdf", views.plan_pdf, name="plan_pdf"),
    path("map/stands/<str:code>.pdf", views.stand_card, name="stand_card"),
]
