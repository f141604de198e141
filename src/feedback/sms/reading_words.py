"""The words `feedback.sms.reading` looks for in an SMS reply, by language.

The six options' own labels (plain and easy read, in every language) come from the FFT
definition in `surveys/definitions/fft/`; the lists here add what people type instead: short
forms, everyday synonyms, number words, romanised Urdu, Punjabi and Gujarati (common in texts
from British South Asian families), and Polish without its diacritics. Words are matched after
the same folding as the message (NFC, case-folded, Latin accents and "ł" dropped, Arabic letter
variants unified), so "Źle", "zle" and "ZLE" are one entry, and "don't" also matches "dont".

The Urdu, Gujarati, Punjabi and Polish entries await review by a qualified translator, like the
definition's translations. Keys are language codes; "en" is always read as well.
"""

from __future__ import annotations

# Characters read alike when matching (the comment always keeps the person's own).
APOSTROPHES = "\u2019\u2018\u02bc`\u00b4\u2032"  # curly and look-alike apostrophes
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# Invisible characters phones insert (zero-width spaces, direction marks, byte order mark):
# read as spaces and trimmed, never as part of a word.
INVISIBLE = (
    "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)
LETTERS_FOR_MATCHING = {
    "\u0142": "l",  # Polish ł has no decomposition to drop an accent from
    # Arabic-keyboard letters typed for Urdu ones: yeh, alef maksura, kaf, heh, do-chashmi heh.
    "\u064a": "\u06cc",
    "\u0649": "\u06cc",
    "\u0643": "\u06a9",
    "\u0647": "\u06c1",
    "\u06be": "\u06c1",
}
# Arabic short vowels (harakat), superscript alef and tatweel: rarely typed, never needed.
DROPPED_FOR_MATCHING = [chr(c) for c in range(0x064B, 0x0660)] + ["\u0640", "\u0670"]

# fmt: off

# Option words beyond the definition's labels, by option code (1 Very good ... 6 Don't know).
OPTION_WORDS: dict[str, dict[int, tuple[str, ...]]] = {
    "en": {
        # "Excellent" and its kin are above "Very good" on any reading, so the top option loses
        # nothing (and "terrible" and its kin below "Very poor"); "great", "lovely", "fine"
        # sit between two options and are re-asked.
        1: ("very good", "v good", "vgood", "very gd", "v gd", "very gud", "v gud", "vg",
            "excellent", "outstanding", "brilliant", "fantastic", "superb", "amazing"),
        2: ("good", "gd", "gud"),
        # "OK" is option 3's own easy-read label in the definition.
        3: ("neither good nor poor", "neither good or poor", "neither good nor bad",
            "neither good or bad", "neither", "ok", "okay", "okey", "o.k."),
        # The definition's Urdu, Gujarati, Punjabi and Polish words for "Poor" all mean "bad".
        4: ("poor", "bad"),
        5: ("very poor", "v poor", "very bad", "v bad", "terrible", "awful", "appalling",
            "dreadful", "horrendous", "horrible"),
        6: ("don't know", "do not know", "i don't know", "i do not know", "don't no", "dunno",
            "idk", "not sure", "unsure", "no idea"),
    },
    "pl": {
        1: ("bardzo dobrze", "bardzo dobry", "bardzo dobra", "bardzo dobre", "świetnie",
            "doskonale"),
        2: ("dobrze", "dobry", "dobra", "dobre"),
        3: ("ani dobrze, ani źle", "w porządku", "ok", "okej", "średnio", "tak sobie"),
        4: ("źle", "zły", "zła", "złe", "słabo"),
        5: ("bardzo źle", "bardzo zły", "bardzo zła", "bardzo złe", "bardzo słabo", "fatalnie",
            "okropnie"),
        6: ("nie wiem", "nie jestem pewien", "nie jestem pewna", "trudno powiedzieć"),
    },
    "ur": {
        1: ("بہت اچھا", "بہت اچھی", "بہترین", "bohat acha", "bohot acha", "boht acha",
            "bahut acha", "bahut achha", "bohat achha", "bht acha", "bohat achi", "bahut achi"),
        2: ("اچھا", "اچھی", "acha", "achha", "accha", "achaa", "achi", "achhi"),
        3: ("نہ اچھا نہ خراب", "نہ اچھا نہ برا", "ٹھیک ہے", "ٹھیک", "ٹھیک ٹھاک", "theek",
            "theek hai", "thik", "thik hai", "theek thaak"),
        4: ("خراب", "برا", "بری", "kharab", "kharaab", "bura", "buri"),
        5: ("بہت خراب", "بہت برا", "بہت بری", "bohat kharab", "bohot kharab", "bahut kharab",
            "bahut bura", "bohat bura"),
        6: ("معلوم نہیں", "مجھے نہیں معلوم", "مجھے معلوم نہیں", "نہیں معلوم", "پتہ نہیں",
            "پتا نہیں", "نہیں پتہ", "pata nahi", "pata nahin", "pta nahi", "maloom nahi",
            "malum nahi", "nahi pata", "mujhe nahi pata", "mujhe nahi maloom"),
    },
    "gu": {
        1: ("ખૂબ સારું", "ખુબ સારું", "બહુ સારું", "ખૂબ સરસ", "બહુ સરસ", "ઉત્તમ", "khub saru",
            "bahu saru", "khub saras", "bahu saras"),
        2: ("સારું", "સારુ", "સરસ", "saru", "saras"),
        3: ("ન સારું, ન ખરાબ", "ઠીક છે", "ઠીક", "ઠીક ઠીક", "thik che", "thik chhe",
            "theek che"),
        4: ("ખરાબ", "kharab"),
        5: ("ખૂબ ખરાબ", "ખુબ ખરાબ", "બહુ ખરાબ", "khub kharab", "bahu kharab"),
        6: ("ખબર નથી", "મને ખબર નથી", "ખબર નહીં", "khabar nathi", "khabar nai", "nathi khabar"),
    },
    "pa": {
        1: ("ਬਹੁਤ ਚੰਗਾ", "ਬਹੁਤ ਚੰਗੀ", "ਬਹੁਤ ਵਧੀਆ", "bahut changa", "bohat changa",
            "bahut vadhiya", "bahut wadhiya"),
        2: ("ਚੰਗਾ", "ਚੰਗੀ", "ਵਧੀਆ", "changa", "vadhiya", "wadhiya"),
        3: ("ਨਾ ਚੰਗਾ, ਨਾ ਮਾੜਾ", "ਠੀਕ ਹੈ", "ਠੀਕ", "ਠੀਕ ਠਾਕ", "theek hai", "thik hai", "theek"),
        4: ("ਮਾੜਾ", "ਮਾੜੀ", "ਖ਼ਰਾਬ", "ਖਰਾਬ", "maada", "mara", "kharab"),
        5: ("ਬਹੁਤ ਮਾੜਾ", "ਬਹੁਤ ਮਾੜੀ", "ਬਹੁਤ ਖ਼ਰਾਬ", "ਬਹੁਤ ਖਰਾਬ", "bahut maada", "bahut mara",
            "bahut kharab"),
        6: ("ਪਤਾ ਨਹੀਂ", "ਮੈਨੂੰ ਨਹੀਂ ਪਤਾ", "ਮੈਨੂੰ ਪਤਾ ਨਹੀਂ", "pata nahi", "pta nahi", "nahi pata"),
    },
}

# Number words that are a rating (only in their own script: romanised "do" is an English word).
NUMBER_WORDS: dict[str, dict[int, tuple[str, ...]]] = {
    "en": {1: ("one",), 2: ("two",), 3: ("three",), 4: ("four",), 5: ("five",), 6: ("six",)},
    "pl": {1: ("jeden", "jedna", "jedno", "jedynka"), 2: ("dwa", "dwie", "dwójka"),
           3: ("trzy", "trójka"), 4: ("cztery", "czwórka"), 5: ("pięć", "piątka"),
           6: ("sześć", "szóstka")},
    "ur": {1: ("ایک",), 2: ("دو",), 3: ("تین",), 4: ("چار",), 5: ("پانچ",), 6: ("چھ", "چھے")},
    "gu": {1: ("એક",), 2: ("બે",), 3: ("ત્રણ",), 4: ("ચાર",), 5: ("પાંચ",), 6: ("છ",)},
    "pa": {1: ("ਇੱਕ", "ਇਕ"), 2: ("ਦੋ",), 3: ("ਤਿੰਨ",), 4: ("ਚਾਰ",), 5: ("ਪੰਜ",), 6: ("ਛੇ",)},
}

# After a rating *word*, these let it stand as the answer ("Good but slow", "Good thanks");
# any other word makes it part of a sentence ("Good morning", "Poor communication").
LINKING_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("but", "and", "because", "cos", "coz", "cause", "as", "though", "although",
           "however", "except", "apart", "thanks", "thank", "thx", "ty", "cheers", "ta",
           "overall", "so", "tbh", "x", "xx", "xxx"),
    "pl": ("ale", "i", "a", "bo", "ponieważ", "lecz", "jednak", "chociaż", "choć", "dziękuję",
           "dzięki", "pozdrawiam", "ogólnie"),
    "ur": ("لیکن", "مگر", "اور", "کیونکہ", "شکریہ", "البتہ", "lekin", "magar", "aur",
           "shukriya", "kyunke"),
    "gu": ("પણ", "પરંતુ", "અને", "કારણ", "કારણકે", "આભાર", "pan", "ane", "aabhar"),
    "pa": ("ਪਰ", "ਪਰੰਤੂ", "ਅਤੇ", "ਤੇ", "ਕਿਉਂਕਿ", "ਧੰਨਵਾਦ", "ਸ਼ੁਕਰੀਆ", "par", "te", "dhanwad",
           "shukriya"),
}

# "was", "is", "felt" after the rating word in Urdu, Gujarati and Punjabi word order (and in
# Polish): part of the rating ("بہت اچھا تھا" is "it was very good"), not left as a comment.
COPULAS: dict[str, tuple[str, ...]] = {
    "pl": ("było", "jest"),
    "ur": ("ہے", "تھا", "تھی", "تھے", "رہا", "رہی", "ہیں", "لگا", "لگی", "hai", "tha", "thi",
           "raha", "rahi", "laga"),
    "gu": ("છે", "હતું", "હતો", "હતી", "હતા", "રહ્યું", "રહ્યો", "લાગ્યું", "che", "chhe", "hatu"),
    "pa": ("ਹੈ", "ਸੀ", "ਸਨ", "ਰਿਹਾ", "ਰਹੀ", "ਲੱਗਾ", "ਲੱਗਿਆ", "hai", "si"),
}

# A rating, one of these, then another number or option: "1 or 2", "2 to 3", "good or bad".
CONNECTORS: dict[str, tuple[str, ...]] = {
    "en": ("or", "to", "and", "nor", "maybe", "perhaps", "between", "till", "until", "then"),
    "pl": ("lub", "albo", "czy", "do", "i", "a", "może"),
    "ur": ("یا", "سے", "اور", "شاید", "ya"),
    "gu": ("અથવા", "કે", "થી", "અને", "athva"),
    "pa": ("ਜਾਂ", "ਤੋਂ", "ਅਤੇ", "ਤੇ", "ਸ਼ਾਇਦ", "ja"),
}

# After a number, a unit or a counted noun makes it a quantity or another scale, not an FFT
# code: "5 stars" is the best on a star scale but 5 is "Very poor" here; "2 hours" is a wait;
# "1 nurse was rude" counts nurses. When in doubt it is re-asked, never guessed.
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("star", "stars", "point", "points", "pts", "pt", "mark", "marks", "percent", "per",
           "out", "outta", "of", "hour", "hours", "hr", "hrs", "minute", "minutes", "min",
           "mins", "day", "days", "week", "weeks", "month", "months", "year", "years", "yr",
           "yrs", "time", "times", "am", "pm", "o'clock", "night", "nights", "people", "person",
           "nurse", "nurses", "doctor", "doctors", "staff", "member", "members", "patient",
           "patients", "visit", "visits", "appointment", "appointments", "bed", "beds", "ward",
           "wards"),
    "pl": ("gwiazdka", "gwiazdki", "gwiazdek", "gwiazdy", "punkt", "punkty", "punktów", "na",
           "z", "procent", "godzina", "godziny", "godzin", "godzinę", "minut", "minuty", "dni",
           "dzień", "tydzień", "tygodnie", "tygodni", "miesiące", "miesięcy", "lata", "lat",
           "razy", "raz", "pielęgniarki", "pielęgniarek", "lekarzy", "osoby", "osób"),
    "ur": ("ستارے", "ستارہ", "سٹار", "گھنٹے", "گھنٹہ", "دن", "منٹ", "ہفتے", "مہینے", "سال",
           "بار", "میں"),
    "gu": ("સ્ટાર", "કલાક", "દિવસ", "મિનિટ", "અઠવાડિયા", "મહિના", "વર્ષ", "વાર", "માંથી"),
    "pa": ("ਸਟਾਰ", "ਤਾਰੇ", "ਘੰਟੇ", "ਘੰਟਾ", "ਦਿਨ", "ਮਿੰਟ", "ਹਫ਼ਤੇ", "ਮਹੀਨੇ", "ਸਾਲ", "ਵਾਰ",
           "ਵਿੱਚੋਂ"),
}
UNIT_SYMBOLS = "*%\u2b50\U0001f31f\u2605\u2606\u2729\u272a\u272b\u272c\u272d\u272e\u272f\u2730"

# Opt-out phrases that are an opt-out whatever follows them.
OPT_OUT_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("unsubscribe", "unsub", "opt out", "optout", "opt me out", "stopall",
           "no more texts", "no more text", "no more messages", "no more message",
           "no more sms", "no more txts", "no more surveys", "no texts", "don't text",
           "do not text", "don't message me", "do not message me", "don't contact me",
           "do not contact me", "don't send me texts", "don't send me messages",
           "do not send me texts", "do not send me messages", "don't want texts",
           "don't want these texts", "don't want any more texts", "don't want your texts",
           "don't want messages", "don't want these messages", "don't want any more messages",
           "do not want texts", "do not want these texts", "do not want any more texts",
           "do not want messages", "leave me alone", "remove me", "remove my number",
           "take me off", "take my number off",
           # The number is not the patient's: texting it again would be wrong.
           "wrong number"),
    "pl": ("rezygnuję", "rezygnacja", "wypisz mnie", "wypiszcie mnie", "nie wysyłaj",
           "nie wysyłajcie", "nie wysyłać", "nie przysyłajcie", "nie piszcie", "nie pisać",
           "nie chcę smsów", "nie chcę sms", "nie chcę wiadomości", "nie chcę więcej smsów",
           "nie chcę więcej sms", "nie chcę więcej wiadomości", "nie chcę żadnych smsów"),
    "ur": ("میسج نہ بھیجیں", "میسج نہ کریں", "میسج بند کریں", "میسجز بند کریں",
           "پیغام نہ بھیجیں", "پیغامات نہ بھیجیں", "پیغامات بند کریں", "مجھے میسج نہ کریں"),
    "gu": ("મેસેજ ન મોકલો", "મેસેજ બંધ કરો", "મેસેજ મોકલશો નહીં", "સંદેશ ન મોકલો"),
    "pa": ("ਮੈਸੇਜ ਨਾ ਭੇਜੋ", "ਮੈਸੇਜ ਬੰਦ ਕਰੋ", "ਸੁਨੇਹੇ ਨਾ ਭੇਜੋ"),
}

# Commands that are an opt-out only standing alone, before punctuation or a line break, or
# before a follower ("stop please", "stop the texts"), so "Stop the noise at night" is not.
# END, QUIT and CANCEL are left out: the UK convention is STOP, and "end it all" is urgent
# content a person must see, not an opt-out. STOP written in the invite language's script
# ("سٹاپ") is read too: the invite says "Reply STOP".
OPT_OUT_COMMANDS: dict[str, tuple[str, ...]] = {
    "en": ("stop", "no more"),
    "pl": ("wypisz",),
    "ur": ("بند کریں", "بند کرو", "بند کر دیں", "بند کردیں", "سٹاپ", "اسٹاپ", "band karo",
           "band karein", "band karen", "band kro", "bund karo"),
    "gu": ("બંધ કરો", "સ્ટોપ", "bandh karo", "band karo"),
    "pa": ("ਬੰਦ ਕਰੋ", "ਸਟਾਪ", "ਸਟੌਪ", "band karo", "bandh karo"),
}

# Polite lead-ins before an opt-out: "please stop", "can you stop texting me".
OPT_OUT_LEAD_INS: dict[str, tuple[str, ...]] = {
    "en": ("please", "pls", "plz", "plse", "kindly", "just", "i", "can you", "could you",
           "can u", "could u", "will you", "would you", "i want to", "i would like to",
           "i'd like to", "i wish to", "i want you to", "i would like you to",
           "i'd like you to"),
    "pl": ("proszę", "bardzo proszę"),
    "ur": ("براہ کرم", "برائے مہربانی", "مہربانی کر کے", "پلیز"),
    "gu": ("કૃપા કરીને", "પ્લીઝ"),
    "pa": ("ਕਿਰਪਾ ਕਰਕੇ", "ਪਲੀਜ਼"),
}

# Words after "stop" that keep it an opt-out ("STOP STOP", "Stop please", "stop it").
OPT_OUT_FOLLOWERS: dict[str, tuple[str, ...]] = {
    "en": ("stop", "please", "pls", "plz", "plse", "now", "thanks", "thank", "thx", "ty", "ta",
           "cheers", "it", "that", "me", "us", "them", "asap", "immediately", "already", "ffs",
           "x", "xx", "texting", "txting", "messaging", "sending", "contacting", "emailing",
           "calling", "bothering", "pestering", "spamming", "harassing"),
    "pl": ("proszę", "dziękuję", "dzięki", "teraz", "już", "natychmiast", "to", "mnie",
           "pisać", "wysyłać"),
    "ur": ("شکریہ", "پلیز", "جی", "shukriya", "ji"),
    "gu": ("આભાર", "પ્લીઝ"),
    "pa": ("ਧੰਨਵਾਦ", "ਜੀ", "ji"),
}
# "stop the/these/all ..." is an opt-out when what follows is the texts themselves.
OPT_OUT_DETERMINERS: dict[str, tuple[str, ...]] = {
    "en": ("the", "these", "those", "this", "your", "ur", "all", "any", "my"),
    "pl": ("te", "tych", "tego", "wszystkie"),
}
TEXT_NOUNS: dict[str, tuple[str, ...]] = {
    "en": ("texts", "text", "txts", "txt", "messages", "message", "msgs", "msg", "sms",
           "smss", "surveys", "survey", "questionnaires", "questions", "reminders",
           "notifications", "spam", "nonsense", "contact"),
    "pl": ("smsy", "smsów", "sms", "esemesy", "wiadomości", "wiadomość", "ankiety", "ankieta"),
}

# fmt: on
