# ruff: noqa: INP001 - a Sphinx extension loaded by path, not a package
"""
Local Sphinx helpers for the goudenoor documentation.

* Cross-references through the ``goudenoor`` facade: ``goudenoor.score``
  resolves to ``goudenoor.audit.score``, where the API reference documents
  it. Every public name is documented under the public package that
  exports it (``goudenoor.audit.ScoreCard``), not in the private module
  that defines it (``goudenoor.audit._scoring._card``).
* References to a private module's name resolve to the public package
  that exports it: the annotations autodoc reads name a class by its
  ``__module__`` (``goudenoor.audit._scoring._card.ScoreCard``), which is
  documented as ``goudenoor.audit.ScoreCard``.
* Module-level data (format markers, limits, ``Literal`` types) keeps the
  docstring written after it in its private module: autodoc looks for it
  in the public package, which only imports the name.
* The ``goudenoor-prose`` directive shows the docstring of a private
  module (the rules of a migration, the OSCAL mapping) on the page of
  its public package, so that the prose is written once, beside the code;
  its references resolve in the public package::

      ```{eval-rst}
      .. currentmodule:: goudenoor.audit

      .. goudenoor-prose:: goudenoor.audit._migration
      ```
* Names that annotations spell through an import made only for type
  checking (``nx.DiGraph`` in ``audit/_graph.py``) resolve through the conf.py
  value ``goudenoor_type_aliases`` (``{"nx": "networkx"}``: ``nx.X`` is
  looked up as ``networkx.X``, in the docs and through intersphinx).
* Every public class, function, method and property of the modules in
  ``goudenoor_api_modules`` (a conf.py value) has a docstring, every name
  in their ``__all__`` is documented on a page of the API reference, and
  every name the ``goudenoor`` facade exports comes from one of them (or
  from a module in ``goudenoor_undocumented_modules``): otherwise the build
  warns, which ``-W`` makes an error. (autodoc itself silently leaves out
  members without a docstring, and the pages list their names one by one.)
* The ``goudenoor-command`` directive runs a ``goudenoor`` command while
  the docs are built and shows its real output, so console examples cannot
  drift from the program::

      ```{goudenoor-command} score examples/audit-2012.yaml
      ```

  Options: ``:language:`` (default ``console``: the command line is shown
  with a ``$`` prompt before the output; any other language shows the
  output alone), ``:head:`` (show only the first N lines of the output,
  then ``...``) and ``:returncode:`` (the expected exit code, default 0).
  Commands run from the repository root with ``COLUMNS=88``.
  A different exit code, or output on standard error where none is
  expected, is a build warning (an error with ``-W``).
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import io
import os
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.ext import intersphinx
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docstrings import prepare_docstring
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles


LOGGER = logging.getLogger(__name__)

#: Where the commands run: the repository root (relative paths such as
#: ``examples/audit-2012.yaml`` work as in the README).
ROOT = Path(__file__).resolve().parents[2]


def _facade_target(target: str) -> str | None:
    """
    ``goudenoor.<name>[.<rest>]`` as the dotted path where *name* is
    defined, or ``None`` if *target* is not a facade name.
    """
    prefix = "goudenoor."
    if not target.startswith(prefix):
        return None
    name, _, rest = target.removeprefix(prefix).partition(".")
    facade = importlib.import_module("goudenoor")
    if name not in getattr(facade, "__all__", ()):
        return None
    # The facade's table names the module whose page documents the name
    # (a package documents what its modules define, through its __all__).
    home = f"goudenoor.{facade._PUBLIC[name]}"  # noqa: SLF001 - our own facade
    if name == facade._PUBLIC[name]:  # noqa: SLF001 - the module itself
        return ".".join(part for part in (home, rest) if part)
    return ".".join(part for part in (home, name, rest) if part)


def _public_target(target: str) -> str | None:
    """
    *target*, a name in a goudenoor module, as the public name the API
    reference documents it by, or ``None`` if there is none:

    * ``goudenoor.<package>._<private>...<Name>[.<rest>]`` is
      ``goudenoor.<package>.<Name>[.<rest>]`` when the package exports
      *Name*;
    * a public name that another public module defines (an exception a
      package re-exports from ``goudenoor.exceptions``) is the name in
      the module that defines it.
    """
    parts = target.split(".")
    if parts[0] != "goudenoor" or len(parts) < 2:  # noqa: PLR2004 - module and name
        return None
    # The longest importable prefix is the module; what follows it is the
    # object's path inside it.
    for end in range(len(parts) - 1, 0, -1):
        try:
            module = importlib.import_module(".".join(parts[:end]))
        except ImportError:
            continue
        break
    else:
        return None
    name, rest = parts[end], parts[end + 1 :]
    private = next(
        (i for i, part in enumerate(parts[:end]) if part.startswith("_")), None
    )
    if private is not None:
        package = importlib.import_module(".".join(parts[:private]))
        if name in getattr(package, "__all__", ()):
            return ".".join([package.__name__, name, *rest])
        return None
    home = getattr(getattr(module, name, None), "__module__", None)
    if (
        isinstance(home, str)
        and home != module.__name__
        and home.startswith("goudenoor.")
        and not any(part.startswith("_") for part in home.split("."))
    ):
        return ".".join([home, name, *rest])
    return None


def resolve_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """
    Resolve Python references through the facade and module aliases.
    """
    if node.get("refdomain") != "py":
        return None
    target = str(node.get("reftarget", ""))
    aliases: dict[str, str] = app.config.goudenoor_type_aliases
    for alias, full in aliases.items():
        if target == alias or target.startswith(alias + "."):
            return _resolve_as(app, env, node, contnode, full + target[len(alias) :])
    defined = _facade_target(target) or _public_target(target)
    if defined is None:
        return None
    return _resolve_as(app, env, node, contnode, defined)


def _resolve_as(
    app: Sphinx,
    env: BuildEnvironment,
    node: pending_xref,
    contnode: nodes.TextElement,
    target: str,
) -> nodes.reference | None:
    """
    Resolve *node* as if it referred to *target*: in these docs, then
    through intersphinx.
    """
    found = env.domains.python_domain.resolve_xref(
        env,
        str(node.get("refdoc", "")),
        app.builder,
        str(node.get("reftype", "obj")),
        target,
        node,
        contnode,
    )
    if found is not None:
        return found
    original = node["reftarget"]
    node["reftarget"] = target
    try:
        return intersphinx.missing_reference(app, env, node, contnode)
    finally:
        node["reftarget"] = original


def _private_modules(package: str) -> list[str]:
    """
    The private modules below *package* that are loaded (importing the
    package loads the modules it re-exports from).
    """
    prefix = f"{package}._"
    return sorted(name for name in sys.modules if name.startswith(prefix))


def data_docstring(  # noqa: PLR0917 - the signature of Sphinx's event
    app: Sphinx,  # noqa: ARG001 - the signature of Sphinx's event
    what: str,
    name: str,
    obj: object,
    options: object,  # noqa: ARG001 - the signature of Sphinx's event
    lines: list[str],
) -> None:
    """
    Give module-level data of a public package the docstring written
    after it in the private module that defines it (autodoc finds none in
    the package, and falls back to the docstring of the value's type:
    ``dict`` or ``str``).
    """
    if what != "data":
        return
    package, _, attribute = name.rpartition(".")
    for module in _private_modules(package):
        if vars(importlib.import_module(module)).get(attribute, lines) is not obj:
            continue
        docs = ModuleAnalyzer.for_module(module).find_attr_docs()
        if ("", attribute) in docs:
            lines[:] = docs["", attribute]
            return


class ProseDirective(SphinxDirective):
    """
    Show a private module's docstring in the current (public) module.
    """

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        module = importlib.import_module(self.arguments[0])
        self.env.note_dependency(str(module.__file__))
        lines = prepare_docstring(module.__doc__ or "")
        if not "".join(lines).strip():
            LOGGER.warning(
                "%s has no docstring to show",
                self.arguments[0],
                location=self.get_location(),
            )
            return []
        source = f"{self.arguments[0]}.__doc__"
        parsed = nodes.Element()
        nested_parse_with_titles(self.state, StringList(lines, source=source), parsed)
        return list(parsed.children)


@contextlib.contextmanager
def _working_directory(path: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


@contextlib.contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            del os.environ[name]
        else:
            os.environ[name] = before


def run_command(arguments: list[str]) -> tuple[int, str, str]:
    """
    Run ``goudenoor *arguments*`` in-process from the repository root.

    Returns:
        The exit code, standard output and standard error.
    """
    from goudenoor.cli import main

    out = io.StringIO()
    err = io.StringIO()
    with (
        _working_directory(ROOT),
        _environment("COLUMNS", "88"),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = main(arguments, out=out)
        except SystemExit as exc:  # usage errors exit through argparse
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


class CommandDirective(SphinxDirective):
    """
    Show a ``goudenoor`` command and its real output.
    """

    required_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "language": directives.unchanged,
        "head": directives.positive_int,
        "returncode": directives.nonnegative_int,
    }

    def run(self) -> list[nodes.Node]:
        arguments = shlex.split(self.arguments[0])
        language = str(self.options.get("language", "console"))
        expected = int(self.options.get("returncode", 0))
        for path in _sources():
            self.env.note_dependency(str(path))
        code, out, err = run_command(arguments)
        where = self.get_location()
        if code != expected:
            LOGGER.warning(
                "goudenoor %s exited with %d, expected %d: %s",
                self.arguments[0],
                code,
                expected,
                err.strip(),
                location=where,
            )
        elif err and expected == 0:
            LOGGER.warning(
                "goudenoor %s wrote to standard error: %s",
                self.arguments[0],
                err.strip(),
                location=where,
            )
        head = self.options.get("head")
        if head is not None and out.count("\n") > int(head):
            out = "".join(out.splitlines(keepends=True)[: int(head)]) + "...\n"
        if language == "console":
            shown = f"$ goudenoor {self.arguments[0]}\n{out}{err}"
        else:
            shown = out
        block = nodes.literal_block(shown.rstrip("\n"), shown.rstrip("\n"))
        block["language"] = language
        self.set_source_info(block)
        return [block]


def _sources() -> list[Path]:
    """
    The files a command's output depends on: the package, its data and
    the examples.
    """
    package = Path(importlib.import_module("goudenoor").__file__ or "").parent
    found = [
        *package.rglob("*.py"),
        *package.rglob("*.yaml"),
        *(ROOT / "examples").rglob("*.yaml"),
    ]
    return sorted(found)


def _undocumented(module: str) -> Iterator[str]:
    """
    The public names of *module* (its ``__all__``, and the public methods
    and properties of its classes) that have no docstring.
    """
    loaded = importlib.import_module(module)
    for name in getattr(loaded, "__all__", ()):
        obj = getattr(loaded, name)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue  # data: documented by a string after it, checked by autodoc
        if not (obj.__doc__ or "").strip():
            yield f"{module}.{name}"
        if not inspect.isclass(obj):
            continue
        for attribute, value in vars(obj).items():
            function = getattr(value, "fget", None) or getattr(value, "func", value)
            if attribute.startswith("_") or not callable(function):
                continue
            if not (getattr(function, "__doc__", None) or "").strip():
                yield f"{module}.{name}.{attribute}"


def check_api(app: Sphinx) -> None:
    """
    Warn about public API without a docstring, and about facade names
    from modules the API reference does not cover.
    """
    documented = list(app.config.goudenoor_api_modules)
    for module in documented:
        for name in _undocumented(module):
            LOGGER.warning("public API without a docstring: %s", name)
    covered = {*documented, *app.config.goudenoor_undocumented_modules}
    facade = importlib.import_module("goudenoor")
    for name in facade.__all__:
        module = getattr(getattr(facade, name), "__module__", None)
        public = isinstance(module, str) and module.startswith("goudenoor.")
        # A package's page covers its modules (it documents their names
        # through the package's __all__).
        if public and not any(
            module == page or module.startswith(f"{page}.") for page in covered
        ):
            LOGGER.warning(
                "goudenoor.%s is defined in %s, which has no page in the API "
                "reference (add it to goudenoor_api_modules and docs/api/)",
                name,
                module,
            )


def check_documented(app: Sphinx, env: BuildEnvironment) -> None:
    """
    Warn about names in the ``__all__`` of a module of the API reference
    that no page documents.
    """
    objects = env.domains.python_domain.objects
    modules = {
        module: importlib.import_module(module)
        for module in app.config.goudenoor_api_modules
    }
    for module, loaded in modules.items():
        for name in getattr(loaded, "__all__", ()):
            obj = getattr(loaded, name)
            # A name re-exported from another public module (an exception
            # from goudenoor.exceptions) is documented there.
            homes = [
                other
                for other, found in modules.items()
                if getattr(found, name, None) is obj
            ]
            if not any(f"{home}.{name}" in objects for home in homes):
                LOGGER.warning(
                    "%s.%s is public but no page of the API reference documents it",
                    module,
                    name,
                )


def setup(app: Sphinx) -> dict[str, Any]:
    """
    Register the API checks, the reference resolver, the data docstrings
    and the ``goudenoor-command`` and ``goudenoor-prose`` directives.
    """
    app.add_config_value("goudenoor_type_aliases", {}, "env", types=[dict])
    app.add_config_value("goudenoor_api_modules", [], "env", types=[list])
    app.add_config_value("goudenoor_undocumented_modules", [], "env", types=[list])
    app.connect("builder-inited", check_api)
    app.connect("env-check-consistency", check_documented)
    app.connect("autodoc-process-docstring", data_docstring)
    app.connect("missing-reference", resolve_reference)
    app.add_directive("goudenoor-command", CommandDirective)
    app.add_directive("goudenoor-prose", ProseDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
