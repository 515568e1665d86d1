from django.urls import path

from portal import access_views, contacts_views

urlpatterns = [
    path("exhibitor/welcome/<str:key>/", access_views.welcome, name="welcome"),
    path("exhibitor/sign-in/link/", access_views.link_request, name="link_request"),
    path("exhibitor/sign-in/link/<str:key>/", access_views.link_sign_in, name="link_sign_in"),
    path("exhibitor/sign-in/code/", access_views.code, name="code"),
    path("exhibitor/security/", access_views.security, name="security"),
    path("exhibitor/contacts/", contacts_views.contacts, name="contacts"),
    path("exhibitor/contacts/<int:contact_id>/remove/", contacts_views.remove, name="contact_remove"),
    path("exhibitor/contacts/<int:contact_id>/main/", contacts_views.make_main, name="contact_main"),
]
