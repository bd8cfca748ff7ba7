"""medsos: perkakas baris perintah untuk admin media sosial instansi pemerintah."""

__version__ = "0.1.0"
