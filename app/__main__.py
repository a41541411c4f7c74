"""`python -m app` is the same as the `tnld` command."""

import multiprocessing
import sys

from app.cli.main import main

if __name__ == "__main__":
    # A frozen (PyInstaller) program must let the worker processes of a bundle import start (STYLE § 21).
    multiprocessing.freeze_support()
    sys.exit(main())
