"""goudenoor-zorg: an example sector pack for the ``goudenoor`` library.

The pack adds requirements and checkpoints for complaint handling in Dutch health
care (klachtenfunctionaris, klachtenregeling, geschilleninstantie, cliëntenraad,
incidents and calamities) to the Gouden Oor Standaard editions ``gos-2012`` and
``gos-2016``. Its texts were written for this example; they are not the standard's
words and not legal advice.

``goudenoor`` finds the pack through the entry point group ``goudenoor.extensions``,
which points at :func:`extension`.
"""

from importlib.resources import files
from importlib.resources.abc import Traversable


__all__ = ["extension"]


def extension() -> Traversable:
    """The pack's extension file (entry point ``goudenoor.extensions``)."""
    return files(__name__) / "zorg.yaml"
