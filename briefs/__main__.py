"""``python -m briefs`` is the ``briefs`` command."""

from briefs.cli import main

raise SystemExit(main())
