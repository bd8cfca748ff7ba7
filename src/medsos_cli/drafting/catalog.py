"""Template folders: which content types exist, and whether schema and templates agree."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateSyntaxError, meta

from medsos_cli.bundled import bundled_path
from medsos_cli.config import Config
from medsos_cli.drafting.schema import RESERVED, SCHEMA_FILE, Schema, load_schema
from medsos_cli.errors import InputError
from medsos_cli.platforms import PLATFORMS

SUFFIX = ".j2"
TITLE_VARIANT = "youtube-title"  # YouTube has two texts: the title and the description
KIND_CAPTION = "caption"
KIND_REPLY = "reply"
KIND_TITLE = "title"


@dataclass(frozen=True)
class Variant:
    """One text rendered for a platform: its template file and its text kind."""

    platform: str
    kind: str
    template: str  # file name, e.g. ``youtube-title.j2``

    @property
    def label(self) -> str:
        """``x``, ``youtube``, or ``youtube-title`` for the YouTube title."""
        return self.template[: -len(SUFFIX)]


def bundled_templates_path() -> Path:
    """Folder of the bundled templates: inside the wheel, or ``templates/`` of a checkout."""
    return bundled_path("templates")


def templates_root(config: Config) -> Path:
    """The configured templates folder (``[draft] templates``) or the bundled one."""
    return config.templates if config.templates is not None else bundled_templates_path()


def variants(platform: str, kind: str = KIND_CAPTION) -> list[Variant]:
    """The texts rendered for ``platform``: YouTube gets a title, then the description;
    ``kind`` is the schema's text kind (``caption``, or ``reply`` for replies to citizens).
    A reply on YouTube is a comment, so it has no title."""
    if platform == "youtube" and kind != KIND_REPLY:
        return [Variant(platform, KIND_TITLE, TITLE_VARIANT + SUFFIX),
                Variant(platform, kind, platform + SUFFIX)]
    return [Variant(platform, kind, platform + SUFFIX)]


@dataclass(frozen=True)
class ContentType:
    """A content type: its folder, its schema, and its template files."""

    name: str
    folder: Path
    schema: Schema

    def variants(self, platform: str) -> list[Variant]:
        """The texts of ``platform``; a platform the schema does not list is an error."""
        if platform not in self.schema.platforms:
            raise InputError(f"templat {self.name} tidak punya varian untuk platform "
                             f"“{platform}”; yang ada: {', '.join(self.schema.platforms)}")
        return variants(platform, self.schema.kind)

    def files(self) -> list[Path]:
        """The files that are approved and locked: ``schema.yaml`` and every ``*.j2``."""
        return locked_files(self.folder)


def locked_files(folder: Path) -> list[Path]:
    """``schema.yaml`` and the ``*.j2`` files of a content-type folder, sorted by name."""
    found = [p for p in folder.iterdir()
             if p.is_file() and (p.name == SCHEMA_FILE or p.name.endswith(SUFFIX))]
    return sorted(found, key=lambda p: p.name)


class Catalog:
    """The content types of one templates folder (subfolders that hold a ``schema.yaml``)."""

    def __init__(self, root: Path):
        self.root = root
        self._loaded: dict[str, ContentType] = {}

    def names(self) -> list[str]:
        """Names of the content types, sorted."""
        if not self.root.is_dir():
            raise InputError("folder templat tidak ditemukan (periksa [draft] templates di "
                             "medsos.toml)", self.root)
        return sorted(p.name for p in self.root.iterdir()
                      if p.is_dir() and (p / SCHEMA_FILE).is_file())

    def get(self, name: str, *, check: bool = True) -> ContentType:
        """Load content type ``name`` and check it (``check``: schema and files agree); an
        unknown name suggests the closest."""
        if name in self._loaded:
            return self._loaded[name]
        names = self.names()
        if name not in names:
            close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
            hint = (f"; mungkin maksud Anda: {', '.join(close)}" if close
                    else f"; yang ada: {', '.join(names) or '(belum ada)'}")
            raise InputError(f"templat “{name}” tidak dikenal{hint} (lihat medsos templates "
                             "list)", self.root)
        folder = self.root / name
        content = ContentType(name, folder, load_schema(folder / SCHEMA_FILE))
        if check:
            check_consistency(content)
        self._loaded[name] = content
        return content

    def all(self) -> list[ContentType]:
        """Every content type, loaded and checked."""
        return [self.get(name) for name in self.names()]


def check_consistency(content: ContentType) -> None:
    """Schema and template files must agree: each listed platform has its file(s), each file
    belongs to a listed platform (or is a partial ``_name.j2``), and every variable a template
    uses is a schema field, ``akun`` or ``platform``."""
    from medsos_cli.drafting.render import make_environment, template_error

    schema = content.schema
    present = {p.name for p in content.folder.glob("*" + SUFFIX) if p.is_file()}
    for platform in schema.platforms:
        for variant in variants(platform, schema.kind):
            if variant.template not in present:
                raise InputError(f"templat {content.name}: platform “{platform}” tercantum di "
                                 f"schema.yaml tetapi berkas {variant.template} tidak ada",
                                 schema.path, schema.platforms_line or None)
    allowed = {v.template for p in schema.platforms for v in variants(p, schema.kind)}
    for file_name in sorted(present):
        if file_name in allowed or file_name.startswith("_"):
            continue
        stem = file_name[: -len(SUFFIX)]
        known = stem in PLATFORMS or stem == TITLE_VARIANT
        why = ("platform itu tidak tercantum di platforms schema.yaml" if known else
               f"bukan nama platform ({', '.join(PLATFORMS)}, {TITLE_VARIANT}) dan bukan "
               "bagian templat (_nama.j2)")
        raise InputError(f"templat {content.name}: berkas {file_name} tidak dipakai: {why}",
                         content.folder / file_name)
    from medsos_cli.fileio import MAX_TEMPLATE_BYTES, read_text_limited

    env = make_environment(content.folder)
    declared = set(schema.field_names) | RESERVED | set(env.globals)
    for file_name in sorted(present):
        path = content.folder / file_name
        source = read_text_limited(path, MAX_TEMPLATE_BYTES, "sebuah templat").replace(
            "\r\n", "\n")
        try:
            tree = env.parse(source, file_name, str(path))
            # Introspection runs Jinja's code generator: an unknown filter is found here.
            names = meta.find_undeclared_variables(tree)
        except RecursionError:  # ``{{ {{{{{{…`` thousands deep: Jinja's parser recurses
            raise InputError("sintaksis templat tidak sah: ekspresi bersarang terlalu dalam",
                             path) from None
        except TemplateSyntaxError as exc:
            if exc.filename in (None, "<introspection>"):
                exc.filename = str(path)
            raise template_error(exc, file_name, content.folder) from None
        unknown = sorted(names - declared)
        if unknown:
            raise InputError(f"templat {content.name}: {file_name} memakai "
                             f"{', '.join(unknown)} yang tidak ada di fields schema.yaml",
                             path, _first_line(source, unknown[0]))


def _first_line(source: str, name: str) -> int | None:
    pattern = re.compile(rf"(?<![\w.]){re.escape(name)}\b")
    for number, line in enumerate(source.split("\n"), 1):
        if pattern.search(line):
            return number
    return None


def copy_templates(source: Path, dest: Path, *, force: bool = False) -> list[str]:
    """Copy every content type of ``source`` (schema and templates, no lock) into ``dest``,
    for an institution's own folder; returns the names copied. ``dest`` must be new or empty:
    an existing content-type folder is only replaced with ``force``."""
    import shutil
    import tempfile

    names = Catalog(source).names()
    if dest.exists() and not dest.is_dir():
        raise InputError("tujuan sudah ada dan bukan folder", dest)
    taken = sorted(n for n in names if (dest / n).exists())
    if dest.is_dir() and (dest / "templates.lock").exists():
        taken.append("templates.lock")
    if taken and not force:
        raise InputError(f"folder tujuan sudah berisi {', '.join(taken)}; pilih folder baru "
                         "atau pakai --force untuk menimpanya", dest)
    dest.mkdir(parents=True, exist_ok=True)
    # Build each folder beside its target, then rename: a failed copy leaves nothing half done.
    for name in names:
        staging = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=dest))
        try:
            for path in (source / name).iterdir():
                if path.is_file():
                    shutil.copyfile(path, staging / path.name)
            if (dest / name).exists():
                shutil.rmtree(dest / name)
            staging.rename(dest / name)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return names
