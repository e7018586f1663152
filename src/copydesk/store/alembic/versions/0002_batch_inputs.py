"""Batch checkpoints: ``batch_inputs``, one row per input a ``copydesk batch`` run has finished
(stored or failed), written in the same transaction as the rows it covers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "batch_inputs",
        sa.Column("input_key", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.Text(), nullable=True),
        sa.Column("failure", sa.JSON(), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("input_key", name="pk_batch_inputs"),
    )


def downgrade() -> None:
    op.drop_table("batch_inputs")
