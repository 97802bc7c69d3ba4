"""Import spaCy without its command line.

``import spacy`` runs ``from .cli.info import info``, which imports all of
``spacy.cli`` and with it weasel, typer, httpx, rich, requests and jinja2:
about 0.2 s of every claimx start-up (a third of importing spaCy) for code
claimx never calls. Before spaCy is first imported, this puts placeholders
for ``spacy.cli`` and ``spacy.cli.info`` in ``sys.modules``. The first use of
anything in them (``spacy.info()``, ``spacy.cli.download``, ...) imports the
real modules and hands over to them, so spaCy behaves as before; only the
cost moves to where it is needed. Nothing is done if spaCy was imported
before claimx.
"""

from __future__ import annotations

import importlib
import sys
import types

NAMES = ("spacy.cli", "spacy.cli.info")


class _Deferred(types.ModuleType):
    """A placeholder module: any attribute it lacks comes from the real module, imported then."""

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        if self.__name__ == "spacy.cli.info" and name == "info" and "spacy" in sys.modules:
            # spacy/__init__.py importing it: bind the placeholder package as ``spacy.cli``, as a real
            # import would (a module found in sys.modules is never bound to its parent).
            sys.modules["spacy"].cli = sys.modules["spacy.cli"]  # type: ignore[attr-defined]
            self.info = _info
            return _info
        return getattr(real_module(self.__name__), name)


def real_module(name: str) -> types.ModuleType:
    """Swap the placeholders for the real ``spacy.cli`` modules and return ``name``."""
    if isinstance(sys.modules.get(name), _Deferred):
        for placeholder in NAMES:
            if isinstance(sys.modules.get(placeholder), _Deferred):
                del sys.modules[placeholder]
        spacy = importlib.import_module("spacy")
        spacy.cli = importlib.import_module("spacy.cli")  # type: ignore[attr-defined]
    return importlib.import_module(name)


def _info(*args, **kwargs):
    """``spacy.info``: the real one, imported on first call."""
    return real_module("spacy.cli.info").info(*args, **kwargs)


def defer_spacy_cli() -> None:
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    package = _Deferred("spacy.cli")
    package.__path__ = []  # a package, so "spacy.cli.info" can be its submodule
    info = _Deferred("spacy.cli.info")
    package.info = info
    sys.modules.update({"spacy.cli": package, "spacy.cli.info": info})
