"""Where a journey is answered from: the channel decides the questionnaire and NHS England's mode.

A link or QR code used at home (/feedback/<location_code>) and a ward tablet (/kiosk/<token>)
run the FFT for one ward or team; /forms/<questionnaire_id> runs a questionnaire that is not
about one place; /forms/<questionnaire_id>/at/<location_code> another about one ward or team.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from flask import current_app
from sqlalchemy import Select, bindparam

from feedback.extensions import db
from feedback.kiosks.services import get_active_kiosk
from feedback.organisation.models import Location
from feedback.organisation.services import open_location_query
from feedback.surveys.models import Journey, ResponseMode
from feedback.surveys.schema import SchemaError, load_questionnaire

LOCATION_QUESTIONNAIRE = "fft"


@dataclass(frozen=True)
class Channel:
    questionnaire_id: str
    location: Location | None
    mode: ResponseMode
    kiosk_id: int | None
    url_values: dict[str, str]
    # Loaded with the location, and held here: the session's identity map keeps an object
    # only while something refers to it, and the view's get_journey then finds it there.
    preloaded_journey: Journey | None = field(default=None, repr=False, compare=False)

    @property
    def is_kiosk(self) -> bool:
        return self.kiosk_id is not None


def _questionnaire_here(questionnaire_id: str, about_a_location: bool) -> str | None:
    """The id, if it names a questionnaire that runs on this kind of channel: about one ward
    or team (never the FFT, which has its own links), or on its own."""
    if about_a_location and questionnaire_id == LOCATION_QUESTIONNAIRE:
        return None
    try:
        needs_location = load_questionnaire(questionnaire_id).needs_location
    except SchemaError:
        return None
    return questionnaire_id if needs_location == about_a_location else None


def _open_location(code: str, journey_id: str | None) -> tuple[Location | None, Journey | None]:
    """The open location, and in the same query this browser's journey if it has one."""
    if not journey_id:
        return db.session.scalar(open_location_query(), {"code": code.upper()}), None
    params = {"code": code.upper(), "journey_id": journey_id}
    row = db.session.execute(_location_and_journey_query(), params).first()
    return (row[0], row[1]) if row is not None else (None, None)


@cache
def _location_and_journey_query() -> Select[tuple[Location, Journey]]:
    return (
        open_location_query()
        .add_columns(Journey)
        .outerjoin(Journey, Journey.id == bindparam("journey_id"))
    )


def resolve_channel(values: dict[str, str], journey_id: str | None = None) -> Channel | None:
    """The channel the URL's values name (taking them out of `values`), or None: not found.
    `journey_id`, the browser's journey, is loaded with the location (see `_open_location`)."""
    if "token" in values:
        token = values.pop("token")
        kiosk = get_active_kiosk(token, current_app.config["SECRET_KEY"])
        if kiosk is None:
            return None
        return Channel(
            LOCATION_QUESTIONNAIRE,
            kiosk.location,
            ResponseMode.ELECTRONIC_DISCHARGE,
            kiosk.id,
            {"token": token},
        )
    if "questionnaire_id" in values and "location_code" in values:
        questionnaire_id = _questionnaire_here(values.pop("questionnaire_id"), True)
        location, journey = _open_location(values.pop("location_code"), journey_id)
        if questionnaire_id is None or location is None:
            return None
        return Channel(
            questionnaire_id,
            location,
            ResponseMode.ELECTRONIC_HOME,
            None,
            {"questionnaire_id": questionnaire_id, "location_code": location.code},
            journey,
        )
    if "questionnaire_id" in values:
        questionnaire_id = _questionnaire_here(values.pop("questionnaire_id"), False)
        if questionnaire_id is None:
            return None
        return Channel(
            questionnaire_id,
            None,
            ResponseMode.ONLINE,
            None,
            {"questionnaire_id": questionnaire_id},
        )
    location, journey = _open_location(values.pop("location_code", ""), journey_id)
    if location is None:
        return None
    return Channel(
        LOCATION_QUESTIONNAIRE,
        location,
        ResponseMode.ELECTRONIC_HOME,
        None,
        {"location_code": location.code},
        journey,
    )
