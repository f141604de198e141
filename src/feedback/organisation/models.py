from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, DateTime, ForeignKey, String, event, insert
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.db import Base, TimestampMixin, enum_column


class LocationKind(StrEnum):
    WARD = "ward"
    UNIT = "unit"
    COMMUNITY_TEAM = "community_team"


class CareSetting(StrEnum):
    """NHS England's FFT settings: the monthly return is made per setting."""

    INPATIENT = "inpatient"
    COMMUNITY = "community"
    MENTAL_HEALTH = "mental_health"


class Trust(Base, TimestampMixin):
    __tablename__ = "trust"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class Directorate(Base, TimestampMixin):
    __tablename__ = "directorate"

    id: Mapped[int] = mapped_column(primary_key=True)
    trust_id: Mapped[int] = mapped_column(ForeignKey("trust.id"))
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))

    services: Mapped[list[Service]] = relationship(back_populates="directorate")


class Service(Base, TimestampMixin):
    __tablename__ = "service"

    id: Mapped[int] = mapped_column(primary_key=True)
    directorate_id: Mapped[int] = mapped_column(ForeignKey("directorate.id"))
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Retired services keep their responses and history; they just take no new feedback.
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    directorate: Mapped[Directorate] = relationship(back_populates="services")
    locations: Mapped[list[Location]] = relationship(
        back_populates="service", order_by="Location.name"
    )

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class Location(Base, TimestampMixin):
    __tablename__ = "location"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"), index=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[LocationKind] = mapped_column(enum_column(LocationKind))
    setting: Mapped[CareSetting] = mapped_column(enum_column(CareSetting))
    # The NHS England monthly return: inpatient wards are reported by site and ward; mental
    # health and community by NHS England's service grouping (e.g. "District nursing").
    site_code: Mapped[str | None] = mapped_column(String(20))
    return_grouping: Mapped[str | None] = mapped_column(String(100))
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    service: Mapped[Service] = relationship(back_populates="locations")

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None

    @property
    def is_inpatient(self) -> bool:
        return self.setting == CareSetting.INPATIENT


class ServiceDirectorate(Base):
    """Which directorate a service belonged to, and from when. A past period counts the
    service under the directorate it was in then, so history survives a reorganisation."""

    __tablename__ = "service_directorate"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"), index=True)
    directorate_id: Mapped[int] = mapped_column(ForeignKey("directorate.id"))
    valid_from: Mapped[date | None] = mapped_column(Date)  # None: since before any record
    valid_to: Mapped[date | None] = mapped_column(Date)  # exclusive; None: still there

    directorate: Mapped[Directorate] = relationship()


@event.listens_for(Service, "after_insert")
def _start_history(_mapper: object, connection: object, service: Service) -> None:
    # However a service is made (admin page, demo, tests), its history starts with it.
    connection.execute(  # type: ignore[attr-defined]
        insert(ServiceDirectorate).values(
            service_id=service.id, directorate_id=service.directorate_id
        )
    )
