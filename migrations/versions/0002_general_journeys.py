"""general journeys: a journey may have no location, and records when it was submitted

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 10:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('journey', schema=None) as batch_op:
        batch_op.alter_column('location_id', existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('outcome', sa.String(length=64), nullable=True))
    # Journeys finished before this revision were marked only by their response.
    op.execute("UPDATE journey SET submitted_at = updated_at WHERE response_id IS NOT NULL")


def downgrade():
    op.execute("DELETE FROM journey WHERE location_id IS NULL")
    with op.batch_alter_table('journey', schema=None) as batch_op:
        batch_op.drop_column('outcome')
        batch_op.drop_column('submitted_at')
        batch_op.alter_column('location_id', existing_type=sa.Integer(), nullable=False)
