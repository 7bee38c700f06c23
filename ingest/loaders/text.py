"""Plain text: decode the bytes (BOM-aware UTF-8/UTF-16, Windows-1258, legacy TCVN3/VNI fonts) to Unicode NFC.

The decoding rules live in :mod:`ingest.encoding`; this module keeps the loader interface other loaders use.

>>> decode_text(b"K\\xd5 ho\\xb9ch n\\xa9ng cao n\\xa8ng su\\xcat lao \\xae\\xe9ng")  # TCVN3 bytes
'Kế hoạch nâng cao năng suất lao động'
"""

from __future__ import annotations

from ingest.encoding import decode_bytes, fix_legacy, normalise_vietnamese
from ingest.types import LoadedSource, Page


def decode_text(data: bytes) -> str:
    """Bytes → Unicode NFC text, with TCVN3/VNI/VISCII lines converted (see :func:`ingest.encoding.fix_legacy`)."""
    return normalise_vietnamese(fix_legacy(decode_bytes(data)))


def load_text(data: bytes, source: str) -> LoadedSource:
    return LoadedSource(source=source, pages=[Page(decode_text(data))], media_type="text")
