"""Public catalogue pages (mounted under the language prefix)."""

from django.urls import path

from exhibitors import views

app_name = "exhibitors"

urlpatterns = [
    path("exhibitors/", views.exhibitor_list, name="exhibitor_list"),
    path("exhibitors/<slug:slug>/", views.exhibitor_detail, name="exhibitor_detail"),
    path("exhibits/", views.product_list, name="product_list"),
    path("exhibits/<slug:slug>/", views.product_detail, name="product_detail"),
]
