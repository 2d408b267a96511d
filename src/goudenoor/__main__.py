"""
``python -m goudenoor``: the same as the ``goudenoor`` command.
"""

import sys

from goudenoor.cli import main


sys.exit(main())
