from django.urls import path

from meetings import interview_views

app_name = "interviews"

urlpatterns = [
    path("press/media/interviews/", interview_views.interview_list, name="list"),
]
