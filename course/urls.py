from django.urls import path

from course import views

app_name = "course"

urlpatterns = [
    path("start/", views.start, name="start"),
    path("start/code/", views.code_issued, name="code_issued"),
    path("resume/", views.resume, name="resume"),
    path("my-progress/", views.my_progress, name="my_progress"),
    path("my-progress/forget/", views.forget, name="forget"),
    path("progress/complete/", views.complete_lesson, name="complete_lesson"),
    path("progress/choose/", views.choose_option, name="choose_option"),
    path("progress/reflect/", views.save_reflection, name="save_reflection"),
]
