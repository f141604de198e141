"""Urgent rules for threats; feedback.themes.urgent explains how they apply."""

from __future__ import annotations

from feedback.themes.urgent_vocabulary import PEOPLE, REL, SELF, STAFF, SUBJ, Rule, rule

_VIOLENT = (
    r"(?:kill|murder|stab|shoot|hurt|harm|batter|beat|beat up|punch|attack|strangle|knock out|"
    r"smash|deck|slap|hit|kick|glass|bottle|burn|bomb|blow up|torch|do in|break|cut|"
    r"knock|chin|lamp|twat|floor|headbutt)"
)
_NOT_IDIOM = (
    r"(?! (?:the |a )?(?:pain|time|two birds|bugs|germs|infection|bacteria|virus|roof|ground|"
    r"spot|road|hay|sack|bottle|gym|nail|target|mark|headlines|button|brakes|deck|mood|"
    r"buzz|wall|jackpot|waiting|queue|phone|door|bell|them off)\b)"
)
_TARGET = (
    rf"(?:you|him|her|them|someone|somebody|anyone|anybody|everyone|everybody|people|"
    rf"all of you|(?:the|that|this|your|every|a|one of the|one of your|those|these|his|her|my)"
    rf" (?:\w+ ){{0,2}}?(?:{STAFF}|{PEOPLE}|{REL}|place|ward|building|hospital|unit|clinic|"
    rf"surgery|house|home|office|centre|center|receptionist|call handler|operator|bitch|"
    rf"bastard|idiot|prick|cow|twat|lot)|{STAFF})"
)

# Threatening to ring security, or to leave, is not threatening anyone.
_NOT_A_THREAT = (
    r"\bthreat\w* (?:\w+ )?to (?:call|ring|phone|report|get|involve|contact|tell|inform|"
    r"complain|leave|quit|resign|discharge|section|stop|end|close|sue|withdraw|remove|take|"
    r"move|send|cancel|ban|bar|sack|evict|refer|write|go|walk|have|make|put|transfer|"
    r"restrain|inject|medicate|reduce|charge|fine|lock|search|change|increase|strike|"
    r"protest|walk out|go on strike)\b|"
    r"\bthreat\w* (?:\w+ )?to (?:kick|throw) (?:\w+ )?(?:out|off)\b"
)

THREAT_RULES: tuple[Rule, ...] = (
    rule(
        "threats",
        r"\bthreat(?:s|en|ens|ened|ening|eningly)?\b",
        "threat",
        unless=r"\bl\w{1,3} threat\w*|\bthreat\w* (?:\w+ ){0,3}?(?:section\w*|discharg\w*|"
        r"evict\w*|legal|court|complain\w*|withdraw\w*|remov\w*|take away|taking away|"
        r"end(?:ing)? (?:my|his|her) (?:care|treatment|support)|clos\w*|cuts?|redundanc\w*|"
        r"covid|infection|virus|injection|medication|depot|restraint|the police|police|"
        r"being (?:sectioned|discharged|moved|sent))\b|\bthreat of (?:cuts|closure|"
        r"redundanc\w*|covid|infection|discharge|being)\b|\bnon threatening\b|"
        # Threats the comment says staff handled are praise for the staff, not an alert.
        r"\bcalmed (?:him|her|them|it|things|the situation|everyone) down\b|\bde ?escalat\w*|"
        r"\b(?:nobody|no one) (?:was|got) hurt\b|"
        rf"{_NOT_A_THREAT}",
    ),
    rule(
        "threats",
        rf"(?:\b{SUBJ} (?:(?!it |this |that )\w+ ){{0,2}}?|(?:^|(?<=[|,] )))(?:will|would|is going "
        rf"to|am going to|"
        rf"are going to|was going "
        rf"to|were going to|going to|said (?:he|she|they|i) (?:would|will|was going to|is going "
        rf"to)|say (?:he|she|they) (?:will|would)|says (?:he|she|they) (?:will|would|is going "
        rf"to)|want to|wants to|intend\w* to|plan\w* to|promised to|swear\w* (?:to|i will|i "
        rf"would)|vowed to|threaten\w* to|will be|shall) (?:come (?:back|round|down|up|over|in) "
        rf"(?:here |there )?(?:and|to) |(?:go|come) (?:and|to) |find (?:\w+ ) and |wait for "
        rf"(?:\w+ ) and )?{_VIOLENT}\w*{_NOT_IDIOM} (?:up |down |in |out )?{_TARGET}\b",
        "kill murder stab shoot hurt harm batter beat punch attack strangl knock smash deck "
        "slap hit kick glass bottle burn bomb blow torch do break cut chin lamp twat floor "
        "headbutt",
        negatable=False,  # a denial would sit inside the match: "I will never hurt anyone"
        unless=rf"\b(?:kill|hurt|harm)\w* {SELF}\b|\b(?:it|this|that|which|wait\w*|delays?|"
        r"times?|service|system|stress|pain|covid|virus|infection|cancer|smoking|drinking|"
        r"food|cuts|lack of \w+|queues?|hours) (?:\w+ ){0,2}?(?:is|are|will|would|was|could|"
        r"going to|gonna) (?:going to |gonna )?(?:kill|hurt|harm)",
    ),
    rule(
        "threats",
        r"\b(?:burn\w*|torch\w*|bomb\w*|blow\w*|petrol bomb\w*) (?:\w+ ){0,2}?(?:the|this|that|"
        r"your|his|her) (?:\w+ )?(?:place|ward|building|hospital|unit|clinic|surgery|house|"
        r"home|car|office|centre|center)(?: down| up| to the ground)?\b|\bburn (?:it|the lot) "
        r"(?:down|to the ground)\b|\bblow (?:it|the place|this place) up\b|\b(?:set|setting|"
        r"sets) (?:fire|light) to\b|\b(?:set|setting) (?:the|this|that|his|her|your|my) "
        r"(?:\w+ )?(?:on fire|alight|ablaze)\b|\bbomb threat\b|\bshoot (?:up )?(?:the|this) "
        r"place\b",
        "burn torch bomb blow petrol set setting sets shoot",
        unless=r"\bburn\w* (?:the|my|his|her) (?:toast|food|dinner|tea|meal|hand|finger|arm|"
        r"mouth|tongue|skin)\b|\bblow\w* (?:up )?(?:my|his|her) (?:phone|nose|mind)\b",
    ),
    rule(
        "threats",
        r"\b(?:bring\w*|brought|carry\w*|carried|had|has|have|got|pull\w*|wield\w*|wav\w*|"
        r"hid|hiding|hidden|conceal\w*|with|armed with|holding|held|point\w*|came at (?:me|"
        r"him|her|us|staff|them) with|threaten\w* (?:\w+ )?with) (?:a |an |his |her |my |"
        r"their |some |the )?(?:kitchen )?(?:knife|knives|gun|guns|firearm|blade|machete|"
        r"weapon|weapons|axe|crossbow|shotgun|pistol|taser|samurai sword|sword)\b(?! and fork| "
        r"and spoon| to cut (?:my|his|her|the) (?:food|meat|dinner))|\b(?:came|come|coming|"
        r"went|go|going) at (?:me|him|her|us|staff|them|the \w+) with (?:a |an )?\w+\b|"
        r"\b(?:threaten\w*|came at \w+) (?:\w+ )?with (?:a |an )?(?:hammer|bat|baseball bat|"
        r"crowbar|screwdriver|scissors|broken bottle|bottle|chair|fork|pen)\b",
        "bring brought carry carried had has have got pull wield wav hid hiding hidden conceal "
        "with armed holding held point came come coming went go going threaten",
        unless=r"\bknife and fork\b|\bplastic knife\b|\bbutter knife\b",
    ),
    rule(
        "threats",
        r"\bwatch (?:your|his|her|their) back\b|\b(?:i|we|they|he|she) (?:\w+ )?know where "
        r"(?:you|she|he|they|your \w+) (?:live|lives|work|works)\b|\b(?:find|found|finding) "
        r"out where (?:you|she|he|they) (?:live|lives)\b|\byou are (?:dead|going to die|gonna "
        r"die|a dead (?:man|woman))\b(?! right)|\b(?:going to|will|gonna) get (?:you|him|her|"
        r"them|that \w+|the \w+) (?:for this|back|one day)\b|\bget (?:my|our) own back on\b|"
        r"\b(?:death|violent|bomb|physical) threats?\b",
        "watch know find found finding you going will gonna get death violent bomb physical",
        unless=r"\bwatch (?:your|his|her) back (?:pain|injury)\b",
    ),
    rule(
        "threats",
        rf"\b(?:violen\w*|aggress\w*|abus\w*|assault\w*|attack\w*|hostil\w*|intimidat\w*|"
        rf"spat|spitting|swore|swearing|threaten\w*|rude and aggressive) (?:\w+ ){{0,4}}?"
        rf"(?:towards?|to|at|against|on) (?:the |our |your |a |some |one of the |other |all "
        rf"the |my |his |her )?(?:\w+ )?{STAFF}\b",
        "violen aggress abus assault attack hostil intimidat spat spitting swore swearing "
        "threaten rude",
        unless=_NOT_A_THREAT,
    ),
    rule(
        "threats",
        r"\b(?:patients?|relatives?|visitors?|service users?|another patient|other patients|"
        r"a man|a woman|inpatients?|family members?) (?:\w+ ){0,2}?(?:was|were|is|are|being|"
        r"been|became|become|got|get|gets|kicked off|kicking off) (?:very |so |extremely |"
        r"quite |really |verbally |physically |increasingly |always |often ){0,3}(?:violent|"
        r"abusive|threatening)\b",
        "patient patients relative relatives visitor visitors service another other a "
        "inpatient inpatients family",
    ),
)

THREAT_RULES += (
    rule(
        "threats",
        rf"\b(?:said|says|told (?:me|us|my \w+|staff|the \w+)|threatened|screamed|shouted|keeps "
        rf"saying|kept saying|saying|texted|messaged) (?:that )?(?:he|she|they|he is|she is|they "
        rf"are|he was|she was) (?:would|will|was going to|is going to|is gonna|was gonna|wants to|"
        rf"wanted to|going to|gonna|will come back and|would come back and) {_VIOLENT}\w* "
        rf"(?:up |in )?(?:me|us|my (?:\w+ )?{REL}|you|him|her|them|{_TARGET})\b",
        "said says told threatened screamed shouted keeps kept saying texted messaged",
        negatable=False,
        unless=r"\b(?:it|this|injection|needle|test|procedure|exercise\w*|physio)\b",
    ),
    rule(
        "threats",
        rf"\b(?:patients?|he|she|they|someone|somebody|visitors?|relatives?|man|woman|lad|i|we|"
        rf"my \w+|service users?|another patient|other patients) (?:\w+ ){{0,3}}?(?:assault\w*|"
        rf"attack\w*|punch\w*|hit|hitting|kick\w*|headbutt\w*|spat at|spit at|spitting at|bit|"
        rf"bitten|slap\w*|stabbed|strangl\w*|threw (?:\w+ ){{0,2}}?at) (?:a |the |one of the |our |"
        rf"two |several |some |your )?(?:\w+ )?{STAFF}\b",
        "assault attack punch hit hitting kick headbutt spat spit spitting bit bitten slap "
        "stabbed strangl threw",
        unless=r"\b(?:cuts|funding|covid|pandemic|pressure|shortages?|strikes?)\b|\bheads? off\b",
    ),
)

THREAT_RULES += (
    rule(
        "threats",
        rf"\b(?:i|we|he|she|they|ill|my \w+) (?:\w+ )?(?:will|would|am going to|is going to|"
        rf"going to|gonna) (?:come (?:back|round|down|up|over) (?:here |there )?and )?(?:do "
        rf"something (?:bad |nasty )?to (?:you|him|her|them|that \w+|the \w+|this \w+|{STAFF})|"
        rf"make (?:you|him|her|them) pay|get even with \w+|sort (?:you|him|her|them) out|sort "
        rf"(?:that|the|this|your) (?:\w+ )?(?:{STAFF}|{REL}|{PEOPLE}) out)\b",
        "i we he she they ill my",
        negatable=False,  # "if they don't help, I'll ..." negates the help, not the threat
        unless=r"\bdo something (?:about|with) (?:it|this|the (?:wait|parking|food|service))\b",
    ),
)

THREAT_RULES += (
    rule(
        "threats",
        rf"\b(?:i|we|he|she|they|ill) (?:\w+ )?(?:will|am going to|is going to|are going to|"
        rf"gonna|going to) (?:come and |come round and |come down and |come back and )?(?:find|"
        rf"hunt down|hunt|track down) (?:you|him|her|them|that \w+|the (?:\w+ )?{STAFF}|your "
        rf"\w+)(?= [|,]|$| and| when| one day| wherever| if)",
        "i we he she they ill",
        negatable=False,
    ),
)
