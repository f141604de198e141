"""Checking a local questionnaire's files before anything is published.

A file is refused with a message that names the file, the line where it can be found, and the
problem, in words a member of the patient experience team can act on. Nothing here touches
the database: the same check runs for an upload and for a folder in instance/questionnaires.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from feedback.i18n import SUPPORTED_CODES
from feedback.local_surveys.models import SurveyKind
from feedback.surveys.schema import (
    QuestionType,
    SchemaError,
    is_builtin,
    translatable_text,
    validate_definition,
)
from feedback.surveys.stored import parse_toml

DEFINITION_FILE = "questionnaire.toml"
LOCAL_SUBMIT = "local_survey"
PAIR_QUESTION = "pair_code"
STAGE_SUFFIXES = ("-before", "-after")
MAX_FILE_BYTES = 200_000
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]{1,29}$")
PAIR_ID_LENGTH = 23  # so "<id>-before" fits the 30 characters a comment's source has
TRANSLATIONS = tuple(code for code in SUPPORTED_CODES if code != "en")
# Chosen by the platform from the kind: a file may not pick templates or another handler.
SET_BY_PUBLISHER = ("start_template", "thank_you_template", "requires_invite")
# Local surveys are anonymous: no question may ask how to reach the person.
NOT_ASKED = {QuestionType.EMAIL.value, QuestionType.UK_PHONE.value}
# What an answer may be recorded as; an FFT rating comes only from the FFT itself.
ALLOWED_RECORDS = {"comment", "respondent"}


class RefusedError(ValueError):
    """The files cannot be published; the message says which file, where and why."""


@dataclass(frozen=True)
class CheckedDefinition:
    id: str
    version: int
    kind: SurveyKind
    title: str
    definition: str
    translations: dict[str, str]
    wording_digest: str
    opens_on: date | None
    closes_on: date | None


def line_of_question(text: str, question_id: str | None) -> int | None:
    """The line of `id = "<question_id>"` in a definition's text, if it is there."""
    if not question_id:
        return None
    pattern = re.compile(rf"^\s*id\s*=\s*[\"']{re.escape(question_id)}[\"']", re.MULTILINE)
    first_question = text.find("[[questions]]")
    found = pattern.search(text, max(first_question, 0))
    return text.count("\n", 0, found.start()) + 1 if found else None


def _line_of_key(text: str, key: str) -> int | None:
    position = text.find(f'"{key}"')
    return text.count("\n", 0, position) + 1 if position >= 0 else None


def _refuse(file_name: str, line: int | None, message: str) -> RefusedError:
    where = f"{file_name}, line {line}" if line else file_name
    return RefusedError(f"{where}: {message}")


def _decode(name: str, data: str | bytes) -> str:
    if isinstance(data, str):
        return data
    if len(data) > MAX_FILE_BYTES:
        raise RefusedError(f"{name}: the file must be {MAX_FILE_BYTES // 1000} kB or smaller")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RefusedError(f"{name}: the file must be text saved as UTF-8") from None


def _sort_files(files: Mapping[str, str | bytes]) -> tuple[str, dict[str, str]]:
    if DEFINITION_FILE not in files:
        raise RefusedError(f"There is no {DEFINITION_FILE}: the definition must be named so")
    translations = {}
    for name, data in files.items():
        if name == DEFINITION_FILE:
            continue
        language = name.removesuffix(".toml")
        if not name.endswith(".toml") or language not in TRANSLATIONS:
            raise RefusedError(
                f"{name}: besides {DEFINITION_FILE}, each file is a translation named after "
                f"its language: {', '.join(f'{code}.toml' for code in TRANSLATIONS)}"
            )
        translations[language] = _decode(name, data)
    return _decode(DEFINITION_FILE, files[DEFINITION_FILE]), translations


def _check_identity(raw: dict[str, Any]) -> SurveyKind:
    questionnaire_id = raw.get("id")
    if not isinstance(questionnaire_id, str) or not ID_PATTERN.match(questionnaire_id):
        raise RefusedError(
            f"{DEFINITION_FILE}: id must be 2 to 30 lower-case letters, digits and hyphens, "
            'starting with a letter, for example id = "ward-3-survey"'
        )
    if questionnaire_id.endswith(STAGE_SUFFIXES):
        raise RefusedError(
            f"{DEFINITION_FILE}: an id may not end in -before or -after (a pair's two halves "
            "are named so)"
        )
    kinds = ", ".join(f'"{kind.value}"' for kind in SurveyKind)
    if str(raw.get("kind")) not in set(SurveyKind):
        raise RefusedError(f"{DEFINITION_FILE}: kind must be one of {kinds}")
    kind = SurveyKind(raw["kind"])
    names = [questionnaire_id]
    if kind == SurveyKind.PRE_POST:
        if len(questionnaire_id) > PAIR_ID_LENGTH:
            raise RefusedError(
                f"{DEFINITION_FILE}: a before-and-after pair's id is at most "
                f"{PAIR_ID_LENGTH} characters"
            )
        names = [questionnaire_id + suffix for suffix in STAGE_SUFFIXES]
    if any(is_builtin(name) for name in [questionnaire_id, *names]):
        raise RefusedError(
            f'{DEFINITION_FILE}: "{questionnaire_id}" is one of the platform\'s own '
            "questionnaires, which cannot be replaced: choose another id"
        )
    _check_settings(raw, kind)
    return kind


def _check_settings(raw: dict[str, Any], kind: SurveyKind) -> None:
    if not isinstance(raw.get("needs_location", True), bool):
        raise RefusedError(f"{DEFINITION_FILE}: needs_location is true or false, without quotes")
    if raw.get("submit", LOCAL_SUBMIT) != LOCAL_SUBMIT:  # a list is not equal either
        raise RefusedError(
            f"{DEFINITION_FILE}: a local survey's answers are kept as survey responses: leave "
            f'out submit, or write submit = "{LOCAL_SUBMIT}"'
        )
    for key in SET_BY_PUBLISHER:
        if key in raw:
            raise RefusedError(f"{DEFINITION_FILE}: leave out {key}: the platform sets it")
    if kind == SurveyKind.TEAM_SURVEY and not (raw.get("opens_on") and raw.get("closes_on")):
        raise RefusedError(
            f"{DEFINITION_FILE}: a team survey needs opens_on and closes_on, for example "
            "opens_on = 2027-01-04 and closes_on = 2027-01-31"
        )


def _check_question(text: str, position: int, question: dict[str, Any], kind: SurveyKind) -> None:
    question_id = question.get("id")
    where = f"question {position} ({question_id!r})"
    line = line_of_question(text, question_id if isinstance(question_id, str) else None)
    problem = None
    options = question.get("options")
    pictures = [question.get("picture")] + [
        o.get("picture")
        for o in (options if isinstance(options, list) else [])
        if isinstance(o, dict)
    ]
    show_if = question.get("show_if")
    if str(question.get("type")) in NOT_ASKED:
        problem = (
            "local surveys are anonymous, so no question may ask for an email address or "
            "phone number"
        )
    elif question.get("records") is not None and str(question["records"]) not in ALLOWED_RECORDS:
        problem = (
            'records may only be "comment" (text read for themes) or "respondent"; an FFT '
            "rating comes only from the Friends and Family Test"
        )
    elif any(isinstance(p, str) and ("/" in p or "\\" in p) for p in pictures):
        problem = "a picture is the name of one of the platform's easy-read pictures"
    elif isinstance(show_if, dict) and show_if.get("question") == PAIR_QUESTION:
        problem = "no question may depend on the code"
    elif question_id == PAIR_QUESTION and (kind != SurveyKind.PRE_POST or position != 1):
        problem = f'"{PAIR_QUESTION}" is only the first question of a before-and-after pair'
    if problem:
        raise _refuse(DEFINITION_FILE, line, f"{where}: {problem}")


def _check_questions(text: str, raw: dict[str, Any], kind: SurveyKind) -> None:
    questions = raw.get("questions")
    if not isinstance(questions, list) or not all(isinstance(q, dict) for q in questions):
        return  # the engine's own check says what is wrong
    for position, question in enumerate(questions, start=1):
        _check_question(text, position, question, kind)
    if kind == SurveyKind.PRE_POST:
        first = questions[0] if questions else {}
        if first.get("id") != PAIR_QUESTION or first.get("type") != QuestionType.SHORT_TEXT:
            raise RefusedError(
                f"{DEFINITION_FILE}: a before-and-after pair starts with a question id = "
                f'"{PAIR_QUESTION}", type = "short_text", asking for the code from last time '
                "(it is asked only after; the code is given at the end of before)"
            )
        if first.get("required"):
            raise _refuse(
                DEFINITION_FILE,
                line_of_question(text, PAIR_QUESTION),
                f"question 1 ('{PAIR_QUESTION}'): the code may be skipped by someone who lost "
                "it: leave out required",
            )


def _check_translation(language: str, text: str, raw: dict[str, Any]) -> dict[str, str]:
    name = f"{language}.toml"
    try:
        table = parse_toml(text, name).get("text", {})
    except SchemaError as error:
        raise RefusedError(str(error)) from None
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise RefusedError(f'{name}: the translations go in a [text] table of "key" = "text"')
    known = translatable_text(raw)
    for key in table:
        if key not in known:
            raise _refuse(
                name,
                _line_of_key(text, key),
                f'"{key}" is not a text of {DEFINITION_FILE} (check the question id and the key)',
            )
    return table


def wording_digest(raw: dict[str, Any], translated: Mapping[str, dict[str, str]]) -> str:
    """What people read, as a digest: the definition without its version and dates, and every
    translation. Comments and layout of the files do not count."""
    wording = {k: v for k, v in raw.items() if k not in ("version", "opens_on", "closes_on")}
    payload = json.dumps(
        {"definition": wording, "translations": dict(translated)}, sort_keys=True, default=str
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def check_files(files: Mapping[str, str | bytes]) -> CheckedDefinition:
    """The checked definition, or RefusedError naming the file, the line and the problem."""
    text, translation_texts = _sort_files(files)
    try:
        raw = parse_toml(text, DEFINITION_FILE)
    except SchemaError as error:
        raise RefusedError(str(error)) from None
    kind = _check_identity(raw)
    _check_questions(text, raw, kind)
    try:
        validate_definition({**raw, "submit": LOCAL_SUBMIT})
    except SchemaError as error:
        line = line_of_question(text, error.question_id)
        raise _refuse(DEFINITION_FILE, line, str(error)) from None
    translated = {
        language: _check_translation(language, translation, raw)
        for language, translation in sorted(translation_texts.items())
    }
    return CheckedDefinition(
        id=raw["id"],
        version=raw["version"],
        kind=kind,
        title=raw["title"].strip()[:200],
        definition=text,
        translations=translation_texts,
        wording_digest=wording_digest(raw, translated),
        opens_on=raw.get("opens_on"),
        closes_on=raw.get("closes_on"),
    )
