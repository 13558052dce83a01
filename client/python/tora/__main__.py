"""``python -m tora`` is the ``tora`` command."""

from ._cli import main

raise SystemExit(main())
