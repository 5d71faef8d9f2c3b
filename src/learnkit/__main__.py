"""``python -m learnkit``: the same command line as the ``learnkit`` script."""

import sys

from learnkit.cli import main

if __name__ == "__main__":
    sys.exit(main())
