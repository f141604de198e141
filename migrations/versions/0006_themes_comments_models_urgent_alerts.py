"""Themes: the v7 framework, comments from every source, their themes, models, training
data, urgent alerts and theme summaries

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 15:07:18.764080

"""
from alembic import op
import sqlalchemy as sa
from datetime import datetime, timezone


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None



# The v7 framework as it stood when this migration was written (feedback.themes.framework).
FRAMEWORK = [
    ('General', 'Positive experience & gratitude'),
    ('General', 'Negative experience & dissatisfaction'),
    ('General', 'Organisation & efficiency'),
    ('General', 'Funding & use of financial resources'),
    ('General', 'Learning organisation'),
    ('Staff', 'Staff manner & personal attributes'),
    ('Staff', 'Competence & training'),
    ('Staff', 'Staffing levels & responsiveness'),
    ('Communication & involvement', 'Unspecified communication'),
    ('Communication & involvement', 'Staff listening, understanding & involving patients'),
    ('Communication & involvement', 'Information directly from staff during care'),
    ('Communication & involvement', 'Information provision & guidance'),
    ('Communication & involvement', 'Being kept informed, clarity & consistency of information'),
    ('Communication & involvement', 'Interaction with family/ carers'),
    ('Communication & involvement', 'Patient records'),
    ('Access to medical care & support', 'Contacting services'),
    ('Access to medical care & support', 'Appointment arrangements'),
    ('Access to medical care & support', 'Appointment method'),
    ('Access to medical care & support', 'Timeliness of care'),
    ('Access to medical care & support', 'Existence of services'),
    ('Access to medical care & support', 'Choice of services'),
    ('Access to medical care & support', 'Out of hours support (community services)'),
    ('Patient journey & service coordination', 'Diagnosis & triage'),
    ('Patient journey & service coordination', 'Continuity of care'),
    ('Patient journey & service coordination', 'Admission'),
    ('Patient journey & service coordination', 'Discharge'),
    ('Patient journey & service coordination', 'Care plans'),
    ('Care & treatment', 'Impact of treatment/ care'),
    ('Care & treatment', 'Pain management'),
    ('Care & treatment', 'Supplying & understanding medication'),
    ('Care & treatment', 'Psychological therapy arrangements'),
    ('Environment, facilities & transport', 'Cleanliness, tidiness & infection control'),
    ('Environment, facilities & transport', 'Environment, facilities & equipment'),
    ('Environment, facilities & transport', 'Sensory experience'),
    ('Environment, facilities & transport', 'Service location'),
    ('Environment, facilities & transport', 'Transport to/ from services'),
    ('Environment, facilities & transport', 'Parking'),
    ('Daily life on a ward', 'Food & drink provision & facilities'),
    ('Daily life on a ward', 'Activities & access to fresh air'),
    ('Daily life on a ward', 'Electronic entertainment'),
    ('Daily life on a ward', 'Patient appearance & grooming'),
    ('Safety, rights & inclusion', 'Feeling safe'),
    ('Safety, rights & inclusion', 'Mental Health Act'),
    ('Safety, rights & inclusion', 'Safeguarding concerns?'),
    ('Safety, rights & inclusion', 'Equality, Diversity & Inclusion'),
    ('No theme', 'Not assigned'),
    ('No theme', 'Labelling not possible'),
]


def _seed_framework():
    now = datetime.now(timezone.utc)
    theme = sa.table(
        "theme",
        *(sa.column(name) for name in (
            "name", "group", "position", "is_local", "is_active", "created_at",
        )),
    )
    op.bulk_insert(theme, [
        dict(name=name, group=group, position=position, is_local=False,
             is_active=True, created_at=now)
        for position, (group, name) in enumerate(FRAMEWORK, start=1)
    ])


# The keyword lexicon that tags comments before any model is trained (admins edit it), as
# feedback.themes.lexicon_default held it when this migration was written.
LEXICON = {
    'Positive experience & gratitude': ('10 10', '5 star', 'above and beyond', 'all good', 'all was good', 'amazing', 'any better', 'any improvement', 'are good', 'brilliant', 'cannot think of', 'cant fault', 'cant think of', 'carry on', 'continue what', 'could not ask for more', 'could not be better', 'could not be improved', 'could not fault', 'could not have done better', 'couldnt ask for more', 'couldnt be better', 'couldnt be improved', 'couldnt fault', 'couldnt have done better', 'done better', 'everything', 'everything is', 'everything was', 'excellent', 'excellent service', 'exceptional', 'fab', 'fantastic', 'faultless', 'first class', 'five star', 'good care', 'good experience', 'good job', 'good service', 'grateful', 'gratitude', 'great', 'great service', 'happy', 'happy with', 'impressed', 'is good', 'keep doing what you', 'keep it up', 'keep up the good work', 'lovely', 'need for improvement', 'no complaints', 'no improvement', 'not a thing', 'nothing could', 'nothing else', 'nothing i can think of', 'nothing more', 'nothing really', 'nothing to improve', 'outstanding', 'perfect', 'pleased', 'really good', 'recommend', 'satisfied', 'second to none', 'so good', 'spot on', 'superb', 'thank', 'thank you', 'thanks', 'the best', 'top notch', 'very good', 'well done', 'were good', 'wonderful'),
    'Negative experience & dissatisfaction': ('disgraceful', 'dreadful', 'extremely poor', 'horrendous', 'not good enough', 'not impressed', 'poor service', 'rubbish', 'terrible', 'very disappointed'),
    'Organisation & efficiency': ('badly organised', 'bureaucra*', 'disorganised', 'efficiency', 'efficient', 'efficiently', 'inefficient', 'organised', 'organized', 'run smoothly', 'shambles', 'smooth', 'well organised', 'well run'),
    'Funding & use of financial resources': ('budget', 'cuts', 'finances', 'funded', 'funding', 'government', 'investment', 'lack of resources', 'money', 'more resources', 'underfunded', 'value for money', 'waste of money'),
    'Learning organisation': ('act on feedback', 'learn from', 'learn lessons', 'lessons learned', 'lessons learnt', 'listen to feedback', 'make changes'),
    'Staff manner & personal attributes': ('abrupt', 'amazing with', 'angels', 'approachable', 'arrogant', 'at ease', 'attitude', 'brilliant with', 'calm', 'calming', 'caring', 'cheerful', 'compassion*', 'condescending', 'considerate', 'courteous', 'dignity', 'dismissive', 'empath*', 'friendliness', 'friendly', 'gentle', 'genuine', 'good humour', 'good with', 'great with', 'helpful', 'heroes', 'kind', 'kindness', 'lovely staff', 'made me feel', 'manner', 'manners', 'nice staff', 'patience', 'patronising', 'pleasant', 'polite', 'politeness', 'professional', 'professionalism', 'reassuring', 'respect', 'respectful', 'rude', 'rudeness', 'sarcastic', 'sense of humour', 'sensitive', 'so good with', 'so patient', 'supportive', 'sympathetic', 'thoughtful', 'treated me', 'treated with', 'uncaring', 'unfriendly', 'unhelpful', 'unprofessional', 'very patient', 'warm', 'welcoming', 'wonderful with'),
    'Competence & training': ('capable', 'competence', 'competent', 'confident in', 'experienced', 'expert', 'expertise', 'incompetent', 'inexperienced', 'knew exactly', 'knew what they were doing', 'knowledgable', 'knowledge', 'knowledgeable', 'qualified', 'skilled', 'trained', 'training', 'unqualified'),
    'Staffing levels & responsiveness': ('a bother', 'agency staff', 'always there', 'attentive', 'available when', 'bank staff', 'employ more', 'enough staff', 'hard working', 'hardworking', 'ignored', 'lack of staff', 'lack staff', 'low staff', 'more ambulances', 'more call handlers', 'more doctors', 'more nurses', 'more paramedics', 'more staff', 'more time with', 'no staff', 'not enough staff', 'nothing was a bother', 'nothing was too much trouble', 'on hand', 'overstretched', 'overworked', 'recruit*', 'responsive', 'see me more', 'short staff', 'short staffed', 'shortage', 'shortage of staff', 'staff shortage*', 'staffing', 'stretched', 'there for me', 'there when i needed', 'time and attention', 'too much trouble', 'under staffed', 'understaffed', 'when needed', 'work hard', 'works hard'),
    'Unspecified communication': ('better communication', 'communicate better', 'communicated well', 'communication', 'good communication', 'lack of communication', 'poor communication'),
    'Staff listening, understanding & involving patients': ('believed', 'chat', 'chatted', 'chatty', 'concerns', 'did not listen', 'didnt listen', 'discuss', 'discussed', 'dismissed', 'feel like', 'felt understood', 'felt valued', 'get to know', 'heard', 'included', 'interactive', 'involve', 'involved', 'judged', 'judgemental', 'listen', 'listened', 'listening', 'listens', 'my needs', 'my views', 'my wishes', 'non judgemental', 'not heard', 'not listened', 'open up', 'respected', 'someone to talk to', 'spend more time with', 'take me seriously', 'talk to', 'talked to', 'their needs', 'time to talk', 'time with the patients', 'took me seriously', 'took time', 'understanding', 'understood', 'views'),
    'Information directly from staff during care': ('advice', 'answered all my questions', 'answered my questions', 'answered our question*', 'answered questions', 'ask questions', 'clear', 'clear advice', 'clearly', 'easy to understand', 'explain', 'explained', 'explaining', 'explanation*', 'gave good', 'gave me', 'good advice', 'great advice', 'information given', 'information was given', 'informative', 'instructions', 'step by step', 'understand everything', 'what to expect', 'what was going on', 'what was happening'),
    'Information provision & guidance': ('advice and support', 'advice on', 'booklet*', 'coping strategies', 'course', 'covered', 'education', 'exercises', 'guidance', 'handout*', 'helpful advice', 'helpful information', 'info', 'information about', 'information given', 'information on', 'information package', 'leaflet*', 'more information', 'practical', 'signpost*', 'strategies', 'support and advice', 'support group', 'techniques', 'tips', 'topics', 'useful information', 'written information'),
    'Being kept informed, clarity & consistency of information': ('accurate', 'clarity', 'clearer', 'confirmation', 'confirmed', 'conflicting', 'contradict*', 'estimated time', 'eta', 'inaccurate', 'inconsistent', 'informed', 'keep me informed', 'keep me updated', 'keep us informed', 'kept informed', 'kept me informed', 'kept me updated', 'let me know', 'letting me know', 'misinformed', 'mixed messages', 'never told', 'no one told', 'nobody told', 'not told', 'told that', 'up to date', 'update', 'updated', 'updates', 'was not told', 'wasnt told', 'were told', 'wrong information'),
    'Interaction with family/ carers': ('allowed to visit', 'carers', 'families', 'family', 'family members', 'involve my family', 'involved my family', 'loved one*', 'my carer', 'my family', 'next of kin', 'relatives', 'supported my family', 'visiting', 'visiting times', 'visitors'),
    'Patient records': ('had no record', 'information on the system', 'medical records', 'my notes', 'no record', 'notes', 'on file', 'on the system', 'paperwork lost', 'records'),
    'Contacting services': ('111', 'answer the phone', 'answered', 'answered promptly', 'answered quickly', 'answered the phone', 'answerphone', 'call back', 'call was answered', 'called back', 'calls', 'cant get through', 'contacting', 'couldnt get through', 'crisis line', 'cut off', 'difficult to contact', 'easy to contact', 'emails', 'engaged', 'get hold of', 'get through', 'getting through', 'got through', 'hard to contact', 'held in a queue', 'helpline', 'hold for', 'no answer', 'on hold', 'phone line*', 'phone number', 'phone system', 'phones', 'queue', 'rang back', 'ring back', 'ringing', 'speak to someone', 'switchboard', 'telephone', 'to be answered', 'voicemail'),
    'Appointment arrangements': ('appointment', 'appointment time', 'appointments', 'be ready', 'book an', 'booked', 'cancellation*', 'cancelled', 'catch ups', 'follow up', 'follow-up', 'frequency', 'home visits', 'longer sessions', 'more appointments', 'more often', 'more regular', 'notice', 'pick up time', 'pickup time', 'ready', 'rearrange*', 'rebook*', 'regular appointments', 'regular contact', 'regular contacts', 'reschedul*', 'session could be longer', 'slot', 'time slot', 'twice weekly', 'visits', 'weekly'),
    'Appointment method': ('by phone', 'face to face', 'home visit*', 'in person', 'over the phone', 'phone appointment*', 'phone consultation', 'telephone appointment*', 'telephone consultation', 'video', 'video call', 'virtual', 'visited at home', 'zoom'),
    'Timeliness of care': ('arrive', 'arrived', 'delay', 'delayed', 'delays', 'earlier', 'early', 'fast', 'hour', 'hours', 'immediately', 'in good time', 'late', 'long time', 'mins', 'minutes', 'no time', 'on time', 'prompt', 'promptly', 'punctual', 'quick', 'quicker', 'quickly', 'record time', 'response time', 'slow', 'soon', 'sooner', 'speed', 'speedy', 'straight away', 'timely', 'too long', 'took ages', 'wait', 'waited', 'waiting', 'waiting list', 'waiting time*', 'waits', 'weeks', 'within'),
    'Existence of services': ('closed down', 'lack of services', 'need a service', 'no help available', 'no longer available', 'no service for', 'no services for', 'no support available', 'nothing available', 'service closed', 'should be a service'),
    'Choice of services': ('choice of', 'choose where', 'choose who', 'given a choice', 'more choice', 'no choice'),
    'Out of hours support (community services)': ('24/7', 'after 5pm', 'at weekends', 'bank holiday*', 'evenings and weekends', 'out of hours service', 'out of hours support', 'weekend cover'),
    'Diagnosis & triage': ('assess', 'assessed', 'diagnosed', 'diagnosis', 'examination', 'examined', 'initial assessment', 'insisted', 'irrelevant', 'misdiagnos*', 'questions', 'scan', 'tests', 'the questions', 'thorough assessment', 'too many questions', 'triage', 'unnecessary questions'),
    'Continuity of care': ('assigned', 'between services', 'care coordinator', 'communication between', 'consistency', 'continuity', 'crisis team', 'different doctor', 'different nurse', 'different people', 'different person', 'different staff', 'follow on', 'followed up', 'handover', 'joined up', 'keep changing', 'kept changing', 'key worker', 'lack of continuity', 'left the service', 'moved on', 'my cpn', 'named nurse', 'new nurse', 'new worker', 'one person', 'passed from', 'pillar to post', 'refer', 'referral', 'referred', 'retired', 'same doctor', 'same faces', 'same nurse', 'same person', 'same staff', 'someone else', 'staff turnover'),
    'Admission': ('admission', 'admissions', 'admit', 'admitted', 'bed available', 'no beds'),
    'Discharge': ('after discharge', 'discharge', 'discharge plan*', 'discharged', 'discharging', 'left without support', 'ready to go home'),
    'Care plans': ('care package', 'care plan', 'care plans', 'crisis plan', 'goals', 'plan', 'planning', 'plans', 'safety plan', 'treatment plan'),
    'Impact of treatment/ care': ('back on my feet', 'better now', 'changed my life', 'did not help', 'didnt help', 'didnt work', 'difference', 'feel better', 'feel good', 'feel more', 'feeling better', 'fit enough', 'getting better', 'has helped', 'helped me get', 'helped me to', 'helped my', 'helped with', 'helped with my', 'impact', 'improve my', 'independence', 'learned', 'learnt', 'left feeling', 'life changing', 'made a difference', 'made things worse', 'my anxiety', 'my depression', 'my mental health', 'no better', 'not helped', 'on my feet', 'outcome', 'really helped', 'recovery', 'saved', 'saved my life', 'stable', 'stayed well', 'turned my life', 'walking again'),
    'Pain management': ('gas and air', 'manage my pain', 'morphine', 'pain control', 'pain killer*', 'pain management', 'pain relief', 'painkiller*', 'relieve the pain', 'relieved my pain'),
    'Supplying & understanding medication': ('antibiotics', 'antidepressant*', 'depot', 'dosage', 'dose', 'drugs', 'injection', 'medication', 'medications', 'medicine', 'medicines', 'meds', 'prescribed', 'prescription*', 'side effects', 'tablet', 'tablets'),
    'Psychological therapy arrangements': ('cbt sessions', 'counselling sessions', 'iapt', 'more sessions', 'number of sessions', 'talking therapies', 'talking therapy', 'therapy sessions', 'therapy waiting list', 'wait for therapy', 'waiting for therapy'),
    'Cleanliness, tidiness & infection control': ('clean', 'cleaned', 'cleaner*', 'cleanliness', 'dirty', 'dust*', 'filthy', 'gloves', 'hand gel', 'hygiene', 'hygienic', 'infection control', 'mask', 'masks', 'ppe', 'sanitiser', 'smelly', 'spotless', 'tidy', 'untidy'),
    'Environment, facilities & equipment': ('accommodation', 'atmosphere', 'bathroom*', 'bedroom', 'beds', 'building', 'calming place', 'chairs', 'decor', 'environment', 'equipment', 'facilities', 'furniture', 'heating', 'hoist', 'lounge', 'mattress', 'privacy', 'rails', 'refurbish*', 'rooms', 'shower*', 'space', 'spacious', 'stretcher', 'temperature', 'toilet*', 'too cold', 'too hot', 'trolley', 'uncomfortable', 'vibe', 'walking frame'),
    'Sensory experience': ('banging', 'bright', 'lighting', 'loud', 'noise', 'noisy', 'peaceful', 'quiet', 'shouting', 'smell', 'smells', 'too hot'),
    'Service location': ('close to home', 'closer', 'convenient', 'directions', 'distance', 'easy to find', 'far away', 'hard to find', 'locally', 'location', 'long way', 'miles', 'nearer', 'nearest', 'sat nav', 'too far', 'travel to', 'travelling to'),
    'Transport to/ from services': ('bus', 'buses', 'cars', 'collect me', 'collected', 'drop off', 'dropped off', 'get to hospital', 'home time', 'journey', 'lift home', 'patient transport', 'picked up', 'public transport', 'return journey', 'ride', 'seat', 'seatbelt', 'seats', 'suspension', 'taxi', 'transport', 'transport home', 'vehicle', 'wheelchair'),
    'Parking': ('blue badge', 'car park', 'car parking', 'disabled parking', 'nowhere to park', 'park the car', 'parking', 'parking charge*', 'parking space*'),
    'Food & drink provision & facilities': ('breakfast', 'cafe', 'cake', 'canteen', 'catering', 'chips', 'coffee', 'coffee bar', 'cooked', 'cup of tea', 'diet', 'dinner', 'drink', 'drinks', 'fizzy', 'food', 'fruit', 'halal', 'hot drink*', 'hungry', 'lunch', 'meal', 'meals', 'menu', 'portion*', 'pudding', 'sandwich*', 'snack*', 'takeaway', 'toast', 'veg', 'vegan', 'vegetarian', 'veggies', 'water'),
    'Activities & access to fresh air': ('activities', 'activity', 'art', 'baking', 'bingo', 'bored', 'boredom', 'boring', 'cigarette*', 'craft*', 'crafts', 'day centre', 'day room', 'do more things', 'exercise', 'films', 'football', 'fresh air', 'games', 'garden', 'go out', 'going out', 'groups', 'gym', 'hard for patients to do', 'horticulture', 'keep me busy', 'keep you busy', 'keeping me busy', 'leave the ward', 'newspaper*', 'nothing to do', 'occupational therap*', 'off the ward', 'off ward', 'outings', 'plenty to do', 'pool', 'quiz', 'recovery college', 'relaxation', 'shop', 'smoke outside', 'smoking', 'sport*', 'swimming', 'things to do', 'timetable', 'trips', 'vape*', 'walks'),
    'Electronic entertainment': ('dvd*', 'games console', 'internet', 'ipad', 'laptop', 'mobile phone*', 'netflix', 'phone signal', 'playstation', 'radio', 'television', 'tv', 'wi fi', 'wifi', 'xbox'),
    'Patient appearance & grooming': ('appearance', 'clothes', 'clothing', 'grooming', 'hair', 'haircut', 'hairdresser', 'laundry', 'my nails', 'personal care', 'shave', 'shaving', 'toiletries', 'washing clothes'),
    'Feeling safe': ('afraid', 'feel safe', 'feeling safe', 'felt safe', 'frightened', 'in safe hands', 'not safe', 'protected', 'safe', 'safety', 'secure', 'security', 'unsafe'),
    'Mental Health Act': ('advocacy', 'advocate', 'community treatment order', 'cto', 'detained', 'detention', 'escorted leave', 'freedom*', 'give leave', 'ground leave', 'hospital managers', 'leave cancelled', 'low secure', 'medium secure', 'mental health act', 'mha', 'more leave', 'my leave', 'my rights', 'on leave', 'restrained', 'restraint', 'restrict*', 's17', 'secluded', 'seclusion', 'section', 'section 17', 'section 2', 'section 3', 'sectioned', 'trapped', 'tribunal', 'unescorted leave'),
    'Safeguarding concerns?': ('abuse', 'abused', 'abusive', 'assault', 'assaulted', 'bullied', 'bullying', 'exploit*', 'harassed', 'harassment', 'neglect', 'neglected', 'safeguarding'),
    'Equality, Diversity & Inclusion': ('accessible', 'adhd', 'autism', 'autistic', 'blind', 'bsl', 'cultural', 'culture', 'deaf', 'disabilities', 'disability', 'discriminated', 'discrimination', 'diversity', 'equality', 'first language', 'gay', 'gender', 'hard of hearing', 'hearing impaired', 'her disability', 'his disability', 'inclusion', 'inclusive', 'interpreter', 'learning difficult*', 'learning disabilit*', 'lgbt*', 'my disability', 'neurodivers*', 'non verbal', 'older people', 'race', 'racism', 'racist', 'reasonable adjustment*', 'religion', 'religious', 'sexuality', 'sign language', 'trans', 'transgender', 'translator', 'wheelchair user'),
    'Not assigned': ('because it is true', 'because its true', 'dont know', 'it is true', 'its true', 'no idea', 'not sure', 'nothing to say', 'unsure'),
    'Labelling not possible': ('did not answer',),
}


def _seed_lexicon():
    connection = op.get_bind()
    ids = dict(connection.execute(sa.text("SELECT name, id FROM theme")).all())
    keyword = sa.table("theme_keyword", sa.column("theme_id"), sa.column("phrase"))
    op.bulk_insert(keyword, [
        dict(theme_id=ids[name], phrase=phrase[:120])
        for name, phrases in LEXICON.items()
        for phrase in phrases
    ])


def upgrade():
    # ### commands auto generated by Alembic - please adjust! ###
    op.create_table('theme_model_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('trigger', sa.String(length=40), nullable=False),
    sa.Column('training_comments', sa.Integer(), nullable=False),
    sa.Column('team_codings', sa.Integer(), nullable=False),
    sa.Column('evaluation', sa.JSON(), nullable=False),
    sa.Column('macro_f1', sa.Float(), nullable=False),
    sa.Column('micro_f1', sa.Float(), nullable=False),
    sa.Column('sentiment_accuracy', sa.Float(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('decision', sa.Text(), nullable=False),
    sa.Column('payload', sa.LargeBinary(), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme_model_version'))
    )
    op.create_table('theme_summary',
    sa.Column('level', sa.String(length=12), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=30), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.Column('comments', sa.Integer(), nullable=False),
    sa.Column('positive', sa.Integer(), nullable=False),
    sa.Column('neutral', sa.Integer(), nullable=False),
    sa.Column('negative', sa.Integer(), nullable=False),
    sa.Column('urgent', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('level', 'unit_id', 'month', 'source', 'theme_id', name=op.f('pk_theme_summary'))
    )
    op.create_table('theme_training_comment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('question', sa.Text(), nullable=True),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('themes', sa.JSON(), nullable=False),
    sa.Column('sentiment_scale', sa.Integer(), nullable=True),
    sa.Column('respondent', sa.String(length=120), nullable=True),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme_training_comment'))
    )
    op.create_table('theme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('group', sa.String(length=120), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('is_local', sa.Boolean(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['target_id'], ['target.id'], name=op.f('fk_theme_target_id_target')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme')),
    sa.UniqueConstraint('name', name=op.f('uq_theme_name'))
    )
    op.create_table('theme_training_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('requested_by', sa.String(length=254), nullable=False),
    sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('model_version_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['model_version_id'], ['theme_model_version.id'], name=op.f('fk_theme_training_request_model_version_id_theme_model_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme_training_request'))
    )
    op.create_table('theme_keyword',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.Column('phrase', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_theme_keyword_theme_id_theme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme_keyword')),
    sa.UniqueConstraint('theme_id', 'phrase', name=op.f('uq_theme_keyword_theme_id'))
    )
    op.create_table('comment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=30), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('source_ref', sa.String(length=60), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('question', sa.Text(), nullable=True),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('received_month', sa.Date(), nullable=False),
    sa.Column('collected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tagged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tagged_by', sa.String(length=40), nullable=True),
    sa.Column('sentiment', sa.Enum('positive', 'neutral', 'negative', name='sentiment', native_enum=False, length=30), nullable=True),
    sa.Column('sentiment_scale', sa.Integer(), nullable=True),
    sa.Column('learning_value', sa.Float(), nullable=True),
    sa.Column('coded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('coded_by_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('is_urgent', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['coded_by_id'], ['user_account.id'], name=op.f('fk_comment_coded_by_id_user_account')),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], name=op.f('fk_comment_location_id_location')),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['user_account.id'], name=op.f('fk_comment_reviewed_by_id_user_account')),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_comment_service_id_service')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comment')),
    sa.UniqueConstraint('source', 'source_id', name=op.f('uq_comment_source'))
    )
    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comment_location_id'), ['location_id'], unique=False)
        batch_op.create_index('ix_comment_month', ['received_month', 'source'], unique=False)
        batch_op.create_index(batch_op.f('ix_comment_service_id'), ['service_id'], unique=False)
        batch_op.create_index('ix_comment_untagged', ['tagged_at'], unique=False)

    op.create_table('comment_theme',
    sa.Column('comment_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.Column('origin', sa.Enum('model', 'lexicon', 'team', name='origin', native_enum=False, length=30), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['comment_id'], ['comment.id'], name=op.f('fk_comment_theme_comment_id_comment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_comment_theme_theme_id_theme')),
    sa.PrimaryKeyConstraint('comment_id', 'theme_id', name=op.f('pk_comment_theme'))
    )
    with op.batch_alter_table('comment_theme', schema=None) as batch_op:
        batch_op.create_index('ix_comment_theme_theme', ['theme_id', 'comment_id'], unique=False)

    op.create_table('urgent_alert',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('comment_id', sa.Integer(), nullable=False),
    sa.Column('concerns', sa.JSON(), nullable=False),
    sa.Column('phrases', sa.JSON(), nullable=False),
    sa.Column('raised_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('close_note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['closed_by_id'], ['user_account.id'], name=op.f('fk_urgent_alert_closed_by_id_user_account')),
    sa.ForeignKeyConstraint(['comment_id'], ['comment.id'], name=op.f('fk_urgent_alert_comment_id_comment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_urgent_alert')),
    sa.UniqueConstraint('comment_id', name=op.f('uq_urgent_alert_comment_id'))
    )
    # ### end Alembic commands ###
    _seed_framework()
    _seed_lexicon()


def downgrade():
    # ### commands auto generated by Alembic - please adjust! ###
    op.drop_table('urgent_alert')
    with op.batch_alter_table('comment_theme', schema=None) as batch_op:
        batch_op.drop_index('ix_comment_theme_theme')

    op.drop_table('comment_theme')
    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.drop_index('ix_comment_untagged')
        batch_op.drop_index(batch_op.f('ix_comment_service_id'))
        batch_op.drop_index('ix_comment_month')
        batch_op.drop_index(batch_op.f('ix_comment_location_id'))

    op.drop_table('comment')
    op.drop_table('theme_keyword')
    op.drop_table('theme_training_request')
    op.drop_table('theme')
    op.drop_table('theme_training_comment')
    op.drop_table('theme_summary')
    op.drop_table('theme_model_version')
    # ### end Alembic commands ###
