"""Run an importer: ``python -m compiler.importers pnrr SOURCE_DIR -o OUT_DIR``."""

import sys

from compiler.importers import main

sys.exit(main())
