"""Indonesian text for the help screens that Typer and its bundled Click print in English."""

from __future__ import annotations

import gettext as _gettext

_STRINGS = {
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Usage:": "Penggunaan:",
    "Usage: ": "Penggunaan: ",
    "Options": "Opsi",
    "Arguments": "Argumen",
    "Commands": "Perintah",
    "Error": "Galat",
    "Aborted.": "Dibatalkan.",
    "[default: {}]": "[bawaan: {}]",
    "[required]": "[wajib]",
    "required": "wajib",
    "default: {default}": "bawaan: {default}",
    "Missing argument": "Argumen belum diisi",
    "Missing option": "Opsi belum diisi",
    "Missing parameter": "Parameter belum diisi",
    "Invalid value": "Nilai tidak sah",
    "Invalid value for {param_hint}": "Nilai tidak sah untuk {param_hint}",
    "No such option: {name}": "Opsi tidak dikenal: {name}",
    "No such command {name!r}.": "perintah {name!r} tidak dikenal",
    "Got unexpected extra argument ({args})": "Argumen tambahan tidak diharapkan ({args})",
    "Got unexpected extra arguments ({args})": "Argumen tambahan tidak diharapkan ({args})",
    "Try [blue]'{command_path} {help_option}'[/] for help.":
        "Coba [blue]'{command_path} {help_option}'[/] untuk bantuan.",
    "Try '{command} {option}' for help.": "Coba '{command} {option}' untuk bantuan.",
    "Install completion for the current shell.": "Pasang pelengkapan otomatis untuk shell ini.",
    "Show completion for the current shell, to copy it or customize the installation.":
        "Tampilkan skrip pelengkapan otomatis untuk shell ini, untuk disalin atau disesuaikan.",
    "{name} option requires an argument.": "Opsi {name} memerlukan nilai.",
}


def translate(message: str) -> str:
    """Translate one of the known framework strings; anything else passes through."""
    return _STRINGS.get(message, message)


def install() -> None:
    """Point the framework's gettext look-ups at the Indonesian strings.

    Typer and its bundled Click call ``gettext`` at run time through module globals named
    ``_``; replacing those is enough. Module constants built at import are patched too.
    """
    import importlib

    for name in ("typer._click.core", "typer._click.exceptions",
                 "typer._click.decorators", "typer._click.formatting", "typer._click.parser",
                 "typer.main", "typer.core"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if getattr(module, "_", None) is _gettext.gettext:
            module._ = translate  # type: ignore[attr-defined]
    _patch_click(importlib)
    _patch_usage_error(importlib)
    import sys

    rich_utils = sys.modules.get("typer.rich_utils")  # only when Typer already loaded it
    if rich_utils is None:
        return
    for attr in ("ARGUMENTS_PANEL_TITLE", "OPTIONS_PANEL_TITLE", "COMMANDS_PANEL_TITLE",
                 "ERRORS_PANEL_TITLE", "ABORTED_TEXT", "RICH_HELP", "DEFAULT_STRING",
                 "REQUIRED_LONG_STRING"):
        value = getattr(rich_utils, attr, None)
        if isinstance(value, str):
            setattr(rich_utils, attr, translate(value))


def _patch_click(importlib) -> None:
    """Translate hard-coded help strings (usage prefix, --help, completion options)."""
    try:
        core = importlib.import_module("typer._click.core")
        formatting = importlib.import_module("typer._click.formatting")
    except ImportError:
        return
    command = getattr(core, "Command", None)
    if command is not None and not getattr(command.get_params, "_medsos", False):
        original_get_params = command.get_params

        def get_params(self, ctx):
            params = original_get_params(self, ctx)
            for param in params:
                text = getattr(param, "help", None)
                if isinstance(text, str):
                    param.help = translate(text)
            return params

        get_params._medsos = True  # type: ignore[attr-defined]
        command.get_params = get_params
    formatter = getattr(formatting, "HelpFormatter", None)
    if formatter is not None and not getattr(formatter.write_usage, "_medsos", False):
        original_write_usage = formatter.write_usage

        def write_usage(self, prog, args="", prefix=None):
            return original_write_usage(self, prog, args,
                                        "Penggunaan: " if prefix is None else prefix)

        write_usage._medsos = True  # type: ignore[attr-defined]
        formatter.write_usage = write_usage


# What a parameter type says about a bad value (Typer's path type, the bundled Click's number,
# choice and boolean types): the part after "Invalid value for X: ".
_PATH_NOUNS = {"File": "berkas", "Directory": "folder", "Path": "path"}
_PATH_STATES = {
    "does not exist": "tidak ada",
    "is a directory": "adalah folder, bukan berkas",
    "is a file": "adalah berkas, bukan folder",
    "is not readable": "tidak dapat dibaca",
    "is not writable": "tidak dapat ditulisi",
}
_NUMBER_NAMES = {"integer": "bilangan bulat", "float": "bilangan", "int range": "bilangan bulat",
                 "float range": "bilangan"}
_DETAIL_PATTERNS = (
    (r"^(File|Directory|Path) (.*?) (does not exist|is a directory|is a file|is not readable|"
     r"is not writable)\.$",
     lambda m: f"{_PATH_NOUNS[m.group(1)]} {m.group(2)} {_PATH_STATES[m.group(3)]}"),
    (r"^(.*?) is not a valid (integer|float|int range|float range)\.$",
     lambda m: f"{m.group(1)} bukan {_NUMBER_NAMES[m.group(2)]}"),
    (r"^(.*?) is not in the range (.*)\.$",
     lambda m: f"{m.group(1)} di luar rentang {m.group(2)}"),
    (r"^(.*?) is not one of (.*)\.$", lambda m: f"{m.group(1)} bukan salah satu dari {m.group(2)}"),
    (r"^(.*?) is not a valid boolean\. Recognized values: (.*)$",
     lambda m: f"{m.group(1)} bukan nilai ya/tidak; yang dikenal: {m.group(2)}"),
)


def translate_detail(message: str) -> str:
    """Translate what a parameter type said about a value; anything else passes through."""
    import re

    for pattern, build in _DETAIL_PATTERNS:
        match = re.match(pattern, message, re.DOTALL)
        if match:
            return build(match)
    return message


_MESSAGE_PATTERNS = (
    (r"^No such option: (.*?)(?: \(Possible options: (.*)\))?$",
     lambda m: f"opsi tidak dikenal: {m.group(1)}"
     + (f" (mungkin maksud Anda: {m.group(2)})" if m.group(2) else "")),
    (r"^Invalid value for (.*?): (.*)$", lambda m: f"nilai tidak sah untuk {m.group(1)}: "
     f"{translate_detail(m.group(2))}"),
    (r"^Invalid value: (.*)$", lambda m: f"nilai tidak sah: {translate_detail(m.group(1))}"),
    # Click names an option with all its spellings: "Missing option '--platform' / '-p'."
    (r"^Missing argument '(.*?)'\.?$", lambda m: f"argumen {m.group(1)} belum diisi"),
    (r"^Missing option ('.*?')\.?$",
     lambda m: f"opsi {m.group(1).replace(chr(39), '')} belum diisi"),
    (r"^No such command '(.*?)'\.?$", lambda m: f"perintah “{m.group(1)}” tidak dikenal"),
    (r"^Got unexpected extra arguments? \((.*)\)$",
     lambda m: f"argumen tambahan tidak diharapkan: {m.group(1)}"),
    (r"^Option '(.*?)' requires an argument\.?$",
     lambda m: f"opsi {m.group(1)} memerlukan nilai"),
    (r"^(.*) option requires an argument\.?$", lambda m: f"opsi {m.group(1)} memerlukan nilai"),
    (r"^Option '(.*?)' does not take a value\.?$",
     lambda m: f"opsi {m.group(1)} tidak menerima nilai"),
    # Typer appends this English hint itself, after Click's (translated) message.
    (r"^(.*?)\.? Did you mean (.*)\?$",
     lambda m: f"{m.group(1)}. Mungkin maksud Anda: {m.group(2)}?"),
)


def translate_error(message: str) -> str:
    """Translate the usage-error messages of the bundled Click."""
    import re

    for pattern, build in _MESSAGE_PATTERNS:
        match = re.match(pattern, message, re.DOTALL)
        if match:
            return build(match)
    return message


def _patch_usage_error(importlib) -> None:
    try:
        exceptions = importlib.import_module("typer._click.exceptions")
        utils = importlib.import_module("typer._click.utils")
    except ImportError:
        return
    usage_error = getattr(exceptions, "UsageError", None)
    if usage_error is None or getattr(usage_error.show, "_medsos", False):
        return

    def show(self, file=None) -> None:
        if file is None:
            file = utils._default_text_stderr()
        color = None
        if self.ctx is not None:
            color = self.ctx.color
            hint = ""
            if self.ctx.command.get_help_option(self.ctx) is not None:
                hint = (f"Coba '{self.ctx.command_path} {self.ctx.help_option_names[0]}' "
                        "untuk bantuan.\n")
            utils.echo(f"{self.ctx.get_usage()}\n{hint}", file=file, color=color)
        utils.echo(f"Galat: {translate_error(self.format_message())}", file=file, color=color)

    show._medsos = True  # type: ignore[attr-defined]
    usage_error.show = show
