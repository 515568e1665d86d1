from django.urls import path

from tickets import checkin, views

app_name = "tickets"

urlpatterns = [
    path("register/", views.register, name="register"),
    path("register/trade/", views.register_trade, name="register_trade"),
    path("register/sent/<str:kind>/", views.sent, name="sent"),
    path("register/t/<str:key>/", views.manage, name="manage"),
    path("register/t/<str:key>/ticket.pdf", views.ticket_pdf, name="ticket_pdf"),
    path("checkin/", checkin.page, name="checkin"),
    path("checkin/bundle.json", checkin.bundle, name="checkin_bundle"),
    path("checkin/scans/", checkin.scans, name="checkin_scans"),
    path("checkin/lookup/", checkin.lookup, name="checkin_lookup"),
    path("checkin/photo/<str:pass_id>/", checkin.photo, name="checkin_photo"),
    path("checkin/photo/<str:kind>/<str:pass_id>/", checkin.badge_photo, name="checkin_badge_photo"),
]
