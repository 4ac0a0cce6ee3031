from django.urls import path

from safety import views

app_name = "safety"

urlpatterns = [
    path("help/", views.help_lines, name="help"),
    path("help/is-it-safe/", views.safety_check, name="check"),
    path("help/using-samspel-safely/", views.using_safely, name="using_safely"),
]
