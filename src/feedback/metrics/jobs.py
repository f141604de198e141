"""The metrics jobs the scheduler runs (declared in `feedback.jobs`)."""

from __future__ import annotations

from datetime import timedelta

from feedback.db import trust_today
from feedback.metrics.compute import recompute_range

FFT_SUMMARIES_JOB = "fft-summaries"


def refresh_recent_days() -> int:
    """Today and yesterday, so the dashboards are never more than a few minutes behind."""
    today = trust_today()
    return recompute_range(today - timedelta(days=1), today)


def refresh_last_five_weeks() -> int:
    """Nightly: paper forms and late imports land in the recent past, not only today."""
    today = trust_today()
    return recompute_range(today - timedelta(days=35), today)
