"""How to install an optional extra, said the same way in every message that needs one.

The package may come from a package index or from a checkout of its source, and an
index that does not have it must not be where a message sends people: every message
gives both commands.

```pycon
>>> print(install_hint("cli"))
pip install "jmo_validate[cli]" (from a checkout of the source: pip install ".[cli]")

```
"""

from __future__ import annotations

__all__ = ["install_hint"]


def install_hint(extra: str) -> str:
    """The commands that install the optional `extra` (`cli`, `xlsx`, `polars`, ...)."""
    return f'pip install "jmo_validate[{extra}]" (from a checkout of the source: pip install ".[{extra}]")'
