"""Questionnaire definitions: TOML files parsed into typed, validated, translated schemas.

A built-in definition lives in definitions/<id>/questionnaire.toml, in English. Translations
sit beside it as <language>.toml, a flat table of keys (see `translatable_text`) to translated
text; any key left out falls back to English. Definitions published while the app runs (local
surveys) come from a source a feature registers (`register_definition_source`), so the engine
reads them without importing that feature.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from feedback.surveys.questionnaire import (
    CHOICE_TYPES,
    DEFAULT_START_TEMPLATE,
    DEFAULT_THANK_YOU_TEMPLATE,
    NOT_SURE,
    ORGANISATION_OPTIONS,
    Option,
    Question,
    Questionnaire,
    QuestionType,
    Text,
)
from feedback.surveys.rules import SchemaError, validate_dates, validate_shape
from feedback.surveys.rules import check as _check

# Raised here but defined beside the rules; the types are defined in surveys.questionnaire
# and imported from here by the features, as before the two were split.
__all__ = [
    "CHOICE_TYPES",
    "NOT_SURE",
    "ORGANISATION_OPTIONS",
    "Option",
    "Question",
    "QuestionType",
    "Questionnaire",
    "SchemaError",
    "Text",
]

DEFINITIONS_FOLDER = Path(__file__).parent / "definitions"
PICTURES_FOLDER = Path(__file__).parents[1] / "static" / "easy-read"
# Journey URLs put question ids beside these pages, so a question may not take their names.
_BUILTIN_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
RESERVED_QUESTION_IDS = frozenset({"begin", "thank-you", "reset", "start", "check"})


def _definition_path(questionnaire_id: str) -> Path | None:
    # The id comes from the address: one too long for a file name (or with a NUL) would make
    # the file system raise, and ".." would leave the folder. No definition has such a name.
    if not _BUILTIN_ID.fullmatch(questionnaire_id):
        return None
    path = DEFINITIONS_FOLDER / questionnaire_id / "questionnaire.toml"
    return path if path.is_file() else None


def _raw_definition(questionnaire_id: str) -> dict[str, Any]:
    path = _definition_path(questionnaire_id)
    if path is None:
        raise SchemaError(f"No questionnaire called {questionnaire_id!r}")
    with path.open("rb") as file:
        return tomllib.load(file)


def list_questionnaire_ids() -> list[str]:
    return sorted(p.parent.name for p in DEFINITIONS_FOLDER.glob("*/questionnaire.toml"))


def translatable_text(raw: dict[str, Any]) -> dict[str, str]:
    """Every translatable string of a definition, by the key translation files use."""
    text: dict[str, str] = {}
    for key in ("title", "easy_read_title", "description", "easy_read_description"):
        if key in raw:
            text[key] = raw[key]
    for question in raw.get("questions", []):
        prefix = f"questions.{question['id']}"
        for key in (
            "title",
            "easy_read_title",
            "hint",
            "easy_read_hint",
            "error_required",
            "easy_read_error_required",
            "picture_alt",
            "not_sure_label",
            "easy_read_not_sure_label",
            "summary_label",
        ):
            if key in question:
                text[f"{prefix}.{key}"] = question[key]
        for option in question.get("options", []):
            for key in ("label", "easy_read_label", "picture_alt"):
                if key in option:
                    text[f"{prefix}.options.{option['value']}.{key}"] = option[key]
    return text


def translation_path(questionnaire_id: str, language: str) -> Path:
    return DEFINITIONS_FOLDER / questionnaire_id / f"{language}.toml"


def _raw_translation(questionnaire_id: str, language: str) -> dict[str, str]:
    path = translation_path(questionnaire_id, language)
    if language == "en" or not path.is_file():
        return {}
    with path.open("rb") as file:
        return tomllib.load(file).get("text", {})


def validate_definition(raw: dict[str, Any], default_max_characters: int = 5000) -> None:
    """Raise SchemaError for anything a runner could trip over later."""
    _check(
        isinstance(raw.get("id"), str) and isinstance(raw.get("version"), int),
        "A questionnaire needs a text id and a whole-number version",
    )
    _check(isinstance(raw.get("title"), str) and bool(raw["title"].strip()), "No title")
    validate_dates(raw)
    _check(
        isinstance(raw.get("questions", []), list)
        and all(isinstance(q, dict) for q in raw.get("questions", [])),
        "Each question must be a [[questions]] table",
    )
    seen: set[str] = set()
    for position, question in enumerate(raw.get("questions", []), start=1):
        where = f"question {position} ({question.get('id')!r})"
        validate_shape(where, question)
        _check(
            bool(question.get("id")) and question["id"] not in seen,
            f"{where}: missing or repeated id",
        )
        _check(question["id"] not in RESERVED_QUESTION_IDS, f"{where}: the id is reserved")
        _check(
            question.get("type") in set(QuestionType),
            f"{where}: unknown type {question.get('type')!r}",
        )
        _check(bool(question.get("title")), f"{where}: no title")
        choices = question["type"] in CHOICE_TYPES
        options = question.get("options", [])
        options_from = question.get("options_from")
        _check(
            options_from is None
            or (options_from in ORGANISATION_OPTIONS and question["type"] == "single_choice"),
            f"{where}: options_from must be one of {sorted(ORGANISATION_OPTIONS)}, on a "
            "single_choice question",
        )
        _check(
            bool(options or options_from) == choices,
            f"{where}: choice questions need options, others none",
        )
        values = [option.get("value") for option in options]
        if question["type"] == QuestionType.CONSENT:
            _check(set(values) == {"yes", "no"}, f"{where}: a consent question is yes or no")
        if question["type"] == QuestionType.SERVICE:
            _check(bool(question.get("not_sure_label")), f"{where}: needs not_sure_label")
        _check(
            len(values) == len(set(values)) and all(values),
            f"{where}: option values must be unique",
        )
        for picture in [question.get("picture"), *(o.get("picture") for o in options)]:
            _check(
                picture is None or (PICTURES_FOLDER / picture).is_file(),
                f"{where}: no picture {picture}",
            )
        show_if = question.get("show_if")
        if show_if is not None:
            _check(
                show_if.get("question") in seen, f"{where}: show_if must name an earlier question"
            )
        if question.get("required"):
            _check(
                bool(question.get("error_required")),
                f"{where}: a required question needs error_required",
            )
        _check(
            question.get("max_characters", default_max_characters) <= default_max_characters * 10,
            f"{where}: max_characters is unreasonably large",
        )
        seen.add(question["id"])
    _check(bool(seen), "A questionnaire needs at least one question")
    _check(isinstance(raw.get("submit", "fft_response"), str), "submit must name a handler")


def _text(
    english: dict[str, str], translated: dict[str, str], language: str, key: str, easy_read: bool
) -> Text | None:
    """Easy-read wording first when asked for, each in the page language first, then English."""
    keys = (
        [
            f"{key.rsplit('.', 1)[0]}.easy_read_{key.rsplit('.', 1)[1]}"
            if "." in key
            else f"easy_read_{key}"
        ]
        if easy_read
        else []
    )
    keys.append(key)
    for candidate in keys:
        if candidate in translated:
            return Text(translated[candidate], language)
        if candidate in english:
            return Text(english[candidate], "en")
    return None


@cache
def _load_builtin(questionnaire_id: str, language: str, easy_read: bool) -> Questionnaire:
    raw = _raw_definition(questionnaire_id)
    validate_definition(raw)
    return build_questionnaire(
        raw, _raw_translation(questionnaire_id, language), language, easy_read
    )


def is_builtin(questionnaire_id: str) -> bool:
    return questionnaire_id in _builtin_ids()


@cache
def _builtin_ids() -> frozenset[str]:
    # Listed once: the definitions ship with the code, and every journey page asks (a set,
    # not a cache of answers, which any id typed into a URL would grow).
    return frozenset(
        folder.name
        for folder in DEFINITIONS_FOLDER.iterdir()
        if (folder / "questionnaire.toml").is_file()
    )


def load_questionnaire(
    questionnaire_id: str,
    language: str = "en",
    easy_read: bool = False,
    version: int | None = None,
) -> Questionnaire:
    """The questionnaire as a person sees it in a language, plain or easy read: a built-in
    one (its file has only its current version), else a published one, current or `version`."""
    if is_builtin(questionnaire_id):
        return _load_builtin(questionnaire_id, language, easy_read)
    from feedback.surveys.stored import find_stored_definition, load_stored  # it builds on this

    stored = find_stored_definition(questionnaire_id, version)
    if stored is None:
        raise SchemaError(f"No questionnaire called {questionnaire_id!r}")
    return load_stored(stored, language, easy_read)


def build_questionnaire(
    raw: dict[str, Any], translated: dict[str, str], language: str, easy_read: bool
) -> Questionnaire:
    """A validated definition as a person sees it in a language, plain or easy read."""
    english = translatable_text(raw)

    def text(key: str) -> Text | None:
        return _text(english, translated, language, key, easy_read)

    questions = []
    for q in raw["questions"]:
        prefix = f"questions.{q['id']}"
        options = tuple(
            Option(
                value=o["value"],
                label=text(f"{prefix}.options.{o['value']}.label"),  # type: ignore[arg-type]
                picture=o.get("picture"),
                picture_alt=text(f"{prefix}.options.{o['value']}.picture_alt"),
            )
            for o in q.get("options", [])
        )
        show_if = q.get("show_if")
        questions.append(
            Question(
                id=q["id"],
                type=QuestionType(q["type"]),
                required=bool(q.get("required", False)),
                title=text(f"{prefix}.title"),  # type: ignore[arg-type]
                hint=text(f"{prefix}.hint"),
                error_required=text(f"{prefix}.error_required"),
                picture=q.get("picture"),
                picture_alt=text(f"{prefix}.picture_alt"),
                options=options,
                show_if=(show_if["question"], show_if["equals"]) if show_if else None,
                records=q.get("records"),
                max_characters=q.get("max_characters"),
                not_sure_label=text(f"{prefix}.not_sure_label"),
                summary_label=text(f"{prefix}.summary_label"),
                autocomplete=q.get("autocomplete"),
                options_from=q.get("options_from"),
            )
        )
    return Questionnaire(
        id=raw["id"],
        version=raw["version"],
        language=language,
        easy_read=easy_read,
        title=text("title"),  # type: ignore[arg-type]
        description=text("description") or Text("", "en"),
        questions=tuple(questions),
        _by_id={q.id: q for q in questions},
        submit=raw.get("submit", "fft_response"),
        needs_location=bool(raw.get("needs_location", True)),
        check_answers=bool(raw.get("check_answers", False)),
        requires_invite=bool(raw.get("requires_invite", False)),
        start_template=raw.get("start_template", DEFAULT_START_TEMPLATE),
        thank_you_template=raw.get("thank_you_template", DEFAULT_THANK_YOU_TEMPLATE),
        opens_on=raw.get("opens_on"),
        closes_on=raw.get("closes_on"),
        forget_times=bool(raw.get("forget_times", False)),
    )
