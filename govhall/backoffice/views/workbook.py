"""The catalog workbook page: download every item as Excel, check or import a filled-in workbook."""

from __future__ import annotations

import io

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header

from govhall.backoffice.decorators import staff_page
from govhall.backoffice.forms import WorkbookImportForm
from govhall.catalog.access import require_catalog_manager
from govhall.catalog.workbook import ImportReport, export_workbook, import_workbook
from govhall.core.errors import DomainError, Problem, ValidationFailed

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@staff_page
def excel_page(request: HttpRequest) -> HttpResponse:
    actor = require_catalog_manager(request.user, request)
    form = WorkbookImportForm()
    report: ImportReport | None = None
    problems: list[Problem] = []
    dry_run = False
    if request.method == "POST":
        form = WorkbookImportForm(request.POST, request.FILES)
        if form.is_valid():
            dry_run = form.cleaned_data["dry_run"]
            try:
                report = import_workbook(
                    form.cleaned_data["workbook"], actor=actor, dry_run=dry_run, publish=form.publish_choice()
                )
            except ValidationFailed as failed:
                problems = failed.problems
            except DomainError as error:
                form.add_error("workbook", error.message)
    return render(
        request,
        "backoffice/excel.html",
        {"form": form, "report": report, "problems": problems, "dry_run": dry_run},
    )


@staff_page
def excel_download(request: HttpRequest) -> HttpResponse:
    require_catalog_manager(request.user, request)
    buffer = io.BytesIO()
    export_workbook(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    filename = f"政务服务事项目录-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response
