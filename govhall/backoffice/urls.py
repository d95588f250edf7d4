from django.contrib.auth import views as auth_views
from django.urls import path

from govhall.backoffice.views import calendar, catalog, home, workbook

app_name = "backoffice"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="backoffice/login.html", redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", home.home, name="home"),
    path("catalog/", catalog.catalog_list, name="catalog"),
    path("catalog/new/", catalog.item_new, name="item_new"),
    path("catalog/excel/", workbook.excel_page, name="excel"),
    path("catalog/excel/download/", workbook.excel_download, name="excel_download"),
    path("catalog/<int:item_id>/", catalog.item_detail, name="item"),
    path("catalog/<int:item_id>/edit/", catalog.item_edit, name="item_edit"),
    path("catalog/<int:item_id>/compare/", catalog.compare, name="compare"),
    path("catalog/<int:item_id>/publish/", catalog.item_publish, name="item_publish"),
    path("catalog/<int:item_id>/discard/", catalog.item_discard, name="item_discard"),
    path("catalog/<int:item_id>/status/", catalog.item_status, name="item_status"),
    path("catalog/<int:item_id>/versions/<int:number>/", catalog.version_detail, name="version"),
    path("calendar/", calendar.calendar_page, name="calendar"),
    path("calendar/load/", calendar.calendar_load, name="calendar_load"),
    path("calendar/day/", calendar.calendar_day, name="calendar_day"),
]
