"""What a scheduled job is. The jobs themselves are declared once, in `feedback.jobs`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from importlib import import_module

from apscheduler.triggers.base import BaseTrigger


@dataclass(frozen=True)
class JobSpec:
    id: str
    # "module:function": the function takes no arguments, runs in an app context, leaves its
    # changes in the session for the runner to commit, and returns the rows it wrote.
    target: str
    trigger: BaseTrigger | None
    description: str
    # How long a run may hold the job's lock; a process killed mid-run frees it after this.
    lease: timedelta = field(default=timedelta(minutes=30))
    # Jobs that write the same tables share a lock, so they never run at once either.
    lock: str | None = None

    @property
    def lock_id(self) -> str:
        return self.lock or self.id

    def function(self) -> Callable[[], int]:
        module, _, name = self.target.partition(":")
        return getattr(import_module(module), name)

    @property
    def schedule(self) -> str:
        return describe_trigger(self.trigger)


def describe_trigger(trigger: BaseTrigger | None) -> str:
    """The schedule in words for the admin page."""
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger

    if trigger is None:
        return "Only when run by hand"
    if isinstance(trigger, IntervalTrigger):
        minutes = int(trigger.interval.total_seconds() // 60)
        if minutes < 1:
            return f"Every {int(trigger.interval.total_seconds())} seconds"
        if minutes == 1:
            return "Every minute"
        return f"Every {minutes} minutes" if minutes < 60 else f"Every {minutes // 60} hours"
    if isinstance(trigger, CronTrigger):
        fields = {f.name: str(f) for f in trigger.fields}
        if fields["hour"] != "*" and fields["minute"].isdigit():
            return f"Daily at {int(fields['hour']):02d}:{int(fields['minute']):02d}"
        if fields["minute"].isdigit():
            return f"Hourly at {int(fields['minute']):02d} minutes past"
    return str(trigger)
