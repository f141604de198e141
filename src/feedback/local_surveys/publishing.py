"""Publishing local questionnaires: uploaded files, or folders in instance/questionnaires.

Published definitions live in the database, every version with its text, so that every web
worker and the scheduler run the same version without sharing a disk, and old answers keep
the wording they were given under. A folder is read by the scheduled scan, the "Look for new
files" button and `flask local-surveys scan`; one bad folder is recorded as refused with its
message and never stops the others, or the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from feedback.db import utc_now
from feedback.extensions import db
from feedback.local_surveys.definitions import (
    MAX_FILE_BYTES,
    CheckedDefinition,
    RefusedError,
    check_files,
)
from feedback.local_surveys.models import (
    LocalQuestionnaire,
    LocalQuestionnaireVersion,
    RefusedDefinition,
)
from feedback.local_surveys.services import forget_looked_up

FOLDER_NAME = "questionnaires"
MAX_FILES = 10


@dataclass(frozen=True)
class Published:
    questionnaire_id: str
    version: int
    # "new" (a new questionnaire), "new_version", "dates" (same wording, new dates) or
    # "unchanged" (the same files again).
    change: str


def _add_version(
    questionnaire: LocalQuestionnaire, checked: CheckedDefinition, by_id: int | None
) -> None:
    db.session.add(
        LocalQuestionnaireVersion(
            questionnaire=questionnaire,
            version=checked.version,
            title=checked.title,
            definition=checked.definition,
            translations=checked.translations,
            wording_digest=checked.wording_digest,
            opens_on=checked.opens_on,
            closes_on=checked.closes_on,
            published_by_id=by_id,
        )
    )


def _same_version(latest: LocalQuestionnaireVersion, checked: CheckedDefinition) -> str:
    if latest.wording_digest != checked.wording_digest:
        raise RefusedError(
            f"questionnaire.toml: the wording has changed since version {latest.version} was "
            f"published, so its answers would be read with words they were not given under: "
            f"write version = {latest.version + 1} and publish it again"
        )
    dates = (checked.opens_on, checked.closes_on)
    if dates == (latest.opens_on, latest.closes_on) and latest.definition == checked.definition:
        return "unchanged"
    latest.opens_on, latest.closes_on = dates
    latest.definition, latest.translations = checked.definition, checked.translations
    return "dates"


def publish(checked: CheckedDefinition, origin: str, by_id: int | None = None) -> Published:
    """Store a checked definition as a new questionnaire or version (flushes). The same
    wording under the same version only updates its dates; a change of wording needs a higher
    version, which is refused otherwise."""
    forget_looked_up()  # this request's later look-ups read what is published now
    questionnaire = db.session.get(LocalQuestionnaire, checked.id)
    if questionnaire is None:
        questionnaire = LocalQuestionnaire(id=checked.id, kind=checked.kind, origin=origin)
        db.session.add(questionnaire)
        _add_version(questionnaire, checked, by_id)
        db.session.flush()
        return Published(checked.id, checked.version, "new")
    if questionnaire.kind != checked.kind:
        raise RefusedError(
            f"questionnaire.toml: {checked.id} was published as kind = "
            f'"{questionnaire.kind.value}", which cannot change: give the new one another id'
        )
    latest = questionnaire.current
    if checked.version < latest.version:
        raise RefusedError(
            f"questionnaire.toml: version {checked.version} is older than version "
            f"{latest.version}, which is already published"
        )
    if checked.version == latest.version:
        change = _same_version(latest, checked)
    else:
        _add_version(questionnaire, checked, by_id)
        change = "new_version"
    db.session.flush()
    return Published(checked.id, checked.version, change)


def publish_files(files: dict[str, bytes], origin: str, by_id: int | None) -> Published:
    """Check and publish uploaded files (flushes); RefusedError with the message to show."""
    if len(files) > MAX_FILES:
        raise RefusedError(f"Upload at most {MAX_FILES} files: the definition and translations")
    return publish(check_files(files), origin, by_id)


def questionnaire_folder() -> Path:
    return Path(current_app.instance_path) / FOLDER_NAME


def _read_folder(folder: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue  # editors' backup and lock files
        if path.stat().st_size > MAX_FILE_BYTES:
            raise RefusedError(
                f"{path.name}: the file must be {MAX_FILE_BYTES // 1000} kB or smaller"
            )
        files[path.name] = path.read_bytes()
    if len(files) > MAX_FILES:
        raise RefusedError(f"The folder holds more than {MAX_FILES} files")
    return files


def _publish_folder(folder: Path) -> Published:
    checked = check_files(_read_folder(folder))
    if checked.id != folder.name:
        raise RefusedError(
            f'questionnaire.toml: id = "{checked.id}" but the folder is called "{folder.name}": '
            "name the folder after the id"
        )
    return publish(checked, f"folder:{folder.name}")


def _record_refusal(folder: str, message: str) -> None:
    refusal = db.session.scalar(select(RefusedDefinition).where(RefusedDefinition.folder == folder))
    if refusal is None:
        db.session.add(RefusedDefinition(folder=folder, message=message))
    elif refusal.message != message:
        refusal.message, refusal.refused_at = message, utc_now()


def scan_questionnaire_folder() -> int:
    """Publish what is new in instance/questionnaires; returns the rows written. Each folder
    stands alone: a refused one is recorded with its message and the rest go on."""
    root = questionnaire_folder()
    folders = sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    written = 0
    for folder in folders:
        try:
            with db.session.begin_nested():
                published = _publish_folder(folder)
            db.session.execute(
                delete(RefusedDefinition).where(RefusedDefinition.folder == folder.name)
            )
            written += published.change != "unchanged"
        except RefusedError as error:
            _record_refusal(folder.name, str(error))
        except OSError as error:
            _record_refusal(folder.name, f"The folder could not be read: {error.strerror}")
        except IntegrityError:
            pass  # another process published the same version at the same moment
    names = [folder.name for folder in folders]
    db.session.execute(delete(RefusedDefinition).where(RefusedDefinition.folder.not_in(names)))
    return written


def list_refusals() -> list[RefusedDefinition]:
    return list(db.session.scalars(select(RefusedDefinition).order_by(RefusedDefinition.folder)))
