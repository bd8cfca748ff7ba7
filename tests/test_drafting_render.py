"""The sandbox: payloads that reach for Python internals fail with a clear Indonesian error."""

from __future__ import annotations

import pytest

from medsos_cli.drafting.render import Akun, make_environment, render, tidy
from medsos_cli.errors import InputError

PAYLOADS = [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ self.__init__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ judul.__class__.__base__ }}",
    "{% set x = [].append(1) %}{{ x }}",
    "{{ akun.tagar.append('#Baru') }}",
    "{{ akun.kontak.update({'a': 1}) }}",
    "{{ judul.format.__globals__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ 'a' * 1000000 }}",
    "{{ 2 ** 100000 }}",
]


def _render(tmp_path, source: str, **values) -> str:
    (tmp_path / "x.j2").write_text(source, encoding="utf-8")
    context = {"judul": "Judul", "akun": Akun(nama="Dinas", tagar=["#KotaContoh"],
                                              kontak={"wa": "0811"}), **values}
    return render(make_environment(tmp_path), "x.j2", context)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_are_refused(tmp_path, payload):
    with pytest.raises(InputError) as info:
        _render(tmp_path, "Baris pertama\n" + payload + "\n")
    message = info.value.message
    assert ("kotak pasir" in message) or ("tidak ada" in message) or ("tidak dikenal" in message)
    assert "__" not in message.split(":")[0]
    assert info.value.path == str(tmp_path / "x.j2")
    assert info.value.line == 2


def test_config_is_not_reachable(tmp_path):
    with pytest.raises(InputError, match="templat memakai nilai yang tidak ada: “config” tidak "
                                         "dikenal"):
        _render(tmp_path, "{{ config }}")


def test_security_message_is_indonesian(tmp_path):
    with pytest.raises(InputError) as info:
        _render(tmp_path, "{{ ''.__class__ }}")
    assert info.value.message == (
        "templat ditolak oleh kotak pasir Jinja: atribut “__class__” pada objek str tidak boleh "
        "diakses (templat tidak boleh menjangkau bagian dalam Python atau mengubah nilai)")


def test_missing_value_is_an_error_not_empty(tmp_path):
    with pytest.raises(InputError, match="“tempat” tidak dikenal"):
        _render(tmp_path, "Di {{ tempat }}.")
    with pytest.raises(InputError, match="tidak punya atribut “nomor”"):
        _render(tmp_path, "{{ akun.nomor }}")


def test_syntax_error_has_line(tmp_path):
    with pytest.raises(InputError) as info:
        _render(tmp_path, "a\nb\n{% for x in %}\n")
    assert info.value.line == 3
    assert info.value.message.startswith("sintaksis templat tidak sah")


def test_filter_error_has_template_line(tmp_path):
    with pytest.raises(InputError) as info:
        _render(tmp_path, "a\n{{ tanggal | tanggal }}\n", tanggal="31/02/2026")
    assert info.value.line == 2
    assert "Februari 2026 hanya sampai tanggal 28" in info.value.message


def test_values_are_not_templates(tmp_path):
    # A value that looks like a template is printed as text, never evaluated.
    assert _render(tmp_path, "{{ judul }}", judul="{{ ''.__class__ }}") == "{{ ''.__class__ }}"


def test_rendering_and_whitespace(tmp_path):
    source = ("{{ judul }}   \n\n\n\n{% if akun.tagar %}\n  {{ akun.tagar | join(' ') }}\n"
              "{% endif %}\n\n\n")
    assert _render(tmp_path, source) == "Judul\n\n  #KotaContoh"
    assert _render(tmp_path, "{{ 'hari besar' | tagar }} {{ 3 * 'ab' }}") == "#HariBesar ababab"


def test_include_stays_in_folder(tmp_path):
    (tmp_path / "_bagian.j2").write_text("bagian {{ judul }}", encoding="utf-8")
    assert _render(tmp_path, "{% include '_bagian.j2' %}") == "bagian Judul"
    with pytest.raises(InputError, match="tidak ditemukan"):
        _render(tmp_path, "{% include '../rahasia.j2' %}")


def test_tidy():
    assert tidy("  a  \r\n\r\n\r\n\r\nb\t\n\n") == "a\n\nb"
    assert tidy("a\n\nb") == "a\n\nb"


def test_template_with_bom_and_crlf(tmp_path):
    (tmp_path / "x.j2").write_bytes(b"\xef\xbb\xbf{{ judul }}\r\n{% if judul %}\r\nada\r\n"
                                    b"{% endif %}\r\n")
    assert render(make_environment(tmp_path), "x.j2", {"judul": "J"}) == "J\nada"
