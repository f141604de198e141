"""The lexicon a fresh install starts from: every v7 theme with the phrases that suggest it.

Phrases are general English, chosen from experience of FFT comments and checked against the
trust's labelled comments (`../shared/data/themes/`): words the labellers seldom code to a theme
are left out even when they look right ("phone" is mostly not about contacting services, "my
husband" is mostly not about family involvement), because every wrong theme is one the team
must correct. Themes the labelled data never uses (psychological therapy arrangements, choice
and existence of services, out of hours support, learning organisation) keep a few specific
phrases so they can still appear. A word ending in "*" is a prefix; see lexicon.py for matching.
"""

from __future__ import annotations

from feedback.themes.framework import V7_NAMES


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(p for line in text.splitlines() for p in (s.strip() for s in line.split(",")) if p)


_TEXT: dict[str, str] = {
    "Positive experience & gratitude": """
        excellent, brilliant, fantastic, amazing, wonderful, superb, outstanding, exceptional
        perfect, great, very good, good service, excellent service, great service
        thank you, thanks, thank, grateful, gratitude, well done, all good, happy with
        cant fault, couldnt fault, could not fault, faultless, nothing to improve, no improvement
        could not have done better, couldnt have done better, any better, done better
        cant think of, cannot think of, nothing i can think of, nothing really, not a thing
        nothing more, nothing else, nothing could, could not be improved, couldnt be improved
        could not be better, couldnt be better, could not ask for more, couldnt ask for more
        keep up the good work, keep it up, keep doing what you, first class, top notch
        5 star, five star, 10 10, second to none, above and beyond, impressed, lovely, pleased
        satisfied, recommend, the best, no complaints, fab, spot on, everything was
        everything is, happy
        all was good, were good, is good, are good, really good, so good, good care
        good experience, good job, everything, continue what, carry on, need for improvement
        any improvement
    """,
    "Negative experience & dissatisfaction": """
        disgraceful, terrible, rubbish, dreadful, horrendous, poor service, not good enough
        extremely poor, not impressed, very disappointed
    """,
    "Organisation & efficiency": """
        efficient, efficiency, efficiently, inefficient, organised, organized, disorganised
        well run, well organised, badly organised, run smoothly, smooth, shambles, bureaucra*
    """,
    "Funding & use of financial resources": """
        funding, funded, underfunded, government, money, budget, investment, cuts, finances
        more resources, lack of resources, value for money, waste of money
    """,
    "Learning organisation": """
        learn from, lessons learned, lessons learnt, act on feedback, listen to feedback
        learn lessons, make changes
    """,
    "Staff manner & personal attributes": """
        helpful, friendly, kind, kindness, caring, polite, professional, professionalism
        pleasant, courteous, respectful, respect, compassion*, considerate, supportive, gentle
        empath*, cheerful, warm, welcoming, approachable, reassuring, at ease, calm, calming
        very patient, so patient, patience, rude, rudeness, attitude, unhelpful, arrogant
        abrupt, dismissive, unprofessional, uncaring, unfriendly, manner, manners, nice staff
        lovely staff, good humour, sense of humour, dignity, sympathetic, thoughtful, genuine
        made me feel, treated me, treated with, angels, heroes, friendliness, politeness
        good with, great with, brilliant with, wonderful with, amazing with, so good with
        , sensitive, condescending, patronising, sarcastic
    """,
    "Competence & training": """
        knowledgeable, knowledgable, knowledge, trained, training, competent, incompetent
        competence, expertise, expert, experienced, inexperienced, skilled, qualified
        unqualified, knew what they were doing, knew exactly, capable, confident in
    """,
    "Staffing levels & responsiveness": """
        more staff, staffing, short staffed, understaffed, under staffed, staff shortage*
        shortage, shortage of staff, lack of staff, not enough staff, enough staff, employ more
        recruit*, agency staff, bank staff, more call handlers, more ambulances
        more paramedics, more nurses, more doctors, overworked, overstretched, no staff
        too much trouble, nothing was too much trouble, a bother, nothing was a bother
        responsive, attentive, ignored, always there, on hand, available when, stretched
        work hard, works hard, hard working, hardworking, time and attention, low staff
        short staff, lack staff, more time with, there when i needed, there for me, when needed
        see me more
    """,
    "Unspecified communication": """
        communication, poor communication, good communication, better communication
        communicated well, communicate better, lack of communication
    """,
    "Staff listening, understanding & involving patients": """
        listen, listened, listening, listens, understanding, understood, not listened
        didnt listen, did not listen, involved, involve, included, my views, my wishes
        took time, time to talk, someone to talk to, talk to, talked to, heard
        not heard, concerns, took me seriously, take me seriously, dismissed, judged
        judgemental, non judgemental, chat, chatty, chatted, my needs, their needs
        felt valued, believed, felt understood, views, feel like
        respected, discuss, discussed, open up, interactive, get to know, spend more time with
        time with the patients
    """,
    "Information directly from staff during care": """
        explained, explain, explaining, explanation*, advice, clear, clearly, informative
        answered my questions, answered all my questions, ask questions, answered questions
        gave me, gave good, instructions, good advice, great advice, clear advice
        what was happening, what was going on, what to expect, step by step
        information given, information was given, answered our question*, easy to understand
        understand everything
    """,
    "Information provision & guidance": """
        more information, information given, info, leaflet*, booklet*, guidance, signpost*
        written information, exercises, handout*, course, education, tips, strategies
        coping strategies, techniques, information about, information on, advice on
        useful information, helpful information, practical
        advice and support, support and advice, helpful advice, information package, topics
        covered, support group
    """,
    "Being kept informed, clarity & consistency of information": """
        kept informed, keep me informed, kept me informed, keep us informed, informed
        updated, update, updates, up to date, no one told, nobody told, not told, wasnt told
        was not told, were told, mixed messages, conflicting, inconsistent, contradict*
        accurate, inaccurate, misinformed, wrong information, clarity, let me know
        letting me know, estimated time, eta, kept me updated, keep me updated, told that
        never told, clearer, confirmed, confirmation
    """,
    "Interaction with family/ carers": """
        family, families, relatives, next of kin, carers, my carer, family members
        loved one*, involve my family, involved my family, supported my family, my family
        allowed to visit, visiting, visiting times, visitors
    """,
    "Patient records": """
        records, my notes, medical records, notes, on file, on the system, no record
        had no record, information on the system, paperwork lost
    """,
    "Contacting services": """
        get through, got through, getting through, cant get through, couldnt get through
        answer the phone, answered the phone, answered quickly, answered promptly, answered
        call was answered, to be answered, on hold, hold for, held in a queue, queue
        telephone, phone line*, phone system, phones, call back, called back, ring back
        rang back, calls, voicemail, get hold of, contacting, speak to someone
        switchboard, engaged, cut off, 111, phone number, emails, crisis line, helpline
        answerphone, ringing, no answer, easy to contact, hard to contact, difficult to contact
    """,
    "Appointment arrangements": """
        appointment, appointments, cancelled, cancellation*, rearrange*, reschedul*
        rebook*, booked, book an, appointment time, time slot, slot, regular appointments
        more appointments, follow up, follow-up, pick up time, pickup time, be ready, ready
        notice, more often, more regular, frequency
        regular contact, regular contacts, home visits, visits, twice weekly, weekly, catch ups
        session could be longer, longer sessions
    """,
    "Appointment method": """
        face to face, video call, video, phone appointment*, telephone appointment*
        virtual, zoom, in person, home visit*, visited at home, over the phone, by phone
        telephone consultation, phone consultation
    """,
    "Timeliness of care": """
        wait, waiting, waited, waits, waiting list, waiting time*, on time, quick, quickly
        quicker, prompt, promptly, late, delay, delayed, delays, hours, hour, minutes, mins
        response time, arrived, arrive, took ages, too long, sooner, fast, speed, speedy
        timely, straight away, immediately, within, early, earlier, in good time, no time
        record time, weeks, slow, soon, punctual, long time
    """,
    "Existence of services": """
        no service for, no services for, no support available, no help available
        lack of services, nothing available, should be a service, need a service
        service closed, closed down, no longer available
    """,
    "Choice of services": """
        given a choice, no choice, choice of, choose where, choose who, more choice
    """,
    "Out of hours support (community services)": """
        out of hours support, out of hours service, at weekends, weekend cover
        bank holiday*, 24/7, after 5pm, evenings and weekends
    """,
    "Diagnosis & triage": """
        diagnosis, diagnosed, misdiagnos*, triage, assessed, assess, questions
        too many questions, the questions, examined, examination, tests, scan, irrelevant
        unnecessary questions, initial assessment, insisted, thorough assessment
    """,
    "Continuity of care": """
        referral, referred, refer, continuity, same person, same nurse, same doctor
        same staff, different person, different people, different staff, different doctor
        different nurse, new nurse, new worker, keep changing, kept changing, passed from
        pillar to post, handover, between services, left the service, moved on
        care coordinator, key worker, staff turnover, follow on, followed up, my cpn
        lack of continuity, communication between, crisis team
        consistency, same faces, joined up, someone else, retired, named nurse, assigned, one person
    """,
    "Admission": """
        admission, admitted, admit, no beds, bed available, admissions
    """,
    "Discharge": """
        discharge, discharged, discharging, after discharge, discharge plan*
        ready to go home, left without support
    """,
    "Care plans": """
        care plan, care plans, treatment plan, plan, plans, safety plan, crisis plan, goals
        planning, care package
    """,
    "Impact of treatment/ care": """
        has helped, really helped, helped me get, helped me to, made a difference
        difference, feel better, feeling better, better now, recovery, changed my life
        saved my life, saved, back on my feet, my mental health, my anxiety, my depression
        no better, not helped, didnt help, didnt work, did not help, outcome, life changing
        turned my life, stable, independence, walking again, feel more, learnt, learned
        impact, made things worse, left feeling, helped with my, helped my, improve my
        getting better, on my feet, stayed well, feel good, fit enough, helped with
    """,
    "Pain management": """
        pain relief, painkiller*, pain killer*, pain management, morphine, gas and air
        pain control, relieve the pain, relieved my pain, manage my pain
    """,
    "Supplying & understanding medication": """
        medication, medications, medicine, medicines, meds, tablets, tablet, prescription*
        prescribed, side effects, dose, dosage, depot, injection, antidepressant*
        antibiotics, drugs
    """,
    "Psychological therapy arrangements": """
        waiting for therapy, wait for therapy, therapy waiting list, therapy sessions
        more sessions, number of sessions, talking therapy, talking therapies, iapt
        cbt sessions, counselling sessions
    """,
    "Cleanliness, tidiness & infection control": """
        clean, cleanliness, cleaned, tidy, untidy, dirty, filthy, hygiene, hygienic
        spotless, masks, mask, ppe, gloves, infection control, hand gel, sanitiser, smelly
        dust*, cleaner*
    """,
    "Environment, facilities & equipment": """
        environment, equipment, building, furniture, decor, atmosphere, privacy, toilet*
        bathroom*, shower*, heating, too hot, too cold, temperature, chairs, hoist, mattress
        lounge, refurbish*, facilities, bedroom, uncomfortable, beds, rooms
        stretcher, trolley, rails, walking frame
        spacious, space, accommodation, vibe, calming place
    """,
    "Sensory experience": """
        noise, noisy, loud, quiet, peaceful, lighting, bright, shouting, banging, too hot
        smell, smells
    """,
    "Service location": """
        location, miles, distance, closer, close to home, nearer, too far, far away
        locally, convenient, easy to find, hard to find, sat nav, directions, nearest
        travel to, travelling to, long way
    """,
    "Transport to/ from services": """
        transport, taxi, journey, vehicle, cars, bus, buses, picked up, dropped off
        drop off, lift home, patient transport, ride, seat, seats, seatbelt, suspension
        return journey, home time, collect me, collected, wheelchair, get to hospital
        public transport, transport home
    """,
    "Parking": """
        parking, car park, parking space*, car parking, parking charge*, disabled parking
        blue badge, park the car, nowhere to park
    """,
    "Food & drink provision & facilities": """
        food, meal, meals, menu, breakfast, lunch, dinner, coffee, drinks, snack*, cafe
        canteen, catering, portion*, takeaway, vegetarian, vegan, halal, diet, hungry
        fruit, sandwich*, hot drink*, cup of tea, coffee bar, toast, chips, cooked
        cake, pudding, veg, veggies, water, fizzy, drink
    """,
    "Activities & access to fresh air": """
        activities, activity, gym, fresh air, walks, garden, bingo, games, quiz, art
        crafts, sport*, football, exercise, things to do, bored, boring, boredom
        off the ward, off ward, outings, trips, horticulture, baking, swimming
        occupational therap*, day centre, recovery college, timetable, smoking
        cigarette*, vape*, groups, go out, going out, leave the ward, pool
        plenty to do, nothing to do, keep me busy, keeping me busy, keep you busy, craft*
        relaxation, smoke outside, day room, films, newspaper*, shop, do more things
        hard for patients to do
    """,
    "Electronic entertainment": """
        tv, television, wifi, wi fi, internet, playstation, xbox, games console, laptop
        ipad, phone signal, mobile phone*, netflix, dvd*, radio
    """,
    "Patient appearance & grooming": """
        hair, haircut, hairdresser, shave, shaving, grooming, appearance, clothes
        clothing, laundry, washing clothes, personal care, toiletries, my nails
    """,
    "Feeling safe": """
        safe, unsafe, in safe hands, felt safe, feel safe, feeling safe, not safe, protected
        safety, secure, security, frightened, afraid
    """,
    "Mental Health Act": """
        section, sectioned, mental health act, mha, detained, detention, tribunal
        section 2, section 3, section 17, seclusion, restraint, restrained, advocate
        advocacy, my rights, cto, hospital managers, escorted leave, unescorted leave
        ground leave, leave cancelled, my leave, s17, community treatment order
        more leave, on leave, give leave, freedom*, restrict*, secluded, low secure
        medium secure, trapped
    """,
    "Safeguarding concerns?": """
        safeguarding, abuse, abused, abusive, neglect, neglected, exploit*, bullied
        bullying, assaulted, assault, harassment, harassed
    """,
    "Equality, Diversity & Inclusion": """
        deaf, hearing impaired, hard of hearing, blind, disability, disabilities
        autism, autistic, learning disabilit*, learning difficult*, transgender
        trans, gender, race, racist, racism, discrimination, discriminated, religion
        religious, culture, cultural, interpreter, translator, sign language, bsl, lgbt*
        gay, sexuality, equality, diversity, inclusion, inclusive, wheelchair user
        older people, neurodivers*, adhd, reasonable adjustment*, accessible, first language
        non verbal, my disability, his disability, her disability
    """,
    # Codes for comments with nothing to theme; they never sit beside a real theme.
    "Not assigned": """
        dont know, not sure, unsure, because it is true, because its true, its true
        it is true, no idea, nothing to say
    """,
    "Labelling not possible": """
        did not answer
    """,
}

DEFAULT_LEXICON: dict[str, tuple[str, ...]] = {name: _phrases(_TEXT[name]) for name in V7_NAMES}
