"""A revoked API client's name can be given to a new key for the same system

Revision ID: 0018
Revises: 0015
Create Date: 2026-12-03 11:35:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0015'
branch_labels = None
depends_on = None

IN_USE = sa.text("revoked_at IS NULL")


def upgrade():
    with op.batch_alter_table('api_client', schema=None) as batch_op:
        batch_op.drop_constraint('uq_api_client_name', type_='unique')
        batch_op.create_index(
            'uq_api_client_name_in_use',
            ['name'],
            unique=True,
            sqlite_where=IN_USE,
            postgresql_where=IN_USE,
        )


def downgrade():
    # Only possible while no name was reused: two rows with one name cannot both stay.
    with op.batch_alter_table('api_client', schema=None) as batch_op:
        batch_op.drop_index('uq_api_client_name_in_use')
        batch_op.create_unique_constraint('uq_api_client_name', ['name'])
