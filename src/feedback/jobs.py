"""Every scheduled job, declared once: its id, what it runs and when (Europe/London).

The scheduler process (`flask --app wsgi scheduler run`) and the admins' jobs page both read
this list; web workers never start a scheduler.
"""

from __future__ import annotations

from datetime import timedelta

from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from feedback.scheduler.registry import JobSpec

TIMEZONE = "Europe/London"

JOBS: tuple[JobSpec, ...] = (
    JobSpec(
        "fft-summaries",
        "feedback.metrics.jobs:refresh_recent_days",
        IntervalTrigger(minutes=10, timezone=TIMEZONE),
        "FFT counts for today and yesterday, rolled up to every level and period",
    ),
    JobSpec(
        "fft-summaries-nightly",
        "feedback.metrics.jobs:refresh_last_five_weeks",
        CronTrigger(hour=2, minute=15, timezone=TIMEZONE),
        "FFT counts for the last five weeks, for paper forms and late eligible counts",
        lock="fft-summaries",
    ),
    JobSpec(
        "complaint-summaries",
        "feedback.complaints.summary:summarise_complaints",
        IntervalTrigger(minutes=15, timezone=TIMEZONE),
        "Complaint, PALS and compliment figures per month and organisation level",
    ),
    JobSpec(
        "prom-summaries",
        "feedback.prom.summary:summarise_prom",
        IntervalTrigger(minutes=15, timezone=TIMEZONE),
        "Care-plan PROM figures per ward, service, directorate and month: offered, accepted, "
        "completed, and the answers the targets judge",
    ),
    JobSpec(
        "targets",
        "feedback.targets.evaluate:evaluate_all_targets",
        CronTrigger(minute=40, timezone=TIMEZONE),
        "Red, amber or green for every priority target and period",
    ),
    JobSpec(
        "journey-sweep",
        "feedback.surveys.jobs:sweep_journeys",
        IntervalTrigger(hours=1, timezone=TIMEZONE),
        "Delete unfinished questionnaire answers older than the resume limit",
    ),
    JobSpec(
        "local-questionnaires",
        "feedback.local_surveys.publishing:scan_questionnaire_folder",
        IntervalTrigger(minutes=5, timezone=TIMEZONE),
        "Publish new or changed local questionnaires dropped into instance/questionnaires "
        "(a refused folder is listed with its message on the local surveys page)",
    ),
    JobSpec(
        "themes-tagging",
        "feedback.themes.jobs:collect_and_tag",
        IntervalTrigger(seconds=30, timezone=TIMEZONE),
        "New comments from every source: themes, sentiment and urgent flags",
        lease=timedelta(minutes=10),
    ),
    JobSpec(
        "themes-summaries",
        "feedback.themes.jobs:summarise_themes",
        IntervalTrigger(minutes=15, timezone=TIMEZONE),
        "Comments per theme, month and organisation level",
    ),
    JobSpec(
        "themes-retrain",
        "feedback.themes.jobs:retrain_when_enough_codings",
        IntervalTrigger(minutes=30, timezone=TIMEZONE),
        "A new theme model once the team has coded enough new comments (kept, not used, "
        "if it is worse than the active one)",
        lease=timedelta(hours=1),
    ),
    JobSpec(
        "early-warnings",
        "feedback.dashboard.warning_job:compute_early_warnings",
        CronTrigger(minute=50, timezone=TIMEZONE),
        "Statistical process control charts (Making Data Count) for every ward, service and "
        "directorate, and early warnings of special-cause concerns",
    ),
    JobSpec(
        "sms-invites",
        "feedback.sms.invites:send_waiting_invites",
        IntervalTrigger(minutes=5, timezone=TIMEZONE),
        "FFT texts to waiting invites, inside the daytime window (never to an opted-out or "
        "flagged number, or one invited in the last 30 days)",
    ),
    JobSpec(
        "sms-delivery",
        "feedback.sms.gateway:deliver_pending_sms_job",
        IntervalTrigger(minutes=1, timezone=TIMEZONE),
        "Send texts still waiting for GOV.UK Notify (retries after a failed send)",
        lease=timedelta(minutes=5),
    ),
    JobSpec(
        "sms-tidy",
        "feedback.sms.invites:tidy",
        IntervalTrigger(hours=1, timezone=TIMEZONE),
        "Close text conversations after 7 days and delete mobile numbers no longer needed",
    ),
    JobSpec(
        "email-delivery",
        "feedback.notifications.gateway:deliver_pending_emails_job",
        IntervalTrigger(minutes=1, timezone=TIMEZONE),
        "Send emails still waiting for GOV.UK Notify (retries after a failed send)",
        lease=timedelta(minutes=5),
    ),
    JobSpec(
        "retention",
        "feedback.retention.services:scheduled_run",
        CronTrigger(hour=3, minute=30, timezone=TIMEZONE),
        "Personal data past the retention periods: a dry run each night, removed only once "
        "the trust turns it on (RETENTION_APPLY)",
    ),
    JobSpec(
        "job-history",
        "feedback.scheduler.history:prune_job_runs",
        CronTrigger(hour=4, minute=10, timezone=TIMEZONE),
        "Trim this page's run history: skipped runs after 7 days, other runs after 400 days "
        "(each job's latest run and latest success stay)",
    ),
)

JOBS_BY_ID = {job.id: job for job in JOBS}
