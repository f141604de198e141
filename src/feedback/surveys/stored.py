"""Definitions published while the app runs (local surveys), as the engine reads them.

A feature registers a source, a function that looks a definition up in its own tables by id and
version; the engine asks the sources for any questionnaire that is not a built-in file, so it
never imports the feature that publishes them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flask import Flask, current_app, has_app_context

from feedback.surveys.schema import (
    Questionnaire,
    SchemaError,
    build_questionnaire,
    validate_definition,
)

_TOML_WHERE = re.compile(r"^(?P<message>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")


def parse_toml(text: str, file_name: str = "questionnaire.toml") -> dict[str, Any]:
    """The file's table; SchemaError naming the file, line and column of a syntax error."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_WHERE.match(str(error))
        if found is None:
            raise SchemaError(f"{file_name}: {error}") from None
        line = int(found["line"])
        raise SchemaError(
            f"{file_name}, line {line}, column {found['column']}: {found['message']}", line=line
        ) from None


@dataclass(frozen=True)
class StoredDefinition:
    """A definition published while the app runs, as its source hands it to the engine."""

    questionnaire_id: str
    version: int
    definition: str  # the TOML text, as published
    translations: tuple[tuple[str, str], ...] = ()  # (language, TOML text of its file)
    # Set by the publisher over the file's own keys (the submit handler, the templates).
    settings: tuple[tuple[str, Any], ...] = ()
    # Questions of the file that this questionnaire leaves out (one stage of a pair).
    without_questions: tuple[str, ...] = ()


# Looks a definition up by id and version (None: the current one); None if it has none.
DefinitionSource = Callable[[str, int | None], StoredDefinition | None]
SOURCES_KEY = "feedback.definition_sources"


def register_definition_source(app: Flask, source: DefinitionSource) -> None:
    app.extensions.setdefault(SOURCES_KEY, []).append(source)


def find_stored_definition(questionnaire_id: str, version: int | None) -> StoredDefinition | None:
    if not has_app_context():
        return None
    for source in current_app.extensions.get(SOURCES_KEY, []):
        found = source(questionnaire_id, version)
        if found is not None:
            return found
    return None


def stored_raw(stored: StoredDefinition) -> dict[str, Any]:
    """The definition as the engine runs it: the file, the publisher's settings over it."""
    raw = {**parse_toml(stored.definition), **dict(stored.settings)}
    if stored.without_questions and isinstance(raw.get("questions"), list):
        raw["questions"] = [
            q for q in raw["questions"] if q.get("id") not in stored.without_questions
        ]
    return raw


# Keyed by the whole stored definition: a new version or wording is a new key, so every process
# reads the database's current version and no cache can go stale.
@lru_cache(maxsize=256)
def load_stored(stored: StoredDefinition, language: str, easy_read: bool) -> Questionnaire:
    raw = stored_raw(stored)
    validate_definition(raw)
    translated: dict[str, str] = {}
    files = dict(stored.translations)
    if language != "en" and language in files:
        translated = parse_toml(files[language], f"{language}.toml").get("text", {})
    return build_questionnaire(raw, translated, language, easy_read)
