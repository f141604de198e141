"""Pattern pieces the urgent rule tables share, and the rule they build.

Internal to feedback.themes.urgent, which explains how rules are applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SELF = r"(?:myself|himself|herself|themselves|themself|yourself|ourselves)"
REL = (
    r"(?:sons?|daughters?|child|children|kids?|baby|boy|girl|mum|mam|mom|mummy|mother|dad|"
    r"daddy|father|husband|wife|partner|brother|sister|nan|nana|nanna|gran|granny|grandma|"
    r"grandad|grandpa|grandmother|grandfather|grandson|granddaughter|grandchild(?:ren)?|"
    r"aunt|auntie|aunty|uncle|nephew|niece|cousin|friend|relative|loved one|boyfriend|"
    r"girlfriend|fiancee?|stepdad|stepmum|step dad|step mum|family member|parents?|toddler|"
    r"teenager|lad|young man|young woman|young lady|wee one|little one|brother in law|"
    r"step ?(?:father|mother|brother|sister|son|daughter|parents?)|foster (?:mum|dad|carers?|"
    r"parents?|mother|father)|guardian|"
    r"sister in law|mother in law|father in law|inlaw|ex|ex partner|ex husband|ex wife)"
)
PEOPLE = (
    r"(?:patients?|residents?|service users?|clients?|inpatients?|young people|young person|"
    r"man|woman|lady|gentleman|people|adults?|person|individuals?|gent|bloke|guy)"
)
STAFF = (
    r"(?:staff|staff members?|members? of (?:the )?staff|nurses?|nursing staff|doctors?|"
    r"carers?|care workers?|care staff|support workers?|hcas?|healthcare assistants?|"
    r"health care assistants?|care assistants?|workers?|psychiatrists?|consultants?|porters?|"
    r"security(?: guards?| staff)?|guards?|officers?|police(?:man|men|woman)?|paramedics?|"
    r"ambulance (?:staff|crew|man|men)|drivers?|crew|therapists?|psychologists?|managers?|"
    r"receptionists?|cleaners?|domestics?|gp|cpn|matron|physio|ot|social workers?|"
    r"key workers?|bank staff|agency (?:staff|nurses?|workers?)|night staff|staff nurses?|"
    r"student nurses?|ward staff|team|someone|somebody|one of (?:the|your) (?:\w+ )?"
    r"(?:staff|nurses|carers|workers|doctors))"
)
OBJ = (
    rf"(?:me|him|her|them|us|mum|mam|mom|mummy|dad|daddy|nan|nana|nanna|gran|granny|grandma|"
    rf"grandad|grandpa|(?:my|his|her|their|our|your|a|the|this|that) (?:\w+ ){{0,3}}?"
    rf"{REL}|(?:the|a|an|another|other|one of the|some|older|vulnerable|elderly|disabled|"
    rf"young) (?:\w+ ){{0,2}}?{PEOPLE}|patients|residents|service users|people)"
)
SUBJ = (
    rf"(?:i|we|he|she|they|someone|somebody|{STAFF}|(?:my|his|her|their|the|a|an|another|"
    rf"one of the|that|this|other|some) (?:\w+ ){{0,2}}?(?:{REL}|{STAFF}|{PEOPLE}|visitor|"
    rf"neighbou?r)|(?:other )?patients)"
)
W = r"[a-z0-9]+"  # one word (never a sentence or clause mark)


def _gap(most: int) -> str:
    return rf"(?:{W} ){{0,{most}}}?"


@dataclass(frozen=True)
class Rule:
    concern: str
    pattern: re.Pattern[str]
    anchors: tuple[str, ...]  # word prefixes; the rule runs only on comments that have one
    negatable: bool = True
    resolvable: bool = False
    accidental: bool = False  # an accident in the same sentence explains it
    unless: re.Pattern[str] | None = None  # found in the sentence: not this concern
    needs: re.Pattern[str] | None = None  # must be found in the sentence


def rule(
    concern: str,
    pattern: str,
    anchors: str,
    *,
    negatable: bool = True,
    resolvable: bool = False,
    accidental: bool = False,
    unless: str | None = None,
    needs: str | None = None,
) -> Rule:
    return Rule(
        concern,
        re.compile(pattern),
        tuple(anchors.split()),
        negatable,
        resolvable,
        accidental,
        re.compile(unless) if unless else None,
        re.compile(needs) if needs else None,
    )


# Shared by the overdose (self-harm) and missed-medication (neglect) rules.
PILLS = (
    r"(?:tablets|pills|meds|medication|medicines?|paracetamol|co codamol|codeine|painkillers|"
    r"sleeping (?:tablets|pills)|antidepressants|insulin|lithium|sertraline|quetiapine|"
    r"olanzapine|diazepam|zopiclone|ibuprofen|aspirin|pregabalin|gabapentin|fluoxetine|"
    r"mirtazapine|citalopram|tramadol|morphine|anti depressants)"
)
