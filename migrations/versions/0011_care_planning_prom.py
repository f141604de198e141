"""Care-planning PROM: offers, invites, responses, peer interviewers and their wards, and the monthly summary

The new role (peer_interviewer) and the new target measures need no change: enums are stored
as plain VARCHAR(30) with no CHECK constraint. The target on "% with a copy of their care
plan" is seeded here, as the Quality Account targets were in 0005.

Revision ID: 0011
Revises: 0012
Create Date: 2026-12-01 22:06:45.295092

"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('prom_summary',
    sa.Column('level', sa.String(length=12), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('offered', sa.Integer(), nullable=False),
    sa.Column('accepted', sa.Integer(), nullable=False),
    sa.Column('completed', sa.Integer(), nullable=False),
    sa.Column('completed_at_home', sa.Integer(), nullable=False),
    sa.Column('completed_easy_read', sa.Integer(), nullable=False),
    sa.Column('completed_alone', sa.Integer(), nullable=False),
    sa.Column('completed_peer_interviewer', sa.Integer(), nullable=False),
    sa.Column('completed_staff_help', sa.Integer(), nullable=False),
    sa.Column('completed_carer', sa.Integer(), nullable=False),
    sa.Column('declined_not_wanted', sa.Integer(), nullable=False),
    sa.Column('declined_too_unwell', sa.Integer(), nullable=False),
    sa.Column('declined_another_time', sa.Integer(), nullable=False),
    sa.Column('declined_no_care_plan', sa.Integer(), nullable=False),
    sa.Column('declined_other', sa.Integer(), nullable=False),
    sa.Column('planned_talk_yes', sa.Integer(), nullable=False),
    sa.Column('planned_talk_partly', sa.Integer(), nullable=False),
    sa.Column('planned_talk_answered', sa.Integer(), nullable=False),
    sa.Column('helped_write_yes', sa.Integer(), nullable=False),
    sa.Column('helped_write_partly', sa.Integer(), nullable=False),
    sa.Column('helped_write_answered', sa.Integer(), nullable=False),
    sa.Column('people_involved_yes', sa.Integer(), nullable=False),
    sa.Column('people_involved_partly', sa.Integer(), nullable=False),
    sa.Column('people_involved_answered', sa.Integer(), nullable=False),
    sa.Column('has_copy_yes', sa.Integer(), nullable=False),
    sa.Column('has_copy_partly', sa.Integer(), nullable=False),
    sa.Column('has_copy_answered', sa.Integer(), nullable=False),
    sa.Column('understands_yes', sa.Integer(), nullable=False),
    sa.Column('understands_partly', sa.Integer(), nullable=False),
    sa.Column('understands_answered', sa.Integer(), nullable=False),
    sa.Column('says_what_matters_yes', sa.Integer(), nullable=False),
    sa.Column('says_what_matters_partly', sa.Integer(), nullable=False),
    sa.Column('says_what_matters_answered', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('level', 'unit_id', 'month', name=op.f('pk_prom_summary'))
    )
    op.create_table('peer_interviewer',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_peer_interviewer_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_peer_interviewer')),
    sa.UniqueConstraint('code', name=op.f('uq_peer_interviewer_code'))
    )
    op.create_table('peer_interviewer_location',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], name=op.f('fk_peer_interviewer_location_location_id_location'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['peer_interviewer.user_id'], name=op.f('fk_peer_interviewer_location_user_id_peer_interviewer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'location_id', name=op.f('pk_peer_interviewer_location'))
    )
    op.create_table('prom_offer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('offered_on', sa.Date(), nullable=False),
    sa.Column('offered_month', sa.Date(), nullable=False),
    sa.Column('version', sa.Enum('care-plan-prom', 'care-plan-prom-carer', 'care-plan-prom-cyp', name='promversion', native_enum=False, length=30), nullable=False),
    sa.Column('accepted', sa.Boolean(), nullable=False),
    sa.Column('decline_reason', sa.Enum('not_wanted', 'too_unwell', 'another_time', 'no_care_plan', 'other', name='declinereason', native_enum=False, length=30), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('home_code', sa.String(length=12), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(accepted AND decline_reason IS NULL) OR (NOT accepted AND decline_reason IS NOT NULL)', name=op.f('ck_prom_offer_decline_has_reason')),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], name=op.f('fk_prom_offer_location_id_location')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_prom_offer_recorded_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_prom_offer')),
    sa.UniqueConstraint('home_code', name=op.f('uq_prom_offer_home_code'))
    )
    with op.batch_alter_table('prom_offer', schema=None) as batch_op:
        batch_op.create_index('ix_prom_offer_location_month', ['location_id', 'offered_month'], unique=False)

    op.create_table('prom_invite',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('offer_id', sa.Integer(), nullable=False),
    sa.Column('mode', sa.Enum('alone', 'peer_interviewer', 'staff_help', 'carer', name='completionmode', native_enum=False, length=30), nullable=False),
    sa.Column('at_home', sa.Boolean(), nullable=False),
    sa.Column('peer_code', sa.String(length=10), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['offer_id'], ['prom_offer.id'], name=op.f('fk_prom_invite_offer_id_prom_offer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_prom_invite')),
    sa.UniqueConstraint('token', name=op.f('uq_prom_invite_token'))
    )
    with op.batch_alter_table('prom_invite', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_prom_invite_offer_id'), ['offer_id'], unique=False)

    op.create_table('prom_response',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('idempotency_key', sa.String(length=64), nullable=False),
    sa.Column('offer_id', sa.Integer(), nullable=False),
    sa.Column('questionnaire', sa.String(length=40), nullable=False),
    sa.Column('questionnaire_version', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('easy_read', sa.Boolean(), nullable=False),
    sa.Column('mode', sa.Enum('alone', 'peer_interviewer', 'staff_help', 'carer', name='completionmode', native_enum=False, length=30), nullable=False),
    sa.Column('at_home', sa.Boolean(), nullable=False),
    sa.Column('peer_code', sa.String(length=10), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('planned_talk', sa.String(length=12), nullable=True),
    sa.Column('helped_write', sa.String(length=12), nullable=True),
    sa.Column('people_involved', sa.String(length=12), nullable=True),
    sa.Column('has_copy', sa.String(length=12), nullable=True),
    sa.Column('understands', sa.String(length=12), nullable=True),
    sa.Column('says_what_matters', sa.String(length=12), nullable=True),
    sa.ForeignKeyConstraint(['offer_id'], ['prom_offer.id'], name=op.f('fk_prom_response_offer_id_prom_offer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_prom_response')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_prom_response_idempotency_key')),
    sa.UniqueConstraint('offer_id', name=op.f('uq_prom_response_offer_id'))
    )
    target = sa.table(
        "target",
        *(sa.column(name) for name in (
            "code", "name", "source", "measure", "level", "period", "direction", "goal_percent",
            "amber_points", "minimum_count", "owner", "notes", "is_active", "created_at",
        )),
    )
    op.bulk_insert(target, [dict(
        code="care-plan-copy", name="Service users given a copy of their care plan",
        source="Quality Account: collaborative care planning", measure="prom_has_copy",
        level="service", period="quarter", direction="at_least", goal_percent=75,
        amber_points=10, minimum_count=10, owner="Deputy Director of Nursing and Quality",
        notes='"The service user receives a copy of their care plan" (one of the five standards): '
        'the share answering yes in the care-planning PROM. The 2019 audit found over half had '
        'no copy.',
        is_active=True, created_at=datetime.now(timezone.utc),
    )])


def downgrade():
    op.execute("DELETE FROM target_status WHERE target_id IN "
               "(SELECT id FROM target WHERE code = 'care-plan-copy')")
    op.execute("DELETE FROM target WHERE code = 'care-plan-copy'")
    op.drop_table('prom_response')
    with op.batch_alter_table('prom_invite', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_prom_invite_offer_id'))

    op.drop_table('prom_invite')
    with op.batch_alter_table('prom_offer', schema=None) as batch_op:
        batch_op.drop_index('ix_prom_offer_location_month')

    op.drop_table('prom_offer')
    op.drop_table('peer_interviewer_location')
    op.drop_table('peer_interviewer')
    op.drop_table('prom_summary')
