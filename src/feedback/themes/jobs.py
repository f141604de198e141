"""The themes engine's scheduled work (declared in feedback.jobs)."""

from __future__ import annotations

from feedback.themes.summary import summarise_themes
from feedback.themes.tagging import collect_and_tag
from feedback.themes.training import retrain_when_enough_codings

__all__ = ["collect_and_tag", "retrain_when_enough_codings", "summarise_themes"]
