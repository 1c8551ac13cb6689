"""``python -m qantar.neo4j_local start|stop|status|build`` (same as ``qantar neo4j``)."""

import sys

from . import main

sys.exit(main())
