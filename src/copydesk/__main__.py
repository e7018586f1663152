"""``python -m copydesk`` runs the ``copydesk`` command."""

from copydesk.serve.cli import main

raise SystemExit(main())
