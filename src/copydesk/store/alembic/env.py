"""Alembic environment of the store. The store runs it with the connection it opened
(``config.attributes["connection"]``, see ``copydesk.store.engine.upgrade``); run on its own it
opens ``-x db=PATH_OR_URL`` (default: the store's default database)."""

from __future__ import annotations

from alembic import context

from copydesk.store.engine import create_store_engine, include_object, writer
from copydesk.store.models import Base


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = create_store_engine(context.get_x_argument(as_dictionary=True).get("db"))
    with writer(engine).begin() as opened:
        run(opened)
    engine.dispose()
