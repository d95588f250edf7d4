from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from govhall.org.access import roles_of, staff_of


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "backoffice/home.html", {"profile": staff_of(request.user), "roles": roles_of(request.user)})
