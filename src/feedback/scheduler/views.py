"""Admins: each job's schedule and latest runs, and a button to run one now."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.db import as_utc, utc_now
from feedback.jobs import JOBS, JOBS_BY_ID
from feedback.scheduler.models import RunStatus
from feedback.scheduler.runner import job_states, last_scheduled_run, recent_runs, run_job

bp = restricted_to(Blueprint("jobs", __name__, url_prefix="/admin/jobs"), [Role.ADMIN])


STATUS_TAGS = {
    RunStatus.RUNNING: ("Running", "nhsuk-tag--blue"),
    RunStatus.SUCCEEDED: ("Succeeded", "nhsuk-tag--green"),
    RunStatus.FAILED: ("Failed", "nhsuk-tag--red"),
    RunStatus.SKIPPED: ("Skipped", "nhsuk-tag--grey"),
    RunStatus.INTERRUPTED: ("Interrupted", "nhsuk-tag--orange"),
}


@bp.app_template_global("run_status_tag")
def _run_status_tag(status: RunStatus) -> tuple[str, str]:
    return STATUS_TAGS[status]


# The email job runs every minute: with no scheduled run for this long, no scheduler is up.
SCHEDULER_SILENT_AFTER = timedelta(minutes=15)


@bp.get("/")
def list_jobs() -> ResponseReturnValue:
    last = last_scheduled_run()
    silent = last is None or utc_now() - as_utc(last.started_at) > SCHEDULER_SILENT_AFTER
    return render_template(
        "scheduler/jobs.html", states=job_states(JOBS), last_scheduled=last, silent=silent
    )


@bp.get("/<job_id>")
def show_job(job_id: str) -> ResponseReturnValue:
    spec = JOBS_BY_ID.get(job_id) or abort(404)
    return render_template("scheduler/job.html", spec=spec, runs=recent_runs(job_id))


@bp.post("/<job_id>/run")
def run_now(job_id: str) -> ResponseReturnValue:
    # Runs here rather than in the scheduler so the admin sees the outcome at once; the job's
    # lock still keeps it from overlapping a scheduled run.
    spec = JOBS_BY_ID.get(job_id) or abort(404)
    result = run_job(spec, triggered_by=current_user.email)
    if result.status == RunStatus.SUCCEEDED:
        flash(f"{spec.description}: done, {result.rows_written} rows written.")
    elif result.status == RunStatus.SKIPPED:
        flash(f"{spec.description}: already running in another process, so not run again.")
    else:
        flash(f"{spec.description}: the run failed. The error is shown below.")
    return redirect(url_for(".show_job", job_id=spec.id))
