"""The ``copydesk`` command: ``main.py`` (the parser and the subcommands), ``kb.py`` (``copydesk kb``),
``info.py`` (``copydesk info``), ``progress.py`` (the stderr progress display)."""
