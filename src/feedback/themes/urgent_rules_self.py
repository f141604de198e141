"""Urgent rules for suicide and self-harm; feedback.themes.urgent explains how they apply."""

from __future__ import annotations

from feedback.themes.urgent_vocabulary import PILLS, SELF, Rule, rule

_CLINICAL_SUICIDE = (
    r"suicid\w* (?:prevention|awareness|training|rates?|statistics|figures|policy|"
    r"risk assessment|screening|questions|questionnaire|risk|risks)|\b(?:asked|ask|asking|asks)"
    r" (?:\w+ ){0,3}?about (?:suicid\w*|self harm\w*)"
)
_HYPERBOLE_WAIT = r"\b(?:wait\w*|hold|queue\w*|music|phone|call|minutes|hours|form|questions)\b"
_TAKE_PAST = r"(?:took|taken|swallowed|downed|necked)"
_MANY = (
    r"(?:all|a lot of|lots of|loads of|a load of|a handful of|handfuls of|a bottle of|"
    r"a box of|boxes of|a packet of|packets of|a pack of|a strip of|strips of|"
    r"the whole (?:box|packet|pack|bottle|lot|strip|month) of|too many|a bunch of|"
    r"\d{2,}|twenty|thirty|forty|fifty|sixty|hundred|all of|a months worth of|a weeks worth of)"
)
_NOT_WITH = (
    r"(?! (?:with|as|to|in|into|on time|at|every|each|daily|a day|per|twice|correctly|"
    r"properly|regularly|for the day|today|that day|off|away|home|back|out|from|before|"
    r"after|and (?:i|was|felt) (?:fine|better)))"
)

SUICIDE_RULES: tuple[Rule, ...] = (
    rule(
        "suicide",
        r"\bsuicid\w*",
        "suicid",
        resolvable=True,
        unless=_CLINICAL_SUICIDE,
    ),
    rule(
        "suicide",
        rf"\b(?:kil+\w*|hang\w*|hung|top\w*|off\w*|drown\w*|shoot\w*|shot|poison\w*|gas\w*|"
        rf"suffocat\w*|strangl\w*|unaliv\w*|end\w*|electrocut\w*|dead) {SELF}\b",
        "kil kill hang hung top off drown shoot shot poison gas suffocat strangl unaliv end "
        "electrocut dead",
        resolvable=True,
        unless=rf"\blaugh\w*|\b(?:nearly|almost) kil+\w* {SELF}\b(?=.*\b(?:trip\w*|fall\w*|"
        rf"fell|slip\w*|stairs|steps?|getting|rushing|running|lifting|carrying|ice|icy)\b)",
    ),
    rule("suicide", r"\bunaliv\w*", "unaliv", resolvable=True),
    rule(
        "suicide",
        r"\b(?:end|ending|ended|ends|take|taking|took|taken|takes) (?:my|his|her|their|your) "
        r"(?:own )?li(?:fe|ves)\b(?! back| into| in (?:my|his|her) (?:own )?hands| forward)",
        "end tak took",
        resolvable=True,
    ),
    rule(
        "suicide",
        r"\b(?:end|ending|ended) it all\b|\b(?:want\w*|going|think\w*|thought|feel\w*|felt|"
        r"tempt\w*|consider\w*|plan\w*|tried|try\w*|close|about|decided|will|might|ready|"
        r"urges?|wish|means) (?:(?:to|of|about|like|on) )?(?:just )?(?:end|ending) "
        r"(?:it|things|everything|my life|it all)\b(?! with| there| for| here| now| early| "
        r"soon| off)",
        "end ending ended",
        resolvable=True,
    ),
    rule(
        "suicide",
        r"\b(?:want\w*|wish\w*|ready|longing|praying|pray|hoping|rather|would like|long) "
        r"(?:to |i |i could |i would |i was |i were |i had |i just |to just |just |he |she |"
        r"he could |she could |he was |she was |we )?"
        r"(?:die|be dead|was dead|were dead|had died|died|not be here|was not here|were not "
        r"here|was gone|were gone|not be around|not exist|not wake up|never wake up|not be "
        r"alive|never been born|had never been born|was never born|disappear forever|"
        r"be with (?:my|his|her) (?:late|dead) \w+)\b"
        r"(?! of| from| laughing| for| at home| peaceful\w*| with dignity| in (?:a |the )?"
        r"hospice| in hospital| at the hospice| in (?:my|his|her|their) own| comfortabl\w*|"
        r"in (?:my|his|her|their) (?:sleep|bed)| at (?:his|her|my) home)",
        "want wanna wish ready longing pray hoping rather would long",
        resolvable=True,
        unless=r"\b(?:embarrass\w*|cringe\w*|mortified|ashamed|shame|laugh\w*|pain|agony|"
        r"painful)\b|\brather die than\b",
    ),
    rule(
        "suicide",
        r"\b(?:better|happier|easier)(?: off)? (?:for (?:everyone|everybody|them|my \w+|all) )?"
        r"(?:if i (?:just |really )?(?:was|were|am|was just|were just) (?:not (?:here|around|"
        r"alive)|gone|dead|"
        r"not in (?:their|the) way)|without me(?: around| here)?)\b",
        "better happier easier",
    ),
    rule(
        "suicide",
        r"\bbetter off (?:dead|without me|without him|without her|if i (?:was|were) "
        r"(?:dead|gone|not here)|gone)\b",
        "better",
        resolvable=True,
    ),
    rule(
        "suicide",
        r"\bnot (?:\w+ ){0,2}?(?:want\w*|wish\w*) (?:to )?(?:be alive|exist|existing|wake up|"
        r"be around|living)\b|\bnot (?:\w+ )?want\w* to (?:live|go on|carry on|be here|"
        r"be on this earth|be in this world)(?: like this)?(?: (?:anymore|any longer|no more|"
        r"on this earth|in this world)|(?= [|,])|$)",
        "want wanted wanting wish",
        negatable=False,
        resolvable=True,
    ),
    rule(
        "suicide",
        r"\b(?:no|see the|see any|what is the|lost the|lost all|lost my|any) (?:point|reason|"
        r"will|purpose|desire|motivation) (?:in |of |to |for )?(?:me )?(?:keep |keeping |go |"
        r"going |carry |carrying )?(?:living|life|on living|on|going on|carrying on|being alive|"
        r"existing|live|be alive|exist|in life|being here anymore|being on this earth|trying "
        r"anymore|anything anymore)\b(?! (?:with|at|in|the|this|that|my|those|these|calling|"
        r"ringing|phoning|asking|complaining|waiting|coming|going|trying to)\b)|"
        r"\b(?:life|living) (?:is|feels|seems) (?:\w+ )?(?:pointless|"
        r"not worth living|meaningless|worthless)\b|\bnot worth living\b|\bnothing (?:left )?"
        r"to live for\b|\blost (?:all |the |my )?(?:will|reason|desire) to live\b|\bno will "
        r"to live\b",
        "point reason will purpose desire motivation life living worth nothing lost",
        negatable=False,
        resolvable=True,
        unless=_HYPERBOLE_WAIT,
    ),
    rule(
        "suicide",
        rf"\b(?:can not|could not|can no longer|unable to|not able to|struggl\w* to|not sure "
        rf"(?:i|he|she) can|do not think (?:i|he|she) can) (?:keep|stay|be) {SELF}? ?safe\b|"
        rf"\b(?:can not|could not) (?:go on|carry on|cope) (?:anymore|any longer|much longer|"
        rf"like this anymore)\b|\b(?:can not|could not) do this anymore\b",
        "keep stay safe go carry cope do",
        negatable=False,
        resolvable=True,
    ),
    rule(
        "suicide",
        r"\b(?:jump\w*|throw\w*|threw) (?:myself |himself |herself )?(?:off|from|in front of|"
        r"under|into|onto) (?:a|the|an) (?:\w+ )?(?:bridge|building|roof|cliff|car park|multi "
        r"storey|train|bus|lorry|motorway|railway|tracks?|traffic|sea|river|canal|balcony|"
        r"window|cliffs)\b|\b(?:step\w*|walk\w*|lie|lay|laid|lying|run|ran|running) (?:out )?"
        r"(?:in front of|under|into) (?:a|the|an) (?:\w+ )?(?:train|bus|lorry|traffic|sea|river|"
        r"canal|motorway|oncoming \w+)\b",
        "jump throw threw step walk lie lay laid lying run ran running",
        resolvable=True,
        accidental=True,
    ),
    rule(
        "suicide",
        r"\b(?:noose|rope|belt|cord|scarf|ligature) (?:\w+ ){0,3}?(?:round|around) (?:my|his|"
        r"her|their) neck\b|\btied (?:\w+ ){0,3}?(?:round|around) (?:my|his|her|their) neck\b"
        r"|\bnoose\b",
        "noose rope belt cord scarf ligature tied",
        resolvable=True,
    ),
    rule(
        "suicide",
        r"\b(?:hope|hoping|wish|wishing|pray|praying|want|wanting)\w* (?:i|to|he|she) "
        r"(?:do not|does not|would not|will not|never|not) (?:\w+ )?wake up\b|\bgo to sleep "
        r"and (?:never|not) wake up\b",
        "hope hoping wish pray want sleep",
        negatable=False,
        resolvable=True,
    ),
    rule(
        "suicide",
        r"\b(?:suicide|goodbye|farewell) (?:note|letter)s?\b|\b(?:wrote|written|writing|left) "
        r"(?:a|my|his|her) (?:\w+ )?(?:goodbye|farewell|final) (?:note|letter)s?\b|"
        r"\b(?:letters?|notes?|messages?|cards?) (?:\w+ ){0,4}?saying (?:goodbye|sorry for "
        r"everything)\b",
        "suicide goodbye farewell wrote written writing left letter letters note notes message "
        "messages card cards",
        resolvable=True,
    ),
    rule(
        "suicide",
        rf"\b(?:care|notice|miss me|matter|bother)\w* if (?:i|he|she) (?:died|was dead|were "
        rf"dead|was gone|were gone|was not here|were not here|killed {SELF}|disappeared)\b",
        "care cared notice miss matter bother",
        negatable=False,
        resolvable=True,
    ),
    rule(
        "suicide",
        r"\b(?:thoughts?|thinking|think|thinks|thought|ideas?|ideation) (?:of|about) (?:death|"
        r"dying|ending|suicide|"
        r"killing|not being here|not waking up|taking my (?:own )?life)\b|\bdark thoughts\b|"
        r"\bthoughts of ending\b",
        "thought think idea ideation dark",
        resolvable=True,
    ),
    rule(
        "suicide",
        r"\b(?:attempt\w*|tried|try\w*) (?:\w+ ){0,2}?(?:on (?:my|his|her|their) (?:own )?life|"
        r"to (?:commit|take (?:my|his|her) (?:own )?life|end (?:my|his|her) life|end it|"
        r"hang|kill))\b",
        "attempt tried try",
        resolvable=True,
    ),
)

SUICIDE_RULES += (
    rule(
        "suicide",
        r"\b(?:tired|sick|fed up|done|finished|had enough|weary|exhausted) (?:of|with) "
        r"(?:living|life|being alive|existing|this life|my life|being here|it all|everything) ?"
        r"(?:anymore|now)?(?=$| [|,]| anymore| now)|\b(?:give|given|giving|gave) up on (?:life|"
        r"living|myself|everything)\b|\b(?:might|may) as well (?:be dead|die|kill (?:my|him|"
        r"her)self|not be here|not exist|end it)\b|\b(?:only|one|best|easiest) (?:way out|"
        r"option|answer|solution|thing left)(?: left)? (?:is|would be|seems|was) (?:to )?(?:die|"
        r"death|dying|end it|ending it|suicide|kill (?:my|him|her)self|not be here)\b|"
        r"\bdeath (?:is|seems|would be) (?:the )?(?:only|best|easiest) (?:way|option|answer)",
        "tired sick fed done finished had weary exhausted give given giving gave might may "
        "only one best easiest death",
        resolvable=True,
    ),
    rule(
        "suicide",
        r"\b(?:plan\w*|researching|research\w*|looking up|looked up|googl\w*|search\w*) (?:how|"
        r"ways?|methods?) (?:to |i would |i could |i might |i will )?(?:do it|end it|die|end my "
        r"life|kill|hang|overdose|not wake up)\b|\b(?:disappear|vanish) (?:forever|for good|off "
        r"the face of the earth|and never come back|and not come back)\b|\b(?:do|doing|done|did) "
        r"something (?:stupid|silly|drastic|daft|to myself|i will regret)\b|\b(?:want\w*|wish\w*"
        r"|need\w*) (?:it all|everything|my life|life|all of this|this life) to (?:end|stop|be "
        r"over)\b|\b(?:stood|standing|sat|sitting|climbed|climbing) (?:on|onto|up|at) (?:the|a) "
        r"(?:edge of (?:the|a) )?(?:bridge|cliff|cliff edge|ledge|roof|railway line|train "
        r"tracks|tracks|top of the car park)\b",
        "plan research looking looked googl search disappear vanish do doing done did want "
        "wish need stood standing sat sitting climbed climbing",
        resolvable=True,
        unless=r"\b(?:pain|wait\w*|queue|call|phone|appointment|day|shift|week)\b(?= to "
        r"(?:end|stop|be over))",
    ),
)

SUICIDE_RULES += (
    rule(
        "suicide",
        r"\b(?:no one|nobody|noone|not one person|none of them) (?:would|will|is going to|is gonna"
        r") (?:even )?(?:miss|notice|care about) (?:me|him|her)\b(?! (?:if|when) (?:i|he|she) "
        r"(?:left|leave|moved|move|went|go|stopped|stop)\b)|\b(?:talks?|talking|talked|speaks?|"
        r"speaking|spoke) (?:a lot |all the time |constantly )?about (?:dying|death|suicide|"
        r"killing (?:him|her|my)self|ending (?:it|his life|her life|my life)|wanting to die|not "
        r"being here|not wanting to live)\b",
        "no nobody noone not none talk talks talking talked speak speaks speaking spoke",
        negatable=False,
        resolvable=True,
    ),
)

SUICIDE_RULES += (
    rule(
        "suicide",
        r"\b(?:do not know|not sure|no idea|wonder) how (?:much )?(?:longer|long) (?:i|he|she) "
        r"(?:can|could|will be able to) (?:keep going|go on|carry on|hold on|keep living|keep "
        r"myself safe|stay alive|last)\b|\b(?:easier|better|simpler|kinder) (?:for everyone )?"
        r"(?:to|if i) (?:just )?(?:not wake up|never wake up|die|died|not be here|was not here|"
        r"were not here|end it|disappear|not exist|be dead|not be alive)\b",
        "do not no wonder easier better simpler kinder",
        negatable=False,
        resolvable=True,
    ),
)

SUICIDE_RULES += (
    rule(
        "suicide",
        rf"\b(?:got|have|saved|collected|bought|kept|hidden|stored|hoarded) (?:the|my|enough|all "
        rf"the|some|a|a bottle of|a box of) (?:\w+ )?(?:{PILLS}|rope|blades|razor blades|pills) "
        rf"(?:ready|saved up|stored up|put by|to do it|to end it|for when|hidden away)\b",
        "got have saved collected bought kept hidden stored hoarded",
        resolvable=True,
    ),
)

SELF_HARM_RULES: tuple[Rule, ...] = (
    rule(
        "self-harm",
        r"\bself (?:harm\w*|har[nm]\w*|ham\w*|arm\w*|injur\w*|hurt\w*|mutilat\w*|"
        r"destruct\w*|inflicted|poisoning|cutting|abuse)\b",
        "self",
        resolvable=True,
        unless=r"self harm (?:awareness|training|policy|policies)\b|\b(?:asked|ask|asking|asks) "
        r"(?:\w+ ){0,3}?about self harm\w*",
    ),
    rule(
        "self-harm",
        rf"\b(?:cut|cutting|cuts|slit|slitting|slash\w*|carv\w*|scratch\w*|burn\w*|burnt|"
        rf"hurt\w*|harm\w*|injur\w*|punch\w*|hit|hits|hitting|bit|bite|bites|biting|bash\w*|"
        rf"bang\w*|starv\w*|scald\w*|stab\w*|pick\w*|mutilat\w*|strangl\w*|chok\w*|"
        rf"poison\w*|damag\w*|punish\w*|skin\w*|bruis\w*) {SELF}\b(?! up| off| out| into| to)",
        "cut slit slash carv scratch burn hurt harm injur punch hit bit bite bash bang starv "
        "scald stab pick mutilat strangl chok poison damag punish skin bruis",
        resolvable=True,
        accidental=True,
        unless=r"\bhurt\w* (?:my|him|her)self (?:when|by falling|in a fall)\b",
    ),
    rule(
        "self-harm",
        r"\b(?:cut|cutting|cuts|slit|slitting|slash\w*|scratch\w*|burn\w*|burnt|carv\w*|"
        r"scrap\w*) (?:into )?(?:my|his|her|their) (?:own )?(?:arms?|wrists?|legs?|thighs?|"
        r"skin|stomach|tummy|belly|body|face|neck|throat|forearms?|hips?|ankles?)\b",
        "cut slit slash scratch burn carv scrap",
        resolvable=True,
        accidental=True,
    ),
    rule(
        "self-harm",
        r"\b(?:scars?|cuts|wounds|burns|marks) (?:\w+ ){0,2}?(?:on|all over|up) (?:my|his|her|"
        r"their) (?:arms?|wrists?|legs?|thighs?|forearms?|stomach|body)\b|\b(?:fresh|new|"
        r"deep|self inflicted) (?:cuts|wounds|scars|burns)\b",
        "scar scars cuts wounds burns marks fresh new deep self",
        resolvable=True,
        accidental=True,
    ),
    rule(
        "self-harm",
        r"\b(?:been|started|start|starting|keep|keeps|kept|back to|gone back to|went back to|"
        r"relapsed|relapse|urges? to|urge to) (?:\w+ )?(?:cutting|self harming|harming|"
        r"burning|scratching|hurting|cut|harm|burn)\b(?! (?:down|back|off|out|the|corners|"
        r"costs|waiting|services|funding|budget|hair|nails|grass|it|times|staff))"
        r"|\b(?:cutting|harming|hurting|burning|self harming) again\b",
        "been started start starting keep keeps kept back gone went relapse relapsed urge "
        "urges cutting harming hurting burning self",
        resolvable=True,
        accidental=True,
    ),
    rule(
        "self-harm",
        r"\b(?:take|took|taken|taking|takes|had|have|having|did|do|done|doing|attempted|"
        r"attempt|another|an|an other|after|from|my|his|her|their|to|massive|multiple|"
        r"several|two|three|serious|deliberate|intentional|recent) (?:a |an |another |massive |"
        r"huge |big |small |serious |deliberate |intentional |large |major |\w+ )?"
        r"(?:od|ods)\b|"
        # Overdose is rarely anything else in patients' words; the exceptions are listed below.
        rf"\boverdos\w*\b(?! of (?!(?:my |his |her |their |the )?(?:{PILLS}|drugs|heroin|"
        rf"cocaine|pills))\w+)",
        "overdos od ods",
        resolvable=True,
        accidental=True,
        unless=r"\b(?:gave|given|giving|administered|prescribed|dispensed) (?:\w+ ){0,3}?"
        r"(?:an )?overdose|\boverdose (?:risk|training|awareness|kit|naloxone|prevention)\b|"
        r"\b(?:risk|danger|chance) of (?:an )?overdos\w*",
    ),
    rule(
        "self-harm",
        # Bounded, single-word steps: an unbounded run of overlapping words backtracks forever.
        rf"\b{_TAKE_PAST} (?:(?:\w+ )?{_MANY}) (?:(?:my|his|her|their|the|of|sleeping|strong|"
        rf"prescribed|remaining|spare|saved|stockpiled|mums?|dads?) ){{0,3}}?"
        rf"{PILLS}\b{_NOT_WITH}|\b(?:going to|want\w* to|will|thinking of|"
        rf"thought about|thinking about|tempted to|about to|plan\w* to|considered|considering) "
        rf"(?:take|taking|swallow|swallowing|down|downing) {_MANY} "
        rf"(?:(?:my|his|her|the|of) ){{0,3}}{PILLS}\b",
        "took taken swallowed swallow downed necked had going want will thinking thought "
        "tempted about plan consider",
        resolvable=True,
        accidental=True,
    ),
    rule(
        "self-harm",
        r"\b(?:bang\w*|hit\w*|bash\w*|smash\w*|butt\w*) (?:his|her|their) head (?:\w+ ){0,3}?"
        r"(?:on|against|off|into)\b|\bhead ?bang\w*|\bheadbang\w*|\bhead ?butt\w* (?:the )?"
        r"walls?\b",
        "bang hit bash smash butt head headbanging",
        resolvable=True,
        accidental=True,
    ),
    rule(
        "self-harm",
        r"\bligatur\w*\b(?! (?:points?|risks?|free|anchor\w*|cutters?|audits?|assessments?|"
        r"reduction))",
        "ligatur",
        resolvable=True,
    ),
    rule(
        "self-harm",
        r"\b(?:swallow\w*|insert\w*|push\w* in) (?:\w+ ){0,2}?(?:batteries|battery|blades?|"
        r"razors?|glass|objects|items|pens|coins|screws|nails|magnets|pins|needles)\b|"
        rf"\b(?:hid|hiding|hidden|found|finding|stockpil\w*|saving up|saved up|stashing|stashed|"
        rf"hoarding|hoarded|collecting) (?:\w+ ){{0,2}}?(?:blades|razor blades|razors|"
        rf"{PILLS})\b(?! (?:in the (?:cupboard|drawer|bin)))",
        "swallow insert push hid hiding hidden found finding stockpil saving saved stashing "
        "stashed hoarding hoarded collecting",
        resolvable=True,
        accidental=True,
        unless=r"\b(?:found|finding) (?:\w+ ){0,2}?(?:tablets|pills|meds|medication) "
        r"(?:that|which|worked|work|suit|helped)\b|\bfound (?:the )?right\b",
    ),
    rule(
        "self-harm",
        r"\burges? (?:to |of )?(?:cut|cutting|burn|harm|hurt|self|starve|purge)\w*\b|"
        r"\b(?:want\w*|need\w*|tempted|going) to (?:cut|burn|hurt|harm)(?: again| so bad\w*| "
        r"really bad\w*)?(?=$| [|,])",
        "urge urges want need tempted going",
        resolvable=True,
    ),
    rule(
        "self-harm",
        r"\b(?:bit|bite|bites|biting|bitten|scratch\w*|cut\w*|burn\w*|hit\w*|punch\w*|bang\w*|"
        r"pick\w*|bash\w*|smash\w*|slap\w*) (?:at )?(?:his|her|my|their) (?:own )?(?:hands?|arms?|"
        r"fingers?|legs?|wrists?|face|head|skin|lips?|nails|knuckles|thighs?|stomach|body) "
        r"(?:\w+ ){0,2}?(?:until|till|til|so hard|and|to make) (?:\w+ ){0,2}?(?:bleed\w*|bled|"
        r"bruis\w*|raw|scar\w*|marks|blood)\b|\b(?:bit|bite|bites|biting|scratch\w*|cut\w*|"
        r"burn\w*|hit\w*|punch\w*|slap\w*) (?:his|her|my|their) (?:own )?(?:hands?|arms?|"
        r"wrists?|legs?|face|head|skin) (?:on purpose|deliberately|to hurt)\b",
        "bit bite bites biting bitten scratch cut burn hit punch bang pick bash smash slap",
        resolvable=True,
        accidental=True,
    ),
    rule(
        "self-harm",
        r"\b(?:pick\w*|pull\w*|rip\w*|tear\w*|scratch\w*|gouge\w*) (?:at )?(?:his|her|their|my) "
        r"(?:own )?(?:skin|scabs?|wounds?)\b|\b(?:pull\w*|rip\w*|tear\w*) (?:out )?(?:his|her|"
        r"their) (?:own )?hair(?: out)?\b|\b(?:punch\w*|hit\w*|bang\w*|kick\w*) (?:the |a )?"
        r"walls? (?:until|till|so hard|and (?:broke|broken|bruised|cut))\b",
        "pick pull rip tear scratch gouge punch hit bang kick",
        resolvable=True,
        accidental=True,
    ),
)
