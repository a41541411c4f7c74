"""`python -m app` is the same as the `tnld` command."""

import sys

from app.cli.main import main

sys.exit(main())
