"""Legacy encodings: text written in any of them comes back as it was written.

Sentences are made of real words of each language (written here, a few dozen per
language), 200 characters and more, as a page in that encoding would hold them.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpusprep import clean
from corpusprep.cleaning.decode import decode

SCALE = int(os.environ.get("CORPUSPREP_PROPERTY_EXAMPLES", "60")) / 60
SOME = settings(max_examples=int(25 * SCALE), deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = {
    "ru": "правительство президент министр закон страна город экономика бюджет выборы партия сегодня вчера заявил "
          "сообщил новый большой важный решение вопрос работа люди жители полиция суд рынок цены рост компания неделя "
          "году области России Москвы против после также который может будет однако эксперты считают получил "
          "программа развития ещё растёт",
    "cs": "vláda ministr zákon země město ekonomika rozpočet volby strana dnes včera řekl uvedl nový velký důležitý "
          "rozhodnutí otázka práce lidé obyvatelé policie soud trh ceny růst společnost týden roce kraji republiky "
          "proti poté také který může bude však odborníci tvrdí získal program rozvoje příští šest žena čtvrtek ještě",
    "pl": "rząd minister ustawa kraj miasto gospodarka budżet wybory partia dzisiaj wczoraj powiedział nowy duży ważny "
          "decyzja pytanie praca ludzie mieszkańcy policja sąd rynek ceny wzrost spółka tydzień roku województwa "
          "przeciwko także który może będzie jednak eksperci uważają otrzymał program rozwoju przyszły źródło żona "
          "środa więcej świat",
    "el": "κυβέρνηση υπουργός νόμος χώρα πόλη οικονομία προϋπολογισμός εκλογές κόμμα σήμερα χθες δήλωσε νέος μεγάλος "
          "σημαντικός απόφαση ερώτηση εργασία άνθρωποι κάτοικοι αστυνομία δικαστήριο αγορά τιμές ανάπτυξη εταιρεία "
          "εβδομάδα χρόνο περιοχή Ελλάδα Αθήνα κατά μετά επίσης οποίος μπορεί θα όμως ειδικοί πιστεύουν πρόγραμμα Άρθρο",
    "tr": "hükümet bakan yasa ülke şehir ekonomi bütçe seçim parti bugün dün açıkladı yeni büyük önemli karar soru "
          "çalışma insanlar halk polis mahkeme piyasa fiyatlar büyüme şirket hafta yılı bölge Türkiye İstanbul karşı "
          "sonra ayrıca göre olabilir olacak ancak uzmanlar düşünüyor aldı program gelişme öğretmen",
    "fr": "gouvernement ministre loi pays ville économie budget élections parti aujourd’hui hier déclaré nouveau grand "
          "important décision question travail gens habitants police tribunal marché prix croissance société semaine "
          "année région France contre après aussi être peut sera mais experts pensent reçu programme développement "
          "été très où déjà français à l’État «accord»",
    "de": "Regierung Minister Gesetz Land Stadt Wirtschaft Haushalt Wahlen Partei heute gestern erklärte neue große "
          "wichtige Entscheidung Frage Arbeit Menschen Einwohner Polizei Gericht Markt Preise Wachstum Unternehmen "
          "Woche Jahr Bürger gegen nach auch können wird aber Experten glauben erhielt Programm Entwicklung für über "
          "Straße schön Mädchen „Zitat“",
    "es": "gobierno ministro ley país ciudad economía presupuesto elecciones partido hoy ayer declaró nuevo grande "
          "importante decisión pregunta trabajo personas vecinos policía tribunal mercado precios crecimiento empresa "
          "semana año región España contra después también puede será pero expertos creen recibió programa "
          "desarrollo niño señor ¿qué? ¡sí!",
    "he": "ממשלה שר חוק מדינה עיר כלכלה תקציב בחירות מפלגה היום אתמול אמר חדש גדול חשוב החלטה שאלה עבודה אנשים "
          "תושבים משטרה בית משפט שוק מחירים צמיחה חברה שבוע שנה אזור ישראל נגד אחרי גם יכול יהיה אבל מומחים חושבים "
          "קיבל תוכנית פיתוח",
    "ar": "الحكومة وزير قانون البلاد مدينة الاقتصاد الميزانية الانتخابات حزب اليوم أمس قال جديد كبير مهم قرار سؤال "
          "العمل الناس السكان الشرطة المحكمة السوق الأسعار النمو شركة الأسبوع العام المنطقة مصر ضد بعد أيضا يمكن سوف "
          "لكن الخبراء يعتقدون حصل برنامج التنمية",
    "ja": "政府は 大臣が 法律を 国の 都市で 経済の 予算を 選挙で 政党が 今日 昨日 発表した 新しい 大きな 重要な "
          "決定を 問題が 仕事の 人々は 住民が 警察は 裁判所が 市場の 価格が 成長し 会社は 今週 今年の 地域で 日本の "
          "東京では その後 また できる しかし 専門家は 考えている 受け取った 計画を 開発の ニュースを テレビで",
    "zh": "政府 部长 法律 国家 城市 经济 预算 选举 政党 今天 昨天 表示 新的 重要 决定 问题 工作 人民 居民 警察 法院 市场 "
          "价格 增长 公司 本周 今年 地区 中国 北京 反对 之后 也 可以 将 但是 专家 认为 获得 计划 发展 的 了 在",
    "zh-tw": "政府 部長 法律 國家 城市 經濟 預算 選舉 政黨 今天 昨天 表示 新的 重要 決定 問題 工作 人民 居民 警察 法院 "
             "市場 價格 增長 公司 本週 今年 地區 臺灣 臺北 反對 之後 也 可以 將 但是 專家 認為 獲得 計畫 發展 的 了 在",
    "ko": "정부 장관 법률 나라 도시 경제 예산 선거 정당 오늘 어제 발표했다 새로운 큰 중요한 결정 문제 일 사람들 주민 경찰 "
          "법원 시장 가격 성장 회사 이번 주 올해 지역 한국 서울 반대 이후 또한 수 있다 그러나 전문가들은 생각한다 받았다 "
          "계획 개발 그리고",
}
NO_SPACES = {"ja", "zh", "zh-tw"}  # written without spaces between words, with full-width punctuation

# encoding the text is written in -> (language, the encodings a `decoded:` note may name).
# A note may name a sibling that decodes these bytes to the same text (ISO-8859-2 and
# cp1250, ISO-8859-7 and cp1253 agree on most letters: a text of only those is theirs
# alike); latin-1 is read as cp1252, which agrees on all it holds.
ENCODINGS = {
    "cp1251": ("ru", {"cp1251"}),
    "koi8_r": ("ru", {"koi8_r"}),
    "iso8859_2": ("cs", {"iso8859_2", "cp1250"}),
    "cp1250": ("pl", {"cp1250", "iso8859_2"}),
    "iso8859_7": ("el", {"iso8859_7", "cp1253"}),
    "cp1253": ("el", {"cp1253", "iso8859_7"}),
    "cp1254": ("tr", {"cp1254"}),
    "cp1252": ("fr", {"cp1252"}),
    "latin_1": ("es", {"cp1252"}),
    "cp1255": ("he", {"cp1255"}),
    "cp1256": ("ar", {"cp1256"}),
    "shift_jis": ("ja", {"cp932"}),
    "euc_jp": ("ja", {"euc_jp"}),
    "gbk": ("zh", {"gb18030"}),
    "big5": ("zh-tw", {"big5"}),
    "euc_kr": ("ko", {"cp949"}),
}
MORE = {"iso8859_2-pl": ("iso8859_2", "pl"), "cp1250-cs": ("cp1250", "cs"), "cp1252-de": ("cp1252", "de")}


@st.composite
def article(draw, language: str, encoding: str) -> str:
    """Sentences of 4-14 words of the language, at least 200 characters in all, drawn by a
    random generator from a seed: shrinking the words would make one word said forty
    times, which is not an article and not what detection is for."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    words = [w for w in WORDS[language].split() if _encodable(w, encoding)]
    sentences: list[str] = []
    while sum(map(len, sentences)) < 200:
        chosen = rng.choices(words, k=rng.randint(4, 14))
        if language in NO_SPACES:
            sentences.append("、".join(["".join(chosen[:3]), "".join(chosen[3:])]) + "。")
        else:
            sentence = " ".join(chosen)
            sentences.append(sentence[0].upper() + sentence[1:] + rng.choice([".", ".", "?", "!", ","]))
    return ("" if language in NO_SPACES else " ").join(sentences)


def _encodable(word: str, encoding: str) -> bool:
    try:
        word.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


CASES = [(encoding, language, notes) for encoding, (language, notes) in ENCODINGS.items()]
CASES += [(encoding, language, ENCODINGS[encoding][1]) for encoding, language in MORE.values()]


@pytest.mark.parametrize(("encoding", "language", "notes"), CASES, ids=[f"{e}-{lang}" for e, lang, _ in CASES])
def test_text_in_a_legacy_encoding_decodes_to_itself(encoding, language, notes):
    @SOME
    @given(article(language, encoding))
    def check(text):
        decoded, how = decode(text.encode(encoding))
        assert decoded == text
        if text.isascii():  # a German article can be: it is UTF-8 too
            assert how == []
        else:
            assert len(how) == 1 and how[0].removeprefix("decoded:") in notes, how

    check()


RUSSIAN = ("Москва. Президент России заявил сегодня, что правительство продолжит работу над новым законом "
           "о государственном бюджете. Эксперты считают, что экономика страны растёт медленно, но уверенно. "
           "По словам министра финансов, в следующем году расходы на образование и здравоохранение вырастут.")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "iso8859_5"])
def test_a_russian_article_is_cleaned_as_its_text_or_rejected(encoding):
    """The issue's case: cp1251 came back as "Ìîñêâà. Ïðåçèäåíò…", language "vi", kept.
    An encoding detection does not choose from (ISO-8859-5) is rejected, not kept as mojibake."""
    doc, text = clean(RUSSIAN.encode(encoding)), clean(RUSSIAN)
    if encoding == "iso8859_5":
        assert doc.rejected == "undecodable" and "decoded:utf-8-replace" in doc.notes
    else:
        assert (doc.text, doc.language, doc.rejected) == (text.text, "ru", None)
        assert f"decoded:{encoding}" in doc.notes


def test_western_text_is_still_cp1252():
    raw = "Le ministre a déclaré aujourd’hui que l’économie croîtrait « plus lentement » que prévu, à Genève.".encode("cp1252")
    assert decode(raw) == (raw.decode("cp1252"), ["decoded:cp1252"])
    assert decode(b"caf\xe9 na\xefve") == ("café naïve", ["decoded:cp1252"])  # too little to tell: cp1252 as before


def test_bytes_nothing_decodes_with_confidence_are_undecodable():
    """High bytes that read as no language: rare Hangul in cp949, "words" of random letters
    in every single-byte code page (cp1252 decodes bytes A0-FF, and they used to be kept)."""
    rng = random.Random(14)
    for low in (0x80, 0xA0):
        noise = bytes(rng.randrange(low, 0x100) if i % 6 else 0x20 for i in range(3000))
        assert clean(noise).rejected == "undecodable"
    assert clean(b"\x81\x8d\x8f\x90\x9d" * 20).rejected == "undecodable"


def test_stray_bytes_in_utf8_are_read_as_cp1252_and_the_rest_as_utf8():
    raw = RUSSIAN.encode("utf-8") + b" caf\xe9."
    assert decode(raw) == (RUSSIAN + " café.", ["decoded:utf-8+cp1252"])


def test_a_long_document_is_decoded_whole_with_the_encoding_of_its_start():
    """Detection reads a sample of the start (64 KB, cut at a space so no character is
    cut in two); all 190 KB are decoded with what it found."""
    text = ("東京。政府は本日、国家予算に関する新しい法案を承認しました。 " * 3000) + "終わり。"
    assert decode(text.encode("shift_jis")) == (text, ["decoded:cp932"])


def test_detection_is_the_same_in_every_process():
    raw = RUSSIAN.encode("koi8_r")
    code = f"from corpusprep.cleaning.decode import decode; print(decode({raw!r})[1])"
    answers = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
               for _ in range(2)}
    assert answers == {str(decode(raw)[1])} == {"['decoded:koi8_r']"}
