"""``boardpack settings`` and the ``--settings FILE`` option of ingest, eval and relink.

A settings file is TOML, one table per stage (see
:mod:`boardpack.core.settings`); ``$BOARDPACK_SETTINGS`` names one for every
command that takes ``--settings``. A file that cannot be read, is not TOML or
holds a bad key stops the command with one ``error:`` line naming the file and
the key, exit status 2 (a usage error: nothing was done).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Optional

import click

from boardpack.core.errors import SettingsError
from boardpack.core.settings import DEFAULT, Settings

ENV = "BOARDPACK_SETTINGS"


def _load(ctx: click.Context, param: click.Parameter, value: Optional[Path]) -> Settings:
    if not value:
        return DEFAULT
    try:
        return Settings.from_toml(value)
    except SettingsError as e:
        click.echo(f"error: {e.one_line()}", err=True)
        ctx.exit(2)
    raise AssertionError("unreachable")  # ctx.exit raises


def settings_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--settings FILE`` (default ``$BOARDPACK_SETTINGS``): the command gets a
    :class:`Settings` as its ``settings`` argument."""
    return click.option(
        "--settings", "settings", type=click.Path(dir_okay=False, path_type=Path), envvar=ENV,
        callback=_load, metavar="FILE",
        help=f"A TOML settings file (default: ${ENV}); `boardpack settings` prints every setting.")(f)


@click.command("settings")
@settings_option
@click.option("--json", "as_json", is_flag=True, help="Print the settings as JSON instead of TOML.")
def settings_command(settings: Settings, as_json: bool) -> None:
    """Print the effective settings: the defaults with --settings FILE (or
    $BOARDPACK_SETTINGS) applied.

    The output is a TOML settings file that --settings reads back. In a file
    of your own, give only what you change, one [section] per stage; a table
    of vocabulary (such as [vocabulary.status_words]) adds to the built-in
    words; `[vocabulary] replace = ["status_words"]` starts from none instead.
    """
    if as_json:
        click.echo(json.dumps(settings.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(settings.to_toml(), nl=False)
