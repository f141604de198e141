"""What a complaint or PALS concern tells the themes engine: its account of what happened."""

from __future__ import annotations

from sqlalchemy import Select, literal, null, select

from feedback.complaints.models import Complaint
from feedback.themes.sources import REREAD_IDS, SeenUpTo


def complaint_comments(seen_up_to: SeenUpTo) -> list[Select]:
    """Every case's "what happened", as the source `complaint` (see feedback.themes.sources)."""
    return [
        select(
            literal("complaint").label("source"),
            Complaint.id.label("source_id"),
            Complaint.reference.label("source_ref"),
            Complaint.what_happened.label("text"),
            literal("What happened?").label("question"),
            null().label("rating"),
            Complaint.language.label("language"),
            null().label("location_id"),
            Complaint.service_id.label("service_id"),
            Complaint.received_on.label("received_on"),
        )
        .where(Complaint.id > seen_up_to("complaint") - REREAD_IDS)
        .order_by(Complaint.id)
    ]
