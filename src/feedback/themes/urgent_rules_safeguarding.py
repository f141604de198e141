"""Urgent rules for safeguarding; feedback.themes.urgent explains how they apply."""

from __future__ import annotations

from feedback.themes.urgent_vocabulary import OBJ, PEOPLE, REL, Rule, rule

# Belongings go missing on wards all the time; people going missing is the concern.
_THINGS = (
    r"(?:clothes|clothing|laundry|property|belongings|items|phones?|glasses|teeth|dentures|"
    r"hearing aids?|letters?|information|paperwork|notes|results|appointments?|money|bags?|"
    r"wallet|purse|shoes|keys|cards?|medication|meds|tablets|records|forms?|referrals?|files?)"
)
_FEELING_ABOUT = (
    r"(?:worried|worry|worries|worrying|concerned|concern|concerns|scared|afraid|frightened|"
    r"fear\w*)"
)
_CHILDREN = (
    r"(?:child|children|kids?|baby|babies|toddlers?|boy|girl|young person|young people|"
    r"teenagers?|grandchild\w*|infant|newborn|little one|little ones|youngsters?)"
)

SAFEGUARDING_RULES: tuple[Rule, ...] = (
    # The term of art only: "to safeguard the data" is not a concern.
    rule(
        "safeguarding",
        r"\bsafeguarding\b",
        "safeguarding",
        unless=r"\b(?:good|great|excellent|brilliant|fantastic|amazing|thorough|trained|training|"
        r"policy|policies|procedures?|aware|awareness|knowledgeable) (?:\w+ ){0,2}?"
        r"safeguarding\b|\bsafeguarding (?:training|policy|policies|procedures|awareness|"
        r"course|module)\b",
    ),
    rule(
        "safeguarding",
        # Someone else's child, or any child with a risk named: parents worrying about their
        # own children while in hospital are not raising a concern.
        rf"\b{_FEELING_ABOUT} (?:\w+ ){{0,2}}?(?:about|for|over|regarding) (?:the (?:safety|"
        rf"welfare|wellbeing|well being) of )?(?:a|this|that|another|some|these|those|a little|a "
        rf"young|the neighbou?rs?|my neighbou?rs?|a neighbou?rs?|next door|the next door|the "
        rf"\w+ next door|her little|his little|their little) (?:\w+ )?{_CHILDREN}\b|"
        rf"\b{_FEELING_ABOUT} (?:\w+ ){{0,2}}?(?:about|for|over|regarding) the (?:safety|welfare|"
        rf"wellbeing|well being) of (?:the|my|his|her|their|a|an) (?:\w+ )?(?:{REL}|"
        rf"{_CHILDREN}|{PEOPLE})\b|\b{_FEELING_ABOUT} (?:\w+ ){{0,2}}?(?:about|for) (?:my|his|"
        rf"her|their|the|a) (?:\w+ )?(?:{REL}|{_CHILDREN})s? (?:safety|being (?:hurt|harmed|"
        rf"abused|neglected|exploited|groomed|left alone|beaten|hit)|at home with|living with|"
        rf"with (?:him|her|them|their \w+|his \w+|her \w+)|in that (?:house|home|flat))\b",
        "worried worry worries worrying concerned concern concerns scared afraid frightened fear",
        unless=r"\b(?:pregnan\w*|bleeding|weeks|contractions|labour|born|birth|movements?|"
        r"fever|temperature|rash|breathing|seizure|fits?|poorly|ill|unwell|sick|illness|"
        r"symptoms?|condition|health|development|diagnosis|autism|adhd)\b",
    ),
    rule(
        "safeguarding",
        rf"\b(?:{_CHILDREN}|vulnerable (?:adult|person|man|woman|people|adults|patient|"
        rf"patients)) (?:\w+ )?(?:(?:is|are|was|were|is not|are not|was not|were not|not|being|"
        rf"been|has been|have been|might be|may be|could be|will be|feels?|felt) (?:\w+ )?)?"
        rf"(?:not safe|unsafe|at risk\b(?! of (?!harm|abuse|exploitation|neglect|being|"
        rf"significant harm))|in danger|at harm|being (?:hurt|harmed|abused|neglected|"
        rf"exploited|groomed|hit|beaten|bullied|taken advantage of)|left (?:alone|on (?:their|"
        rf"his|her) own) (?:at home|all day|all night|for hours|for days|overnight|in the "
        rf"house))\b",
        "child children kid kids baby babies toddler boy girl young teenager grandchild infant "
        "newborn little youngster vulnerable",
    ),
    rule(
        "safeguarding",
        r"\bnot safe (?:at|to go|going|to return|to be) (?:back )?home\b|\bunsafe at home\b|"
        r"\b(?:scared|afraid|frightened|terrified) (?:\w+ )?to (?:go|return) (?:back )?home\b|"
        r"\bnot (?:\w+ )?(?:feel|felt|feeling) (?:\w+ )?safe (?:at home|living with|around "
        r"(?:him|her|them|my|other|the other|some|certain)|on the ward|in the ward|on the unit|"
        r"here|at night|with (?:him|her|them|my|that|this|the other|other|certain)|in my own "
        r"home|in (?:the|this) (?:hospital|house|home|place|unit|ward))\b|\b(?:feel|felt|"
        r"feeling|am|was|is|were) (?:\w+ )?unsafe (?:at home|living with|around|on the ward|"
        r"in the ward|on the unit|here|at night|with (?:him|her|them|my|that|this|other|the "
        r"other|certain)|in my own home)\b",
        "not unsafe scared afraid frightened terrified feel felt feeling am was is were",
        negatable=False,
        unless=r"\b(?:driver|driving|drove|journey|ambulance|transport|car|seat|belt|"
        r"wheelchair|stretcher)\b",
    ),
    rule(
        "safeguarding",
        r"\b(?:being|been|was|were|is|are|get|got|getting) groomed\b|\bgroom\w* (?:him|her|"
        r"them|me|my \w+|children|kids|young|vulnerable|a child|girls|boys|patients|online)\b|"
        r"\b(?:sexual|online|child) grooming\b|\bgrooming (?:gangs?|children|young|vulnerable|"
        r"girls|boys|him|her|them|me|patients|kids)\b",
        "being been was were is are get got getting groom sexual online child grooming",
        unless=r"\b(?:hair|nails|shav\w*|beard|personal|hygiene|dressing|appearance|"
        r"makeup|make up)\b",
    ),
    rule(
        "safeguarding",
        r"\bgrooming\b",
        "grooming",
        unless=r"\b(?:hair\w*|nails?|shav\w*|beards?|personal|hygiene|dressing|dressed|"
        r"appearance|make ?up|wash\w*|bath\w*|shower\w*|teeth|clothes|clothing|help\w* "
        r"with|assist\w*|self care|groomed|dog|dogs|pets?|horses?|salon|barber\w*|pamper\w*|"
        r"manicure\w*|well)\b",
    ),
    rule(
        "safeguarding",
        rf"\b(?:being|been|was|were|is|are|get|gets|got|getting|feel|felt) (?:\w+ )?exploited\b|"
        rf"\bexploit\w* (?:{OBJ}|children|kids|vulnerable|young|patients|residents)\b|"
        rf"\b(?:sexual|child|criminal|financial)? ?exploitation\b|"
        rf"\b(?:older|adult|grown|grown up) (?:man|men|male|woman|women|bloke|guy) (?:\w+ ){{0,4}}?"
        rf"(?:messag\w*|text\w*|ask\w*|send\w*|sent|contact\w*|talking to|meeting|meet|"
        rf"picking (?:her|him) up|buying (?:her|him))\b|"
        r"\bcounty lines\b|\bcuckoo\w*|\b(?:modern )?slavery\b|\btraffick\w*|\bforced "
        r"(?:marriage|labour|to marry)\b|\bfgm\b|\bfemale genital\b|\bhonou?r (?:based|"
        r"violence|killing)\b|\bradicali[sz]\w*|\bextremis\w*|\b(?:child|adult) protection\b|"
        r"\bp(?:a|e)e?dophil\w*|\bpaedo\b|\bpeado\b|\bpedo\b|\bnonce\b|\b(?:take|taking|took|"
        r"taken|takes) advantage of (?:him|her|them|me|my \w+|vulnerable|patients|residents|"
        r"people|service users|a vulnerable|the vulnerable)\b|\b(?:being|been|is|was|get|gets|"
        r"got|getting) taken advantage of\b|\bchild (?:porn\w*|abuse images)\b"
        r"|\bindecent images\b",
        "exploit being been was were is are get gets got getting feel felt older adult grown "
        "county cuckoo modern slavery traffick forced fgm female honour honor radicali "
        "radicalis radicaliz extremis child adult paedophil pedophil paedo peado pedo nonce "
        "take taking took taken takes indecent",
    ),
    rule(
        "safeguarding",
        rf"\b(?:steal\w*|stole|stolen|theft|thieving|nick\w*|pinch\w*|went through|going "
        rf"through) (?:\w+ ){{0,3}}?(?:money|cash|pension|benefits|bank cards?|cards|wallet|"
        rf"purse|belongings|possessions|jewellery|valuables|cigarettes|savings)\b|"
        rf"\bfinancial(?:ly)? (?:abuse|abused|exploitation|exploited)\b|\b(?:steal\w*|stole|"
        rf"stolen|nick\w*|thieving) from {OBJ}|\b(?:taking|taken|took|takes) (?:\w+ )?"
        rf"(?:money|cash|cards?|pension|benefits) (?:\w+ )?(?:out of|from|off) (?:his|her|their|"
        rf"my \w+|patients|residents)\b|\b(?:taking|taken|took|takes|using|spending|spent|"
        rf"emptied|emptying|draining|drained) (?:his|her|their|(?:other |the |vulnerable )?"
        rf"(?:patients|residents|service users|people)|my (?:\w+ )?{REL}|a patients) (?:\w+ )?"
        rf"(?:money|cash|pension|benefits|bank cards?|savings|"
        rf"bank account)\b|\bforced to (?:give|hand over|pay|lend) (?:\w+ )?(?:\w+ )?"
        rf"(?:money|cash|cigarettes|fags|tobacco|vapes?|food|belongings)\b|\bbull(?:ied|ying|y|"
        rf"ies) (?:\w+ ){{0,2}}?(?:for|into (?:giving|handing)) (?:his |her |their |my )?"
        rf"(?:money|cash|cigarettes|fags|tobacco|vapes?|food|phones?|belongings|things|"
        rf"stuff)\b|\b(?:asking|asked|asks|pestering|pestered|pressuring|pressured|demanding|"
        rf"demanded|begging|forcing|forced|making|made) (?:\w+ ){{0,2}}?(?:patients|residents|"
        rf"service users|him|her|them|vulnerable \w+|other patients|a patient|the patients) "
        rf"(?:for|to (?:give|hand over|pay|lend)) (?:\w+ )?(?:money|cash|cigarettes|fags|"
        rf"tobacco|vapes?|bank card|pin)\b|\b(?:borrow\w*|taking|took|takes) money (?:from|off) "
        rf"(?:\w+ )?(?:patients|residents|him|her|them|service users|a patient|my {REL})\b",
        "steal stole stolen theft thieving nick pinch went going financial bully bullied "
        "bullying bullies asking asked asks pestering pestered pressuring pressured demanding "
        "demanded begging forcing forced making made borrow taking took takes",
    ),
    rule(
        "safeguarding",
        r"\b(?:selling|sell|sells|sold|dealing|deal|deals|dealt|supplying|supply|supplies|"
        r"supplied|smuggl\w*|sneak\w*|snuck|bringing|brought|bring|brings|pushing) (?:\w+ )?"
        r"(?:in )?(?:drugs|weed|cannabis|spice|mamba|cocaine|coke|heroin|crack|legal highs|"
        r"ketamine|mdma|ecstasy|skunk|contraband|illegal \w+|street drugs)\b|\bdrug (?:dealer\w*|"
        r"dealing)\b|\b(?:drugs|weed|cannabis|spice|cocaine|heroin) (?:\w+ ){0,2}?(?:on|onto|"
        r"into|in) (?:the )?(?:ward|unit|site|hospital|wards)\b",
        "selling sell sells sold dealing deal deals dealt supplying supply supplies supplied "
        "smuggl sneak snuck bringing brought bring brings pushing drug drugs weed cannabis "
        "spice cocaine heroin",
    ),
    rule(
        "safeguarding",
        r"\b(?:having|had|has|have|in|started|start|starting) (?:a |an )?(?:\w+ )?"
        r"(?:relationship|affair|romance|fling|thing) with (?:a|an|one of the|another|one of "
        r"his|one of her) (?:\w+ )?(?:patients?|service users?|clients?|residents?|inpatients?)"
        r"\b|\b(?:inappropriate|romantic|sexual|intimate) (?:relationship|relationships|"
        r"contact)\b|\b(?:sleeping|slept|dating|kissing|kissed|flirting|flirted|having sex|had "
        r"sex|going out) with (?:a|an|one of the|another|the) (?:\w+ )?(?:patients?|service "
        r"users?|residents?|clients?|nurses?|members? of staff|staff members?|carers?|support "
        r"workers?|doctors?|workers?|hcas?)\b|\b(?:messag\w*|text\w*|add\w*|friend "
        r"request\w*|follow\w*|contact\w*) (?:\w+ ){0,2}?(?:patients|me|her|him|a patient|my "
        r"\w+) (?:on|via|through) (?:facebook|instagram|snapchat|social media|whatsapp|"
        r"tiktok|their personal|his personal|her personal)\b|\bgave (?:me|her|him|my \w+) "
        r"(?:his|her) (?:personal|own|private) (?:phone |mobile )?number\b",
        "having had has have in started start starting inappropriate romantic sexual intimate "
        "sleeping slept dating kissing kissed flirting flirted going messag "
        "text add friend follow contact gave",
    ),
    rule(
        "safeguarding",
        r"\b(?:bullied|picked on|targeted|intimidated|harassed|threatened|hit|attacked|"
        r"assaulted|abused|taken advantage of) (?:\w+ )?by (?:other|another|the other|some|"
        r"older|a|other) (?:\w+ )?(?:patients?|residents?|service users?|inpatients?|"
        r"people on the ward)\b",
        "bullied picked targeted intimidated harassed threatened hit attacked assaulted abused "
        "taken",
    ),
    rule(
        "safeguarding",
        r"\bsocial (?:services|workers?) (?:\w+ ){0,2}?(?:should|need|needs|must|ought) (?:to )?"
        r"(?:know|be "
        r"told|be informed|be involved|get involved|be contacted|be called|look)\b|\b(?:call|"
        r"contact|ring|report\w*|refer\w*|tell|inform\w*) (?:\w+ ){0,3}?(?:to )?social "
        r"services\b",
        "social call contact ring report refer tell inform",
    ),
    rule(
        "safeguarding",
        rf"\b(?:{_CHILDREN}|son|daughter|grandson|granddaughter) (?:\w+ ){{0,3}}?home alone\b|"
        rf"\bleft (?:the|his|her|my|their|a|\w+) (?:\w+ )?(?:kids|children|baby|child|toddler|"
        rf"babies|little ones?) (?:alone|on (?:their|his|her) own|unattended|unsupervised|"
        rf"in the car)\b|\bunsupervised (?:with|around) (?:the )?(?:children|kids|child|"
        rf"young people)\b",
        "child children kid kids baby babies toddler boy girl young teenager grandchild infant "
        "newborn little youngster son daughter grandson granddaughter left unsupervised",
    ),
    rule(
        "safeguarding",
        rf"\b(?:he|she|they|{REL}|patient|i) (?:(?!{_THINGS}\b)\w+ ){{0,2}}?(?:went|gone|goes|"
        # "went missing again" is a person; "was missing my family" is not.
        rf"go|going|keeps going|kept going|is|was|been|were) (?:reported )?missing"
        rf"(?=$| [|,]| from (?!the (?:letter|form|list|notes))| for| again| overnight| at| on| "
        rf"and| since| twice| several| multiple| numerous| last| this| during| when| while| "
        rf"after| before| because| so| in the| with)",
        "missing",
    ),
)

SAFEGUARDING_RULES += (
    rule(
        "safeguarding",
        r"\b(?:ran|run|running|runs|went|gone) (?:away|off|awol) (?:from )?(?:the|his|her|their|"
        r"my) (?:\w+ )?(?:ward|unit|hospital|home|care|placement|school|foster \w+)\b|"
        r"\babsconded\b|\b(?:went|gone|go|going) awol\b|\bescaped from (?:the|his|her) "
        r"(?:ward|unit|hospital)\b",
        "ran run running runs went gone absconded go going escaped",
    ),
    rule(
        "safeguarding",
        r"\bat home (?:is|are|was|were|has been|have been|keeps|kept) (?:\w+ )?(?:hurting|hitting|"
        r"beating|abusing|touching|harming|threatening|scaring|frightening) (?:me|him|her|them|"
        r"us)\b",
        "at",
    ),
    rule(
        "safeguarding",
        r"\b(?:keeps|kept|keep|is|was|been|always) (?:\w+ )?(?:going|coming|walking|getting|"
        r"wandering|sneaking) (?:in|into) (?:the )?(?:women'?s?|female|girls'?|ladies'?|my|her|"
        r"other patients'?|other peoples'?|the other patients'?) (?:\w+ )?(?:bedrooms?|rooms?|"
        r"bathrooms?|toilets?|showers?|dorms?)\b",
        "keeps kept keep is was been always",
        unless=r"\b(?:staff|nurses?|night staff|checks|observations|obs)\b",
    ),
)


SAFEGUARDING_RULES += (
    rule(
        "safeguarding",
        rf"\b(?:dating|shagging|snogging|in love with|going out with|sleeping with|having sex "
        rf"with|seeing) (?:a|an|one of the|another|one of his|one of her) (?:\w+ )?(?:patients?|"
        rf"service users?|residents?|clients?|inpatients?)\b|\b(?:{_CHILDREN}|son|daughter) "
        rf"(?:\w+ ){{0,3}}?(?:is|are|was|were|being|been|gets|getting) (?:\w+ )?(?:abused|hurt|"
        rf"hit|neglected|beaten|exploited|molested|groomed|harmed|starved|locked in|left alone)\b",
        "dating shagging snogging in going sleeping having seeing child children kid kids baby "
        "babies toddler boy girl young teenager grandchild infant newborn little youngster son "
        "daughter",
        unless=r"\bseeing (?:a|another|one of the) (?:\w+ )?patients? (?:at|in|on|every|each|"
        r"today|for|about|who|with)\b|\b(?:doctor|nurse|gp|consultant|psychiatrist) (?:\w+ )?is "
        r"seeing\b",
    ),
    rule(
        "safeguarding",
        r"\bnot (?:\w+ )?want\w* to go (?:back )?home\b",
        "want",
        negatable=False,
        needs=r"\b(?:frightened|scared|afraid|terrified|unsafe|not safe|hurt\w*|abus\w*|hit\w*|"
        r"beat\w*|shout\w*|violen\w*|drunk|drinking)\b",
    ),
)
