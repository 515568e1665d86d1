"""My visit, under the language prefix."""

from django.urls import path

from companion import views

app_name = "companion"

urlpatterns = [
    path("my/", views.my_visit, name="my"),
    path("my/list/", views.my_list, name="my_list"),
    path("my/plan.pdf", views.my_pdf, name="my_pdf"),
]
