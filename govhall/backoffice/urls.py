from django.contrib.auth import views as auth_views
from django.urls import path

from govhall.backoffice.views import calendar, catalog, home, org, workbook

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
    path("catalog/<int:item_id>/stationing/", catalog.item_stationing, name="item_stationing"),
    path("catalog/<int:item_id>/versions/<int:number>/", catalog.version_detail, name="version"),
    path("calendar/", calendar.calendar_page, name="calendar"),
    path("calendar/load/", calendar.calendar_load, name="calendar_load"),
    path("calendar/day/", calendar.calendar_day, name="calendar_day"),
    path("org/departments/", org.departments, name="org_departments"),
    path("org/departments/new/", org.department_new, name="org_department_new"),
    path("org/departments/<int:department_id>/", org.department_edit, name="org_department"),
    path("org/departments/<int:department_id>/stationing/", org.department_stationing, name="org_stationing"),
    path("org/windows/", org.windows, name="org_windows"),
    path("org/windows/new/", org.window_new, name="org_window_new"),
    path("org/windows/<int:window_id>/", org.window_edit, name="org_window"),
    path("org/windows/<int:window_id>/active/", org.window_active, name="org_window_active"),
    path("org/staff/", org.staff, name="org_staff"),
    path("org/staff/new/", org.staff_new, name="org_staff_new"),
    path("org/staff/<int:profile_id>/", org.staff_edit, name="org_staff_member"),
    path("org/staff/<int:profile_id>/phone/", org.staff_phone, name="org_staff_phone"),
]
