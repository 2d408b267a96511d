"""
The ``goudenoor`` command.

Every error the user causes is printed as one line,
``goudenoor: error: <message>``, on standard error, with exit code 2.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from goudenoor.cli._commands import (
    EXIT_OK,
    EXIT_USAGE,
    _Handler,
    _one_line,
    check_stdin,
)
from goudenoor.cli._parser import build_parser
from goudenoor.exceptions import GoudenoorError, OutputExistsError


__all__ = [
    "build_parser",
    "main",
]


def __dir__() -> list[str]:
    return __all__


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """
    Run the command with *argv* (default: ``sys.argv[1:]``).

    Returns:
        The exit code: 0 on success, 1 on findings or refused files (only
        the commands of ``goudenoor.cli.FINDINGS``), 2 on usage
        or unreadable input.
    """
    stream = out if out is not None else sys.stdout
    args = build_parser().parse_args(argv)
    handler: _Handler = args.handler
    try:
        check_stdin(args)
        return handler(args, stream)
    except OutputExistsError as exc:
        # The library's advice (overwrite=True) in the command's terms.
        message = (
            f"{exc.path}: file exists; not overwritten (add --force to replace it)"
        )
        sys.stderr.write(f"goudenoor: error: {_one_line(message)}\n")
        return EXIT_USAGE
    except GoudenoorError as exc:
        sys.stderr.write(f"goudenoor: error: {_one_line(str(exc))}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. `goudenoor show | head`
        sys.stderr.close()
        return EXIT_OK
