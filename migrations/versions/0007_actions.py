"""Actions: "You said, we did" actions taken because of feedback, and the themes they answer

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('said', sa.Text(), nullable=False),
    sa.Column('did', sa.Text(), nullable=False),
    sa.Column('poster_said', sa.String(length=300), nullable=True),
    sa.Column('poster_did', sa.String(length=300), nullable=True),
    sa.Column('by_whom', sa.String(length=200), nullable=False),
    sa.Column('status', sa.Enum('planned', 'in_progress', 'done', 'not_going_ahead', name='actionstatus', native_enum=False, length=30), nullable=False),
    sa.Column('not_going_ahead_reason', sa.Text(), nullable=True),
    sa.Column('action_on', sa.Date(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('complaint_id', sa.Integer(), nullable=True),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('location_id IS NULL OR service_id IS NOT NULL', name=op.f('ck_action_location_service')),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_action_complaint_id_complaint')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_action_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], name=op.f('fk_action_location_id_location')),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_action_service_id_service')),
    sa.ForeignKeyConstraint(['target_id'], ['target.id'], name=op.f('fk_action_target_id_target')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_action_updated_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action'))
    )
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_location_id'), ['location_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_service_id'), ['service_id'], unique=False)
        batch_op.create_index('ix_action_status_on', ['status', 'action_on'], unique=False)

    op.create_table('action_theme',
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['action.id'], name=op.f('fk_action_theme_action_id_action'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_action_theme_theme_id_theme')),
    sa.PrimaryKeyConstraint('action_id', 'theme_id', name=op.f('pk_action_theme'))
    )
    with op.batch_alter_table('action_theme', schema=None) as batch_op:
        batch_op.create_index('ix_action_theme_theme', ['theme_id', 'action_id'], unique=False)


def downgrade():
    with op.batch_alter_table('action_theme', schema=None) as batch_op:
        batch_op.drop_index('ix_action_theme_theme')

    op.drop_table('action_theme')
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.drop_index('ix_action_status_on')
        batch_op.drop_index(batch_op.f('ix_action_service_id'))
        batch_op.drop_index(batch_op.f('ix_action_location_id'))
        batch_op.drop_index(batch_op.f('ix_action_complaint_id'))

    op.drop_table('action')
