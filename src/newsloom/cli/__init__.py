"""`newsloom` command line. Each module in this package exposes ``command`` (a click command or
group); the main group discovers them, so a new command is a new module and nothing else."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from newsloom.errors import NewsloomError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsloom")
def cli() -> None:
    """newsloom: a self-hosted news aggregator."""


def _register_commands() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        command = getattr(module, "command", None)
        if isinstance(command, click.Command):
            cli.add_command(command)


def main() -> None:
    """Entry point: newsloom errors become one plain line on stderr and exit status 1."""
    _register_commands()
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except NewsloomError as exc:
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
