"""Where the data shipped with medsos lives: inside the wheel, or beside ``src/`` in a checkout.

The wheel force-includes the repository's ``sop/`` and ``templates/`` folders as
``medsos_cli/_data/``; a source checkout (tests, ``pip install -e``) reads them in place.
medsos is always installed as files, so package data is read beside ``__file__`` (not
through ``importlib.resources``, whose import costs ~8 ms of every ``medsos lint``).
"""

from __future__ import annotations

from pathlib import Path


def bundled_path(folder: str) -> Path:
    """The bundled ``folder`` (``sop`` or ``templates``)."""
    packaged = Path(__file__).parent / "_data" / folder
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / folder
