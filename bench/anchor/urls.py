from django.urls import path

from bench.anchor import views

urlpatterns = [path("constant", views.constant), path("rows/", views.rows)]
