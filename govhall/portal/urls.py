from django.urls import path
from django.views.generic import RedirectView

from govhall.portal import appointments, rating, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("guides/", RedirectView.as_view(pattern_name="portal:home", permanent=False)),
    path("guides/search", views.search, name="search"),
    path("guides/search/", views.search),
    path("guides/departments/", views.departments, name="departments"),
    path("guides/departments/<str:code>/", views.department, name="department"),
    path("guides/themes/<str:code>/", views.theme, name="theme"),
    path("guides/person/", views.audience_guides, {"audience": "person"}, name="person"),
    path("guides/enterprise/", views.audience_guides, {"audience": "enterprise"}, name="enterprise"),
    path("guides/<str:code>/", views.guide, name="guide"),
    path("guides/<str:code>/v<id:number>/", views.guide, name="guide_version"),
    path("verify/<str:token>/", views.verify_notice, name="verify"),
    path("appointments/", appointments.categories, name="appointments"),
    path("appointments/cancel/", appointments.cancel, name="appointment_cancel"),
    path("appointments/booked/<str:token>/", appointments.booked, name="appointment_booked"),
    path("appointments/<id:category_id>/", appointments.category_days, name="appointment_days"),
    path("appointments/<id:category_id>/slots/<id:slot_id>/", appointments.book, name="appointment_book"),
    path("rate/", rating.rate, name="rate"),
]
