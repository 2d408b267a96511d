"""
``python -m goudenoor``: the same as the ``goudenoor`` command.
"""

import sys

from .cli import main


sys.exit(main())
