from django.urls import path

from portal import access_urls, views

app_name = "portal"

urlpatterns = [
    path("exhibitor/", views.home, name="home"),
    path("exhibitor/sign-in/", views.sign_in, name="sign_in"),
    path("exhibitor/sign-out/", views.sign_out, name="sign_out"),
]
urlpatterns += access_urls.urlpatterns
