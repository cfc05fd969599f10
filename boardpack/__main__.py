"""``python -m boardpack``: the same CLI as the ``boardpack`` command."""

from boardpack.cli import main

main()
