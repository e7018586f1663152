"""``python -m copydesk`` runs the ``copydesk`` command."""

from copydesk.cli.main import main

raise SystemExit(main())
