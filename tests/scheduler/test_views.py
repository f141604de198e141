"""Admins see each job's runs and can run one now."""

from __future__ import annotations

from sqlalchemy import select

from feedback.auth.models import Role
from feedback.extensions import db
from feedback.scheduler.models import JobRun, RunStatus
from feedback.scheduler.registry import JobSpec
from feedback.scheduler.runner import run_under_lock
from tests.factories import make_user, sign_in


def test_admins_see_jobs_and_run_one_now(app, client) -> None:
    sign_in(client, make_user(Role.ADMIN))
    page = client.get("/admin/jobs/")
    assert page.status_code == 200
    assert "Delete unfinished questionnaire answers" in page.text and "Not run yet" in page.text
    ran = client.post("/admin/jobs/journey-sweep/run", follow_redirects=True)
    assert ran.status_code == 200 and "done, 0 rows written" in ran.text
    run = db.session.scalar(select(JobRun).where(JobRun.job_id == "journey-sweep"))
    assert run.status == RunStatus.SUCCEEDED and run.triggered_by.startswith("user")
    assert client.get("/admin/jobs/nope").status_code == 404


def test_a_failing_job_is_flagged_with_its_error(app, client) -> None:
    spec = JobSpec("targets", "feedback.targets.evaluate:evaluate_all_targets", None, "Targets")

    def broken() -> int:
        raise ValueError("eligible counts table is missing")

    run_under_lock(spec, broken, triggered_by="schedule")
    sign_in(client, make_user(Role.ADMIN))
    page = client.get("/admin/jobs/")
    assert "1 job is failing" in page.text and "Failed" in page.text
    detail = client.get("/admin/jobs/targets")
    assert "eligible counts table is missing" in detail.text


def test_only_admins_see_jobs(app, client) -> None:
    sign_in(client, make_user(Role.PX_TEAM))
    assert client.get("/admin/jobs/").status_code == 403
    assert client.post("/admin/jobs/journey-sweep/run").status_code == 403


def test_admins_are_told_when_no_scheduler_is_running(app, client) -> None:
    sign_in(client, make_user(Role.ADMIN))
    assert "The scheduler does not seem to be running" in client.get("/admin/jobs/").text
    run_under_lock(SPEC_EMAIL, lambda: 0, triggered_by="schedule")
    assert "The scheduler does not seem to be running" not in client.get("/admin/jobs/").text
    # A run started by hand says nothing about the scheduler process.
    db.session.query(JobRun).delete()
    db.session.commit()
    client.post("/admin/jobs/journey-sweep/run")
    assert "The scheduler does not seem to be running" in client.get("/admin/jobs/").text


SPEC_EMAIL = JobSpec("email-delivery", "feedback.jobs:JOBS", None, "Email")
