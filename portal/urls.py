from django.urls import path

from portal import access_urls, declarations_urls, meetings_urls, proposals_urls, team_urls, views

app_name = "portal"

urlpatterns = [
    path("exhibitor/", views.home, name="home"),
    path("exhibitor/sign-in/", views.sign_in, name="sign_in"),
    path("exhibitor/sign-out/", views.sign_out, name="sign_out"),
]
urlpatterns += access_urls.urlpatterns
urlpatterns += meetings_urls.urlpatterns
urlpatterns += declarations_urls.urlpatterns
urlpatterns += proposals_urls.urlpatterns
urlpatterns += team_urls.urlpatterns
