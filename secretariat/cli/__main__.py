"""``python -m secretariat.cli`` runs the command line (the tests use it)."""

import sys

from secretariat.cli import main

# Guarded: the publication's PDF renderer starts worker processes that import the main
# module again (multiprocessing "spawn"); they must not run the command a second time.
if __name__ == "__main__":
    sys.exit(main())
