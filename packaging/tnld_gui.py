"""Entry of the built windowed program (TNLD.exe): the desktop program, no console window."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The import's checking workers are spawned processes of this executable (STYLE § 21).
    multiprocessing.freeze_support()
    from app.ui.application import main

    sys.exit(main())
