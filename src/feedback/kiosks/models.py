from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.db import Base, TimestampMixin
from feedback.organisation.models import Location


class Kiosk(Base, TimestampMixin):
    __tablename__ = "kiosk"

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"), index=True)
    label: Mapped[str] = mapped_column(String(100))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    location: Mapped[Location] = relationship()

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
