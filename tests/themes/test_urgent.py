"""Urgent comments are caught however they are written; ordinary comments rarely raise alarms.

The two sets below are written the way patients, carers and young people write on FFT cards,
texts and kiosks: misspelt, indirect, about a relative, in the past. The rates are printed
(pytest -s) and held to floors, so a rule that stops catching, or starts misfiring on ordinary
hyperbole, fails here. The real comments of the shared data set a ceiling on how much is
flagged at all, and the run prints what it flags so a person can look.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from feedback.themes.urgent import URGENT_CONCERNS, UrgentMatch, is_urgent, urgent_matches

DATA = Path(__file__).resolve().parents[2].parent / "shared/data/themes/labelled_comments_v6.csv"

URGENT: list[tuple[str, str]] = [
    # suicide
    ("suicide", "I want to kill myself and nobody at the crisis team will listen"),
    ("suicide", "i dont want to be here anymore"),
    ("suicide", "Been thinking of ending it all since they discharged me"),
    ("suicide", "honestly no point living if this is what care looks like"),
    ("suicide", "some days i wish i was dead"),
    ("suicide", "had sucidal thoughts all week and couldnt get through to anyone"),
    ("suicide", "im having suicidle thoughts again and the waiting list is 9 months"),
    ("suicide", "kms if i have to go back on that ward"),
    ("suicide", "My son told me he wants to die, he is 14 and still waiting for CAMHS"),
    ("suicide", "I feel like everyone would be better off without me"),
    ("suicide", "my daughter tried to take her own life last week and was sent home from A&E"),
    ("suicide", "I can't keep myself safe tonight"),
    ("suicide", "I have a plan to end my life and I'm scared"),
    ("suicide", "Mum keeps saying she doesnt want to wake up in the morning"),
    ("suicide", "i cant do this anymore"),
    ("suicide", "Nobody would care if I died"),
    ("suicide", "I was sectioned after trying to hang myself and the ward has been awful"),
    ("suicide", "thinking about jumping off the bridge near my house"),
    ("suicide", "I feel suicidial most days and the crisis line just tells me to have a bath"),
    ("suicide", "life isnt worth living anymore"),
    ("suicide", "Ive got nothing left to live for since my wife passed"),
    ("suicide", "my brother has been talking about taking his own life"),
    ("suicide", "I've written letters to my kids saying goodbye"),
    ("suicide", "Dont want to live like this no more"),
    ("suicide", "sometimes i think about not waking up"),
    ("suicide", "been really low and having dark thoughts, I need to speak to someone"),
    ("suicide", "she said she'd rather be dead than go back to the unit"),
    ("suicide", "my 15yo has been looking up ways to kill herself online"),
    ("suicide", "can't go on anymore"),
    ("suicide", "I attempted suicide in march and have had one phone call since"),
    ("suicide", "I keep thinking everyone would be happier if I wasnt around"),
    ("suicide", "ready to end it tbh"),
    ("suicide", "I'm going to throw myself in front of a train"),
    ("suicide", "i just want to go to sleep and never wake up"),
    ("suicide", "my dad took his own life in the spring and no one from the team has called"),
    ("suicide", "he's been sayin he wants to unalive himself"),
    ("suicide", "I am a danger to myself, I have thought about suiside every day this week"),
    ("suicide", "I dnt wanna live anymore"),
    ("suicide", "wish i had never been born"),
    ("suicide", "Ive lost the will to live, the depression is so bad and nobody helps"),
    # self-harm
    ("self-harm", "I've been cutting again and my CPN hasn't been in touch for 6 weeks"),
    ("self-harm", "self harming every night since i left the ward"),
    ("self-harm", "I keep hurting myself and no one seems bothered"),
    ("self-harm", "burnt myself with a lighter last night"),
    ("self-harm", "took all my tablets on Friday and ended up in A&E"),
    ("self-harm", "my daughter is self-harming and CAMHS say she isn't a priority"),
    ("self-harm", "I scratch my arms till they bleed when i get anxious"),
    ("self-harm", "he bangs his head against the wall when he's distressed and staff just watch"),
    ("self-harm", "took 30 paracetamol and no one followed it up"),
    ("self-harm", "my son swallowed batteries on the ward"),
    ("self-harm", "I've been harming myself since I was 12"),
    ("self-harm", "found razor blades hidden in my daughters room"),
    ("self-harm", "i relapsed and cut my wrists"),
    ("self-harm", "overdoes on my meds twice this year"),
    ("self-harm", "im starving myself so I can feel in control"),
    ("self-harm", "selfharm is getting worse"),
    ("self-harm", "my wee girl keeps picking at her skin until it bleeds"),
    ("self-harm", "Since discharge I have been self injuring"),
    ("self-harm", "she has been taking more tablets than she should to hurt herself"),
    ("self-harm", "urges to cut are really bad at the moment"),
    ("self-harm", "my friend od'd on her sleeping pills"),
    ("self-harm", "I punch walls until my knuckles bleed"),
    ("self-harm", "I have been stockpiling my medication"),
    ("self-harm", "took an overdose on saturday, the crisis team have still not rung"),
    ("self-harm", "my son has fresh cuts on his arms and the school nurse said wait for camhs"),
    ("self-harm", "i sometimes slef harm when the voices get bad"),
    ("self-harm", "Our daughter ties ligatures in her room and the unit keep sending her home"),
    # abuse
    ("abuse", "A nurse hit my son when he wouldn't go to his room"),
    ("abuse", "the staff slapped him across the face"),
    ("abuse", "my dad was pushed over by one of the carers"),
    ("abuse", "they restrained him so hard he had bruises all up his arms"),
    ("abuse", "I was sexualy assaulted on the ward by another patient"),
    ("abuse", "the HCA touched me inappropriately when helping me shower"),
    ("abuse", "staff swore at my mum and humiliated her in front of everyone"),
    ("abuse", "my husband beats me and I'm scared to tell the health visitor"),
    ("abuse", "I'm living with domestic abuse"),
    ("abuse", "A member of staff called my son a retard"),
    ("abuse", "One of the night staff was rough with mum and left marks on her wrists"),
    ("abuse", "the carer grabbed her by the arm and dragged her to the toilet"),
    ("abuse", "my partner controls everything and hits me when he drinks"),
    ("abuse", "I was bullied by a member of staff for months"),
    ("abuse", "A staff member kicked my brother"),
    ("abuse", "another patient punched me and staff did nothing"),
    ("abuse", "he was raped while on leave"),
    ("abuse", "my ex used to strangle me"),
    ("abuse", "the nurse was mocking him for wetting himself"),
    ("abuse", "They tied her to the chair"),
    ("abuse", "the support worker shouted at him and shoved him into his room"),
    ("abuse", "they were laughing at my autistic son and calling him names"),
    ("abuse", "My daughter told us her stepdad abused her"),
    ("abuse", "staff threw water over him as a punishment"),
    ("abuse", "she came home with a black eye and the home couldnt explain it"),
    ("abuse", "I was groped by a patient in the lounge"),
    ("abuse", "The physio was too rough with my nan and she was in tears"),
    ("abuse", "staff sat on him during restraint and he couldnt breathe"),
    ("abuse", "A staff member made sexual comments to my 16 year old"),
    ("abuse", "I have been getting sexually harassed by a man on the ward"),
    ("abuse", "the nurse told me to go kill myself"),
    ("abuse", "My mum has unexplained bruises since moving to the unit"),
    # neglect
    ("neglect", "Dad was left in soiled pads all night"),
    ("neglect", "mum wasnt fed or given a drink for two days"),
    ("neglect", "Found my nan on the floor, she'd been left there for hours after a fall"),
    ("neglect", "pressure sores that nobody treated until they were infected"),
    ("neglect", "no one checked on him for the whole night"),
    ("neglect", "her buzzer was left out of reach and she wet herself"),
    ("neglect", "he hadn't been washed in a week when we visited"),
    ("neglect", "My husband was left sitting in his own urine"),
    ("neglect", "Mum lost loads of weight on the ward because nobody helped her eat"),
    ("neglect", "they didn't give dad his insulin for three days"),
    ("neglect", "she was left with no water jug all weekend"),
    ("neglect", "Dad had bed sores when he came home from the ward"),
    ("neglect", "nobody answered her call bell for over an hour and she was crying in pain"),
    ("neglect", "my son was left unsupervised despite being on 1:1 obs and he ran off"),
    ("neglect", "they never turned him and now he has a grade 4 pressure ulcer"),
    ("neglect", "my brother has not had a proper meal in days and the staff don't care"),
    ("neglect", "Left in a wet bed until the morning shift came on"),
    ("neglect", "i was left without my medication for 4 days on the ward"),
    ("neglect", "Nobody helped my dad to the toilet so he had to soil himself"),
    ("neglect", "She was so dehydrated when she came out of the home"),
    ("neglect", "self neglect, he's not eating and the flat is filthy"),
    ("neglect", "the care home neglected my mother"),
    ("neglect", "Grandad was left naked on his bed with the door open"),
    # safeguarding
    ("safeguarding", "I'm worried about a child at home with my neighbour"),
    ("safeguarding", "a patient is being bullied for money by others on the ward"),
    ("safeguarding", "a staff member is selling drugs to patients"),
    ("safeguarding", "I think my daughter is being groomed online"),
    ("safeguarding", "a member of staff is having a relationship with a patient"),
    ("safeguarding", "Please raise a safeguarding concern about my nephew"),
    ("safeguarding", "my mum's carer has been taking money out of her purse"),
    ("safeguarding", "the kids are left on their own all day while mum is drinking"),
    ("safeguarding", "I don't feel safe at home with my stepdad"),
    ("safeguarding", "A man on the ward keeps going into the womens bedrooms at night"),
    ("safeguarding", "My son is being exploited by a gang, county lines"),
    ("safeguarding", "a girl on the unit is getting messages from an older man asking for nudes"),
    ("safeguarding", "patients on the ward are being forced to hand over their cigarettes"),
    ("safeguarding", "My friend's dad is a paedophile and she still lives with him"),
    ("safeguarding", "I am concerned for the safety of the children in that house"),
    ("safeguarding", "staff member gave my daughter his personal number and texts her at night"),
    ("safeguarding", "The social worker needs to know what is going on at home"),
    ("safeguarding", "The young person told me someone at home is hurting her"),
    ("safeguarding", "A patient keeps asking other patients for money and taking their food"),
    ("safeguarding", "my dad is being financially abused by his carer"),
    ("safeguarding", "a staff member has been sleeping with one of the patients"),
    ("safeguarding", "My granddaughter has gone missing again from the unit"),
    ("safeguarding", "There's a lot of drugs being brought onto the ward by visitors"),
    ("safeguarding", "worried that my grandson is being radicalised"),
    ("safeguarding", "staff are stealing from the residents"),
    ("safeguarding", "there was a safegaurding issue with my son that nobody followed up"),
    # threats
    ("threats", "I will come back and hurt that nurse"),
    ("threats", "I'll burn the place down if they section me again"),
    ("threats", "my son said he is going to kill the doctor who discharged him"),
    ("threats", "next time im bringing a knife"),
    ("threats", "If that receptionist speaks to me like that again I'll smash her face in"),
    ("threats", "a patient has threatened to stab staff"),
    ("threats", "a patient was very aggressive towards staff and threw a chair"),
    ("threats", "my ex has been making death threats"),
    ("threats", "the patient in the next bed said he'd kill me"),
    ("threats", "I know where you live"),
    ("threats", "watch your back"),
    ("threats", "I swear I will punch the next person who tells me to wait"),
    ("threats", "He has threatened staff with a knife before"),
    ("threats", "A visitor was abusive and threatening to the nurses"),
    ("threats", "i'll get you for this"),
    ("threats", "going to kill the doctor"),
    ("threats", "my brother says he wants to shoot the psychiatrist"),
    ("threats", "I'm gonna batter him when I see him"),
    ("threats", "one patient kicked off and attacked a nurse"),
    ("threats", "I'm going to blow up the hospital"),
    ("threats", "abusive language from a patient towards staff"),
]

ORDINARY: list[str] = [
    "The ward was dirty and the bathroom was not cleaned for days.",
    # hyperbole and idiom
    "the wait was killing me",
    "the food was criminal",
    "I could murder a cup of tea",
    "dying for a drink by the time I was seen",
    "my back is killing me but the physio is helping",
    "staff are the best, killing it",
    "dead good service",
    "the music in the waiting room was abuse to my ears",
    "they saved my life",
    "helped me when I was suicidal last year and now I'm much better",
    "no threat to anyone",
    "safe and well looked after",
    "staff were neglectful of the paperwork",
    "I felt neglected because no one called back",
    "I nearly died of boredom on the ward",
    "bored to death in there, need more activities",
    "I was scared to death before my first session but staff were lovely",
    "The hold music drove me mad, I lost the will to live",
    "I'd kill for a decent coffee machine in the waiting area",
    "The car park is a death trap",
    "The physio exercises nearly killed me but they worked",
    "Those stairs will be the death of me",
    "I laughed so much I nearly died, the OT is hilarious",
    "the nurse was a lifesaver",
    "the crisis team literally saved my life",
    "My son will kill me for saying this but he loves it there",
    "Traffic was murder getting to the clinic",
    "The staff were killing themselves laughing at my jokes, great atmosphere",
    "I nearly killed myself tripping over the step outside reception",
    "I'd rather die than eat that shepherds pie again",
    "i was so embarrassed i wanted to die",
    "killer headache but they sorted it",
    "it was a nightmare trying to get an appointment",
    "Dr Patel is a legend, I'd die for that man",
    "I'm dead happy with my care",
    "the staff were sick, best ward ever",
    "the food is dead rank",
    "The stress of waiting is going to kill me",
    "These cuts to services will kill someone one day",
    "I could have killed for a cup of tea after 6 hours",
    "That receptionist needs shooting, never answers the phone",
    "The waiting list is so long people will die waiting",
    # recovered, negated, past and praised
    "My therapist helped me stop self harming and I've been clean for a year",
    "I used to self harm but with DBT I've learnt to cope and I'm doing really well now",
    "I was very low and suicidal when I was admitted, I'm now back at home and feeling much better",
    "I no longer have suicidal thoughts thanks to the team",
    "I don't have any thoughts of harming myself",
    "I haven't self harmed in 6 months thanks to DBT",
    "After my suicide attempt in 2019 the home treatment team were amazing and I'm now well",
    "they kept me safe when I couldn't keep myself safe",
    "Thank you for helping me through the darkest time of my life",
    "The suicide prevention training the staff have had really shows",
    "I was never suicidal, just anxious, and they understood that",
    "Staff were not abusive or rude in any way",
    "no threats or aggression on the ward, I felt safe",
    "Non-threatening environment, very calming",
    "I am not a danger to anyone and they treated me with respect",
    # accidents and medical
    "They took me to hospital after I fell and hurt myself",
    "I cut myself shaving before the appointment lol",
    "burnt myself on the kettle on the ward, the nurse dressed it straight away",
    "I had a panic attack and the nurse was lovely",
    "my husband had a heart attack, crew were brilliant",
    "Waiting for an ambulance for 5 hours is life threatening",
    "I was hit by a car and the paramedics were amazing",
    "The nurse could see I was in pain and got me painkillers",
    "If they had arrived any later my dad would have died",
    "my husband passed away peacefully at home as he wished",
    "Mum wanted to die at home and the community nurses made that possible",
    "Dad wanted to die in his own bed and the end of life team were incredible",
    "I thought I was going to die, the paramedics were so calm",
    "Dehydrated after a sickness bug, 111 sorted out a pharmacist",
    "I got dehydrated from the bug and the GP sent me to A&E",
    "District nurse came daily to dress mum's pressure sore and it has healed",
    "The bed sores he came in with have healed thanks to the nurses",
    "I accidentally took double my tablets and 111 told me what to do",
    "I take 12 tablets a day and the pharmacist explained them all",
    "I have to take too many tablets, can my meds be reviewed",
    "Had all my tablets explained by the pharmacist",
    "I took all my tablets with me so they could check them",
    "The nurse took all my tablets away to check them",
    "They were a bit rough taking the cannula out",
    "The nurse was a bit heavy handed taking blood",
    "Bruising on my arm from the blood test but otherwise fine",
    "The injection hurt me a bit but the nurse was gentle",
    "I lay on the floor for an hour and a half before the ambulance arrived",
    "My mum lay on the floor for four hours before the ambulance came",
    "I was left waiting on the floor for an ambulance for 3 hours",
    # people and actions that sound alarming
    "Staff hit the ground running when I arrived",
    "The nurse pushed me to go out for walks which really helped",
    "My CPN pushed for me to get an earlier appointment",
    "kicked out of the ward at 11am with no support",
    "Hit and miss service depending on who you get",
    "The gym staff pushed me hard and I'm stronger now",
    "The manager dragged her feet with my complaint",
    "staff grabbed me a blanket and a cup of tea",
    "I felt pushed into taking medication I didn't want",
    "My son has autism and can be aggressive but the staff handled him brilliantly",
    "The ward manager calmly dealt with a patient who was being aggressive",
    "Staff were brilliant at de-escalating when a patient kicked off",
    "The receptionist was rude and shouted at me",
    "My son screamed at the nurses but they stayed calm",
    "I felt humiliated having to explain my problems at the reception desk",
    "They laughed at my jokes and made me feel at home",
    "she made fun of my cooking, we had a good giggle",
    "Locked out of my own appointment because the door code changed",
    "They treat you like a criminal in A&E",
    "The doctor was a bit patronising",
    "Felt they were treating the wrong thing",
    "staff picked me up from the floor after my fall and were very gentle",
    "The restraint training staff do must be good because no one got hurt",
    "I was restrained once and staff explained why afterwards, it was done kindly",
    "Substance abuse team were great",
    "People abuse the 999 service, that's why ambulances are late",
    "The drug and alcohol service helped me get clean",
    "The drugs they gave me worked well",
    "I have a shot of insulin every morning",
    "The domestic staff keep the ward spotless",
    "The threat of the ward closing is worrying",
    "Staff are very good at safeguarding and explained everything",
    "This service has been neglected for years by the government",
    "The garden area looks neglected",
    "Felt a bit neglected as no one phoned me for 3 weeks",
    "no one checked my prescription properly",
    "Nobody came to see me for two weeks after discharge",
    "Left alone to get on with my exercises, which I preferred",
    "They checked on me every hour through the night",
    # children, safety, relationships
    "I was worried about my son's mental health and CAMHS were brilliant",
    "we were worried about the baby as she had a high temperature",
    "worried about the kids while I was in hospital, the ward let them visit",
    "My son was very worried about his exams and CAMHS helped him",
    "My daughter gets bullied at school and the CAMHS worker helped her build confidence",
    "Safe and secure, staff keep me safe",
    "I felt unsafe travelling in the ambulance because of the driving",
    "I felt safe for the first time in years",
    "My daughter was scared of the dentist but they were brilliant",
    "the children's ward was lovely, the kids are safe there",
    "Nothing to improve, staff are great with the kids",
    "The nurse gave me her direct number so I could call if worried",
    "I have a good relationship with my care coordinator",
    "The staff have a lovely relationship with all the patients",
    "Staff need to keep relationships professional",
    "My glasses went missing on the ward",
    "my clothes keep going missing in the laundry",
    "The personal grooming help from the HCAs made mum feel like herself",
    "They help me with my grooming and hygiene every morning",
    "Had a good laugh with the staff, they made me feel human",
    "the staff exploited every chance to help me, amazing",
    # ordinary FFT comments
    "Friendly staff, seen on time, thank you",
    "Waited 3 hours past my appointment time with no explanation",
    "The parking is a nightmare, never any spaces",
    "Could not get through on the phone for two days",
    "The therapist really listened and I feel so much better",
    "More activities at the weekend please, it gets boring",
    "Food was cold and the portions were tiny",
    "My CPN is amazing, always calls back",
    "The ward was noisy at night because of other patients shouting",
    "Nobody told me what my medication was for",
    "Discharged too early, I was not ready to go home",
    "The crisis line took ages to answer",
    "Please stop cancelling my appointments at the last minute",
    "The receptionist was lovely and found me a quiet room",
    "Very clean ward and the staff are kind",
    "All good thank you",
    "n/a",
    "Nothing",
    "The psychiatrist changed my meds without asking me",
    "Communication between the teams is awful",
    "Transport was late picking me up again",
    "The health visitor was so reassuring about my baby's weight",
    "The OT helped me get a new bed and rails fitted",
    "I'd like more face to face appointments instead of phone calls",
    "Really helpful advice about my son's sleep",
    "The nurses on the night shift were run off their feet but still kind",
    "It would be better if the TV in the lounge worked",
    "Give the staff a pay rise, they deserve it",
    "The podiatrist was gentle with my feet",
    "Too many agency staff who don't know the patients",
    "I was treated with dignity and respect throughout",
    "I couldn't fault anything, brilliant",
    "The speech therapist was brilliant with my son who has autism",
    "Being sectioned was scary but the staff explained my rights",
    "Cutting the waiting times would help",
    "Every time I phone I get cut off",
    "The drive to the clinic is long but worth it",
    "Wish the appointments were closer to home",
    "I wish I'd been referred sooner",
    "I could die happy knowing my mum was in such good hands",
    "My key worker is a star, she fights my corner",
    "The ward is like a prison, we are locked in with nothing to do",
    "It was the worst experience of my life, waited 9 hours in a corridor",
]

# Written after the rules above were first tuned, as held-out checks; kept as regression cases.
URGENT += [
    ("suicide", "I honestly don't see the point in carrying on"),
    ("suicide", "I've been planning how I'd do it"),
    ("suicide", "My girlfriend keeps texting me that she wants to end it"),
    ("suicide", "he says he is going to kill himself if they discharge him"),
    ("suicide", "i feel like killing myself every day"),
    ("suicide", "sometimes i just want to disappear and never come back"),
    ("suicide", "i tried to end my life in january and still no therapy"),
    ("suicide", "I'm so tired of living"),
    ("suicide", "Im suicidel and no one rings back"),
    ("suicide", "Feeling sucidal again"),
    ("suicide", "my mum attempted suicide on the ward"),
    ("suicide", "had thoughts about ending my life"),
    ("suicide", "the only way out is to die"),
    ("suicide", "I'm done with life"),
    ("suicide", "would be easier if i just wasnt here"),
    ("suicide", "my son has been researching how to hang himself"),
    ("suicide", "I want to die"),
    ("suicide", "i really want to die tonight"),
    ("suicide", "don't want to be alive"),
    ("suicide", "I can see no reason to keep living"),
    ("suicide", "kill my self"),
    ("suicide", "i might as well be dead"),
    ("suicide", "planning to take my own life this weekend"),
    ("suicide", "I feel like ending it"),
    ("suicide", "wanna die"),
    ("suicide", "she has tried to kill herself three times this year"),
    ("suicide", "I stood on the bridge last night"),
    ("suicide", "i thought about walking in front of a bus"),
    ("suicide", "Ive been feeling like I want to end everything"),
    ("suicide", "my head tells me to kill myself"),
    ("suicide", "Been having suicidal feelings since my meds were changed"),
    ("suicide", "I have no reason to live anymore"),
    ("suicide", "Please help me I dont want to live"),
    ("suicide", "My daughter (13) keeps telling me she wishes she was dead"),
    ("suicide", "I'm contemplating suicide"),
    ("suicide", "i just want to die and nobody cares"),
    ("suicide", "The voices tell me to end my life"),
    ("suicide", "if this carries on I will end up killing myself"),
    ("suicide", "i am thinking of taking my life"),
    ("suicide", "I have been thinking about suicide a lot"),
    ("suicide", "he talks about dying all the time and says nobody would miss him"),
    ("suicide", "I attempted to hang myself two weeks ago"),
    ("suicide", "I cant take it anymore and want to end it"),
    ("suicide", "i've had enough of living"),
    ("suicide", "I feel like there's no point to life"),
    ("suicide", "my son has said he wants to be dead"),
    ("suicide", "it would be better if i was dead"),
    ("suicide", "Sometimes I think the world would be better without me"),
    ("suicide", "i think about suicide everyday"),
    ("suicide", "I feel like I want to die most days"),
    (
        "suicide",
        (
            "I have been under the team for 2 years. Things have got worse since my CPN left and "
            "to be honest I have started to feel that I would be better off gone. Please can "
            "someone call me."
        ),
    ),
    (
        "suicide",
        (
            "The waiting list is far too long. My son is 16 and has said several times he wants "
            "to kill himself. We have been told to take him to A&E if it gets worse."
        ),
    ),
    (
        "suicide",
        (
            "I rang the crisis line three times on Sunday because I was going to end my life and "
            "each time I was told someone would ring back. No one did."
        ),
    ),
    (
        "suicide",
        (
            "Honestly I don't know how much longer I can keep going like this. I've thought "
            "about taking all my tablets."
        ),
    ),
    ("suicide", "not being funny but some days I think it would be easier to just not wake up"),
    (
        "suicide",
        (
            "Since being discharged I have felt suicidal nearly every day and have had no "
            "contact from anyone."
        ),
    ),
    (
        "suicide",
        "My wife has been talking about ending her life and I am frightened to leave her alone.",
    ),
    ("suicide", "I'm struggling and have been having thoughts of killing myself."),
    ("suicide", "i really dont want to be alive anymore, every day is the same"),
    (
        "suicide",
        (
            "the psychiatrist said I was not a priority even though I told him I'd tried to hang "
            "myself"
        ),
    ),
    ("suicide", "I've been thinking a lot about killing myself lately"),
    ("suicide", "im scared i will do something to myself"),
    ("suicide", "my husband has been saying he is going to end it"),
    ("suicide", "I'm not sure I want to be alive much longer"),
    ("suicide", "he keeps talking about suicide and we are scared"),
    ("suicide", "Please help, my daughter has told her teacher she wants to die"),
    ("suicide", "I have suicidal ideation daily"),
    ("suicide", "every night i pray i dont wake up"),
    ("suicide", "i want to end my own life"),
    ("suicide", "I had to be stopped from jumping off a bridge last month"),
    ("suicide", "my partner attempted to take her life on saturday"),
    ("suicide", "I've got the tablets ready"),
    ("suicide", "i've made a plan to kill myself"),
    ("suicide", "I feel hopeless and want to die"),
    ("self-harm", "I've started cutting myself again"),
    ("self-harm", "cut myself last night"),
    ("self-harm", "my daughter has been burning herself with cigarettes"),
    ("self-harm", "I took a load of pills on Sunday"),
    ("self-harm", "I overdosed last week and nobody followed up"),
    ("self-harm", "he head bangs constantly and the staff ignore it"),
    ("self-harm", "i hit myself when i get angry"),
    ("self-harm", "I have been self harming for years and no help"),
    ("self-harm", "my son took an overdose of his medication"),
    ("self-harm", "self harmed last night"),
    ("self-harm", "been self-harming on the ward and staff dont notice"),
    ("self-harm", "she scratches herself until she bleeds"),
    ("self-harm", "I took too many paracetamol last night"),
    ("self-harm", "i've been hurting myself again"),
    ("self-harm", "I want to cut"),
    ("self-harm", "my teenager has scars all over her arms"),
    ("self-harm", "I've been self harming because of the wait"),
    ("self-harm", "my son has started to self harm"),
    ("self-harm", "she cuts her arms"),
    ("self-harm", "i burn my skin with a lighter"),
    ("self-harm", "I took a overdose on my birthday"),
    ("self-harm", "he bites his hands till they bleed"),
    ("self-harm", "took loads of pills last night"),
    ("self-harm", "I swallowed a packet of paracetamol"),
    ("self-harm", "i hurt myself last week because i couldnt cope"),
    ("self-harm", "my daughter is cutting herself and the school rang me"),
    ("self-harm", "I harm myself when I feel overwhelmed"),
    ("self-harm", "I've been hitting myself"),
    ("self-harm", "she tied a ligature on the ward"),
    ("self-harm", "my sister overdosed on her antidepressants"),
    (
        "self-harm",
        (
            "My daughter has been self harming since September and we are still waiting for an "
            "assessment. She cuts her legs so we don't see."
        ),
    ),
    ("self-harm", "I ended up taking an overdose because I couldn't get an appointment."),
    (
        "self-harm",
        "He has been banging his head on the walls at the day centre and nobody has told us why.",
    ),
    (
        "self-harm",
        (
            "Last night I cut myself quite badly and had to go to A&E, the staff there were "
            "lovely but I need more support."
        ),
    ),
    ("self-harm", "I keep burning myself with the hair straighteners when I get stressed"),
    (
        "self-harm",
        (
            "took a big overdose in june and was in ICU for 3 days, now I just get a phone call "
            "once a month"
        ),
    ),
    ("self-harm", "I've been cutting for 3 years and nobody helps"),
    ("self-harm", "My son self harms and I've found blood on his sheets"),
    ("self-harm", "she overdosed again last night"),
    ("self-harm", "I keep scratching my wrists with a razor"),
    ("self-harm", "he has been pulling his hair out and hitting himself"),
    ("self-harm", "I did an overdose on my meds last month"),
    ("self-harm", "I want to hurt myself"),
    ("self-harm", "I hurt myself on purpose"),
    ("self-harm", "im self-harming daily now"),
    ("abuse", "staff hit my brother"),
    ("abuse", "the carer slapped my mum"),
    ("abuse", "I was assaulted by a member of staff"),
    ("abuse", "she was raped by another patient"),
    ("abuse", "a nurse was very rough and hurt my dad"),
    ("abuse", "my partner hits me"),
    ("abuse", "I have been abused by my husband for years"),
    ("abuse", "staff were verbally abusive to my son"),
    ("abuse", "the staff member punched him in the stomach"),
    ("abuse", "he was sexually abused as a child and still has nightmares"),
    ("abuse", "My dad is being hit by his carers"),
    ("abuse", "a care worker kicked my gran"),
    ("abuse", "they dragged him across the floor"),
    ("abuse", "staff pinned him down and he was hurt"),
    ("abuse", "he touched my daughter's bottom"),
    ("abuse", "I was molested on the unit"),
    ("abuse", "The staff bully the patients"),
    ("abuse", "staff call patients horrible names"),
    ("abuse", "a staff member slapped my daughter"),
    ("abuse", "the nurse pushed my mum onto the bed"),
    ("abuse", "my stepfather hits me"),
    ("abuse", "I was sexually assaulted by a staff member"),
    ("abuse", "a member of staff has been touching patients inappropriately"),
    ("abuse", "the carers are rough with my dad and he is scared of them"),
    ("abuse", "he was beaten up by another patient"),
    ("abuse", "staff were laughing at my brother and calling him stupid"),
    ("abuse", "my husband is abusive"),
    ("abuse", "I'm in an abusive relationship"),
    ("abuse", "a nurse grabbed my arm really hard and left bruises"),
    ("abuse", "A staff member punched a patient"),
    ("abuse", "they forced him to the floor and knelt on his back"),
    ("abuse", "the carer shouted and swore at my nan"),
    (
        "abuse",
        (
            "When my dad was on the ward a member of staff hit him. We reported it but have "
            "heard nothing."
        ),
    ),
    ("abuse", "I saw one of the night staff slap a patient across the face."),
    (
        "abuse",
        (
            "My mother has dementia and a carer has been rough handling her, she cries when he "
            "comes in."
        ),
    ),
    ("abuse", "The staff member who restrained me twisted my arm behind my back until I screamed."),
    ("abuse", "I am frightened of my partner, he has hit me before and I have nowhere to go."),
    ("abuse", "A worker on the ward made comments about my body and tried to kiss me."),
    ("abuse", "My son came back from respite with bruises on his legs and nobody can tell us how"),
    ("abuse", "a staff member pushed my son against the wall"),
    ("abuse", "My mum said a carer hit her"),
    ("abuse", "I was hit by a nurse"),
    ("abuse", "a nurse was abusive to my mother"),
    (
        "abuse",
        "the care worker has been stealing and shouting at my gran and she is terrified of her",
    ),
    ("abuse", "the night staff were rough with my husband and he has a cut on his head"),
    ("abuse", "I was sexually harassed by a staff member"),
    ("abuse", "He inappropriately touched me"),
    ("abuse", "a patient was attacked by another patient and no staff were around"),
    ("abuse", "my boyfriend beat me up last week"),
    ("neglect", "mum was left in her own faeces"),
    ("neglect", "no one gave her anything to drink all day"),
    ("neglect", "he wasn't given his tablets for a week"),
    ("neglect", "she lay in a wet bed for hours and no one came"),
    ("neglect", "they left my dad lying on the floor all night"),
    ("neglect", "dad got a pressure sore on the ward"),
    ("neglect", "nobody checked on my mother overnight"),
    ("neglect", "the staff neglected him"),
    ("neglect", "she has not been washed for days"),
    ("neglect", "mum's call bell was ignored all night"),
    ("neglect", "My father was not fed properly and lost a stone"),
    ("neglect", "left in dirty clothes for days"),
    ("neglect", "my dad was left in a soiled bed for hours"),
    ("neglect", "no one fed my mum her lunch"),
    ("neglect", "they forgot to give her food for two days"),
    ("neglect", "she has developed bed sores since going in"),
    ("neglect", "he was left lying in his own urine"),
    ("neglect", "mum was not given any water and became dehydrated on the ward"),
    ("neglect", "Nobody checked on my nan after her fall"),
    ("neglect", "the staff are neglecting the patients"),
    ("neglect", "left in the same pad all day"),
    ("neglect", "my father was left on a commode for two hours"),
    (
        "neglect",
        "My dad was left in a wet bed all night and his skin has broken down. I am disgusted.",
    ),
    (
        "neglect",
        (
            "Mum was not given anything to eat or drink from breakfast until the evening and had "
            "to ask us to bring food."
        ),
    ),
    (
        "neglect",
        (
            "We visited and found my grandad sitting in soiled clothes, the staff said they were "
            "too busy."
        ),
    ),
    ("neglect", "My brother has diabetes and the staff forgot his insulin for two days."),
    ("neglect", "Nobody had checked on her for hours and she was found on the bathroom floor."),
    ("neglect", "dad has been left in his pyjamas for three days without a wash"),
    ("neglect", "my mother wasn't given her dinner"),
    ("neglect", "nobody gave him his tablets and he had a seizure"),
    ("neglect", "there was no one to help mum to the toilet and she was left wet"),
    ("neglect", "they left mum sitting in her own mess"),
    ("neglect", "her pressure sore got worse and worse and no one did anything"),
    ("neglect", "nobody noticed he hadn't eaten for days"),
    ("safeguarding", "i think my neighbour's kids are being abused"),
    ("safeguarding", "I'm worried about my granddaughter's safety at home"),
    ("safeguarding", "a young girl on the ward is being taken advantage of"),
    ("safeguarding", "one of the staff is dealing drugs"),
    ("safeguarding", "safeguarding issue with my son"),
    ("safeguarding", "someone is taking my dad's money"),
    ("safeguarding", "I dont feel safe at home"),
    ("safeguarding", "the children are at risk"),
    ("safeguarding", "my daughter is being groomed"),
    ("safeguarding", "my son has run away from the ward"),
    ("safeguarding", "A staff member has been stealing money from patients"),
    ("safeguarding", "I'm worried about the safety of my grandchildren"),
    ("safeguarding", "there is a child at risk"),
    ("safeguarding", "a patient on the ward is being exploited by other patients"),
    ("safeguarding", "staff member bringing drugs in for patients"),
    ("safeguarding", "one of the nurses is in a relationship with a patient"),
    ("safeguarding", "i think a girl at my school is being groomed"),
    ("safeguarding", "I'm scared to go home"),
    ("safeguarding", "a man keeps coming into my room at night"),
    ("safeguarding", "the kids are being neglected at home"),
    ("safeguarding", "my brother's carer is stealing his money"),
    (
        "safeguarding",
        (
            "I am concerned about a young person I know who is staying with an older man and "
            "being given drugs."
        ),
    ),
    ("safeguarding", "my sister's kids are left home alone while she goes out drinking"),
    (
        "safeguarding",
        (
            "A patient on the ward has been taking other patients' money and cigarettes and "
            "staff know."
        ),
    ),
    (
        "safeguarding",
        "I don't feel safe on the ward because a male patient keeps following me into the toilets",
    ),
    (
        "safeguarding",
        "my daughter has been going missing at night and coming back with new phones and money",
    ),
    ("safeguarding", "I think a child I know is being abused"),
    ("safeguarding", "my granddaughter is being sexually exploited"),
    ("safeguarding", "a staff member is dating a patient"),
    ("safeguarding", "i'm frightened of my dad and don't want to go home"),
    ("safeguarding", "the patient in the next room keeps coming into my bedroom at night"),
    ("safeguarding", "a carer has been taking my nan's bank card"),
    ("threats", "I'm going to stab the nurse"),
    ("threats", "I will kill you"),
    ("threats", "i'll come down there and smash the place up"),
    ("threats", "my husband threatened to kill me"),
    ("threats", "someone has been threatening me"),
    ("threats", "he said he'd stab me"),
    ("threats", "patient threatened a nurse with a knife"),
    ("threats", "i'm going to hurt somebody"),
    ("threats", "If they don't help I'll do something to that doctor"),
    ("threats", "a relative was threatening staff on the ward"),
    ("threats", "I am going to kill that doctor"),
    ("threats", "i'll stab someone if i have to come back"),
    ("threats", "my son threatened to kill his dad"),
    ("threats", "I will burn your house down"),
    ("threats", "he brought a knife onto the ward"),
    ("threats", "I'll batter the next person who ignores me"),
    ("threats", "a patient threatened to kill a nurse"),
    ("threats", "I'm going to hurt the staff here"),
    ("threats", "If anything happens to my mum I will come down there and sort that nurse out."),
    ("threats", "Tell that doctor if he discharges me again I will hurt him."),
    ("threats", "My ex keeps threatening to kill me and the kids."),
    ("threats", "I'm going to smash this place up if nobody rings me back"),
    ("threats", "A patient pulled a knife on staff on Thursday."),
    ("threats", "I swear I will kill the consultant"),
    ("threats", "I'm going to come and find you"),
    ("threats", "he threatened the receptionist"),
    ("threats", "I will make you pay for this"),
    ("threats", "I'm gonna smash the doctor's face in"),
]

ORDINARY += [
    "This place is killing me slowly with boredom",
    "I'd die without my CPN",
    "The coffee is to die for",
    "I'm sick to death of ringing",
    "I nearly had a heart attack when I saw the bill for parking",
    "The wait nearly killed me",
    "I could strangle whoever designed the phone system",
    "The nurse was dead nice",
    "If I have to fill in another form I'll scream",
    "I'd kill to have the old consultant back",
    "The pain was killing me but they gave me morphine",
    "The exercise class was brutal but fun",
    "The rain was murder on the walk in",
    "The food here is a crime",
    "The staff beat the other ward hands down",
    "The staff really go for the jugular with the quiz on Fridays",
    "They killed the infection with antibiotics",
    "I fell over and hurt my wrist, the paramedics were kind",
    "I burnt my hand on the radiator",
    "I was never abused here",
    "I've never felt threatened on the ward",
    "Staff protected me and made me feel safe",
    "The home treatment team stopped me from doing anything silly and now I'm doing well",
    "I had an overdose of information, too many leaflets",
    "My mother died peacefully in the hospice",
    "My dad passed away but the nurses were lovely to us",
    "They treat you like a child",
    "The staff let me down badly",
    "He feels neglected by his friends since his diagnosis",
    "The service feels abandoned by the council",
    "Safeguarding training was clearly done well",
    "Staff look after the patients brilliantly",
    "Nobody listens to me, I am so fed up",
    "No one answers the phone",
    "I was left on hold for an hour",
    "I've been waiting 18 months for therapy",
    "The doctor hit the nail on the head with my diagnosis",
    "My son loves the staff, they are so patient",
    "Please stop cancelling my appointments",
    "The ward is dirty and the toilets smell",
    "They took their time but got there in the end",
    "the room was freezing at night",
    "I hate the food",
    "The nurse threatened to call security when I raised my voice",
    "It was very hard to get a referral",
    "They keep losing my letters",
    "The psychologist pushed me out of my comfort zone in a good way",
    "My kids were looked after while I was seen",
    "Worried about my daughter's eating, the dietician helped",
    "I was worried about my baby's breathing and they came quickly",
    "My son was scared of the injection",
    "Not enough staff on the ward",
    "The staff were shouting at each other",
    "I feel like I'm not being listened to",
    "My mental health is much better now",
    "I was in a very dark place and they helped me out of it",
    "When I was low last year they were always there; I'm well now",
    "I cut down on my drinking with their support",
    "I take my tablets every morning",
    "The pharmacist took my old tablets away",
    "I've been cutting back on smoking",
    "Cutting my toenails is hard so the podiatrist helps",
    "I got my hair cut on the ward",
    "The kids ward had loads of toys",
    "Keep up the good work, you saved my son's life",
    "Everyone was amazing",
    "The music therapy was the best",
    "They explained my rights under the Mental Health Act",
    "I was detained under section 2 and it was handled well",
    "My key worker threatens to leave every year but never does",
    "Dad's care home is lovely",
    "No concerns",
    "Very good",
    "Not applicable",
    "The crew were very gentle lifting me off the floor",
    "I felt a bit rushed",
    "I would rather have a face to face appointment",
    "I wish the wait was shorter",
    "The staff look exhausted",
    "They gave me loads of self help sheets",
    "My self esteem has improved so much",
    "I'm learning self care skills",
    "The queue was a killer but staff were great",
    "I was absolutely dying to get home",
    "They kill you with kindness on this ward",
    "The staff murder the karaoke on a Friday but it's great fun",
    "The heat in the waiting room was unbearable, I almost died",
    "My feet are killing me after the walk from the bus stop",
    "Worth its weight in gold",
    "The driver was a bit of a maniac but got me there on time",
    "The nurse was very gentle when dressing my leg ulcer",
    "The doctor said I'm no longer at risk and discharged me",
    "I haven't had any dark thoughts since starting therapy",
    "I feel much safer now I have a care plan",
    "The CAMHS team helped my daughter stop self harming, she is doing brilliantly",
    "My son's self harm has stopped since he started seeing the team",
    "I had suicidal thoughts years ago but now I'm happy and working",
    "They helped me through a very difficult time and I'm now well",
    "The staff were never rude or aggressive to me",
    "I have never been hit or hurt by staff",
    "Nobody was nasty to me",
    "I'm not abused at home, I just needed support with my anxiety",
    "The seclusion room is cold and bare",
    "The ward feels like a prison",
    "Staff sometimes talk down to patients",
    "Please give us more fresh air",
    "Lunch was late again",
    "I was left waiting for hours in A&E",
    "There was no water in the waiting room",
    "Mum's carers are brilliant and always on time",
    "My dad was well fed and looked after",
    "My mother was washed and dressed every morning",
    "The district nurses checked on me every day",
    "My son has been bullied by other kids in the park, the counsellor helped him",
    "My neighbour's kids are lovely",
    "The children's centre is a safe place",
    "I worry about my children when I'm ill but the team helped",
    "Great relationship with my therapist",
    "My daughter had a great time on the children's ward",
    "Staff cut my meal up for me which was kind",
    "The OT cut me some slack when I was late",
    "They took my blood and it didn't hurt at all",
    "He is a big softie but can look scary",
    "I was threatened with discharge if I didn't engage",
    "They threatened to take my leave away",
    "The police were called when I got upset which felt heavy handed",
    "The nurse was firm but fair",
    "I bit the nurse's head off and apologised later",
    "I would never hurt anyone",
    "Please don't shoot the messenger, but the food is bad",
    "The manager was under fire for the waiting times",
    "I almost burnt the toast in the OT kitchen",
    "The therapist was a killer listener",
    "My life is so much better now",
    "Life is good",
    "I have a lot to live for now",
    "The future looks bright",
    "I wanted to give up on the course but they encouraged me",
    "I gave up smoking with the help of the team",
    "I gave up on ringing the GP",
    "The wait nearly drove me to despair",
    "I was worried sick about my husband",
    "I nearly fainted when they said 18 weeks",
    "I lost the will to live in that queue",
    "I was tired of waiting",
    "I'm tired of being passed from pillar to post",
    "I'm done with this service, it's useless",
    "Sick of the same old excuses",
    "Done with ringing every day",
    "I could have cried with relief",
    "The paramedics got me up off the floor",
    "They moved me to a single room",
    "Staff restrained a patient safely",
    "The restraint was explained to me afterwards",
    "I was scared of the other patients at first but settled in",
    "My son was scared of going in but staff reassured him",
    "I don't feel safe walking to the clinic at night because of the lighting",
    "They made sure I felt safe",
    "The dog therapy was amazing",
    "It was an amazing service",
    "Cleaner wards please",
    "The staff need more training on autism",
    "Thank you to everyone on Willow ward",
    (
        "The staff on the ward were amazing with my dad. They went above and beyond and I can't "
        "thank them enough. The food could be better."
    ),
    (
        "I have been under the community mental health team for 3 years and my CPN has been a "
        "lifeline. When I was at my lowest she never gave up on me."
    ),
    (
        "Waiting times are terrible. I waited 14 months to see a psychologist and by then I had "
        "nearly given up."
    ),
    (
        "The ambulance took 3 hours and my mum was lying on the kitchen floor the whole time. "
        "The paramedics were lovely when they arrived but it is not good enough."
    ),
    (
        "My son is autistic and the nurses were so patient. They explained everything and let "
        "him hold the equipment."
    ),
    "Please improve the phone system. I was on hold for 45 minutes and then cut off.",
    (
        "I felt listened to for the first time. The doctor didn't rush me and took my concerns "
        "seriously."
    ),
    (
        "The ward was very noisy at night and I couldn't sleep. Some patients were shouting and "
        "banging doors."
    ),
    (
        "I was an inpatient for 6 weeks. The activities were good but there were not enough "
        "staff at weekends so we were stuck on the ward."
    ),
    (
        "The health visitor came out quickly when I was worried about my baby not feeding. "
        "Really reassuring."
    ),
    (
        "I was struggling with my mood after having my baby and the perinatal team helped me so "
        "much. I feel like myself again."
    ),
    "Physio has been brilliant, I can walk to the shops again.",
    "The receptionist was rude and made me feel like I was wasting her time.",
    (
        "The district nurses have been looking after my husband's leg ulcers for months. They "
        "are always cheerful."
    ),
    "Nothing could be improved. Staff made my stay as comfortable as it could be.",
    "I think the discharge was rushed. I was not ready and had no follow up for two weeks.",
    (
        "I went through a really bad time last year and thought about ending things, but the "
        "home treatment team got me through it and I'm in a much better place now."
    ),
    (
        "My daughter used to self harm but since CAMHS got involved she has been doing really "
        "well and has stopped."
    ),
    (
        "The staff deal with difficult patients brilliantly. One man was shouting threats at "
        "everyone but they calmed him down and nobody was hurt."
    ),
    "I didn't like the food, it was bland and cold most days.",
    (
        "My appointment was cancelled twice without any explanation, which is frustrating when "
        "you've arranged time off work."
    ),
    "The psychiatrist changed my medication and it has made a huge difference.",
    "More information about side effects would have been helpful.",
    (
        "I was detained under the Mental Health Act and although I didn't agree with it at the "
        "time, staff treated me with respect."
    ),
    "Car parking is expensive and there are never enough spaces.",
    "My wife will kill me if I miss another appointment",
    "Staff dying their hair pink for charity was fun",
    "I almost died laughing at the Christmas panto",
    "My nan thinks the staff are to die for",
    "The traffic on the way there was deadly",
    "I wanted to kill the alarm clock on the ward",
    "The nurse said the dressing would hurt a bit but it didn't",
    "I've stopped self-harming and I'm proud of myself",
    "I've had no suicidal thoughts for over a year now",
    "Thanks to the team I no longer want to die",
    "The crisis team were there when I needed them most",
    "The nurse saved my dad's life",
    "When I was in a dark place they helped me, I'm doing much better",
    "I used to take overdoses but I've been well for two years",
    "I was bullied at work and the therapy helped me deal with it",
    "The doctor was a bit rough around the edges but very knowledgeable",
    "The carers are lovely with mum",
    "The dentist hurt me a bit but it was fine",
    "I took my tablets as prescribed and feel better",
    "I cut my finger in the OT kitchen and the nurse put a plaster on it",
    "I burnt my hand on the oven at home",
    "He fell and hit his head but the crew were great",
    "I got hit by a bus but the paramedics were brilliant",
    "The ward is not safe because the floors are slippery when wet",
    "Safety on the ward is good",
    "The food was so bad it should be a crime",
    "I don't feel listened to",
    "My son wasn't given any information about his condition",
    "She hasn't been given a date for her operation",
    "Nobody has given me my results",
    "Dad wasn't given a choice about his care home",
    "Mum wasn't given enough support when she got home",
    "The nurses checked on my dad every hour",
    "The staff made sure mum ate and drank",
    "Left me a voicemail but I couldn't call back",
    "No one told us about the change of appointment",
    "The staff threatened to strike over pay",
    "The children's play area is lovely",
    "I'm worried about the future of the service",
    "Relationships between staff and patients are excellent",
    "The ward is exploding with activities, loved it",
    "Staff attacked the problem head on",
    "The support worker fought for me",
    "He beat me at pool every day",
    "The cleaner knocked my tea over",
    "They took my temperature and blood pressure",
    "Great to be home",
    "Had a good chat with my care coordinator",
    "I was given a leaflet about the Samaritans",
    "Staff asked me about suicide risk at every appointment which felt caring",
]


def _rate(texts: list[str]) -> float:
    return sum(is_urgent(text) for text in texts) / len(texts)


def test_the_sets_are_big_and_varied_enough_to_mean_something():
    assert len(URGENT) >= 120
    assert len(ORDINARY) >= 150
    assert {concern for concern, _ in URGENT} == set(URGENT_CONCERNS)
    assert all(sum(c == concern for c, _ in URGENT) >= 15 for concern in URGENT_CONCERNS)
    assert len({text for _, text in URGENT}) == len(URGENT)
    assert len(set(ORDINARY)) == len(ORDINARY)


def test_urgent_comments_are_caught_with_the_right_concern():
    missed = [text for _, text in URGENT if not is_urgent(text)]
    wrong = [
        (concern, text)
        for concern, text in URGENT
        if concern not in {m.concern for m in urgent_matches(text)}
    ]
    detection = 1 - len(missed) / len(URGENT)
    right = 1 - len(wrong) / len(URGENT)
    print(f"\nurgent detection rate {detection:.3f} ({len(URGENT)} comments); missed: {missed}")
    print(f"right concern among matches {right:.3f}; wrong: {wrong}")
    assert detection >= 0.95
    assert right >= 0.9


def test_ordinary_comments_rarely_raise_false_alarms():
    alarms = [(text, urgent_matches(text)) for text in ORDINARY if is_urgent(text)]
    rate = len(alarms) / len(ORDINARY)
    print(f"\nfalse alarm rate {rate:.3f} ({len(ORDINARY)} ordinary comments); raised: {alarms}")
    assert rate <= 0.03


@pytest.mark.parametrize(
    ("text", "concern", "phrase"),
    [
        ("I want to kill myself", "suicide", "kill myself"),
        ("Staff swore at and humiliated my mother.", "abuse", "humiliated my mother"),
        ("Restrained too hard and bruised", "abuse", "Restrained too hard"),
        ("I'll burn the place down", "threats", "I'll burn the place down"),
    ],
)
def test_a_match_names_its_concern_and_shows_the_words_as_written(text, concern, phrase):
    matches = urgent_matches(text)
    assert UrgentMatch(concern, phrase) in matches
    assert all(m.concern in URGENT_CONCERNS for m in matches)


def test_context_decides():
    assert is_urgent("I am suicidal")
    assert not is_urgent("I am not suicidal")
    assert is_urgent("I was suicidal last year and I'm still struggling with it")
    assert not is_urgent("I was suicidal last year, I'm much better now")
    assert not is_urgent("I fell and cut my arm on the door")
    assert is_urgent("I cut my arm on purpose")  # not an accident: no accident named
    assert not is_urgent("")
    assert not is_urgent("   ")


def _shared_comments() -> list[str]:
    if not DATA.exists():
        pytest.skip(f"shared labelled comments not found at {DATA}")
    with DATA.open(encoding="utf-8", newline="") as handle:
        return [row["FFT answer"] for row in csv.DictReader(handle)]


def test_on_the_trusts_comments_few_are_flagged():
    comments = _shared_comments()
    started = time.perf_counter()
    results = [urgent_matches(comment) for comment in comments]
    elapsed = time.perf_counter() - started
    flagged = [(c, m) for c, m in zip(comments, results, strict=True) if m]
    share = len(flagged) / len(comments)
    print(
        f"\nshared data: {len(flagged)} of {len(comments)} flagged ({share:.4f}) in {elapsed:.2f}s"
    )
    for comment, matches in flagged:
        shown = ", ".join(f"{m.concern}: {m.phrase!r}" for m in matches)
        print(f"  [{shown}] {' '.join(comment.split())[:160]}")
    assert len(comments) > 7000
    assert share <= 0.01


def test_the_rule_index_never_hides_a_rule_that_would_match():
    # Rules only run on comments holding one of their anchor words, for speed; a rule whose
    # anchors miss a word its pattern needs would silently never fire.
    from feedback.themes import urgent

    texts = [text for _, text in URGENT] + ORDINARY
    if DATA.exists():
        texts += _shared_comments()
    for text in texts:
        norm = urgent._normalise(text)
        candidates: set[int] = set()
        for word in set(norm.words):
            candidates |= urgent._rules_for_word(word)
        for number, rule in enumerate(urgent._RULES):
            if number not in candidates:
                assert rule.pattern.search(norm.text) is None, (number, text)


@pytest.mark.parametrize(
    "text",
    ["took all " + "of my " * 60 + "x", "not " * 3000 + "suicidal", "the staff " * 2000 + "hit"],
)
def test_pathological_text_stays_fast(text):
    started = time.perf_counter()
    urgent_matches(text)
    assert time.perf_counter() - started < 0.5
