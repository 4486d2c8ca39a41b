"""Stage 1: bytes or str in, str out, with line endings made uniform.

Scraped files arrive in any encoding. UTF-8 (with or without BOM) is tried first
because it almost never decodes non-UTF-8 text by accident, and UTF-16 is read when
its BOM says so. Any other bytes go to charset-normalizer, which ranks the legacy
encodings of `_LEGACY` by how messy and how much like a language each decoding reads;
cp1252 wins whenever it reads as well as the best, so Western pages decode as they
always did. Too few non-ASCII bytes to tell encodings apart are read as cp1252 as
before; when nothing decodes with confidence, the bytes are read as UTF-8 with
replacement characters, and a document that is mostly those is rejected as
"undecodable" by the judge.
"""

from __future__ import annotations

import re

_SNIFF = 8192  # how much of the start of an input the binary test reads
_CONTROLS = dict.fromkeys([c for c in range(32) if chr(c) not in "\t\n\r\x0b\x0c"] + [127])
_LINE_ENDINGS = re.compile(r"\r\n?|[\u2028\u0085\x0b\x0c]")

#: The legacy encodings detection chooses from (Python codec names, as they appear in
#: the `decoded:` note), with the encoding most text in each is confined to (see
#: `_confident`). Latin-1 and ISO-8859-9 text decode as cp1252 and cp1254 do (they only
#: lack the printable 0x80-0x9F); ISO-8859-15 is left out, as it cannot be told from
#: cp1252 reliably.
_LEGACY: dict[str, str] = {
    "cp1252": "cp1252",  # Western European
    "cp1250": "cp1250", "iso8859_2": "iso8859_2",  # Central European: Czech, Polish, Hungarian...
    "cp1251": "cp1251", "koi8_r": "koi8_r",  # Cyrillic
    "cp1253": "cp1253", "iso8859_7": "iso8859_7",  # Greek
    "cp1254": "cp1254",  # Turkish
    "cp1255": "cp1255",  # Hebrew
    "cp1256": "cp1256",  # Arabic
    "cp932": "shift_jis", "euc_jp": "euc_jp",  # Japanese (cp932 is Windows' Shift_JIS)
    "gb18030": "gb2312",  # Simplified Chinese (GB2312 and GBK are subsets)
    "big5": "big5",  # Traditional Chinese
    "cp949": "euc_kr",  # Korean (cp949 is Windows' EUC-KR)
}
_MULTI_BYTE = frozenset(("cp932", "euc_jp", "gb18030", "big5", "cp949"))
# A Windows code page and the ISO-8859 part it resembles: the same letters mostly, but
# the Windows one prints 0x80-0x9F where the ISO one has control characters.
_SIBLINGS = {"cp1250": "iso8859_2", "iso8859_2": "cp1250", "cp1253": "iso8859_7", "iso8859_7": "cp1253"}
_SAMPLE = 65536  # bytes detection reads: enough to judge, bounded so a huge file costs one decode
_MIN_EVIDENCE = 16  # fewer non-ASCII bytes than this cannot tell the legacy encodings apart
_MAX_CHAOS = 0.1  # charset-normalizer's mess ratio above which a decoding is not believed
_MIN_COHERENCE = 0.1  # how much a single-byte decoding must read like a language charset-normalizer knows
_MIN_CORE = 0.9  # the share of a multi-byte decoding's characters that must be common ones
_ASCII = bytes(range(128))
_C1 = re.compile(b"[\x80-\x9f]")
_CP1252_HOLES = re.compile(b"[\x81\x8d\x8f\x90\x9d]")  # the five bytes cp1252 leaves undefined


def decode(raw: str | bytes) -> tuple[str, list[str]]:
    """Return the text and notes on how it was decoded.

    >>> decode(b"caf\\xc3\\xa9\\r\\n")
    ('café\\n', [])
    >>> decode(b"caf\\xe9")
    ('café', ['decoded:cp1252'])
    >>> decode("Москва. Президент России заявил сегодня".encode("cp1251"))
    ('Москва. Президент России заявил сегодня', ['decoded:cp1251'])
    """
    notes: list[str] = []
    if isinstance(raw, (bytes, bytearray, memoryview)):
        data = bytes(raw)
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return normalise_line_endings(data.decode("utf-16", errors="replace")), ["decoded:utf-16"]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            encoding = legacy_encoding(data)
            text = data.decode(encoding or "utf-8", errors="replace")
            notes.append(f"decoded:{encoding or 'utf-8-replace'}")
    elif isinstance(raw, str):
        text = _without_lone_surrogates(raw)
    else:
        raise TypeError(f"clean() takes str or bytes, not {type(raw).__name__}")
    if _looks_binary(text[:_SNIFF]):
        notes.insert(0, "binary")
    text = text.lstrip("\ufeff")
    return normalise_line_endings(text), notes


def legacy_encoding(data: bytes) -> str | None:
    """The encoding of bytes that are not UTF-8, or None when none decodes them with confidence.

    Judged on a sample from the start, so the cost is bounded; the caller decodes the
    whole with the answer. Same bytes, same answer: charset-normalizer is deterministic.
    """
    sample = _sample(data)
    if len(sample.translate(None, _ASCII)) < _MIN_EVIDENCE:
        return None if _CP1252_HOLES.search(data) else "cp1252"  # too little to go on: as before
    encoding = _detect(sample)
    if encoding == "cp1252" and _CP1252_HOLES.search(data):
        return None
    return encoding


def _sample(data: bytes) -> bytes:
    """The first `_SAMPLE` bytes, cut after a space or line break so no multi-byte
    character is cut in two (no legacy encoding uses those bytes inside a character)."""
    if len(data) <= _SAMPLE:
        return data
    cut = max(data.rfind(b" ", 0, _SAMPLE), data.rfind(b"\n", 0, _SAMPLE))
    return data[: cut + 1] if cut > 0 else data[:_SAMPLE]


def _detect(sample: bytes) -> str | None:
    """charset-normalizer's choice among `_LEGACY`, cp1252 whenever it reads as well as the best."""
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(sample, cp_isolation=list(_LEGACY), enable_fallback=False) if m.chaos <= _MAX_CHAOS]
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if "cp1252" in match.could_be_from_charset:
            if match.chaos <= best.chaos and match.coherence >= best.coherence:
                return "cp1252"
            break
    encoding = _sibling(sample, best.encoding)
    return encoding if _confident(sample, encoding, best.coherence) else None


def _sibling(sample: bytes, encoding: str) -> str:
    """Of a Windows code page and its ISO-8859 sibling, the one whose decoding has more
    letters; on a tie, the ISO one unless a byte in 0x80-0x9F says Windows. The two
    often decode a text identically, and charset-normalizer then picks either."""
    other = _SIBLINGS.get(encoding)
    if other is None:
        return encoding
    scores = {}
    for name in (encoding, other):
        try:
            scores[name] = _letters(sample.decode(name))
        except UnicodeDecodeError:
            scores[name] = -1
    windows = encoding if encoding.startswith("cp") else other
    iso = other if windows == encoding else encoding
    first, second = (windows, iso) if _C1.search(sample) else (iso, windows)
    return first if scores[first] >= scores[second] else second


def _letters(text: str) -> int:
    """Letters among the non-ASCII characters, less the control characters: how much a decoding reads as words."""
    rest = text.encode("ascii", "ignore")
    wide = [c for c in text if ord(c) > 127] if len(rest) < len(text) else []
    return sum(1 if c.isalpha() else -1 if ord(c) < 0xA0 else 0 for c in wide)


def _confident(sample: bytes, encoding: str, coherence: float) -> bool:
    """Whether a detected encoding is believable beyond a low mess ratio.

    A single-byte decoding must read somewhat like a language charset-normalizer knows.
    Its coherence says nothing about Chinese, Japanese or Korean, so there most
    characters must be common ones, those the older standard the encoding extends
    (GB2312, JIS X 0208, KS X 1001) decodes too: almost any pair of high bytes is some
    rare character in GB18030 or cp949, but real text is mostly common characters.
    """
    core = _LEGACY[encoding]
    if core == encoding:
        return encoding in _MULTI_BYTE or coherence >= _MIN_COHERENCE
    text = sample.decode(encoding, errors="replace")
    wide = len(text) - len(text.encode("ascii", "ignore"))
    rare = sample.decode(core, errors="replace").count("\ufffd") - text.count("\ufffd")
    return rare <= (1 - _MIN_CORE) * wide


def _looks_binary(start: str) -> bool:
    """Not text, judged on the decoded start, so bytes and the same string get one verdict:
    a NUL, or more than 5% control characters (tabs, line and page breaks aside)."""
    if "\x00" in start:
        return True
    controls = len(start) - len(start.translate(_CONTROLS))
    return controls > 0.05 * len(start)


def _without_lone_surrogates(text: str) -> str:
    """A string from JSON or a file name may hold a lone surrogate, which no file can store: it becomes U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def normalise_line_endings(text: str) -> str:
    """CRLF, CR and the Unicode line separators become "\\n"; U+2029 a paragraph break."""
    if "\r" in text or "\u2028" in text or "\u0085" in text or "\x0b" in text or "\x0c" in text:
        text = _LINE_ENDINGS.sub("\n", text)
    if "\u2029" in text:
        text = text.replace("\u2029", "\n\n")
    return text
