"""Translation discipline: the catalogue matches the code, every entry is translated and marked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from feedback.config import PROJECT_ROOT
from feedback.i18n import SUPPORTED_CODES
from tests.factories import make_location
from tests.surveys.journey_helpers import answer

LANGUAGES = [code for code in SUPPORTED_CODES if code != "en"]
REVIEW_NOTE = "awaiting review by a qualified translator"


def _catalogue(path: Path):  # type: ignore[no-untyped-def]
    with path.open("rb") as file:
        return read_po(file)


def test_messages_pot_is_not_stale(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "--no-location",
            "--sort-output",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
    )
    committed = {m.id for m in _catalogue(PROJECT_ROOT / "translations" / "messages.pot") if m.id}
    assert {m.id for m in _catalogue(fresh) if m.id} == committed, "run `make messages`"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_entry_is_translated_not_fuzzy_and_marked_for_review(language):
    template = {m.id for m in _catalogue(PROJECT_ROOT / "translations" / "messages.pot") if m.id}
    catalogue = _catalogue(PROJECT_ROOT / "translations" / language / "LC_MESSAGES" / "messages.po")
    entries = [m for m in catalogue if m.id]
    assert {m.id for m in entries} == template
    for message in entries:
        assert message.string, f"{language}: {message.id!r} is not translated"
        assert not message.fuzzy, f"{language}: {message.id!r} is fuzzy (compile would drop it)"
        assert REVIEW_NOTE in " ".join(message.user_comments), (
            f"{language}: {message.id!r} not marked"
        )


def test_validation_messages_appear_in_the_persons_language(client):
    location = make_location()
    base = f"/feedback/{location.code}"
    client.get(f"{base}/?lang=ur")
    page = answer(client, base, "rating", "9").get_data(as_text=True)
    catalogue = _catalogue(PROJECT_ROOT / "translations" / "ur" / "LC_MESSAGES" / "messages.po")
    urdu = catalogue.get("Select one of the options shown").string
    assert urdu and urdu in page
    assert '<html lang="ur"' in page and 'dir="rtl"' in page
