from django.urls import path

from govhall.devices import evaluator, kiosk, views

app_name = "devices"

urlpatterns = [
    path("setup/", views.setup, name="setup"),
    path("board/<str:center_code>/", views.board, name="board"),
    path("kiosk/", kiosk.home, name="kiosk"),
    path("kiosk/take/", kiosk.take, name="kiosk_take"),
    path("kiosk/tickets/<str:token>/", kiosk.ticket, name="kiosk_ticket"),
    path("kiosk/check-in/", kiosk.check_in, name="kiosk_checkin"),
    path("kiosk/progress/", kiosk.progress_lookup, name="kiosk_progress"),
    path("evaluator/", evaluator.page, name="evaluator"),
    path("evaluator/panel", evaluator.panel, name="evaluator_panel"),
    path("evaluator/rate", evaluator.rate, name="evaluator_rate"),
]
