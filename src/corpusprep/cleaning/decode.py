"""Stage 1: bytes or str in, str out, with line endings made uniform.

Scraped files arrive in any encoding. UTF-8 (with or without BOM) is tried first
because it almost never decodes non-UTF-8 text by accident, and UTF-16 is read when
its BOM says so. Other bytes are judged on a sample from their start:
mostly UTF-8 with a few stray bytes is read as UTF-8 (the strays as cp1252); else
charset-normalizer ranks the legacy encodings of `_LEGACY`, and its ranking is checked
where it is weak (close Latin code pages, Japanese, Cyrillic read from other scripts).
cp1252 wins wherever it reads right, so Western pages decode as they always did; too
few non-ASCII bytes to tell scripts apart are weighed among Latin code pages only.
When nothing decodes with confidence, the bytes are read as UTF-8 with replacement
characters, and a document that is mostly those is rejected as "undecodable" by the
judge rather than kept as mojibake. docs/cleaning.md has the table.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from collections import Counter

_SNIFF = 8192  # how much of the start of an input the binary test reads
_CONTROL_CHAR = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # control characters but tab, line and page breaks
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
_JAPANESE = ("cp932", "euc_jp")
# A Windows code page and the ISO-8859 part it resembles: the same letters mostly.
_SIBLINGS = {"cp1253": "iso8859_7", "iso8859_7": "cp1253"}
_SAMPLE = 65536  # bytes detection reads: enough to judge, bounded so a huge file costs one decode
_MAX_STRAY = 0.05  # bytes that are not UTF-8, per non-ASCII byte, up to which the text is UTF-8 with stray bytes
_MIN_EVIDENCE = 24  # fewer non-ASCII bytes than this cannot tell scripts apart: only Latin code pages are weighed
_MAX_MISFITS = 0.2  # the share of a Latin decoding's non-ASCII bytes that may be misfits (see `_fit`)
_MAX_CHAOS = 0.2  # charset-normalizer's mess ratio above which a decoding is not believed
_PROBE = 0.4  # the mess ratio up to which charset-normalizer keeps a decoding (see `_detect`)
_MIN_COHERENCE = 0.1  # how much a single-byte decoding must read like a language charset-normalizer knows
_MAX_CASE_CHANGES = 0.02  # the share of a single-byte decoding's letters that may be a capital after a small letter
_MIN_CORE = 0.9  # the share of a multi-byte decoding's characters that must be common ones
_ASCII = bytes(range(128))
_DROP_ASCII = dict.fromkeys(range(128))
_KANA = re.compile("[\u3041-\u30ff]")
# Punctuation between two letters, which prose does not have but a wrong code page makes
# ("Bud¿et"); apostrophes, hyphens and the Catalan middle dot are at home there.
_IN_WORD = re.compile("(?<=[^\\W\\d_])[\u00a1-\u00b6\u00b8-\u00bf\u00d7\u00f7\u201a-\u2030\u2039\u203a](?=[^\\W\\d_])")
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
            text, how = _decode_legacy(data)
            notes.append(f"decoded:{how}")
    elif isinstance(raw, str):
        text = _without_lone_surrogates(raw)
    else:
        raise TypeError(f"clean() takes str or bytes, not {type(raw).__name__}")
    text = normalise_line_endings(text.lstrip("\ufeff"))
    return text, notes


def looks_binary(text: str) -> bool:
    """Whether a decoded input is not text (a NUL, or over 5% control characters, in its first 8 KB).

    Judged on what `decode` returns, so decoding it again gives the same verdict.
    """
    return _looks_binary(text[:_SNIFF])


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Bytes that are not UTF-8, decoded, and how (the `decoded:` note's name).

    Mostly UTF-8 with a few stray bytes (a Latin-1 "é" pasted into a UTF-8 page, a
    truncated last character) is read as UTF-8, the stray bytes as cp1252.
    """
    sample = _sample(data)
    stray = sample.decode("utf-8", errors="replace").count("\ufffd") - sample.count("\ufffd".encode())
    if stray <= _MAX_STRAY * len(sample.translate(None, _ASCII)):
        return data.decode("utf-8", errors=_STRAY), "utf-8+cp1252"
    encoding = _legacy_encoding(data)
    return data.decode(encoding or "utf-8", errors="replace"), encoding or "utf-8-replace"


def _stray_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler for stray bytes in UTF-8: read as cp1252, as a Western page would be."""
    assert isinstance(error, UnicodeDecodeError)  # registered for decoding only
    return error.object[error.start : error.end].decode("cp1252", errors="replace"), error.end


_STRAY = "corpusprep.stray-as-cp1252"
codecs.register_error(_STRAY, _stray_as_cp1252)


def _legacy_encoding(data: bytes) -> str | None:
    """The encoding of bytes that are not UTF-8, or None when none decodes them with confidence.

    Judged on a sample from the start, so the cost is bounded; the caller decodes the
    whole with the answer. Same bytes, same answer: charset-normalizer is deterministic.
    """
    sample = _sample(data)
    if len(sample.translate(None, _ASCII)) < _MIN_EVIDENCE:
        encoding = _best_latin(sample, evidence=False)  # too few to tell scripts apart, but enough for "é" or "ą"
    else:
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
    """The first of charset-normalizer's candidates among `_LEGACY` that holds up, or None.

    Japanese is settled by its kana first. A Latin candidate means the Latin code pages
    are weighed against each other (`_best_latin`); cp1252 wins where it reads as well
    as the candidate; any other must be `_confident`, or the next candidate is tried.
    charset-normalizer is asked to keep messier decodings than are believed (`_PROBE`):
    one that fails its threshold takes its similar code pages out with it (cp1250
    failing on ISO-8859-2 text would drop ISO-8859-2).
    """
    from charset_normalizer import from_bytes

    japanese = _japanese(sample)
    if japanese is not None:
        return japanese
    found = from_bytes(sample, cp_isolation=list(_LEGACY), threshold=_PROBE, enable_fallback=False)
    matches = [m for m in found if m.chaos <= _MAX_CHAOS]
    if not matches:
        return None
    western = next((m for m in matches if "cp1252" in m.could_be_from_charset), None)
    for match in matches:  # best first
        if match.encoding in _JAPANESE:
            continue  # Japanese has kana, and `_japanese` found none
        if match.encoding in _LATIN:
            return _best_latin(sample)
        if western is not None and western.chaos <= match.chaos and western.coherence >= match.coherence:
            return "cp1252"
        encoding = _best_sibling(sample, _siblings(match.encoding))
        if _confident(sample, encoding, match.coherence):
            return encoding
    return None


def _japanese(sample: bytes) -> str | None:
    """Shift_JIS or EUC-JP when one of them decodes the bytes to text with kana.

    Kana are written only in Japanese, and a fifth of Japanese text is kana. On short
    Japanese text charset-normalizer's mess ratio varies with where its chunks cut
    characters, and EUC-JP bytes decode as GB18030 too (the same rows hold kana in
    GB2312, the kanji come out as other hanzi): kana settle it. Neither decodes the
    other's kana as kana (Shift_JIS kana start with 0x82 or 0x83, EUC-JP uses no byte
    below 0x8E), nor does any other encoding's text come out as kana."""
    for name in _JAPANESE:
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:
            continue
        wide = len(text) - len(text.encode("ascii", "ignore"))
        if wide and len(_KANA.findall(text)) >= 0.2 * wide and _confident(sample, name, 0.0):
            return name
    return None


def _best_latin(sample: bytes, evidence: bool = True) -> str | None:
    """Of the Latin-script code pages, the one whose decoding reads most like one
    language (`_fit`). cp1252 whenever its decoding has no misfit, as Western text is
    the most common; otherwise a tie goes to cp1252 too, and ISO-8859-2 goes before
    cp1250 when no byte is in 0x80-0x9F. None when the winner does not read as text:
    with `evidence` (enough non-ASCII bytes to judge), a fifth of its non-ASCII
    characters misfits; without, only a code page other than cp1252 decodes the bytes
    and its score is not positive (with little to go on, cp1252 stays as it always was).

    charset-normalizer's coherence looks at the commonest letters of a language, which
    these code pages mostly share, and its ranking of them is close to a coin toss."""
    try:
        if _fit(sample.decode("cp1252"))[1] == 0:
            return "cp1252"  # every character a letter of one Western language, or punctuation
    except UnicodeDecodeError:
        pass
    central = ["cp1250", "iso8859_2"] if _C1.search(sample) else ["iso8859_2", "cp1250"]
    fits = {}
    for name in ["cp1252", *central, "cp1254"]:
        try:
            fits[name] = _fit(sample.decode(name))
        except UnicodeDecodeError:
            pass
    best = max(fits, key=lambda name: fits[name][0], default=None)
    if best is None:
        return None
    if evidence:
        return best if fits[best][1] <= _MAX_MISFITS * len(sample.translate(None, _ASCII)) else None
    return best if best == "cp1252" or fits[best][0] > 0 else None


def _siblings(encoding: str) -> list[str]:
    """A Windows code page and its ISO-8859 sibling, the one a tie goes to first; the
    Windows one prints 0x80-0x9F where the ISO one has control characters."""
    other = _SIBLINGS.get(encoding)
    if other is None:
        return [encoding]
    return sorted((encoding, other), key=lambda e: not e.startswith("cp"))


def _best_sibling(sample: bytes, candidates: list[str]) -> str:
    """Of Windows and ISO-8859 Greek, the one whose decoding has more letters; on a tie
    the first, unless no byte is in 0x80-0x9F, when the ISO one goes first. The two
    decode most Greek text identically, and charset-normalizer then names either."""
    if not _C1.search(sample):
        candidates = sorted(candidates, key=lambda e: e.startswith("cp"))
    scores = {}
    for name in candidates:
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:
            continue
        scores[name] = sum(1 if c.isalpha() else -1 if ord(c) < 0xA0 else 0 for c in text if ord(c) > 127)
    return max(scores, key=scores.__getitem__) if scores else candidates[0]


# The letters beyond ASCII of the languages written in the Latin code pages: "ą" and
# "š" are both letters, but only one is Polish (byte B9 is "ą" in cp1250, "š" in
# ISO-8859-2), and "ş" is Turkish where "þ" (cp1252's FE) is not.
_ALPHABETS = {language: frozenset(letters + letters.upper()) for language, letters in {
    "Polish": "ąćęłńóśźż", "Czech": "áčďéěíňóřšťúůýž", "Slovak": "áäčďéíĺľňóôŕšťúýž",
    "Hungarian": "áéíóöőúüű", "Slovene": "čšž", "Croatian": "čćđšž", "Romanian": "ăâîșțşţ",
    "Turkish": "çğıöşüâîû", "French": "àâæçéèêëîïôœùûüÿ", "German": "äöüß", "Spanish": "áéíñóúü",
    "Portuguese": "áâãàçéêíóôõú", "Italian": "àèéìíîòóùú", "Dutch": "éëïóöü", "Swedish": "åäöé",
    "Danish": "æøåé", "Norwegian": "æøåéò", "Finnish": "äöå",
}.items()}
_ALPHABETS["Turkish"] -= {"I"}  # the upper case of "ı" is the ASCII "I"; "İ" is its own
_ALPHABETS["Turkish"] |= {"İ"}
_LATIN = frozenset(("cp1252", "cp1250", "iso8859_2", "cp1254"))


def _fit(text: str) -> tuple[int, int]:
    """How well the non-ASCII characters of a decoding read as one language, and its misfits.

    For the alphabet that fits best, the score is its letters less the misfits: the
    letters it lacks, symbols, and punctuation inside a word ("¹", "¾", "±", "¿" in
    "Bud¿et" are what a wrong code page makes of letters); other punctuation is neutral.
    """
    if len(text.encode("ascii", "ignore")) == len(text):
        return 0, 0
    wide = Counter(text.translate(_DROP_ASCII))
    punctuation = sum(n for c, n in wide.items() if unicodedata.category(c)[0] in "PZ")
    fitting = max(sum(wide[c] for c in alphabet) for alphabet in _ALPHABETS.values())
    misfits = sum(wide.values()) - fitting - punctuation + len(_IN_WORD.findall(text))
    return fitting - misfits, misfits


def _confident(sample: bytes, encoding: str, coherence: float) -> bool:
    """Whether a detected encoding is believable beyond a low mess ratio.

    A single-byte decoding must read somewhat like a language charset-normalizer knows,
    with some capitals but fewer than small letters, words that do not change case in
    the middle and sentences that mostly begin with a capital: "ЮувьтущБ" is ISO-8859-5 read as
    KOI8-R (each puts the other's capitals among its small letters), "ДИЕМ ГЕВ" and
    "дйен аош" are Hebrew read as KOI8-R and cp1251.
    Coherence says nothing about Chinese, Japanese or Korean, so there most characters
    must be common ones, those the older standard the encoding extends (GB2312, JIS X
    0208, KS X 1001) decodes too: almost any pair of high bytes is some rare character
    in GB18030 or cp949, but real text is mostly common characters.
    """
    core = _LEGACY[encoding]
    if encoding not in _MULTI_BYTE:
        text = sample.decode(encoding, errors="replace")
        case_change, upper, lower, starts = _case(encoding)
        capitals, small = len(upper.findall(text)), len(lower.findall(text))
        begun = starts.findall(text)
        capital_starts = sum(1 for c in begun if c.isupper())
        return (coherence >= _MIN_COHERENCE and capitals <= small and (capitals > 0 or small < 50)
                and len(case_change.findall(text)) <= _MAX_CASE_CHANGES * (capitals + small)
                and 2 * capital_starts >= len(begun))
    if core == encoding:
        return True
    text = sample.decode(encoding, errors="replace")
    wide = len(text) - len(text.encode("ascii", "ignore"))
    rare = sample.decode(core, errors="replace").count("\ufffd") - text.count("\ufffd")
    return rare <= (1 - _MIN_CORE) * wide


@functools.cache
def _case(encoding: str) -> tuple[re.Pattern[str], ...]:
    """For the letters a single-byte code page holds beyond ASCII: a small letter followed
    by a capital, a capital, a small letter, and the letter that begins a sentence
    (patterns that never match where there is no case)."""
    high = bytes(range(128, 256)).decode(encoding, errors="ignore")
    lower = re.escape("".join(c for c in high if c.islower()))
    upper = re.escape("".join(c for c in high if c.isupper()))
    if not (lower and upper):  # Hebrew, Arabic
        return (re.compile("(?!)"),) * 4
    return (re.compile(f"[{lower}][{upper}]"), re.compile(f"[{upper}]"), re.compile(f"[{lower}]"),
            re.compile(f"[.!?]\\s+([{lower}{upper}])"))


def _looks_binary(start: str) -> bool:
    """Not text, judged on the decoded start, so bytes and the same string get one verdict:
    a NUL, or more than 5% control characters (tabs, line and page breaks aside)."""
    if "\x00" in start:
        return True
    if not _CONTROL_CHAR.search(start):
        return False  # (a regex scan: str.translate over a whole article cost 0.2 ms)
    return len(_CONTROL_CHAR.findall(start)) > 0.05 * len(start)


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
