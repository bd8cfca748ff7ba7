"""Generate a deterministic corpus of realistic Indonesian government social-media captions.

The corpus is built from templates and vocabulary in this file only (no network, no data
files), with ``random.Random(seed)`` (seed 2026 by default), so every run writes byte-identical
files. Caption ``i`` depends only on the seed and on the captions before it, so the first 1,000
captions of a 10,000 corpus are the 1,000 captions of a 1,000 corpus.

Kinds: kegiatan pimpinan, pengumuman layanan, infografis, klarifikasi hoaks ([HOAKS]/[FAKTA]),
ucapan hari besar, lowongan, peringatan dini cuaca (BMKG), balasan aduan (front matter
``kind: reply`` when the file has front matter). About half the captions carry realistic flaws
(non-standard spelling, bureaucratic phrases, SMS abbreviations, English jargon, "disini",
"Walikota", "Rp 5.000", ALL-CAPS shouting, a NIK or a private mobile number, long sentences).

Usage::

    python benchmarks/generate_corpus.py            # 10,000 captions into benchmarks/corpus/
    python benchmarks/generate_corpus.py -n 1000 --out /tmp/corpus

``generate(n, seed)`` returns ``[(file name, text)]``; the text is the file content decoded as
plain UTF-8 (a BOM is kept as a leading U+FEFF, CRLF line breaks are kept), so writing
``text.encode("utf-8")`` reproduces the file byte for byte.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

DEFAULT_COUNT = 10_000
DEFAULT_SEED = 2026
DEFAULT_OUT = Path(__file__).resolve().parent / "corpus"

SHARE_FLAWED = 0.5
SHARE_CRLF = 0.10
SHARE_BOM = 0.05
SHARE_FRONT_MATTER = 0.20
SHARE_LONG = 0.03

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")


@dataclass(frozen=True)
class Daerah:
    """A city or regency: names, web domain, account handles, districts."""

    nama: str          # "Kota Magelang"
    pendek: str        # "Magelang"
    sapaan: str        # "Sobat Magelang"
    domain: str        # "magelangkota.go.id"
    akun: str          # "@pemkotmagelang"
    pimpinan: str      # "Wali Kota" / "Bupati"
    kode: str          # first 4 digits of a NIK registered here
    telepon: str       # area code
    wilayah: tuple[str, ...]


DAERAH = (
    Daerah("Kota Magelang", "Magelang", "Sobat Magelang", "magelangkota.go.id",
           "@pemkotmagelang", "Wali Kota", "3371", "0293",
           ("Magelang Utara", "Magelang Tengah", "Magelang Selatan", "Kemirirejo", "Cacaban",
            "Rejowinangun Utara", "Potrobangsan", "Kedungsari", "Jurangombo", "Tidar Utara")),
    Daerah("Kota Salatiga", "Salatiga", "Warga Salatiga", "salatiga.go.id", "@pemkotsalatiga",
           "Wali Kota", "3373", "0298",
           ("Sidorejo", "Tingkir", "Argomulyo", "Sidomukti", "Kalicacing", "Kutowinangun")),
    Daerah("Kota Surakarta", "Solo", "Wong Solo", "surakarta.go.id", "@pemkot_solo",
           "Wali Kota", "3372", "0271",
           ("Laweyan", "Serengan", "Pasar Kliwon", "Jebres", "Banjarsari", "Kadipiro",
            "Manahan", "Kepatihan Wetan")),
    Daerah("Kabupaten Temanggung", "Temanggung", "Sedulur Temanggung", "temanggungkab.go.id",
           "@humastemanggung", "Bupati", "3323", "0293",
           ("Parakan", "Kedu", "Kandangan", "Kranggan", "Ngadirejo", "Bulu", "Tembarak")),
    Daerah("Kabupaten Bantul", "Bantul", "Warga Bantul", "bantulkab.go.id", "@pemkabbantul",
           "Bupati", "3402", "0274",
           ("Sewon", "Kasihan", "Banguntapan", "Imogiri", "Pundong", "Kretek", "Srandakan")),
    Daerah("Kota Semarang", "Semarang", "Lur Semarang", "semarangkota.go.id",
           "@humaskotasemarang", "Wali Kota", "3374", "024",
           ("Tembalang", "Banyumanik", "Gunungpati", "Pedurungan", "Genuk", "Semarang Barat",
            "Ngaliyan", "Candisari", "Gajahmungkur")),
)

NAMA_DEPAN = ("Agus", "Budi", "Sri", "Dewi", "Eko", "Rina", "Hendra", "Yuni", "Slamet", "Wahyu",
              "Endang", "Joko", "Siti", "Bambang", "Nur", "Ratna", "Teguh", "Fajar", "Indah",
              "Ahmad", "Lestari", "Dwi", "Tri", "Muhammad", "Aris", "Heru", "Puji", "Anik")
NAMA_BELAKANG = ("Santoso", "Rahayu", "Prasetyo", "Wibowo", "Lestari", "Nugroho", "Hidayat",
                 "Setiawan", "Kurniawan", "Wulandari", "Saputra", "Handayani", "Susanto",
                 "Purnomo", "Utami", "Hartono", "Sulistyo", "Maharani", "Firmansyah")
GELAR_DEPAN = ("", "", "", "dr. ", "Drs. ", "Ir. ", "H. ", "Hj. ", "Prof. Dr. ")
GELAR_BELAKANG = ("", "", "", ", S.T.", ", M.M.", ", S.H., M.H.", ", M.Si.", ", S.Kom.",
                  ", M.Kes.", ", S.E., M.Ak.", ", Sp.A.")

DINAS = ("Dinas Kesehatan", "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Perhubungan",
         "Dinas Pendidikan dan Kebudayaan", "Dinas Sosial", "Badan Penanggulangan Bencana Daerah",
         "Dinas Komunikasi, Informatika, dan Statistik", "Dinas Lingkungan Hidup",
         "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Satpol PP",
         "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Tenaga Kerja", "RSUD",
         "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Dinas Perdagangan",
         "Dinas Pemuda dan Olahraga", "Bapperida", "Inspektorat")
SINGKATAN_DINAS = {"Dinas Kesehatan": "Dinkes", "Dinas Perhubungan": "Dishub",
                   "Dinas Kependudukan dan Pencatatan Sipil": "Disdukcapil",
                   "Badan Penanggulangan Bencana Daerah": "BPBD",
                   "Dinas Komunikasi, Informatika, dan Statistik": "Diskominfo",
                   "Dinas Sosial": "Dinsos", "Dinas Lingkungan Hidup": "DLH",
                   "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu": "DPMPTSP"}

JALAN = ("Jl. Sudirman", "Jl. Jenderal Ahmad Yani", "Jl. Pemuda", "Jl. Diponegoro",
         "Jl. Tentara Pelajar", "Jl. Pahlawan", "Jl. Slamet Riyadi", "Jl. Pangeran Diponegoro",
         "Jl. Veteran", "Jl. Kartini", "Jl. Gatot Subroto", "Jl. Urip Sumoharjo",
         "Jl. Dr. Sutomo", "Jl. Mayjen Bambang Soegeng", "Jl. Tidar", "Jl. Pierre Tendean")
TEMPAT = ("Pendopo Pengabdian", "Gedung Wiworo Wiji Pinilih", "Aula Kantor Wali Kota",
          "Alun-alun", "Taman Kyai Langgeng", "GOR Samapta", "Mal Pelayanan Publik",
          "Ruang Rapat Bina Praja", "Balai Kelurahan", "Lapangan Rindam IV/Diponegoro",
          "Pasar Rejowinangun", "Kampung Wisata Kampung Budaya", "Taman Badaan",
          "Gedung Graha Sarana Bhakti", "Puskesmas", "SMP Negeri 1", "Terminal Tidar")

ACARA = ("rapat koordinasi percepatan penurunan stunting", "peluncuran aplikasi layanan "
         "kependudukan terpadu", "apel pagi Aparatur Sipil Negara", "penyerahan bantuan sosial "
         "bagi keluarga penerima manfaat", "musyawarah perencanaan pembangunan tingkat kota",
         "peresmian jembatan penghubung antarkelurahan", "kerja bakti bersih sungai",
         "pencanangan Bulan Imunisasi Anak Sekolah", "sosialisasi pencegahan perundungan di "
         "sekolah", "rapat evaluasi pelayanan publik", "festival UMKM dan ekonomi kreatif",
         "senam sehat bersama warga", "pelantikan pejabat administrator dan pengawas",
         "pemantauan harga bahan pokok menjelang hari raya", "penanaman seribu pohon",
         "upacara peringatan Hari Pahlawan", "gerakan pangan murah", "donor darah massal",
         "bimbingan teknis penyusunan laporan keuangan desa", "jalan sehat kerukunan umat "
         "beragama")
TUJUAN = ("agar pelayanan kepada masyarakat semakin cepat, mudah, dan transparan",
          "sebagai upaya bersama menekan angka stunting hingga di bawah 14 persen",
          "untuk memastikan ketersediaan bahan pokok tetap aman dan harga terjangkau",
          "supaya warga semakin sadar menjaga kebersihan lingkungan",
          "demi mewujudkan tata kelola pemerintahan yang bersih dan akuntabel",
          "guna mendorong pertumbuhan ekonomi lokal melalui pelaku UMKM",
          "sebagai bentuk kehadiran pemerintah di tengah masyarakat",
          "untuk memperkuat sinergi antara pemerintah daerah, TNI, Polri, dan masyarakat")
KUTIPAN = ("Kami ingin setiap warga merasakan langsung manfaat program ini.",
           "Pelayanan publik harus cepat, ramah, dan tanpa pungutan liar.",
           "Mari kita jaga kota ini bersama-sama, mulai dari lingkungan terdekat.",
           "Kerja keras seluruh pihak menjadi kunci keberhasilan program ini.",
           "Jangan ragu melapor bila menemukan pelayanan yang tidak sesuai standar.",
           "Anak-anak kita adalah masa depan daerah, maka kesehatan mereka harus dijaga.",
           "Pemerintah tidak bisa bekerja sendiri; peran serta warga sangat kami butuhkan.")

LAYANAN = ("perekaman KTP elektronik", "penerbitan akta kelahiran", "pembayaran PBB-P2",
           "pengurusan izin usaha melalui OSS", "vaksinasi HPV bagi siswi kelas 5 dan 6",
           "pemeriksaan kesehatan gratis", "uji KIR kendaraan", "pendaftaran BPJS Kesehatan PBI",
           "layanan konsultasi gizi", "pelayanan Samsat keliling", "pengambilan bantuan beras",
           "pendaftaran sekolah (SPMB)", "layanan adminduk jemput bola",
           "pembuatan Kartu Identitas Anak", "klaim jaminan kematian")
PERUBAHAN = ("tetap buka seperti biasa", "tutup sementara", "dipindahkan ke lantai 2",
             "dibuka hingga pukul 20.00 WIB", "dilayani secara daring", "libur sementara",
             "dibuka khusus pada hari Sabtu")
SYARAT = ("fotokopi Kartu Keluarga (KK)", "KTP elektronik asli", "surat pengantar RT/RW",
          "pas foto 3x4 berlatar merah (2 lembar)", "bukti pembayaran terakhir",
          "surat keterangan lahir dari bidan atau rumah sakit", "buku nikah atau akta perkawinan",
          "nomor induk berusaha (NIB)", "kartu BPJS atau KIS", "surat kuasa bermeterai Rp10.000")

TOPIK_INFO = (
    ("cara mencegah demam berdarah", ("Menguras tempat penampungan air seminggu sekali",
                                      "Menutup rapat wadah air", "Mendaur ulang barang bekas",
                                      "Memakai losion antinyamuk saat tidur siang",
                                      "Menanam tanaman pengusir nyamuk")),
    ("tanda bahaya pada ibu hamil", ("Perdarahan dari jalan lahir", "Bengkak di kaki, tangan, "
                                     "atau wajah disertai sakit kepala", "Demam tinggi",
                                     "Gerakan janin berkurang", "Ketuban pecah sebelum waktunya")),
    ("langkah mengurus akta kematian", ("Siapkan surat keterangan kematian",
                                        "Unggah berkas melalui aplikasi", "Tunggu verifikasi "
                                        "petugas", "Akta dikirim dalam bentuk PDF bertanda "
                                        "tangan elektronik")),
    ("tips aman berkendara saat hujan", ("Nyalakan lampu utama", "Kurangi kecepatan",
                                         "Jaga jarak aman", "Hindari genangan air yang dalam",
                                         "Periksa kondisi ban dan rem")),
    ("cara memilah sampah dari rumah", ("Pisahkan sampah organik dan anorganik",
                                        "Olah sisa makanan menjadi kompos", "Setor plastik ke "
                                        "bank sampah", "Jangan membakar sampah")),
    ("gejala stunting pada anak", ("Tinggi badan di bawah standar usia", "Berat badan sulit "
                                   "naik", "Perkembangan terlambat", "Mudah sakit")),
    ("hak pelanggan layanan publik", ("Mendapat pelayanan sesuai standar", "Tidak dipungut "
                                      "biaya di luar ketentuan", "Menyampaikan pengaduan",
                                      "Mendapat tanggapan dalam waktu yang ditentukan")),
)

HOAKS = (
    ("Beredar pesan berantai yang menyebut pembuatan KTP elektronik dikenai biaya Rp150.000.",
     "Pelayanan administrasi kependudukan tidak dipungut biaya apa pun sesuai UU Nomor 24 "
     "Tahun 2013."),
    ("Akun yang mengatasnamakan {pimpinan} menawarkan pinjaman uang melalui WhatsApp.",
     "{pimpinan} tidak pernah menawarkan pinjaman. Akun tersebut palsu dan sudah kami laporkan."),
    ("Video yang menyebut jembatan di {wilayah} ambruk hari ini.",
     "Video tersebut adalah kejadian tahun 2019 di daerah lain. Jembatan di {wilayah} dalam "
     "kondisi baik dan dapat dilalui."),
    ("Informasi pendaftaran CPNS melalui tautan bit.ly/daftar-cpns-2026.",
     "Pendaftaran CASN hanya melalui portal resmi sscasn.bkn.go.id dan tidak dipungut biaya."),
    ("Pesan suara yang menyebut air PDAM tercemar bahan kimia berbahaya.",
     "Hasil uji laboratorium menunjukkan air PDAM memenuhi baku mutu air minum."),
    ("Tangkapan layar surat edaran libur sekolah selama dua pekan.",
     "Dinas Pendidikan tidak pernah menerbitkan surat edaran tersebut. Kegiatan belajar tetap "
     "berjalan sesuai kalender pendidikan."),
    ("Unggahan yang menyebut akan ada pemadaman listrik total selama tiga hari.",
     "PLN UP3 setempat menyatakan hanya ada pemeliharaan jaringan terjadwal selama 4 jam."),
)

HARI_BESAR = (
    ("Selamat Hari Raya Idulfitri 1447 H", "Mohon maaf lahir dan batin 🙏🏻",
     ("#IdulFitri1447H", "#MinalAidinWalFaizin", "#LebaranDiRumah")),
    ("Selamat Hari Raya Iduladha 1447 H", "Semoga semangat berkurban menumbuhkan kepedulian "
     "kepada sesama.", ("#IdulAdha1447H", "#Kurban")),
    ("Selamat Hari Raya Natal 2026", "Damai Natal menyertai keluarga kita semua 🎄",
     ("#Natal2026", "#DamaiNatal")),
    ("Selamat Hari Raya Nyepi Tahun Baru Saka 1948", "Mari jaga toleransi dan kerukunan.",
     ("#Nyepi1948", "#HariRayaNyepi")),
    ("Selamat Hari Raya Waisak 2570 BE", "Semoga semua makhluk berbahagia 🪷",
     ("#Waisak2570", "#Waisak")),
    ("Selamat Tahun Baru Imlek 2577 Kongzili", "Gong Xi Fa Cai 🧧", ("#Imlek2577",)),
    ("Dirgahayu ke-81 Republik Indonesia 🇮🇩", "Bersatu Berdaulat, Rakyat Sejahtera, "
     "Indonesia Maju.", ("#HUTRI81", "#Merdeka", "#DirgahayuRI")),
    ("Selamat Hari Pahlawan, 10 November 2026", "Teladani semangat para pahlawan dalam "
     "membangun negeri.", ("#HariPahlawan2026", "#PahlawanKu")),
    ("Selamat Hari Guru Nasional 2026", "Terima kasih, Bapak dan Ibu Guru 👩‍🏫👨‍🏫",
     ("#HariGuruNasional", "#TerimaKasihGuru")),
    ("Selamat Hari Kesehatan Nasional ke-62", "Generasi sehat, masa depan hebat 🧑‍⚕️",
     ("#HKN62", "#HariKesehatanNasional")),
    ("Selamat Tahun Baru 2027", "Semoga tahun ini membawa kebaikan bagi kita semua 🎆",
     ("#TahunBaru2027",)),
)

POSISI = ("tenaga kesehatan (perawat dan bidan)", "petugas pemadam kebakaran",
          "tenaga pendamping UMKM", "operator data kependudukan", "guru PPPK",
          "petugas kebersihan taman kota", "pranata komputer", "penyuluh pertanian",
          "petugas Damkar", "tenaga teknis jalan dan jembatan", "juru parkir resmi")

CUACA = ("hujan sedang hingga lebat disertai kilat/petir dan angin kencang",
         "hujan dengan intensitas sedang hingga lebat", "angin kencang dan potensi puting beliung",
         "hujan lebat yang dapat disertai hujan es")
DAMPAK = ("banjir", "genangan", "tanah longsor", "pohon tumbang", "jalan licin",
          "gangguan jaringan listrik")

ADUAN = ("lampu penerangan jalan mati", "jalan berlubang", "sampah menumpuk",
         "saluran air tersumbat", "parkir liar di trotoar", "antrean panjang di puskesmas",
         "pohon rawan tumbang", "pungutan di sekolah", "bantuan sosial belum cair",
         "trotoar rusak", "suara bising kegiatan malam hari", "KTP elektronik belum jadi")
PENGGUNA = ("budi_mgl", "rina.setyawati", "wargabaik123", "ardi_pratama", "mbak.yuyun",
            "pakde_joko", "sri.lestari88", "kangmas_eko", "dian_ayu", "febri.ananda",
            "mas_heru_", "ibu.endah", "tonisaputra", "nadyaputri.id")

AKUN_MITRA = ("@infoBMKG", "@kemenkes_ri", "@kemkomdigi", "@humasprovjateng", "@bpbd_jateng",
              "@dukcapil.kemendagri", "@turnbackhoax", "@lapor1708", "@bpjskesehatan_ri",
              "@pln_123", "@kemnaker", "@bkngoidofficial", "@polresta_setempat")

TAGAR_UMUM = ("#LayananPublik", "#ASNBerAKHLAK", "#BanggaMelayaniBangsa", "#InfoPublik",
              "#PemerintahHadir", "#JatengGayeng", "#IndonesiaMaju", "#SatuDataIndonesia",
              "#GerakanBersihSungai", "#StopStunting", "#CegahDBD", "#SehatItuMudah",
              "#SPBE", "#ZonaIntegritas", "#WBK", "#WBBM", "#SigapMelayani")

EMOJI = ("📢", "📌", "📍", "🗓️", "⏰", "☎️", "✅", "📝", "🔔", "👉", "👇", "💡", "🙏", "🙏🏻",
         "👍🏽", "🤝", "🎉", "🇮🇩", "🏥", "💉", "🚑", "🧑‍⚕️", "👩‍💻", "👨‍👩‍👧‍👦", "🧑‍🌾",
         "👮‍♂️", "🙋‍♀️", "🧑‍🤝‍🧑", "👷🏾‍♂️", "⚠️", "🌧️", "⛈️", "🌊", "♻️", "🌳", "1️⃣", "❤️",
         "😊", "🚌", "🏫")
EMOJI_POIN = ("✅", "▶️", "🔹", "📌", "👉", "▪️")
ANGKA_KEYCAP = ("1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣")

SINGKAT_URL = ("s.id", "bit.ly", "linktr.ee")

# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


class Gen:
    """Random choices for one caption, bound to a region."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.daerah = rng.choice(DAERAH)

    def pick(self, items):
        return self.rng.choice(items)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def some(self, items, lo: int, hi: int) -> list:
        k = self.rng.randint(lo, min(hi, len(items)))
        return self.rng.sample(list(items), k)

    def orang(self, gelar: bool = True) -> str:
        nama = f"{self.pick(NAMA_DEPAN)} {self.pick(NAMA_BELAKANG)}"
        if not gelar:
            return nama
        return f"{self.pick(GELAR_DEPAN)}{nama}{self.pick(GELAR_BELAKANG)}"

    def tanggal(self) -> tuple[str, str]:
        """(hari, '30 November 2026')."""
        hari, panjang, _ = self.tanggal3()
        return hari, panjang

    def tanggal3(self) -> tuple[str, str, str]:
        """(hari, '30 November 2026', '30/11/2026') of one random day of 2026."""
        day = date(2026, 1, 1) + timedelta(days=self.rng.randrange(365))
        return (HARI[day.weekday()], f"{day.day} {BULAN[day.month - 1]} {day.year}",
                f"{day.day}/{day.month}/{day.year}")

    def pukul(self, start: int = 7, end: int = 20) -> str:
        return f"{self.rng.randint(start, end):02d}.{self.pick(('00', '00', '30', '15'))}"

    def rupiah(self) -> str:
        value = self.pick((2_500_000, 150_000, 5_000, 10_000, 350_000, 1_250_000, 75_000,
                           4_200_000, 20_000, 600_000))
        return "Rp" + f"{value:,}".replace(",", ".")

    def tempat(self) -> str:
        place = self.pick(TEMPAT)
        if place in ("Balai Kelurahan", "Puskesmas"):
            place = f"{place} {self.pick(self.daerah.wilayah)}"
        elif place in ("Alun-alun", "SMP Negeri 1"):
            place = f"{place} {self.daerah.pendek}"
        return place

    def alamat(self) -> str:
        rt = f"RT {self.rng.randint(1, 12):02d}/RW {self.rng.randint(1, 9):02d}"
        base = f"{self.pick(JALAN)} No. {self.rng.randint(1, 120)}"
        return base + (f", {rt}" if self.chance(0.3) else "") + \
            f", Kel. {self.pick(self.daerah.wilayah)}"

    def url(self) -> str:
        d = self.daerah.domain
        slug = "-".join(self.pick(("layanan", "info", "pengumuman", "berita", "agenda",
                                   "program", "jadwal", "warga", "sehat", "data"))
                        for _ in range(self.rng.randint(1, 3)))
        form = self.rng.random()
        if form < 0.35:
            return f"https://{d}/{self.pick(('berita', 'pengumuman', 'layanan'))}/{slug}"
        if form < 0.5:
            return f"https://ppid.{d}/informasi-publik/{slug}-{self.rng.randint(2024, 2026)}"
        if form < 0.65:
            return d
        if form < 0.8:
            return f"https://{self.pick(SINGKAT_URL)}/{slug.title().replace('-', '')}"
        if form < 0.9:
            return f"https://www.{d}/{slug}?utm_source=instagram"
        return f"{self.pick(('https://', ''))}lapor.go.id"

    def hotline(self) -> str:
        d = self.daerah
        form = self.rng.random()
        if form < 0.3:
            return "Call Center 112 (bebas pulsa)"
        if form < 0.6:
            return f"({d.telepon}) {self.rng.randint(310, 399)}{self.rng.randint(100, 999)}"
        if form < 0.8:
            return f"WA 0811-{self.rng.randint(2600, 2999)}-{self.rng.randint(100, 999)} " \
                   "(hanya pesan teks)"
        return f"https://wa.me/62811{self.rng.randint(2600000, 2999999)}"

    def tagar(self, extra: tuple[str, ...] = ()) -> str:
        d = self.daerah
        own = (f"#{d.pendek.replace(' ', '')}", f"#{d.nama.replace(' ', '')}",
               f"#{d.pendek.replace(' ', '')}Maju", f"#Pemkot{d.pendek}" if "Kota" in d.nama
               else f"#Pemkab{d.pendek}")
        pool = list(dict.fromkeys(own + extra + TAGAR_UMUM))
        many = self.chance(0.15)
        k = self.rng.randint(6, 11) if many else self.rng.randint(1, 4)
        chosen = [own[0]] + [t for t in self.rng.sample(pool, min(k, len(pool))) if t != own[0]]
        return " ".join(chosen[:k])

    def emoji(self) -> str:
        return self.pick(EMOJI)

    def mention(self) -> str:
        return self.pick(AKUN_MITRA + (self.daerah.akun,))

    def pimpinan(self) -> str:
        return f"{self.daerah.pimpinan} {self.daerah.pendek}"


# --------------------------------------------------------------------------------------------
# Caption kinds. Each returns (lines, kind); the text is standard Indonesian, flaws come later.
# --------------------------------------------------------------------------------------------


def kegiatan_pimpinan(g: Gen) -> tuple[list[str], str]:
    hari, _, singkat = g.tanggal3()
    jabatan = g.pick((g.pimpinan(), f"Wakil {g.pimpinan()}", f"Sekretaris Daerah {g.daerah.nama}",
                      f"Kepala {g.pick(DINAS)}"))
    lines = [f"{g.emoji()} {jabatan}, {g.orang()}, menghadiri {g.pick(ACARA)} di "
             f"{g.tempat()}, {hari} ({singkat}).", ""]
    if g.chance(0.8):
        lines.append(f"Kegiatan ini digelar {g.pick(TUJUAN)}.")
    if g.chance(0.6):
        lines += ["", f"“{g.pick(KUTIPAN)}” ujar {g.orang(gelar=False)}."]
    if g.chance(0.4):
        lines += ["", f"Turut hadir jajaran Forkopimda, camat, dan lurah se-{g.daerah.nama}, "
                      f"serta perwakilan {g.mention()}."]
    if g.chance(0.3):
        lines += ["", f"Selengkapnya: {g.url()}"]
    lines += ["", g.tagar()]
    return lines, "caption"


def pengumuman_layanan(g: Gen) -> tuple[list[str], str]:
    hari, tgl = g.tanggal()
    dinas = g.pick(DINAS)
    lines = ["📢 PENGUMUMAN", "",
             f"Layanan {g.pick(LAYANAN)} di {dinas} {g.daerah.nama} {g.pick(PERUBAHAN)} pada "
             f"{hari}, {tgl}, pukul {g.pukul(7, 10)}–{g.pukul(12, 16)} WIB."]
    if g.chance(0.7):
        lines += ["", "Persyaratan:"]
        for i, syarat in enumerate(g.some(SYARAT, 2, 5)):
            lines.append(f"{ANGKA_KEYCAP[i]} {syarat[:1].upper()}{syarat[1:]}")
    if g.chance(0.5):
        lines += ["", f"📍 Lokasi: {g.tempat()}, {g.alamat()}"]
    if g.chance(0.4):
        lines += ["", f"Layanan ini gratis. Warga diimbau datang lebih awal karena kuota "
                      f"terbatas {g.rng.randint(50, 300)} orang per hari."]
    lines += ["", f"Informasi: {g.hotline()}", g.url(), "", g.tagar()]
    return lines, "caption"


def infografis(g: Gen) -> tuple[list[str], str]:
    topik, poin = g.pick(TOPIK_INFO)
    lines = [f"{g.daerah.sapaan}, yuk kenali {topik}! 👇", ""]
    bullet = g.pick(EMOJI_POIN)
    for item in g.some(poin, 3, len(poin)):
        lines.append(f"{bullet} {item}")
    lines.append("")
    if g.chance(0.6):
        lines.append("Geser ➡️ untuk info selengkapnya, dan bagikan ke keluarga tercinta "
                     f"{g.pick(('❤️', '👨‍👩‍👧‍👦', '😊'))}")
    if g.chance(0.4):
        lines.append(f"Konsultasi gratis: {g.hotline()}")
    if g.chance(0.3):
        lines.append(f"Sumber: {g.mention()}")
    lines += ["", g.tagar(("#Infografis", "#HidupSehat", "#GermasYuk"))]
    return lines, "caption"


def klarifikasi_hoaks(g: Gen) -> tuple[list[str], str]:
    klaim, fakta = g.pick(HOAKS)
    fill = {"pimpinan": g.pimpinan(), "wilayah": g.pick(g.daerah.wilayah)}
    lines = [f"[HOAKS] {klaim.format(**fill)}", "", f"[FAKTA] {fakta.format(**fill)}", ""]
    if g.chance(0.6):
        lines.append(f"Penjelasan lengkap: {g.url()}")
    if g.chance(0.5):
        lines.append(f"Laporkan konten hoaks ke {g.pick(('aduankonten.id', '@turnbackhoax'))} "
                     f"atau {g.hotline()}.")
    lines += ["", "Mari bijak bermedia sosial. Saring sebelum berbagi! 🙏",
              g.tagar(("#CekFakta", "#LawanHoaks", "#HoaksBuster"))]
    return lines, "caption"


def ucapan_hari_besar(g: Gen) -> tuple[list[str], str]:
    judul, doa, tagar = g.pick(HARI_BESAR)
    lines = [f"{judul} {g.emoji()}", doa]
    if g.chance(0.5):
        lines += ["", f"Keluarga besar Pemerintah {g.daerah.nama} mengucapkan selamat kepada "
                      "seluruh warga yang merayakan."]
    if g.chance(0.5):
        lines += ["", f"{g.pimpinan()}", g.orang()]
    lines += ["", g.tagar(tagar)]
    if g.chance(0.25):
        return lines[:2], "caption"
    return lines, "caption"


def lowongan(g: Gen) -> tuple[list[str], str]:
    hari, tgl = g.tanggal()
    _, tgl2 = g.tanggal()
    instansi = g.pick(DINAS)
    lines = [f"💼 LOWONGAN {g.pick(('PPPK PARUH WAKTU', 'TENAGA HARIAN LEPAS', 'MAGANG'))}", "",
             f"{instansi} {g.daerah.nama} membuka seleksi {g.pick(POSISI)} sebanyak "
             f"{g.rng.randint(2, 40)} formasi.", "",
             f"🗓️ Pendaftaran: {tgl} s.d. {tgl2}",
             f"💰 Honorarium: {g.rupiah()} per bulan",
             f"🔗 Daftar: {g.url()}"]
    if g.chance(0.6):
        lines += ["", "Berkas yang diunggah:"]
        for syarat in g.some(SYARAT, 2, 4):
            lines.append(f"- {syarat}")
    lines += ["", "Seleksi tidak dipungut biaya apa pun. Waspada penipuan yang mengatasnamakan "
              "panitia!", "", g.tagar(("#LowonganKerja", "#InfoLoker", "#PPPK2026"))]
    return lines, "caption"


def peringatan_cuaca(g: Gen) -> tuple[list[str], str]:
    hari, tgl = g.tanggal()
    wilayah = g.some(g.daerah.wilayah, 2, 5)
    luas = g.some(g.daerah.wilayah, 1, 3)
    lines = [f"⚠️ PERINGATAN DINI CUACA {g.daerah.nama.upper()}",
             f"{hari}, {tgl}, pukul {g.pukul(11, 16)} WIB", "",
             f"Berpotensi terjadi {g.pick(CUACA)} di wilayah {', '.join(wilayah)} pada pukul "
             f"{g.pukul(13, 16)}–{g.pukul(17, 21)} WIB, dan dapat meluas ke {', '.join(luas)}."]
    if g.chance(0.7):
        dampak = ", ".join(g.some(DAMPAK, 2, 4))
        lines += ["", f"Masyarakat diimbau waspada terhadap dampak {dampak}."]
    if g.chance(0.5):
        lines += [f"Keadaan darurat: {g.hotline()} 🚒🚑"]
    lines += ["", f"Sumber: @infoBMKG {g.pick(('🌧️', '⛈️', '🌊'))}",
              g.tagar(("#InfoBMKG", "#WaspadaCuaca", "#SiagaBencana", "#BPBD"))]
    if g.chance(0.2):  # the X version: one or two lines
        return [f"⚠️ Hujan lebat berpotensi terjadi di {wilayah[0]} pukul {g.pukul(13, 16)}–"
                f"{g.pukul(17, 21)} WIB. Tetap waspada! #InfoBMKG"], "caption"
    return lines, "caption"


def balasan_aduan(g: Gen) -> tuple[list[str], str]:
    user = g.pick(PENGGUNA)
    aduan = g.pick(ADUAN)
    sapa = g.pick(("Halo Kak", "Hai Kak", "Selamat siang, Bapak/Ibu", "Halo", "Selamat pagi, Kak"))
    dinas = g.pick(DINAS)
    singkat = SINGKATAN_DINAS.get(dinas, dinas)
    lines = [f"{sapa} @{user}, terima kasih atas laporannya {g.pick(('🙏', '🙏🏻', '😊'))}"]
    if g.chance(0.8):
        lines.append(f"Aduan terkait {aduan} di {g.pick(g.daerah.wilayah)} sudah kami teruskan ke "
                     f"{singkat} untuk ditindaklanjuti.")
    if g.chance(0.5):
        lines.append(f"Mohon kirim titik lokasi melalui DM atau {g.url()} agar petugas dapat "
                     "segera mengecek ke lapangan.")
    if g.chance(0.3):
        lines.append(f"Perkembangan aduan dapat dipantau di lapor.go.id dengan nomor tiket "
                     f"#{g.rng.randint(1000000, 9999999)}.")
    lines.append(g.pick(("Salam, Admin.", "Salam sehat ✨", "", "-Admin")))
    lines = [line for line in lines if line]
    if g.chance(0.4):
        return [" ".join(lines)], "reply"
    return lines, "reply"


KINDS: tuple[tuple[Callable[[Gen], tuple[list[str], str]], int], ...] = (
    (kegiatan_pimpinan, 22),
    (pengumuman_layanan, 18),
    (infografis, 12),
    (klarifikasi_hoaks, 8),
    (ucapan_hari_besar, 8),
    (lowongan, 7),
    (peringatan_cuaca, 10),
    (balasan_aduan, 15),
)


def rilis_panjang(g: Gen) -> tuple[list[str], str]:
    """A long Facebook-style press release (~2,000 characters)."""
    hari, tgl = g.tanggal()
    acara = g.pick(ACARA)
    lines = [f"{g.daerah.nama.upper()} – {g.pimpinan()} {g.orang()} membuka {acara} di "
             f"{g.tempat()}, {g.alamat()}, {hari} ({tgl}).", ""]
    while sum(len(line) + 1 for line in lines) < g.rng.randint(1700, 2300):
        part = g.rng.random()
        if part < 0.3:
            lines.append(f"Dalam sambutannya, {g.pimpinan()} menyampaikan bahwa kegiatan ini "
                         f"dilaksanakan {g.pick(TUJUAN)}. Menurutnya, {g.pick(KUTIPAN).lower()}")
        elif part < 0.5:
            lines.append(f"“{g.pick(KUTIPAN)} {g.pick(KUTIPAN)}” tegasnya.")
        elif part < 0.7:
            lines.append(f"Kepala {g.pick(DINAS)}, {g.orang()}, menambahkan bahwa pada tahun "
                         f"2026 pemerintah daerah mengalokasikan anggaran sebesar {g.rupiah()} "
                         f"untuk program tersebut, yang menjangkau {g.rng.randint(3, 40)} "
                         f"kelurahan dan lebih dari {g.rng.randint(2, 90)}.000 warga.")
        elif part < 0.85:
            lines.append(f"Kegiatan berlangsung pukul {g.pukul(7, 9)} WIB hingga "
                         f"{g.pukul(11, 15)} WIB dan diikuti perwakilan kecamatan, tokoh "
                         f"masyarakat, tokoh agama, organisasi perangkat daerah, pelaku usaha, "
                         f"dll. {g.emoji()}")
        else:
            lines.append(f"Warga yang membutuhkan informasi lebih lanjut dapat menghubungi "
                         f"{g.hotline()} atau mengunjungi {g.url()}.")
        lines.append("")
    lines.append(g.tagar())
    return lines, "caption"


# --------------------------------------------------------------------------------------------
# Flaws
# --------------------------------------------------------------------------------------------

# Standard form -> the non-standard form admins actually write.
EJAAN = (
    (r"\bdiimbau\b", "dihimbau"), (r"\bimbauan\b", "himbauan"), (r"\bpraktik\b", "praktek"),
    (r"\brisiko\b", "resiko"), (r"\bizin\b", "ijin"), (r"\bsilakan\b", "silahkan"),
    (r"\bterima kasih\b", "terimakasih"), (r"\baktivitas\b", "aktifitas"),
    (r"\bapotek\b", "apotik"), (r"\bnasihat\b", "nasehat"), (r"\bhakikat\b", "hakekat"),
    (r"\bsekadar\b", "sekedar"), (r"\bmenyosialisasikan\b", "mensosialisasikan"),
    (r"\bIdulfitri\b", "Idul Fitri"), (r"\bRamadan\b", "Ramadhan"),
    (r"\bjadwal\b", "jadual"), (r"\bkualitas\b", "kwalitas"),
    (r"\bsistem\b", "sistim"), (r"\bmerupakan\b", "adalah merupakan"),
)
# Sentences to insert when the text has none of the standard forms above.
KALIMAT_EJAAN = (
    "Warga dihimbau untuk tetap tenang dan mengikuti arahan petugas.",
    "Silahkan datang langsung ke kantor kelurahan setempat.",
    "Pengurusan ijin usaha kini bisa dilakukan dari rumah.",
    "Kurangi resiko penularan dengan praktek hidup bersih dan sehat.",
    "Terimakasih atas partisipasi aktif seluruh warga.",
    "Aktifitas pelayanan tetap berjalan normal.",
    "Obat bisa diambil di apotik terdekat dengan membawa resep.",
    "Masyarakat dihimbau agar tidak sekedar ikut-ikutan membagikan informasi.",
)
BIROKRASI = (
    "Dalam rangka {x}, ", "Sehubungan dengan {x}, ", "Berkenaan dengan {x}, maka ",
    "Bersama ini kami sampaikan bahwa dalam rangka {x}, ", "Adapun dalam rangka {x}, ",
    "Guna {x}, maka dengan ini ",
)
BIROKRASI_ISI = ("peningkatan kualitas pelayanan publik", "hal tersebut di atas",
                 "pelaksanaan program prioritas daerah", "menindaklanjuti surat edaran terkait",
                 "optimalisasi kinerja aparatur", "percepatan penanganan aduan masyarakat")
SMS = ((r"\byang\b", "yg"), (r"\bdengan\b", "dgn"), (r"\buntuk\b", "utk"),
       (r"\btidak\b", "tdk"), (r"\bsudah\b", "sdh"), (r"\bkarena\b", "krn"),
       (r"\bsampai\b", "smp"), (r"\bterima kasih\b", "trims"), (r"\bdan\b", "&"))
INGGRIS = ((r"\brapat\b", "meeting"), (r"\bpeluncuran\b", "launching"),
           (r"\bdaring\b", "online"), (r"\bacara\b", "event"), (r"\bpembaruan\b", "update"),
           (r"\bpemangku kepentingan\b", "stakeholder"), (r"\btenggat\b", "deadline"))
KALIMAT_INGGRIS = ("Jangan lupa update info terbaru di link bio ya!",
                   "Pendaftaran bisa dilakukan secara online via website resmi.",
                   "Acara launching dihadiri seluruh stakeholder terkait.",
                   "Meeting koordinasi digelar secara hybrid.",
                   "Deadline pengumpulan berkas hari Jumat, guys!",
                   "Stay safe dan tetap follow akun resmi kami.")
DISINI = ((r"\bdi sini\b", "disini"), (r"\bdi mana\b", "dimana"), (r"\bdi sana\b", "disana"),
          (r"\bke mana\b", "kemana"))
KALIMAT_DISINI = ("Info lengkap cek disini 👉 link di bio.", "Lokasi dimana saja bisa dicek "
                  "disini.", "Bagi yang belum tahu dimana tempatnya, silakan tanya petugas.")


def _sub_some(g: Gen, text: str, table, k: int) -> tuple[str, bool]:
    """Apply up to ``k`` of the substitutions in ``table`` that match ``text``."""
    hits = [(p, r) for p, r in table if re.search(p, text)]
    if not hits:
        return text, False
    for pattern, repl in g.rng.sample(hits, min(k, len(hits))):
        count = 0 if g.chance(0.7) else 1
        text = re.sub(pattern, repl, text, count=count)
    return text, True


def _insert_line(g: Gen, lines: list[str], sentence: str) -> None:
    """Put ``sentence`` after a random prose line (never after the hashtags)."""
    prose = [i for i, line in enumerate(lines) if line and not line.startswith("#")]
    at = g.pick(prose) if prose else 0
    if lines and lines[at] and lines[at][-1:] in ".!?" and g.chance(0.6):
        lines[at] = f"{lines[at]} {sentence}"
    else:
        lines.insert(at + 1, sentence)


def flaw_ejaan(g: Gen, lines: list[str]) -> list[str]:
    text, done = _sub_some(g, "\n".join(lines), EJAAN, 3)
    lines = text.split("\n")
    if not done or g.chance(0.5):
        _insert_line(g, lines, g.pick(KALIMAT_EJAAN))
    return lines


def flaw_birokrasi(g: Gen, lines: list[str]) -> list[str]:
    prose = [i for i, line in enumerate(lines) if len(line) > 40 and line[:1].isalpha()
             and not line.startswith(("Halo", "Hai", "Selamat", "Terima"))]
    opener = g.pick(BIROKRASI).format(x=g.pick(BIROKRASI_ISI))
    if prose:
        i = g.pick(prose)
        lines[i] = opener + lines[i][:1].lower() + lines[i][1:]
    else:
        lines.insert(0, opener + "disampaikan informasi berikut.")
    return lines


def flaw_sms(g: Gen, lines: list[str]) -> list[str]:
    text, done = _sub_some(g, "\n".join(lines), SMS, 4)
    if not done:
        text += "\nInfo lbh lanjut hub admin yg bertugas, tks."
    return text.split("\n")


def flaw_inggris(g: Gen, lines: list[str]) -> list[str]:
    text, done = _sub_some(g, "\n".join(lines), INGGRIS, 2)
    lines = text.split("\n")
    if not done or g.chance(0.5):
        _insert_line(g, lines, g.pick(KALIMAT_INGGRIS))
    return lines


def flaw_disini(g: Gen, lines: list[str]) -> list[str]:
    text, done = _sub_some(g, "\n".join(lines), DISINI, 2)
    lines = text.split("\n")
    if not done:
        _insert_line(g, lines, g.pick(KALIMAT_DISINI))
    return lines


def flaw_walikota(g: Gen, lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    if "Wali Kota" in text:
        text = text.replace("Wali Kota", g.pick(("Walikota", "walikota", "Wali kota")))
    else:
        text = f"{g.pick(('Walikota', 'Wakil Walikota'))} {g.daerah.pendek} mengajak warga " \
               f"ikut serta.\n{text}"
    return text.split("\n")


def flaw_rupiah(g: Gen, lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    if "Rp" in text:
        text = re.sub(r"Rp(\d)", lambda m: g.pick(("Rp ", "Rp. ", "RP ")) + m.group(1), text)
        return text.split("\n")
    nilai = g.pick(("5.000", "25.000", "100.000", "2.500.000", "500.000"))
    _insert_line(g, lines, g.pick((f"Total bantuan yang disalurkan Rp {nilai} per keluarga.",
                                   f"Tarif retribusi Rp. {nilai},- sesuai perda.",
                                   f"Waspada penipuan yang meminta transfer Rp {nilai}!",
                                   f"Denda keterlambatan Rp {nilai},- per bulan.")))
    return lines


def flaw_kapital(g: Gen, lines: list[str]) -> list[str]:
    prose = [i for i, line in enumerate(lines) if len(line) > 15 and not line.startswith("#")]
    if not prose:
        return lines + ["MOHON DIPERHATIKAN!!!"]
    i = g.pick(prose)
    lines[i] = lines[i].upper().rstrip(".") + g.pick(("!!!", "!!", "!!!!", " !!!"))
    if g.chance(0.3):
        lines.insert(0, g.pick(("PENTING!!!", "SEGERA!!!", "WAJIB BACA!!!", "INFO PENTING ‼️")))
    return lines


def flaw_nik(g: Gen, lines: list[str]) -> list[str]:
    nik = g.daerah.kode + "".join(str(g.rng.randint(0, 9)) for _ in range(12))
    _insert_line(g, lines, g.pick((f"Data atas nama {g.orang(gelar=False)} (NIK {nik}) sudah "
                                   "kami perbaiki.", f"NIK {nik} sudah terdaftar sebagai "
                                   "penerima bantuan.", f"Berkas dengan NIK: {nik} belum "
                                   "lengkap.")))
    return lines


def flaw_hp(g: Gen, lines: list[str]) -> list[str]:
    nomor = f"08{g.pick(('12', '13', '21', '52', '57', '77', '95'))}-" \
            f"{g.rng.randint(1000, 9999)}-{g.rng.randint(1000, 9999)}"
    if g.chance(0.3):
        nomor = nomor.replace("-", "")
    _insert_line(g, lines, g.pick((f"Untuk info lebih lanjut hubungi {g.orang(gelar=False)} "
                                   f"di {nomor}.", f"CP: {nomor} ({g.pick(NAMA_DEPAN)})",
                                   f"Silakan WA langsung ke nomor pribadi petugas {nomor} ya.")))
    return lines


def flaw_panjang(g: Gen, lines: list[str]) -> list[str]:
    extra = (f"yang pada kesempatan tersebut juga dihadiri oleh {g.pick(DINAS)}, para camat, "
             f"para lurah, ketua RT dan RW, tokoh masyarakat, tokoh agama, serta perwakilan "
             f"organisasi kemasyarakatan yang ada di {g.daerah.nama}, sehingga diharapkan "
             f"seluruh pihak dapat bersinergi {g.pick(TUJUAN)} dan ke depannya program "
             f"serupa dapat terus dilaksanakan secara berkelanjutan")
    prose = [i for i, line in enumerate(lines) if len(line) > 30 and line.endswith(".")]
    if prose:
        i = g.pick(prose)
        lines[i] = lines[i][:-1] + ", " + extra + "."
    else:
        lines.insert(1, "Kegiatan ini " + extra + ".")
    return lines


FLAWS: tuple[tuple[Callable[[Gen, list[str]], list[str]], int], ...] = (
    (flaw_ejaan, 30), (flaw_birokrasi, 15), (flaw_sms, 10), (flaw_inggris, 12),
    (flaw_disini, 8), (flaw_walikota, 8), (flaw_rupiah, 6), (flaw_kapital, 10),
    (flaw_nik, 2), (flaw_hp, 4), (flaw_panjang, 10),
)


# --------------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------------

PLATFORM_WEIGHTS = (("instagram", 40), ("facebook", 25), ("x", 15), ("tiktok", 6),
                    ("threads", 6), ("youtube", 4), ("web", 4))


@dataclass(frozen=True)
class Caption:
    """One generated caption and what went into it (for the summary)."""

    name: str
    text: str
    kind: str
    flawed: bool
    crlf: bool
    bom: bool
    front_matter: bool


def _weighted(rng: random.Random, table):
    items = [item for item, _ in table]
    weights = [weight for _, weight in table]
    return rng.choices(items, weights=weights, k=1)[0]


def _caption(rng: random.Random, number: int) -> Caption:
    g = Gen(rng)
    if rng.random() < SHARE_LONG:
        lines, kind = rilis_panjang(g)
    else:
        lines, kind = _weighted(rng, KINDS)(g)
    flawed = rng.random() < SHARE_FLAWED
    if flawed:
        count = rng.choices((1, 2, 3, 4), weights=(40, 30, 20, 10), k=1)[0]
        chosen: list[Callable] = []
        while len(chosen) < count:
            flaw = _weighted(rng, FLAWS)
            if flaw not in chosen:
                chosen.append(flaw)
        for flaw in chosen:
            lines = flaw(g, lines)
    text = "\n".join(lines).strip("\n")
    text = re.sub(r"\n{3,}", "\n\n", text)
    if rng.random() < 0.7:
        text += "\n"
    front = rng.random() < SHARE_FRONT_MATTER
    if front:
        platform = _weighted(rng, PLATFORM_WEIGHTS)
        header = f"---\nplatform: {platform}\n"
        if kind == "reply":
            header += "kind: reply\n"
        if rng.random() < 0.3:
            _, tgl = g.tanggal()
            header += f"title: \"{g.daerah.nama} {tgl}\"\n"
        text = header + "---\n" + text
    crlf = rng.random() < SHARE_CRLF
    if crlf:
        text = text.replace("\n", "\r\n")
    bom = rng.random() < SHARE_BOM
    if bom:
        text = "\ufeff" + text
    return Caption(f"caption-{number:05d}.txt", text, kind, flawed, crlf, bom, front)


def iter_captions(n: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> Iterator[Caption]:
    """Yield ``n`` captions, deterministically for a given seed."""
    rng = random.Random(seed)
    for number in range(1, n + 1):
        yield _caption(rng, number)


def generate(n: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> list[tuple[str, str]]:
    """Return ``[(file name, text)]`` for ``n`` captions (text = file content, BOM as U+FEFF)."""
    return [(c.name, c.text) for c in iter_captions(n, seed)]


def write_corpus(out: Path, n: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> list[Caption]:
    """Write the corpus into ``out`` (stale ``caption-*.txt`` files are removed first)."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("caption-*.txt"):
        old.unlink()
    captions = list(iter_captions(n, seed))
    for caption in captions:
        (out / caption.name).write_bytes(caption.text.encode("utf-8"))
    return captions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, default=DEFAULT_COUNT,
                        help=f"number of captions (default {DEFAULT_COUNT:,})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="output folder (default benchmarks/corpus/, git-ignored)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (2026)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    captions = write_corpus(args.out, args.count, args.seed)
    n = len(captions)
    chars = [len(c.text) for c in captions]
    kinds: dict[str, int] = {}
    for c in captions:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1

    def share(flag: str) -> str:
        return f"{sum(getattr(c, flag) for c in captions) / n:.0%}"

    print(f"{n:,} captions in {args.out} ({sum(chars) / 1e6:.2f} M characters; "
          f"{min(chars)}–{max(chars)} per caption, mean {sum(chars) / n:.0f})")
    print(f"flawed {share('flawed')}, front matter {share('front_matter')}, CRLF {share('crlf')}, "
          f"BOM {share('bom')}; " + ", ".join(f"{k} {v:,}" for k, v in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
