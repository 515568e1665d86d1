"""Machine-facing programme exports, without a language prefix (`?lang=vi|en`, default vi)."""

from django.urls import path

from expo.programme import ical, schedule

urlpatterns = [
    path("programme.ics", ical.programme_ics, name="programme_ics"),
    path("programme/<slug:slug>.ics", ical.item_ics, name="programme_item_ics"),
    path("schedule.xml", schedule.schedule_xml_view, name="schedule_xml"),
    path("schedule.json", schedule.schedule_json, name="schedule_json"),
]
