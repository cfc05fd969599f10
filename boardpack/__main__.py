"""``python -m boardpack``: the same CLI as the ``boardpack`` command."""

from .cli import main

main()
