"""Where the data shipped with medsos lives: inside the wheel, or beside ``src/`` in a checkout.

The wheel force-includes the repository's ``sop/`` and ``templates/`` folders as
``medsos_cli/_data/``; a source checkout (tests, ``pip install -e``) reads them in place.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def bundled_path(folder: str) -> Path:
    """The bundled ``folder`` (``sop`` or ``templates``)."""
    packaged = resources.files("medsos_cli").joinpath("_data").joinpath(folder)
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / folder
