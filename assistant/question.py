"""Understand a question: provinces, years, document numbers, intent and the kind of fact it asks for.

>>> qa = QuestionAnalyzer(ProvinceGazetteer())
>>> a = qa.analyze("Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?")
>>> a.provinces, a.years, a.intent
(['Nam Định'], ['2025'], 'quantity')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from assistant.named_documents import number_key
from common.abbreviations import expand_inline, expansion_text
from common.districts import district_counts
from common.provinces import ProvinceGazetteer
from common.text import bigrams, fold, nfc, words
from ingest.metadata import find_doc_numbers
from ingest.official_header import DOC_TYPES, ENGLISH_DOC_TYPES

# Folded function words and question words: they say what is asked, not what to look for.
STOPWORDS = set("""
la cua va cac nhung mot nay do thi sao con the nao gi ai bao nhieu may duoc co khong o tai trong voi cho ve theo
tu den nam ngay hay hoac nhu de boi vi neu ma da se dang rat cung chi moi tung moi hoi xin cho biet biet toi
toi muon hien nay hien phai can nen thi la gi bao gio khi nao dau nao ra sao ca ke hoach vay nhi nhe
""".split())
# The same function words as written with their tones. Folding merges them with content words: "đề nghị", "cơ
# quan", "đầu tư", "mức chi", "đo lường", "hội đồng", "tài chính" fold to "de", "co", "dau", "chi", "do", "hoi",
# "tai". Text written with diacritics is read by these; text typed without them can only be read by the folded list.
# The last line: the particles that end a spoken question ("ai ký vậy?", "được không nhỉ?"); folded, "à", "hả",
# "đấy", "chứ" are also "a", "Hà", "đầy", "chủ", so the folded list has only "vay", "nhi", "nhe".
_STOPWORDS_WRITTEN = set("""
là của và các những nhưng một này nay đó do thì sao còn thế nào gì ai bao nhiêu mấy được có không ở tại trong
với cho về theo từ đến năm ngày hay hoặc như để bởi vì nếu mà đã sẽ đang rất cũng chỉ mới mỗi mọi từng hỏi xin
biết tôi tới muốn hiện phải cần nên khi giờ đâu ra cả kế hoạch
vậy nhỉ nhé à ạ hả đấy chứ ấy
""".split())
# A year (in a question), not the version of a standard ("TCVN ISO 9001:2015": the 2015 edition, not a time asked about).
YEAR_ASKED = re.compile(r"(?<!\d)(?<!\d:)(20\d{2})(?!\d)")
_PERIOD = re.compile(r"(20\d{2})\s*[-–]\s*(20\d{2})")
# The year inside a document's number is part of its name, not a time asked about: "62/2011/QĐ-TTg" (number, year,
# issuer), and "Nghị định 55/2023" (a kind of document, then number/year). A date's "31/8/2020" and a month's
# "tháng 8/2020" are neither.
_NUMBERED_YEAR = re.compile(r"(?<![\d/])\d{1,5}/20\d{2}/(?=[A-ZĐa-zđ])|"
                            r"\b(?:nghị định|nghị quyết|quyết định|thông tư|chỉ thị|công văn|kế hoạch|luật|nđ|qđ|nq|"
                            r"tt|ct|kh)\s+(?:số\s+)?\d{1,5}/20\d{2}(?![\d/])", re.IGNORECASE)

# Kinds of document (folded) whose number a question can ask ("tờ trình số mấy", "quyết định số nào"), and the
# legal instruments that "<kind> nào" asks by their number ("nghị quyết nào", "văn bản nào", not "kế hoạch nào",
# which asks a plan by its content).
_DOC_KINDS = {fold(kind): kind for kind in DOC_TYPES.values()}
_KINDS = "|".join(sorted(map(re.escape, _DOC_KINDS), key=len, reverse=True))
_INSTRUMENTS = "quyet dinh|nghi quyet|nghi dinh|thong tu|cong van|to trinh|chi thi|van ban"
_KIND_NUMBER_ASKED = re.compile(rf"\b({_KINDS})\s+so\s+(?:may|nao|bao nhieu)\b|\b({_INSTRUMENTS})\s+nao\b")
# The kind named with what it is of, a few words before "số mấy" ("báo cáo kết quả giám sát số mấy"); the last kind
# before it is the one asked; not across "mang / có" ("cho Chương trình mang số mấy" asks the subject's number).
_KIND_OF_NUMBER_ASKED = re.compile(rf"\b({_KINDS})((?:\s+(?!mang\b|co\b)[^\W\d]+){{1,4}}?)\s+so\s+"
                                   r"(?:may|nao|bao nhieu)\b")
_KIND_WORD = re.compile(rf"\b({_KINDS})\b")

# "Ngoài Luật Tổ chức Chính phủ, ... những luật nào?", "Besides APO, which ...": the part before the comma is
# already known to the asker.
_BESIDES = re.compile(r"\s*(?:ngoài|ngoai|besides|apart from|other than)\s+([^,?]{2,120}?)(?:\s+ra)?\s*,", re.IGNORECASE)

# Words that fold into an interrogative or a money word: "máy" (machine) into "may" (mấy, how many), "tiến" (tiến
# sĩ, tiến độ) into "tien" (tiền, money), "lực" (chủ lực, năng lực) and "lục" (phụ lục) into "luc" (lúc nào, when),
# "khí" (khí thải) into "khi" (khi nào). With their tones they are told apart, so they fold to forms of their own.
_APART = ("máy", "tiến", "lực", "lục", "khí")
_FOLDS_APART = re.compile(rf"\b(?:{'|'.join(_APART)})\b", re.IGNORECASE)
# Written with its tones, "may" is not "mấy" ("dệt may" is textiles), nor "cơ sở" (a base, "tiêu chuẩn cơ sở") "có
# số" ("có số là" asks a document's number).
_APART_WRITTEN = ("may", "cơ sở")
_FOLDS_APART_WRITTEN = re.compile(rf"\b(?:{'|'.join((*_APART, *_APART_WRITTEN))})\b", re.IGNORECASE)
_FOLDED_APART = {fold(w) + fold(w)[-1]: fold(w) for w in (*_APART, *_APART_WRITTEN)}
_NAM = re.compile(r"\bnam\b", re.IGNORECASE)  # "nam" written without the breve of "năm" (year)
# "AI" in capitals is artificial intelligence ("cơ chế hỗ trợ nào liên quan đến AI?"), not "ai" (who), unless the
# whole question is in capitals.
ACRONYM_AI = re.compile(r"(?<!\w)AI(?!\w)")


def _fold_question(question: str) -> str:
    """The question folded, the words of :data:`_APART` and the acronym "AI" kept apart and abbreviations spelled
    out in place. In a question written with its tones, "may" as written is not "mấy" either ("dệt may" is
    textiles).

    >>> _fold_question("Bao nhiêu doanh nghiệp dệt may được hỗ trợ?"), _fold_question("bao nhieu may")
    ('bao nhieu doanh nghiep det mayy duoc ho tro?', 'bao nhieu may')
    >>> _fold_question("Số sản phẩm áp dụng tiêu chuẩn cơ sở là bao nhiêu?")
    'so san pham ap dung tieu chuan co soo la bao nhieu?'
    """
    if not question.isupper():
        question = ACRONYM_AI.sub("AII", question)
    apart = _FOLDS_APART_WRITTEN if fold(question) != " ".join(question.split()).lower() else _FOLDS_APART
    return expand_inline(fold(apart.sub(lambda m: m.group(0) + m.group(0)[-1], question)))


# (intent, folded pattern) in priority order.
# A person's role, then what tells the person apart, then "nào" (folded): the question asks who holds that role.
ROLE_HOLDER_ASKED = re.compile(r"\b(?:lanh dao|can bo|chuyen vien|dong chi|(?:pho )?chu tich|(?:pho |tong )?giam doc|"
                               r"(?:bo|thu|cuc|vu|vien|chi cuc) truong|tong thu ky)(?:(?: \S+){0,7}? "
                               r"(?!(?:bo|so|cuc|vien|ban|tinh|vi|quan|chuc|nganh|nghiep|ty) nao)\S+)? nao\b")
# A title asked without its body ("do các bộ trưởng nào đề nghị?") asks which office holds it: the title with its
# body ("Bộ trưởng Bộ Khoa học và Công nghệ") answers, as a title with its body asked ("Thứ trưởng Bộ KH&CN nào")
# asks for its holder's name.
BARE_TITLE_ASKED = re.compile(r"\b((?:pho )?chu tich|(?:pho |tong )?giam doc|(?:bo|thu|cuc|vien|chi cuc) truong|"
                              r"(?:pho )?thu tuong) nao\b")
_INTENTS: list[tuple[str, re.Pattern[str]]] = [
    # "... do Phó Chủ tịch UBND tỉnh nào ký?": a question ending on "nào ký" asks who signed, whatever "nào" follows
    ("signer", re.compile(r"\bnao (?:da )?ky\W*$")),
    # "ít nhất 100 / ít nhất bao nhiêu" is a bound within one target ("at least"), not a superlative across plans
    ("compare", re.compile(r"\b(so sanh|khac nhau|(?:cao|thap|lon|nho|nhieu|it) nhat(?!\s+(?:\d|bao nhieu\b|may\b)))\b")),
    ("which_docs", re.compile(r"\b(tinh nao|tinh thanh nao|nhung tinh|cac tinh|dia phuong nao|thanh pho nao)\b")),
    # "Thủ tướng ký quyết định ... vào ngày nào?" names who signed and asks when
    ("signer", re.compile(r"\b(ai ky|do ai ky)\b|^(?!.*\b(?:ngay nao|khi nao|bao gio|luc nao|nam nao|thoi gian nao)\b)"
                          r".*\b(nguoi ky|ky ban hanh|ky ke hoach|ky quyet dinh)\b")),
    ("docnumber", re.compile(r"\b(so hieu|so ky hieu|ky hieu|so van ban|mang so|co so la|so may)\b|"
                             + _KIND_NUMBER_ASKED.pattern)),
    # "bao lâu" asks how long: a length of time ("05 ngày làm việc", "3 năm"), an amount, not a date, though
    # "thời hạn" alone asks a deadline
    ("quantity", re.compile(r"\bbao lau\b")),
    ("date", re.compile(r"\b(ngay nao|ngay bao nhieu|khi nao|bao gio|thoi gian nao|truoc ngay|han chot|thoi han|"
                        r"ban hanh ngay|ban hanh khi|nam nao|luc nao)\b")),
    ("list", re.compile(r"\b(nhung gi|gom nhung|gom gi|liet ke|ke ten|neu ten|nhung nhiem vu|cac nhiem vu|nhung noi dung|"
                        r"cac giai phap|nhung giai phap|nhiem vu gi|giai phap gi|nhung co quan nao|cac co quan nao|nhung don vi nao|"
                        r"cac don vi nao|nhung nhom|cac nhom|nhom nhiem vu nao|nhom giai phap nao)\b")),
    ("place", re.compile(r"\b(o dau|tai dau|thanh pho nao|huyen nao|thi xa nao|dia ban nao|dia diem nao)\b")),
    ("person", re.compile(r"\b(la ai|ai la|ai\b|nguoi nao|ong nao|ba nao|ten la gi)")),
    # a person's role, then what tells the person apart, then "nào": "Lãnh đạo UBND tỉnh ... nào", "Thứ trưởng Bộ
    # KH&CN nào", "liên hệ cán bộ nào" ask who, as "người nào" does; "Bộ trưởng Bộ nào" asks which body
    ("person", ROLE_HOLDER_ASKED),
    # (the bare nouns "cơ quan", "trách nhiệm" ask no agency in a question that asks an amount: "Quyết định về ISO
    # trong cơ quan hành chính nhà nước gồm bao nhiêu chương?")
    ("agency", re.compile(r"\b(co quan nao|don vi nao|so nao|bo nao|(?<!van )ban nao|to chuc nao|chu tri|dau moi|"
                          r"phu trach)\b|^(?!.*\b(?:bao nhieu|may)\b).*\b(co quan|trach nhiem)\b")),
    ("eligibility", re.compile(r"\b(doi tuong|duoc ho tro|dieu kien|ai duoc|du dieu kien|doanh nghiep nao)\b")),
    ("funding", re.compile(r"\b(kinh phi|nguon von|nguon kinh phi|ngan sach|nguon nao|tu nguon)\b")),
    # "nhằm mục tiêu gì", "với mục đích gì", "để làm gì" ask a purpose, in words, not a target figure
    ("general", re.compile(r"\b(?:nham|voi) (?:muc tieu|muc dich) (?:la )?gi\b|\bmuc dich (?:la )?gi\b|\bde lam gi\b")),
    # (a target's figure: not "mục tiêu nào", "những chỉ tiêu", which ask which ones)
    ("quantity", re.compile(r"\b(bao nhieu|may|so luong|ty le|ti le|phan tram|dat bao nhieu)\b|"
                            r"(?<!nhung )(?<!cac )\b(?:muc|chi) tieu\b(?! nao\b)")),
    # "những luật nào", "các văn bản nào" asks for several things of a kind no intent above names: a list
    ("list", re.compile(r"\b(?:nhung|cac) \w+(?: \w+){0,2} nao\b")),
]
_NEGATED = re.compile(r"\b(khong duoc|khong ap dung|khong thuoc|khong duoc ho tro|bi loai tru|loai tru|ngoai tru)\b")
# Typed without diacritics, "bao nhieu tien si / tien do" asks doctors or progress, not money.
# "Bao nhiêu kinh phí / kinh phí (chi phí, lệ phí) ... là bao nhiêu?" asks a sum of money too (not "kinh phí hỗ trợ
# bao nhiêu phần trăm / bao nhiêu doanh nghiệp": there the words after "bao nhiêu" name what is counted). An amount
# the question states ("nước nào đạt 15,06 USD/giờ", "được hỗ trợ 50 triệu đồng") is given, not asked.
_MONEY = re.compile(r"\b((?<!\d )(?:ty dong|ti dong|trieu dong|nghin dong|ngan dong)|bao nhieu dong|bao nhieu tien(?!\s+(?:si|do|bo|hanh|trien)\b)|"
                    r"bao nhieu (?:kinh phi|ngan sach|von|chi phi|le phi)|(?:kinh phi|ngan sach|von|chi phi|le phi|muc phi)"
                    r"(?:(?: \w+){0,6} bao nhieu(?! ?\w)|\b[^?.;]* bao nhieu\W*$)|(?<!\d )(?:usd|vnd))"
                    r"(?!\w)")
# (a bound is a number of its own: not one of a document's number, "Thông tư 46/2026/TT-BKHCN" folding to "thong tu
# 46/...", whose "tư" reads as "từ")
_COMPARATOR = re.compile(r"\b(tren|hon|lon hon|cao hon|vuot|duoi|thap hon|nho hon|it hon|it nhat|toi thieu|(?<!thong )tu)"
                         r"\s+(\d+(?:[.,]\d+)?)(?![\d/])\s*(%|phan tram)?")
# "từ X" bounds a number from below ("doanh nghiệp có từ 10 lao động (trở lên)"), but "từ X ... lên / xuống /
# đến ..." names the start of a change or a range ("tăng từ 19% năm 2010 lên bao nhiêu năm 2020?"): the value
# asked is its end.
_CHANGE_END = re.compile(r"[^?.;]{0,40}?\b(?<!tro )(?:len|xuong|den)\b")
# (what a count counts: "bao nhiêu phần trăm" asks a percentage, which a page writes "11,4%", counting nothing)
_UNIT_AFTER = re.compile(r"\b(?:bao nhieu|may)\s+(?!phan tram\b)((?:\w+\s?){1,4})")
_UNIT_AFTER_WRITTEN = re.compile(r"\b(?:bao nhiêu|mấy)\s+(?!phần trăm\b)((?:\w+\s?){1,4})")


# An event (a workshop, a ceremony, a training course, a meeting) and the place it was held ("tại Hà Nội", "in Hanoi").
_EVENT = re.compile(r"\b(?:hội thảo|hội nghị|khóa đào tạo|khoá đào tạo|lớp tập huấn|lớp đào tạo|lễ|cuộc họp|phiên họp|"
                    r"diễn đàn|triển lãm|sự kiện|workshop|conference|ceremony|meeting|seminar|forum|course|event)\b",
                    re.IGNORECASE)
_EVENT_FOLDED = re.compile(r"\b(?:hoi thao|hoi nghi|khoa dao tao|lop tap huan|cuoc hop|dien dan|trien lam|su kien|"
                           r"le trao|le ton vinh|le vinh danh)\b")
_VENUE = re.compile(r"\b(?:tại|ở|tai|in|at)\s+(?:thủ đô|thu do|thành phố|thanh pho|TP\.?|the city of)?\s*"
                    r"[A-ZĐÀ-Ỹa-zđà-ỹ.]+(?:\s+[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹa-zđà-ỹ]*){0,3}", re.IGNORECASE)


@dataclass(frozen=True)
class NumberCondition:
    """"trên 10%" → op ">" value 10.0 percent True."""

    op: str
    value: float
    percent: bool

    def holds(self, x: float) -> bool:
        return x > self.value if self.op == ">" else x < self.value if self.op == "<" else x >= self.value


@dataclass(frozen=True)
class QuestionAnalysis:
    text: str
    folded: str
    provinces: list[str]
    years: list[str]
    doc_numbers: list[str]
    intent: str
    keywords: list[str]
    wants_percent: bool = False
    wants_money: bool = False
    unit_words: list[str] = field(default_factory=list)
    condition: NumberCondition | None = None
    national: bool = False
    unaccented_vietnamese: bool = False
    negated: bool = False
    deadline: bool = False
    plural: bool = False
    asked_doc_kind: str = ""  # "theo tờ trình số mấy": the kind of document whose number is asked ("tờ trình")
    places: int = 0  # provinces named, a province named only as another's successor ("X (cũ), nay thuộc Y") not counted
    per_document: bool = False  # "Quyết định 1305 và Quyết định 1322 lần lượt ...": asked of each named document
    asks: int = 1  # interrogative phrases: "ngày nào, tờ trình số mấy?" asks two things
    parts: tuple["QuestionAnalysis", ...] = ()  # a question asking two things: each part read alone
    asked_as: str = ""  # the question as typed, when it was put into Vietnamese (English): "" otherwise
    # a later part of a question asking several things: the words of its own (the rest is the first part's
    # subject it is read with): "..., và cơ quan nào quản lý dự án?" asks about "quản lý", not "chủ trì"
    own_words: tuple[str, ...] = ()
    # read over a page in English: words any one of which names the thing counted ("enterprises", "businesses")
    unit_alternatives: tuple[str, ...] = ()
    # the numbers of documents the asked document implements, amends or guides ("Kế hoạch thực hiện QĐ 1322 của
    # Lâm Đồng", "Thông tư 07/2024 sửa đổi Thông tư 15/2022"): named to say which document is asked, not asked of
    reference_numbers: tuple[str, ...] = ()
    # "X là gì / X là viết tắt của gì / X được hiểu là gì": the folded words of the term X asked to define
    defined_term: tuple[str, ...] = ()

    @property
    def subject_numbers(self) -> list[str]:
        """The numbers of the documents the question asks about: those it names, but not as what another document
        implements or amends."""
        references = {number_key(n) for n in self.reference_numbers}
        return [n for n in self.doc_numbers if number_key(n) not in references]

    @property
    def key_bigrams(self) -> list[str]:
        return bigrams(words(self.text))


class QuestionAnalyzer:
    """Reads a (standalone) question. Holds only the gazetteer; safe to share between threads."""

    def __init__(self, gazetteer: ProvinceGazetteer):
        self.gazetteer = gazetteer

    def analyze(self, question: str) -> QuestionAnalysis:
        # "DN nào" reads as "doanh nghiệp nào"; folding drops the tone that tells "máy" (machine) from "mấy" (how
        # many) and "tiến" from "tiền" (money), so those fold to forms of their own ("mua máy móc" asks no
        # amount, "bao nhiêu tiến sĩ" no money)
        folded = _fold_question(question)
        provinces = self.venues_left_out(question, self.gazetteer.find_all(question))
        # a district asked about ("hợp tác xã ở huyện Ninh Phước") is in its (former) province
        provinces += [p for p in district_counts(question) if p not in provinces]
        years = sorted(set(YEAR_ASKED.findall(_NUMBERED_YEAR.sub(" ", question))))
        unaccented = is_unaccented_vietnamese(question)
        # Written with its tones, "Nam" (Quảng Nam, Việt Nam, miền Nam) is not "năm": "Lãnh đạo tỉnh Quảng Nam nào"
        # asks no year
        asked = folded if unaccented else _fold_question(_NAM.sub("namm", question))
        intent = next((name for name, pattern in _INTENTS if pattern.search(asked)
                       and not (name == "which_docs" and len(provinces) == 1)), "general")
        # Money words in the question itself, not inside a place name ("Đồng Nai" is not "đồng").
        unplaced = folded
        for place in provinces:
            unplaced = re.sub(rf"\b{re.escape(fold(place))}\b", " ", unplaced)
        wants_money = bool(_MONEY.search(unplaced))
        if wants_money and intent not in ("quantity", "funding", "which_docs", "compare"):
            intent = "quantity"  # "được hỗ trợ tối đa bao nhiêu tiền" asks an amount, not who is eligible
        if intent == "eligibility" and (re.search(r"\b(bao nhiêu|mấy)\b", nfc(question).lower()) or (
                unaccented and re.search(r"\b(bao nhieu|may)\b", folded))):
            intent = "quantity"  # "bao nhiêu doanh nghiệp được hỗ trợ" asks a count, not who is eligible
        province_words = {w for p in provinces for w in words(p)}
        # "Ngoài X, ... nào?" asks for what is not X: X's own words (unless the rest repeats them) are no keywords.
        known = _BESIDES.match(question)
        rest = question[known.end():] if known else question
        excluded = (set(words(f"{known.group(0)} {expansion_text(known.group(1))}"))
                    - set(words(f"{rest} {expansion_text(rest)}"))) if known else set()
        keywords = [w for w in content_words(f"{question} {expansion_text(question)}",
                                             written=not unaccented)
                    if w not in province_words and not YEAR_ASKED.fullmatch(w) and w not in excluded]
        if not question.isupper() and ACRONYM_AI.search(question):
            keywords.append("ai")  # the acronym is a content word, not the function word "ai" (who)
        term = defined_term(folded) if intent == "general" and not provinces else ()
        if term:  # "được hiểu là", "là viết tắt của" say that a definition is asked, not what it holds
            keywords = [w for w in keywords if w not in _DEFINITION_FRAME or w in term]
        unit_words: list[str] = []
        # (judged as written when the question has its diacritics: "bao nhiêu cơ quan" counts "cơ quan", whose
        # folded "co" is also "có")
        m = _UNIT_AFTER.search(folded) if unaccented else _UNIT_AFTER_WRITTEN.search(nfc(question).lower())
        if m:
            # "bao nhiêu doanh nghiệp": what is counted, the noun phrase up to the first function word or number
            # ("bao nhiêu đến năm 2030": nothing), not a place ("bao nhiêu Dong Nai doanh nghiệp")
            for w in m.group(1).split():
                key = w if unaccented else fold(w)
                if key in province_words:
                    continue
                if (w in STOPWORDS if unaccented else w in _STOPWORDS_WRITTEN) or any(ch.isdigit() for ch in w):
                    break
                unit_words.append(_FOLDED_APART.get(key, key))  # matched in folded documents: "tiến sĩ" is "tien si"
        cond = None
        c = _COMPARATOR.search(folded)
        if c and c.group(1) == "tu" and _CHANGE_END.match(folded, c.end()):
            c = None
        if c and intent in ("which_docs", "compare", "quantity"):
            op = {"tren": ">", "hon": ">", "lon hon": ">", "cao hon": ">", "vuot": ">", "duoi": "<",
                  "thap hon": "<", "nho hon": "<", "it hon": "<"}.get(c.group(1), ">=")
            cond = NumberCondition(op, float(c.group(2).replace(",", ".")), bool(c.group(3)))
        # A closing parenthesis ("... ngày nào và trao cho bao nhiêu đơn vị? (2022)", as a follow-up is rewritten)
        # is context for the whole question, so every part carries it.
        tail = CLOSING_CONTEXT.search(question)
        body, context = (question[: tail.start()], f" {tail.group(0).strip()}") if tail else (question, "")
        own_parts = split_parts(body)
        parts = tuple(self._part(own, contextual, context)
                      for own, contextual in zip(own_parts, with_context(own_parts, self._place_spans)))
        return QuestionAnalysis(
            text=question, folded=folded, provinces=provinces, years=years,
            doc_numbers=find_doc_numbers(question), reference_numbers=reference_numbers(question), intent=intent,
            keywords=keywords,
            wants_percent=bool(re.search(r"phan tram|%|t[yi] le", folded)) or bool(cond and cond.percent),
            wants_money=wants_money,
            unit_words=unit_words, condition=cond,
            national=is_national(folded, names_province=bool(provinces)),
            unaccented_vietnamese=unaccented,
            negated=bool(_NEGATED.search(folded)),
            plural=bool(re.search(r"\b(nhung|cac)\b[^?]*\bnao\b", folded)),
            deadline=intent == "date" and bool(re.search(r"\b(truoc ngay|han chot|thoi han|cham nhat)\b", folded)),
            asked_doc_kind=asked_doc_kind(folded) if intent == "docnumber" else "",
            asks=count_asks(question),
            parts=parts,
            per_document=asks_each_document(question, parts),
            places=len([p for p in provinces
                        if not any(q != p and self.gazetteer.successor(q) == p for q in provinces)]),
            defined_term=term,
        )


    def venues_left_out(self, question: str, provinces: list[str]) -> list[str]:
        """``provinces`` without those the question names only as where an event took place ("khóa đào tạo của
        APO tại Hà Nội", "the ceremony held in Hanoi"): national events are held in a few cities, and the event's
        venue is not the province whose documents are asked about."""
        if not provinces or not (_EVENT.search(question) or _EVENT_FOLDED.search(fold(question))):
            return provinces
        elsewhere = set(self.gazetteer.find_all(_VENUE.sub(" ", question)))
        return [p for p in provinces if p in elsewhere]

    def _place_spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` names provinces."""
        return [(m.start, m.end) for m in self.gazetteer.matches(nfc(text))]

    def _part(self, own: str, contextual: str, context: str = "") -> QuestionAnalysis:
        """One part of a question asking several things, read with its subject (``contextual``) and the context
        the whole question closes with (``context``, a follow-up's earlier turn): what it asks is what its own
        words ask ("..., và ban hành ngày nào?" asks a date, though its subject "Quyết định 2799 do ký" still holds
        the first part's verb), and its own words are the ones it does not inherit."""
        a = self.analyze(f"{contextual}{context}")
        if contextual == own and not context:
            return a
        a = replace(a, own_words=tuple(dict.fromkeys(words(f"{own} {expansion_text(own)}"))))
        if contextual == own:
            return a
        alone = self.analyze(f"{own}{context}")
        if alone.years:  # "GRDP 2025 ước tăng bao nhiêu và mục tiêu năm 2026 là bao nhiêu?": the part asks of its year
            a = replace(a, years=alone.years)
        if alone.intent == "general" or alone.intent == a.intent:
            return a
        return replace(a, intent=alone.intent, asked_doc_kind=alone.asked_doc_kind, deadline=alone.deadline)


def asked_doc_kind(folded: str) -> str:
    """The kind of document whose number a (folded) question asks: the kind next to "số mấy / số nào / nào"
    ("trên cơ sở tờ trình số mấy" → tờ trình), else the first kind the question names, its subject ("Nghị quyết
    ... mang số mấy" → nghị quyết); "" when it names none.

    >>> asked_doc_kind("du an duoc phe duyet ngay nao, tren co so to trinh so may")
    'tờ trình'
    >>> asked_doc_kind("quyet dinh 36/qd-ttg thuc hien ket luan so may cua ban bi thu")  # a Party body's conclusion
    'kết luận'
    >>> asked_doc_kind("nghi quyet 494 ban hanh tren co so bao cao ket qua giam sat so may cua doan giam sat")
    'báo cáo'
    """
    m = _KIND_NUMBER_ASKED.search(folded)
    if m is None:
        between = [k for k in _KIND_OF_NUMBER_ASKED.finditer(folded) if not _KIND_WORD.search(k.group(2))]
        m = between[-1] if between else _KIND_WORD.search(folded)
    return _DOC_KINDS.get(next(g for g in m.groups() if g), "") if m else ""  # "văn bản nào": any kind


# One interrogative phrase asks one thing. Vietnamese ones with their tones ("mấy", not "máy"), their unaccented
# spellings only in a question typed without diacritics; multi-word phrases first ("khi nào" is one ask).
_ASKS_VI = re.compile(r"\b(bao nhiêu|bao lâu|khi nào|bao giờ|thế nào|ra sao|ở đâu|mấy|nào|ai|gì)\b")
_ASKS_PLAIN = re.compile(r"\b(bao nhieu|khi nao|bao gio|the nao|ra sao|o dau|so may|nao|gi)\b")
# ("how" alone asks too: "how fast did it grow", "how did it change")
_ASKS_EN = re.compile(r"\b(how many|how much|how|when|who|whom|whose|which|what|where|why)\b")


def _interrogatives(text: str) -> list[re.Match[str]]:
    """The interrogative phrases of ``text`` in order (matched in its lower case; unaccented ones only in a
    question typed without diacritics)."""
    patterns = (_ASKS_VI, _ASKS_EN, _ASKS_PLAIN) if is_unaccented_vietnamese(text) else (_ASKS_VI, _ASKS_EN)
    return sorted((m for pattern in patterns for m in pattern.finditer(text.lower())), key=lambda m: m.start())


_PART_BREAK = re.compile(r"(?:,|;|\s+và\s+|\s+and\s+|\s+còn\s+)", re.IGNORECASE)


def split_parts(question: str) -> list[str]:
    """The parts of a question that asks several things, each with one interrogative phrase, cut at the last
    comma or "và / and" before each interrogative after the first; [] for a one-part question.

    >>> split_parts("Được phê duyệt ngày nào, trên cơ sở tờ trình số mấy?")
    ['Được phê duyệt ngày nào', 'trên cơ sở tờ trình số mấy?']
    >>> split_parts("Vinh danh bao nhiêu doanh nghiệp, bao nhiêu giải Vàng?")
    ['Vinh danh bao nhiêu doanh nghiệp', 'bao nhiêu giải Vàng?']
    >>> split_parts("Cơ quan nào chủ trì?"), split_parts("Doanh nghiệp nào và cơ quan nào?")
    ([], ['Doanh nghiệp nào', 'cơ quan nào?'])
    """
    text = nfc(question)
    asks = _interrogatives(text)
    cuts: list[tuple[int, int]] = []
    previous_end = asks[0].end() if asks else 0
    for m in asks[1:]:
        breaks = [b for b in _PART_BREAK.finditer(text, previous_end, m.start())]
        if breaks:
            cuts.append((breaks[-1].start(), breaks[-1].end()))
        previous_end = m.end()
    if not cuts:
        return []
    parts, start = [], 0
    for a, b in cuts:
        parts.append(text[start:a].strip(" ,;"))
        start = b
    parts.append(text[start:].strip(" ,;"))
    return [p for p in parts if p]


CLOSING_CONTEXT = re.compile(r"\s*\([^()]+\)\s*[?.]?\s*$")


# a year as a question names it ("năm 2025", "GRDP 2025"), with its word for year; not one inside a document number
_NAMED_YEAR = re.compile(r"(?:\b(?:năm|nam|year|in)\s+)?(?<![\d/.,])\b(?:19|20)\d{2}\b(?![\d/])", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"(?<![\d/.,])\b(?:19|20)\d{2}\b(?![\d/])")


def with_context(parts: list[str], places: Callable[[str], list[tuple[int, int]]] | None = None) -> list[str]:
    """Each later part of a question with what the first says of its subject (the first part without its
    interrogative phrase): "bao nhiêu giải Vàng?" is asked of "Lễ trao giải năm 2019 và 2020 vinh danh ...".

    >>> with_context(["Năm 2020 vinh danh bao nhiêu doanh nghiệp", "bao nhiêu giải Vàng?"])
    ['Năm 2020 vinh danh bao nhiêu doanh nghiệp', 'Năm 2020 vinh danh doanh nghiệp bao nhiêu giải Vàng?']

    A part naming a document of its own ("... và ai ký Quyết định 1305/QĐ-TTg?") has its own subject and is
    kept as it is.

    >>> with_context(["Ai ký Quyết định 36/QĐ-TTg", "ai ký Quyết định 1305/QĐ-TTg?"])
    ['Ai ký Quyết định 36/QĐ-TTg', 'ai ký Quyết định 1305/QĐ-TTg?']

    A part naming a place of its own asks the same of that place: it takes the first part's subject without the
    first part's place (``places``: the spans of the places a text names).

    >>> spans = lambda t: [(m.start(), m.end()) for m in re.finditer("Quảng Ngãi|Cà Mau", t)]
    >>> with_context(["Ai làm Giám đốc Sở KH&CN Quảng Ngãi", "ở Cà Mau là ai?"], spans)[1]
    'làm Giám đốc Sở KH&CN ở Cà Mau là ai?'

    So does a part naming a year of its own: the first part's year is left out of its subject.

    >>> with_context(["GRDP năm 2025 ước tăng bao nhiêu", "mục tiêu năm 2026 là bao nhiêu?"])[1]
    'GRDP ước tăng mục tiêu năm 2026 là bao nhiêu?'
    """
    if len(parts) < 2:
        return parts
    first = parts[0]
    m = next(iter(_interrogatives(first)), None)
    asked = [(m.start(), m.end())] if m else []
    place_spans = places(first) if places else []
    first_places = {first[a:b] for a, b in place_spans}
    year_spans = [(y.start(), y.end()) for y in _NAMED_YEAR.finditer(first)]
    first_years = set(_YEAR_ONLY.findall(first))

    def without(spans: list[tuple[int, int]]) -> str:
        text = first
        for a, b in sorted(spans, reverse=True):
            text = text[:a] + text[b:]
        return " ".join(text.split()).strip(" ,;")

    def contextual(part: str) -> str:
        part = part.strip(" ,;")
        if find_doc_numbers(part):
            return part
        # a place or a year of its own replaces the first part's
        own_year = bool(set(_YEAR_ONLY.findall(part)) - first_years)
        own_place = bool(places and {part[a:b] for a, b in places(part)} - first_places)
        return f"{without(asked + (place_spans if own_place else []) + (year_spans if own_year else []))} {part}"

    return [first] + [contextual(p) for p in parts[1:]]


# "lần lượt" (respectively): one thing asked of each of the things named before it.
_RESPECTIVELY = re.compile(r"\b(lần lượt|lan luot|respectively|mỗi văn bản|từng văn bản)\b", re.IGNORECASE)


def asks_each_document(question: str, parts: tuple["QuestionAnalysis", ...] = ()) -> bool:
    """Whether a question asks the same of each of several documents it names by number: "Quyết định 1305 và
    Quyết định 1322 lần lượt được ban hành theo đề nghị của bộ nào?", or parts that each name a different one
    ("Ai ký Quyết định 36/QĐ-TTg và ai ký Quyết định 1305/QĐ-TTg?").

    >>> asks_each_document("Quyết định 1305/QĐ-TTg và Quyết định 1322/QĐ-TTg lần lượt do bộ nào đề nghị?")
    True
    >>> asks_each_document("Kế hoạch 45/KH-UBND thực hiện Quyết định 1322/QĐ-TTg đến năm nào?")
    False
    """
    numbers = {number_key(n) for n in find_doc_numbers(question)}
    if len(numbers) < 2:
        return False
    if _RESPECTIVELY.search(question):
        return True
    own = [{number_key(n) for n in part.doc_numbers} for part in parts]
    return len(own) >= 2 and all(len(o) == 1 for o in own) and len(set().union(*own)) == len(own)


def interrogative_phrases(question: str) -> list[str]:
    """The interrogative phrases of a question, in order, as written.

    >>> interrogative_phrases("Hỗ trợ bao nhiêu doanh nghiệp, và khi nào?")
    ['bao nhiêu', 'khi nào']
    """
    text = nfc(question)
    return [text[m.start():m.end()] for m in _interrogatives(text)]


def count_asks(question: str) -> int:
    """How many things a question asks (at least 1): "Năm 2012 vinh danh bao nhiêu doanh nghiệp, trong đó bao
    nhiêu giải vàng?" asks two.

    >>> count_asks("Ban hành ngày nào, trên cơ sở tờ trình số mấy?"), count_asks("How many firms won, and when?")
    (2, 2)
    >>> count_asks("Cơ quan nào chủ trì?"), count_asks("co quan nao chu tri, khi nao bat dau?")
    (1, 2)
    """
    text = nfc(question).lower()
    n = len(_ASKS_VI.findall(text)) + len(_ASKS_EN.findall(text))
    if is_unaccented_vietnamese(question):
        n = max(n, len(_ASKS_PLAIN.findall(text)))
    return max(1, n)


_NOT_NATIONAL = re.compile(r"\b(tieu chuan quoc gia|chat luong quoc gia|chuyen gia)\b")
_NATIONAL = re.compile(r"\b(quoc gia|toan quoc|ca nuoc|chinh phu|thu tuong|ke hoach tong the)\b")


# A province's plan "thực hiện / triển khai Chương trình quốc gia": the national programme is what it implements.
_IMPLEMENTS_NATIONAL = re.compile(r"\b(?:thuc hien|trien khai)\s+(?:\w+\s+){0,3}?(?:chuong trinh|ke hoach)"
                                  r"(?:\s+tong the)?\s+quoc gia\b")


def is_national(folded: str, names_province: bool = False) -> bool:
    """The question is about the national programme ("kế hoạch tổng thể quốc gia", "cả nước"), not a province's
    plan that merely names a national standard ("chuyên gia đạt tiêu chuẩn quốc gia") or, when it names a
    province, the national programme that province's plan implements ("Kế hoạch thực hiện Chương trình quốc gia
    ... trên địa bàn thành phố Hà Nội").

    >>> is_national("ke hoach thuc hien chuong trinh quoc gia tren dia ban ha noi", names_province=True)
    False
    >>> is_national("co quan nao chu tri thuc hien chuong trinh quoc gia")
    True
    """
    text = _NOT_NATIONAL.sub(" ", folded)
    if names_province:
        text = _IMPLEMENTS_NATIONAL.sub(" ", text)
    return bool(_NATIONAL.search(text))


_VI_FUNCTION_WORDS = set("cua nao gi bao nhieu khong duoc nhung cac tinh ke hoach nam muc tieu cho va voi "
                         "trong nay do thi sao ai may nguon co quan chu tri doanh nghiep ho tro".split())


# A document named as what another document carries out, amends or guides ("kế hoạch thực hiện Quyết định ...",
# "Thông tư ... sửa đổi Thông tư ...", "the plan implementing Decision ..."): the clause after the verb, when a kind of
# document comes before it.
_ANY_KIND = "|".join(sorted({*map(re.escape, _DOC_KINDS), "van ban", *(k.lower() for k in ENGLISH_DOC_TYPES)},
                             key=len, reverse=True))
_REFERENCE = re.compile(
    rf"\b(?:{_ANY_KIND})\b[^,?;]{{0,60}}?\b(?:thuc hien|trien khai|sua doi|bo sung|thay the|huong dan|cu the hoa|"
    r"implementing|implements|amending|amends|replacing|replaces|guiding)\b(?P<clause>[^,?;]*)")


# "X là gì", "X là ngày gì", "X là viết tắt của gì", "X được hiểu là gì", "X nghĩa là gì": X is a term asked to be
# defined, when it is a short noun phrase of its own ("Mục tiêu của kế hoạch là gì" asks a part of a document).
_DEFINITION = re.compile(r"^(?:theo [^,]{1,80}, )?(?P<term>[^,?;]{1,60}?)\s+(?:duoc hieu la|nghia la|la viet tat cua|la)"
                         r"(?: \w+){0,2} gi\b")
_DEFINITION_FRAME = {"duoc", "hieu", "nghia", "viet", "tat"}


def defined_term(folded: str) -> tuple[str, ...]:
    """The words of the term a question asks to define (folded, as :attr:`QuestionAnalysis.folded`).

    >>> defined_term("tpi la viet tat cua gi, duoc hieu la mo hinh gi?"), defined_term("seiton trong 5s nghia la gi")
    (('tpi',), ('seiton',))
    >>> defined_term("ngay tieu chuan the gioi la ngay gi?")
    ('ngay', 'tieu', 'chuan', 'the', 'gioi')
    >>> defined_term("muc tieu cua ke hoach 45/kh-ubnd la gi?"), defined_term("so hieu van ban la gi")
    ((), ())
    """
    m = _DEFINITION.match(folded.strip())
    if not m:
        return ()
    term = words(m.group("term"))
    if not term or len(term) > 6 or {"cua", "so", "hieu"} & set(term) or re.search(r"\d/", m.group("term")):
        return ()
    head = next((i for i, w in enumerate(term) if i and w in ("trong", "o", "tai", "theo", "in", "of")), len(term))
    return tuple(term[:head])  # "seiton trong 5s": the term is "seiton", named within "5S"


def reference_numbers(question: str) -> tuple[str, ...]:
    """The document numbers ``question`` names as what the asked document implements, amends or guides.

    >>> reference_numbers("Kế hoạch thực hiện QĐ 1322/QĐ-TTg của Lâm Đồng có số hiệu gì, ban hành ngày nào?")
    ('1322/QĐ-TTg',)
    >>> reference_numbers("Thông tư 07/2024/TT-BKHCN sửa đổi Thông tư 15/2022/TT-BKHCN có hiệu lực từ ngày nào?")
    ('15/2022/TT-BKHCN',)
    >>> reference_numbers("Theo Quyết định 1322/QĐ-TTg, ai thực hiện?"), reference_numbers("QĐ 36/QĐ-TTg ký ngày nào?")
    ((), ())
    """
    folded = fold(question)
    source = question if len(question) == len(folded) else folded  # folding keeps composed (NFC) text's length
    found: list[str] = []
    for m in _REFERENCE.finditer(folded):
        found += find_doc_numbers(source[m.start("clause"): m.end("clause")])
    return tuple(dict.fromkeys(found))


def content_words(text: str, written: bool = True) -> list[str]:
    """The folded words of ``text`` that are not function words. ``written``: the text carries its diacritics, so
    each word is judged as written ("đề nghị" keeps "de", "để" does not); else as folded.

    >>> content_words("Cơ quan nào đề nghị mức chi?"), content_words("co quan nao de nghi muc chi", written=False)
    (['co', 'quan', 'de', 'nghi', 'muc', 'chi'], ['quan', 'nghi', 'muc'])
    """
    if not written:
        return [w for w in words(text) if w not in STOPWORDS]
    return [fold(w) for w in re.findall(r"\w+", nfc(text).lower()) if w not in _STOPWORDS_WRITTEN]


def vietnamese_function_words(typed: list[str]) -> int:
    """How many of the (lower-case, unaccented) words ``typed`` are Vietnamese function words ("cua", "nao")."""
    return sum(1 for w in typed if w in _VI_FUNCTION_WORDS)


def is_unaccented_vietnamese(text: str) -> bool:
    """Vietnamese typed without diacritics ("co quan nao chu tri"), as opposed to accented text or English."""
    plain = " ".join(text.split()).lower()
    if fold(text) != plain:
        return False
    return vietnamese_function_words(words(text)) >= 2
