"""``python -m secretariat.cli`` runs the command line (the tests use it)."""

import sys

from secretariat.cli import main

sys.exit(main())
