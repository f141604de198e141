"""Urgent rules for abuse and neglect; feedback.themes.urgent explains how they apply."""

from __future__ import annotations

from feedback.themes.urgent_vocabulary import OBJ, PEOPLE, PILLS, REL, SELF, STAFF, SUBJ, Rule, rule

_PHYS = (
    r"(?:hit|hits|hitting|slapped|slapping|slaps|slap|punched|punching|punches|punch|"
    r"kicked|kicking|kicks|pinched|pinching|strangled|strangling|choked|choking|throttled|"
    r"smacked|smacking|smacks|thumped|thumping|battered|battering|beats|beat|beating|"
    r"strangle|strangles|choke|chokes|throttle|throttles|"
    r"scratched|headbutted|elbowed|kneed|bit|bitten|spat at|spat on|spitting at|"
    r"sat on|knelt on|stamped on|slammed|shook|shaking|shakes|hurt|hurts|hurting|"
    r"assaulted|attacked|attacking|abused|abusing|abuses)"
)
_DRAG = (
    r"(?:pushed|pushing|pushes|shoved|shoving|shoves|grabbed|grabbing|grabs|dragged|pinned|"
    r"pinning|pins|held|holding|forced|forcing|"
    r"dragging|drags|yanked|yanking|pulled|pulling|threw|thrown|throwing)"
)
_DIRECTION = (
    r"(?:over|down|away|around|about|to the (?:floor|ground)|on to the (?:floor|ground|bed)|"
    r"onto the (?:floor|ground|bed)|against|into (?:a|the) (?:wall|door|chair|bed)|"
    r"by (?:the|his|her|my|their) (?:arms?|wrists?|hair|neck|throat|collar|clothes|legs?)|"
    r"across|along|up the|off the (?:bed|chair)|out of (?:bed|the chair|the bath)|"
    r"into (?:his|her|their|my|the|a) (?:\w+ )?(?:room|bedroom|wall|door|chair|bed|corner|car|"
    r"van|seclusion)|"
    r"round the (?:neck|throat)|(?:onto|on to) the)"
)

ABUSE_RULES: tuple[Rule, ...] = (
    rule(
        "abuse",
        r"\babus(?:e|ed|es|ive|ing|er|ers|ively)\b",
        "abus",
        unless=r"\b(?:substance|substances|drug|drugs|alcohol|solvent)(?: and alcohol)? "
        r"(?:ab|mis)use|\babus\w* (?:of )?(?:the |our |this |a )?(?:system|service|services|"
        r"ambulance|999|111|a and e|nhs|privilege|emergency|\w+ service)\b|\babuse to (?:my|"
        r"the|our) (?:ears|eyes|senses)\b",
    ),
    rule(
        "abuse",
        rf"\b(?:{SUBJ}|and|who|then) (?:(?:has|had|have|was|were|is|are|keeps|kept|would|did|"
        rf"then|also|just|actually|repeatedly|deliberately|physically|used to|always|often|"
        rf"sometimes|even) ){{0,3}}{_PHYS} {OBJ}\b(?! on | against | off | by accident| "
        rf"accidentally| and miss| back)",
        "hit slapped slapping slaps slap punch kicked kicking kicks pinch strangl chok throttl "
        "smack thump batter beat scratched headbutted elbowed kneed bit bitten spat spitting "
        "sat knelt stamped slammed shook shaking shakes hurt hurts hurting assault attack abus",
        accidental=True,
        unless=r"\bbeat (?:me|him|her|us|them) (?:at|in|to|by|hands)\b|"
        r"\b(?:car|van|vehicle|bus|bike|lorry|ball|door|hit and miss|hit the|pain|"
        r"needle|injection|cannula|blood test|jab)\b",
    ),
    rule(
        "abuse",
        rf"\b(?:{SUBJ}|and|who|then) (?:(?:has|had|have|was|were|is|are|keeps|kept|would|did|"
        rf"then|also|just|roughly|physically|violently|forcefully|deliberately|used to) ){{0,3}}"
        rf"{_DRAG} "
        rf"{OBJ} "
        rf"(?:\w+ )?{_DIRECTION}",
        "push shov grab drag yank pull threw thrown throw pin held holding forc",
        accidental=True,
    ),
    rule(
        "abuse",
        rf"\b(?:was|were|been|being|got|get|gets|getting|is|are) (?:\w+ ){{0,2}}?(?:{_PHYS}|"
        rf"{_DRAG}|beaten up|roughed up|manhandled|molested|groped|raped|punched|"
        rf"mugged|stabbed|restrained|threatened|intimidated) (?:\w+ )?(?:by|at the hands of) "
        rf"(?:a |an |the |one of the |another |other |some |two |three |several |his |her |my |"
        rf"their )?(?:\w+ ){{0,2}}?(?:{STAFF}|{PEOPLE}|{REL}|visitor|neighbou?r|stranger|"
        rf"gang|group)\b",
        "was were been being got get gets getting is are",
        accidental=True,
        unless=r"\b(?:car|van|vehicle|bus|bike|lorry|ball|door)\b",
    ),
    rule(
        "abuse",
        r"\b(?:was|were|been|being|got|get|gets|getting|is|are|had been) (?:\w+ ){0,2}?"
        r"(?:assaulted|attacked|beaten|beaten up|battered|raped|molested|groped|strangled|"
        r"stabbed|mugged|roughed up|manhandled|sexually \w+|spat at|spat on|punched|slapped)"
        r"\b(?! out| off| to it| in)",
        "was were been being got get gets getting is are had",
        accidental=True,
    ),
    rule(
        "abuse",
        rf"\b(?:assault\w*|attack\w*) (?:on )?{OBJ}\b|\bassault\w*\b(?! on (?:the|my) "
        rf"(?:senses|ears|eyes|nose)| course)|\bmanhandl\w*|\brough ?handl\w*|\bhandled "
        rf"(?:me|him|her|them|\w+ \w+) (?:roughly|rough)\b|\b(?:too|very|so) rough with {OBJ}|"
        rf"\bheavy handed with {OBJ}|\broughed up\b|\b(?:was|were|being|is|are|been|get|got|"
        rf"gets) (?:\w+ )?(?:rough|aggressive|violent) with {OBJ}\b",
        "assault attack manhandl rough roughhandl handled too very so heavy roughed was were "
        "being is are been get got gets",
        accidental=True,
        unless=r"\b(?:heart|panic|asthma|anxiety) attack",
    ),
    rule(
        "abuse",
        r"\brestrain\w*\b",
        "restrain",
        needs=r"\b(?:bruis\w*|hurt\w*|injur\w*|too hard|too tight\w*|rough\w*|excessive\w*|"
        r"unnecessar\w*|pain\w*|broke\w*|broken|not breathe|knee\w*|kneel\w*|sat on|face down|"
        r"prone|marks|sprain\w*|dislocat\w*|twist\w*|brutal\w*|heavy handed|for no reason|"
        r"punish\w*|assault\w*|violent\w*|unlawful\w*|illegal\w*|bleed\w*|bled|cuts|sore|"
        r"screaming|crying|by \w+ (?:staff|men))\b",
    ),
    rule(
        "abuse",
        r"\b(?:unexplained|suspicious|mysterious|strange|odd|unexpected) (?:\w+ )?(?:bruis\w*|"
        r"injur\w*|marks|cuts|burns|fractures?|scratches)\b|\b(?:came|come|coming|comes) "
        r"(?:home|back) (?:\w+ ){0,4}?(?:bruis\w*|injur\w*|marks|cuts|black eye|scratches|"
        r"fracture)\b|\bcovered in bruis\w*|\bbruis\w* (?:\w+ )?(?:all )?(?:on|over|around|"
        r"round) (?:his|her|my|their) (?:arms?|wrists?|legs?|face|body|neck|back|chest|"
        r"thighs?|shoulders?)\b|\b(?:grip|finger|fingertip|hand) (?:marks|bruis\w*)\b",
        "unexplained suspicious mysterious strange odd unexpected came come coming comes "
        "covered bruis grip finger fingertip hand",
        accidental=True,
        unless=r"\b(?:blood|cannula|injection|needle|jab|vaccin\w*|drip|tourniquet|warfarin|"
        r"blood thinners?|surgery|operation)\b",
    ),
    rule(
        "abuse",
        rf"\bsexual\w* (?:assault\w*|abus\w*|harass\w*|inappropriat\w*|touch\w*|advances?|"
        rf"comments?|remarks?|behaviou?r|contact|activity|exploit\w*|jokes?|gestures?|"
        rf"favours?|messages?)\b|\brap(?:e|ed|es|ing|ist)\b(?! alarm)|\bmolest\w*|\bgrop\w*|"
        rf"\b(?:touch\w*|fondl\w*|strok\w*|kiss\w*|rubb\w*) (?:{OBJ} )?(?:inappropriately|"
        rf"sexually|intimately|up|down there|in a sexual way|in an inappropriate way|between "
        rf"(?:my|his|her) legs|(?:my|his|her) (?:breasts?|boobs?|bum|bottom|private\w*|"
        rf"genitals|crotch|chest|thighs?|groin))\b|\btouch\w* (?:\w+ ){{0,3}}?(?:breasts?|boobs?|"
        rf"bum|bottom|private parts|privates|genitals|crotch|groin|penis|vagina|willy)\b(?! lip| "
        rf"teeth| step| drawer| of)|\b{STAFF} (?:\w+ )?kissed (?:me|him|her|my \w+)\b|"
        rf"\binappropriate(?:ly)? touch\w*|\b(?:comments?|remarks?|jokes?) about (?:my|her|his) "
        rf"(?:body|breasts?|boobs?|figure|bum|bottom|chest|legs|sex life)\b|\btried to (?:kiss|"
        rf"touch|grope|undress|feel up|get into bed with) (?:me|her|him|my \w+)\b|\bexposed "
        rf"(?:himself|herself|themselves)\b|\bindecent\w*|\bflash\w* (?:me|at me|himself|"
        rf"herself)\b|\bsent (?:me|her|him) (?:\w+ )?(?:nudes?|naked|explicit|sexual|dick|"
        rf"porn\w*) ?(?:pics?|pictures?|photos?|images?|messages?)?\b|\bask\w* (?:me|her|him|"
        rf"them|my \w+ |for )?(?:for|to have|to send) (?:\w+ )?(?:sex|nudes?|naked|sexual|"
        rf"explicit|sexy|indecent)\b|\b(?:forced|made|tried|wanted) (?:me|her|"
        rf"him) to (?:have sex|perform|touch (?:him|her))\b|\bforced (?:himself|herself) on\b",
        "sexual sexually rap rape raped rapes raping rapist molest grop touch fondl strok kiss "
        "rubb inappropriate inappropriately exposed indecent flash sent ask forced made "
        "comment comments remark remarks joke jokes "
        "tried wanted",
    ),
    rule(
        "abuse",
        rf"\b(?:swore|swearing|sworn|screamed|screaming|yelled|spat) at {OBJ}(?: and| \,)"
        rf"|\b(?:swore|swearing|sworn|cursed|cursing) at {OBJ}\b|\bhumiliat\w* {OBJ}\b|"
        rf"\bhumiliat\w* by (?:the |a |one of the |some |two )?(?:\w+ )?{STAFF}\b|"
        rf"\b(?:as|for) (?:a )?punishment\b|"
        rf"\b(?:degrad\w*|belittl\w*|mock\w*|taunt\w*|tormen\w*|ridicul\w*|demean\w*) {OBJ}\b|"
        rf"\bmade fun of {OBJ}|\blaughed at {OBJ}\b|\bcall\w* {OBJ} (?:names|a \w+ \w+|a \w+|"
        rf"an \w+|fat|stupid|ugly|thick|retarded|mental|crazy|psycho|nutter|useless|lazy|"
        rf"pathetic|disgusting|horrible|vile)\b",
        "swore swearing sworn screamed screaming yelled spat cursed cursing humiliat as for "
        "were being been got degrad belittl mock taunt tormen ridicul demean made laughed call",
        unless=r"\bcall\w* (?:me|him|her|them) (?:a taxi|an ambulance|back|a cab|an uber)\b|"
        r"\blaughed at (?:my|his|her) jokes?\b|\bcall\w* (?:me|him|her) (?:a (?:few|couple|"
        r"lot)|an hour|a day|a week|a month)",
    ),
    rule(
        "abuse",
        r"\bbull(?:y|ied|ies|ying)\b(?! (?:for|into))",
        "bully bullied bullies bullying",
        # Children bullied at school are the CAMHS team's everyday work, not an alert.
        unless=r"\banti bullying\b|\b(?:at|in|from) (?:school|college|uni|university|work)\b|"
        r"\bcyber\w*|\bby (?:other )?(?:kids|children|pupils|classmates|students)\b",
    ),
    rule(
        "abuse",
        rf"\btold (?:me|him|her|them|us|my \w+) to (?:go )?(?:kill|hang|hurt|harm|cut) {SELF}",
        "told",
        negatable=False,
    ),
    rule(
        "abuse",
        r"\bdomestic (?:violence|abuse|abused|assault)\b|"
        r"\b(?:abusive|violent|controlling|coercive|aggressive) (?:\w+ )?(?:partner|"
        r"relationship|husband|wife|boyfriend|girlfriend|ex|marriage|home|parents?|father|"
        r"mother|dad|mum|stepdad|step dad|family|household|son|daughter|brother|sister)\b|"
        r"\bcoercive\w*|\b(?:scared|afraid|frightened|terrified) (?:\w+ )?of (?:my|her|his|"
        r"their) (?:\w+ )?(?:husband|partner|boyfriend|girlfriend|dad|father|stepdad|step dad|"
        r"ex|mum|mother|son|brother|wife)\b",
        "domestic abusive violent controlling coercive aggressive scared afraid frightened "
        "terrified",
    ),
    rule(
        "abuse",
        rf"\blocked {OBJ} (?:in|up|out)\b|\b(?:was|were|being|been|is|are) locked in (?:a|the|"
        rf"his|her|their|my) (?:\w+ )?(?:room|bedroom|cupboard|toilet|bathroom)\b|\btied {OBJ} "
        rf"(?:to|up|down)\b|\bstrapped (?:{OBJ} )?(?:to|down)\b|\b(?:withheld|withholding|"
        rf"refused|refusing|denied|took away) (?:\w+ ){{0,2}}?(?:food|water|drinks?|meals?|"
        rf"fluids) (?:as|for) (?:a )?punishment\b",
        "locked was were being been is are tied strapped withheld withholding refused refusing "
        "denied took",
        unless=r"\blocked (?:me|us|him|her|them) out\b(?! of (?:the|his|her|my) (?:room|"
        r"bedroom|house|home))",
    ),
)

ABUSE_RULES += (
    rule(
        "abuse",
        r"\b(?:grabbed|grabbing|grabs|squeezed|squeezing|twisted|twisting|yanked|yanking|pulled|"
        r"pulling|pinched|pinching|gripped|gripping|bent|bending|wrenched) (?:my|his|her|their|"
        r"mum|dad|nan|gran) (?:\w+ )?(?:arms?|wrists?|hands?|hair|neck|throat|fingers?|legs?|ears?|"
        r"face|shoulders?)\b",
        "grab squeez twist yank pull pinch grip bent bend wrench",
        accidental=True,
        needs=r"\b(?:hard|rough\w*|tight\w*|bruis\w*|hurt\w*|pain\w*|marks|forceful\w*|"
        r"aggressive\w*|violent\w*|red|crying|screamed|screaming|sore)\b",
    ),
)

ABUSE_RULES += (
    rule(
        "abuse",
        r"\b(?:terrified|frightened|petrified) of (?:him|her|the (?:\w+ )?(?:carer|nurse|staff "
        r"member|worker|support worker|man|night staff|care worker|hca)|that (?:\w+ )?(?:carer|"
        r"nurse|staff member|worker|man|woman)|one of the (?:carers|nurses|staff|workers))\b",
        "terrified frightened petrified",
    ),
)

NEGLECT_RULES: tuple[Rule, ...] = (
    rule(
        "neglect",
        r"\bneglect\w*",
        "neglect",
        unless=r"\b(?:felt|feel|feeling|feels) (?:\w+ ){0,2}?neglect\w*|\bneglect\w* (?:of )?"
        r"(?:the |their |his |her |our |its )?(?:paperwork|admin\w*|notes|records|"
        r"documentation|forms|letters|emails|building|buildings|garden|gardens|grounds|decor|"
        r"maintenance|website|phones?|duties|communication|area|environment|estate|"
        r"facilities|infrastructure|side|aspect)\b|\b(?:services?|mental health|area|town|"
        r"community|funding|system|department|building|garden|estate|north east|region|"
        r"county|nhs|sector|field|provision) (?:\w+ )?(?:is|are|has been|have been|was|were|"
        r"being|seems|feels|looks) (?:\w+ )?neglect\w*",
    ),
    rule(
        "neglect",
        r"\b(?:in|on) (?:his|her|their|my) own (?:urine|faeces|feces|excrement|poo|poop|wee|"
        r"pee|mess|vomit|sick|diarrhoea|diarrhea|waste|filth|bodily fluids)\b|\b(?:soiled|"
        r"wet|dirty|filthy|soaked|soaking|urine soaked|stained|sodden|dirty wet) (?:\w+ )?"
        r"(?:bed|beds|sheets|bedding|pads?|nappy|nappies|clothes|clothing|trousers|pyjamas|"
        r"nightie|nightdress|underwear|incontinence pads?|mattress|pants)\b|\bsoiled\b",
        "in on soiled wet dirty filthy soaked soaking urine stained sodden",
        negatable=False,
        needs=r"\b(?:left|leave|leaving|all (?:night|day|weekend|morning|afternoon)|for "
        r"(?:\w+ ){0,2}?(?:hours?|days?|nights?)|not (?:been )?changed|never changed|nobody|"
        r"no one|hours|overnight|ignored|unchanged|smell\w*|stink\w*|found (?:him|her|them)|"
        r"lying|laying|sat|sitting|again|had to|until)\b",
        unless=r"\b(?:road|street|pavement|rain|raining|path|outside|weather)\b",
    ),
    rule(
        "neglect",
        rf"\b(?:wet|wets|wetting|soil|soils|soiled|soiling|messed|dirtied) (?:{SELF}|the bed)\b",
        "wet wets wetting soil soils soiled soiling messed dirtied",
        negatable=False,
        needs=r"\b(?:because|no one|nobody|not taken|not helped|ignored|left|staff|had to|"
        r"could not get|waited for (?:help|staff))\b",
        unless=r"\bwaiting for (?:an |the )?(?:ambulance|crew|paramedics)\b",
    ),
    rule(
        "neglect",
        r"\b(?:not|never|no one|nobody|hardly|barely|without being|not once) (?:\w+ )?"
        r"(?:been |being |was |were |ever |even )?(?:fed|(?:given |gave (?:\w+ )?|give (?:\w+ )?)"
        r"(?:any |anything |enough |a |"
        r"her |his )?(?:food|water|drinks?|fluids|drink|anything to (?:eat|drink)|meals?|"
        r"breakfast|lunch|dinner|tea|supper|something to (?:eat|drink)|fluid)|helped to "
        r"(?:eat|drink)|offered (?:any |a )?(?:food|water|drinks?|drink|fluids|meals?))\b"
        r"(?! up)",
        "fed given gave give helped offered",
        negatable=False,
        unless=r"\bfed up\b",
    ),
    rule(
        "neglect",
        r"\bno (?:food|water|drinks?|fluids|meals?|food or (?:water|drink|drinks)|water or "
        r"food|food and (?:water|drink)|food nor (?:water|drink)) (?:for|in) (?:\w+ ){0,2}?"
        r"(?:days?|nights?|a day|a whole day|24 hours|over 24 hours)\b|\bno (?:food|water|drinks?|"
        r"fluids|water jug|jug of water) (?:\w+ )?(?:all|the whole) (?:day|night|weekend)\b|"
        r"\bnot (?:\w+ )?(?:had|have|having|eaten|drunk) (?:a |any |anything )?(?:\w+ )?(?:meal|"
        r"meals|food|drink|drinks|water|fluids|to eat|to drink) (?:for|in) (?:\w+ ){0,2}?"
        r"(?:days?|a day|24 hours)\b|\b(?:went|left) without (?:any )?"
        r"(?:food|water|a drink|drinks|meals?|fluids|medication|meds|pain relief|insulin|"
        r"(?:his|her|their|my) (?:meds|medication|insulin|tablets|meals?))\b",
        "no not went left",
        negatable=False,
    ),
    rule(
        "neglect",
        r"\bout of (?:his |her |their |my )?reach\b",
        "out",
        negatable=False,
        needs=r"\b(?:food|drinks?|water|tray|cup|bell|buzzer|meals?|jug|beaker|call bell|"
        r"glass|frame|zimmer|phone)\b",
    ),
    rule(
        "neglect",
        r"\b(?:dehydrated|malnourished|starved|emaciated|malnutrition|starving to death)\b"
        r"(?! of)",
        "dehydrated malnourished starved emaciated malnutrition starving",
        # Illness dehydrates people too: only where care should have prevented it.
        needs=r"\b(?:left|nobody|no one|not given|not offered|not helped|no (?:water|drinks?|"
        r"fluids|food)|on the ward|in (?:the )?(?:care )?home|nursing home|in hospital|staff|"
        r"carers?|neglect\w*|came (?:home|out|back)|when (?:he|she|we|i) (?:visited|came)|"
        r"placement|unit)\b",
        unless=r"\b(?:ambulance|999|111|paramedics?|crew|bug|sickness|vomiting|diarrhoea|"
        r"diarrhea|virus|heat|flu|covid)\b",
    ),
    rule(
        "neglect",
        r"\b(?:left|leave|leaving) (?:\w+ ){0,3}?(?:lying |laying |sat |sitting |lay )?(?:on|in) "
        r"(?:the|a) (?:\w+ )?(?:floor|ground|corridor|chair|commode|toilet|bath)\b",
        "left leave leaving",
        negatable=False,
        needs=r"\b(?:hours?|all night|overnight|all day|no one|nobody|ages|days?|night|"
        r"morning|alone|ignored|until|unattended)\b",
        unless=r"\b(?:ambulance|paramedics?|crew|999|111|arrive\w*|waiting for (?:an|the))\b",
    ),
    rule(
        "neglect",
        r"\b(?:pressure|bed) (?:sores?|ulcers?|damage|wounds?)\b",
        "pressure bed",
        negatable=False,
        needs=r"\b(?:developed|develop|got|get|getting|untreated|not treated|nobody|no one|"
        r"never|left|because|through|died|infected|grade|category|unstageable|worse|ignored|"
        r"bone|not turned|neglect\w*|horrendous|terrible|awful|appalling|huge|massive|came "
        r"(?:home|back|out) (?:with|from)|came home|discharged with|from the (?:ward|home|"
        r"hospital|care home|unit)|deep)\b",
    ),
    rule(
        "neglect",
        r"\b(?:no one|nobody|no staff|not once|never|nobody ever|no one ever|not|no one has|"
        r"nobody has|nobody had|no one had) (?:\w+ ){0,2}?(?:checked|checking|check|checks) "
        r"(?:in )?on\b|\b(?:no one|nobody|no staff|not once|never|not) (?:\w+ ){0,2}?(?:came "
        r"to (?:check|see (?:him|her|them|mum|dad|my \w+)|help (?:him|her|them|mum|dad|my \w+)|"
        r"look)|looked in on|looked after|attended to|cared for|"
        r"answered (?:his|her|my|the|their) (?:buzzer|call bell|bell))\b|\bnot (?:a|one) "
        r"(?:single )?check\b|\bleft (?:alone |)(?:unattended|unsupervised|unchecked)\b|"
        r"\bleft (?:him|her|them|my \w+|mum|dad) (?:alone |on (?:his|her|their) own )(?:for "
        r"(?:\w+ ){0,2}?(?:hours|days|the whole|a whole|nights?)|all (?:day|night|weekend)|"
        r"overnight)\b|\bleft (?:him|her|them|mum|dad|my \w+ )?(?:lying |sitting |sat )?"
        r"(?:there|like that) (?:for (?:\w+ ){0,2}?(?:hours|days|the whole|a whole|nights?)|all "
        r"(?:day|night|weekend)|overnight)\b|\b(?:no one|nobody|no staff) came (?:\w+ ){0,2}?"
        r"(?:for (?:\w+ ){0,2}?(?:hours|ages|an hour|the whole night|all night)|all night|"
        r"overnight)\b",
        "no nobody not never left",
        negatable=False,
        unless=r"\bwaiting\b|\bchecked on (?:the|my) (?:phone|system|computer|app)\b|"
        r"\b(?:ambulance|a and e|corridor)\b",
    ),
    rule(
        "neglect",
        r"\b(?:call bell|buzzer|bell|alarm) (?:\w+ ){0,3}?(?:ignored|not answered|never "
        r"answered|unanswered|out of reach|taken away|removed)\b|\bignor\w* (?:his|her|my|the|"
        r"their) (?:call bell|buzzer|bell|cries|calls for help|requests for help|shouts|"
        r"screams|pleas)\b",
        "call buzzer bell alarm ignor",
        negatable=False,
    ),
    rule(
        "neglect",
        r"\bnot (?:\w+ )?(?:been |being )?(?:washed|bathed|showered|changed|cleaned up|turned|"
        r"repositioned|toileted|helped to the toilet|taken to the toilet|moved|dressed|shaved)"
        r"\b(?: (?:for|in) (?:\w+ ){0,2}?(?:days?|weeks?|hours|nights?|a while|ages|a week)| "
        r"all (?:day|night|weekend)| since| once)|\b(?:no one|nobody) (?:\w+ )?(?:washed|"
        r"changed|bathed|turned|fed|took (?:him|her|them) to the toilet|helped (?:him|her|"
        r"them))\b|\bsame (?:\w+ )?(?:clothes|pad|nightie|nightdress|pyjamas|underwear|"
        r"clothing) (?:for (?:\w+ ){0,2}?(?:days|weeks|a week|hours)|all (?:day|night|weekend)|"
        r"overnight)\b|\b(?:forgot|forget|forgotten|forgetting|failed|neglected|did not bother|"
        r"never bothered) to (?:feed|give (?:\w+ )?(?:\w+ )?(?:food|meals?|drinks?|water|fluids|"
        r"medication|meds|insulin|tablets|pain relief|lunch|dinner|breakfast)|change (?:\w+ )?"
        r"(?:pad|pads|bed|sheets|nappy|dressing)|wash|turn|check on)\b|\b(?:he|she|they|him|"
        r"her|mum|dad|mam|my \w+) (?:was |were |is |are )?(?:smelling|smelled|smelt|stank|stinking|"
        r"reeking|covered|caked) (?:of|in) (?:urine|faeces|feces|poo|wee|excrement|vomit)\b",
        "not no nobody same he she they him her mum dad mam my forgot forget failed neglected "
        "did never",
        negatable=False,
    ),
    rule(
        "neglect",
        rf"\b(?:not|never|no one|nobody) (?:\w+ )?(?:been |being )?(?:given|gave|give|giving|"
        rf"receiving|received|had|get|got|getting) (?:\w+ )?(?:his|her|their|my|any) (?:\w+ )?"
        rf"(?:{PILLS}|pain "
        rf"relief|injections?|insulin|dressings?) (?:for|in) (?:\w+ ){{0,2}}?(?:days?|weeks?)"
        rf"\b|\b(?:missed|forgot|forgotten|forgetting|skipped|omitted) (?:\w+ ){{0,2}}?(?:doses|"
        rf"medication|meds|insulin|tablets|injections?|dressings?) (?:for|in) "
        rf"(?:\w+ ){{0,2}}?days\b",
        "not never no nobody missed forgot forgetting skipped omitted",
        negatable=False,
    ),
    rule(
        "neglect",
        r"\bleft (?:\w+ ){0,2}?(?:naked|exposed|undressed|uncovered|half dressed|half naked|"
        r"in (?:agony|pain|distress) for (?:\w+ ){0,2}?(?:days|weeks|hours))\b",
        "left",
        negatable=False,
        unless=r"\bwaiting\b|\bambulance\b",
    ),
)

NEGLECT_RULES += (
    rule(
        "neglect",
        r"\b(?:without|no|not had|not having) (?:a |any |being )?(?:wash|bath|shower|change of "
        r"clothes|clean clothes|washed|changed|drink|drinks|food|meal|meals|fluids|water|"
        r"proper meal|hot meal) (?:for|in) (?:\w+ ){0,2}?(?:days?|weeks?|nights?)\b|\bleft in "
        r"(?:his|her|their|the same) (?:\w+ )?(?:pyjamas|nightie|nightdress|clothes|pad|pads|"
        r"nappy|underwear|sheets) (?:for (?:\w+ ){0,2}?(?:days|weeks|hours)|all (?:day|night)|"
        r"overnight)\b|\b(?:no one|nobody|no staff) (?:\w+ )?(?:gave|give|given) (?:\w+ )?(?:his|"
        rf"her|their|my) (?:\w+ )?(?:{PILLS}|insulin|injections?)\b|\b(?:no one|nobody|no "
        r"staff|not enough staff) (?:to|would|could|came to|available to|was there to|free to) "
        r"help (?:\w+ )?(?:to|with|get to|go to)? ?(?:the toilet|toilet|eat|eating|drink|"
        r"drinking|wash|washing|get up|dress|bathroom|commode)\b|\bleft (?:\w+ )?(?:wet|soaked|"
        r"soiled|dirty|in a mess|in a state|unwashed|unfed|hungry|thirsty)\b|\bnot (?:\w+ )?"
        r"(?:eaten|drunk|eaten anything|drunk anything|had anything to eat|had anything to "
        r"drink|had a drink|had food) (?:(?:\w+ ){0,2}?)(?:for|in) (?:\w+ ){0,2}?(?:days?|a day|24 "
        r"hours|two days|several days)\b",
        "without no not left nobody",
        negatable=False,
        unless=r"\b(?:rain\w*|weather|outside|pavement|road|street|puddle|waiting for (?:an |the )?"
        r"ambulance)\b",
    ),
)
