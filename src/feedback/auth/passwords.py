"""Which passwords are refused, following the NCSC's password guidance: a minimum length and a
deny-list of common and easily guessed passwords, and no composition rules (no "one capital,
one digit, one symbol"), which only push people to predictable patterns.

The deny-list is zxcvbn's: its 30,000 most common leaked passwords, plus what its estimator
finds guessable in seconds or minutes (repeats, keyboard walks, sequences, dictionary words,
dates, and the person's own name or email address).
"""

from __future__ import annotations

import re

from zxcvbn import zxcvbn

MINIMUM_PASSWORD_LENGTH = 12
# zxcvbn's scores: 0-2 fall to an online or fast offline guess; 3 is "safely unguessable"
# for a service that limits sign-in attempts and hashes slowly, as this one does.
LEAST_SCORE = 3
# zxcvbn's run time grows with length; nobody types more than this.
LONGEST_CHECKED = 100


def password_problem(password: str, personal: tuple[str, ...] = ()) -> str | None:
    """Why the password may not be used, in words for the person choosing it, or None."""
    if len(password) < MINIMUM_PASSWORD_LENGTH:
        return f"Password must be at least {MINIMUM_PASSWORD_LENGTH} characters"
    words = []
    for value in personal:
        # "priya.chauhan@example.nhs.uk" -> priya, chauhan, ..., priya.chauhan, priyachauhan
        local = value.lower().split("@")[0]
        parts = [part for part in re.split(r"[^a-z0-9]+", value.lower()) if part]
        words += [*parts, local, re.sub(r"[^a-z0-9]+", "", local)]
    result = zxcvbn(password[:LONGEST_CHECKED], user_inputs=words)
    if result["score"] >= LEAST_SCORE:
        return None
    warning = result["feedback"].get("warning") or "It would be easy to guess."
    return (
        f"Choose a password that is harder to guess. {warning.rstrip('.')}. "
        "A few unrelated words together work well."
    )
