"""Entry of the built console program (`tnld` on Linux, `tnld-cli.exe` on Windows): the command line (SPEC § 9)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The import's checking workers are spawned processes of this executable (STYLE § 21).
    multiprocessing.freeze_support()
    from app.cli.main import main

    sys.exit(main())
