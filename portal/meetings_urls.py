from django.urls import path

from portal import meetings_views

urlpatterns = [
    path("exhibitor/meetings/", meetings_views.meeting_list, name="meetings"),
    path("exhibitor/meetings/request/", meetings_views.meeting_request, name="meeting_request"),
    path("exhibitor/meetings/<int:pk>/withdraw/", meetings_views.withdraw, name="meeting_withdraw"),
    path("exhibitor/meetings/schedule.pdf", meetings_views.schedule, name="meeting_schedule"),
]
