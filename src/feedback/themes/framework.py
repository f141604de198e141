"""The national patient experience qualitative data categorisation framework (v7), as data.

The sub-category names are exactly the column names of the labelled data the project trains on
(`../shared/data/themes/`), with v7's three merges of v6 pairs. The framework groups its
sub-categories; the labelled data carries no groups, so they are kept here beside the names.
"Not assigned" and "Labelling not possible" are codes the labellers use for comments with no
theme to find; they are kept as themes so a model can learn them, and shown in their own group.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeDefinition:
    name: str
    group: str


FRAMEWORK_VERSION = "v7"

_GROUPS: dict[str, tuple[str, ...]] = {
    "General": (
        "Positive experience & gratitude",
        "Negative experience & dissatisfaction",
        "Organisation & efficiency",
        "Funding & use of financial resources",
        "Learning organisation",
    ),
    "Staff": (
        "Staff manner & personal attributes",
        "Competence & training",
        "Staffing levels & responsiveness",
    ),
    "Communication & involvement": (
        "Unspecified communication",
        "Staff listening, understanding & involving patients",
        "Information directly from staff during care",
        "Information provision & guidance",
        "Being kept informed, clarity & consistency of information",
        "Interaction with family/ carers",
        "Patient records",
    ),
    "Access to medical care & support": (
        "Contacting services",
        "Appointment arrangements",
        "Appointment method",
        "Timeliness of care",
        "Existence of services",
        "Choice of services",
        "Out of hours support (community services)",
    ),
    "Patient journey & service coordination": (
        "Diagnosis & triage",
        "Continuity of care",
        "Admission",
        "Discharge",
        "Care plans",
    ),
    "Care & treatment": (
        "Impact of treatment/ care",
        "Pain management",
        "Supplying & understanding medication",
        "Psychological therapy arrangements",
    ),
    "Environment, facilities & transport": (
        "Cleanliness, tidiness & infection control",
        "Environment, facilities & equipment",
        "Sensory experience",
        "Service location",
        "Transport to/ from services",
        "Parking",
    ),
    "Daily life on a ward": (
        "Food & drink provision & facilities",
        "Activities & access to fresh air",
        "Electronic entertainment",
        "Patient appearance & grooming",
    ),
    "Safety, rights & inclusion": (
        "Feeling safe",
        "Mental Health Act",
        "Safeguarding concerns?",
        "Equality, Diversity & Inclusion",
    ),
    "No theme": (
        "Not assigned",
        "Labelling not possible",
    ),
}

V7_THEMES: tuple[ThemeDefinition, ...] = tuple(
    ThemeDefinition(name, group) for group, names in _GROUPS.items() for name in names
)
V7_NAMES: tuple[str, ...] = tuple(theme.name for theme in V7_THEMES)
GROUPS: tuple[str, ...] = tuple(_GROUPS)

# v6 columns that v7 merges into one sub-category; every other v6 name is unchanged in v7.
V6_TO_V7: dict[str, str] = {
    "Referals & continuity of care": "Continuity of care",
    "Staff continuity": "Continuity of care",
    "Environment & Facilities": "Environment, facilities & equipment",
    "Provision of medical equipment": "Environment, facilities & equipment",
    "Number & deployment of staff": "Staffing levels & responsiveness",
    "Staff responsiveness": "Staffing levels & responsiveness",
}

# The two codes that mean "no theme"; a comment carrying one of them carries nothing else.
NO_THEME = ("Not assigned", "Labelling not possible")


def to_v7(name: str) -> str | None:
    """The v7 sub-category a v6 or v7 column name stands for, or None if it is not one."""
    name = name.strip()
    if name in V6_TO_V7:
        return V6_TO_V7[name]
    return name if name in V7_NAMES else None
