"""English questions about Vietnamese plans: translate the domain terms with a glossary, so the Vietnamese
pipeline (intent, keywords, lexical index) can work on them. Answers stay Vietnamese quotes.

>>> to_vietnamese("What labour productivity growth does Thai Binh target for 2025?")
'tăng năng suất lao động Thai Binh mục tiêu năm 2025 bao nhiêu'
>>> is_english("Mục tiêu của Nam Định là gì?")
False
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bm25s.stopwords import STOPWORDS_EN_PLUS
from lemminflect import getAllLemmas

from assistant.evidence import YEAR
from assistant.question import split_parts, vietnamese_function_words
from common.text import diacritic_share, fold, nfc, strip_diacritics, words

_ENGLISH_WORDS = set("""what which who whom whose how when where does do did is are was were the of for in to by
with and or a an its their this that plan plans province provinces target targets agency agencies support
many much year years per each signed lead leads funding budget""".split())

# Longest phrases first; each maps to Vietnamese words the documents use.
GLOSSARY: list[tuple[str, str]] = [
    (r"total factor productivity", "TFP"),
    (r"labou?r productivity growth", "tăng năng suất lao động"),
    (r"labou?r productivity", "năng suất lao động"),
    (r"productivity and quality", "năng suất chất lượng"),
    (r"green productivity", "năng suất xanh"),
    (r"smart cit(?:y|ies)", "đô thị thông minh"),
    (r"digital transformation", "chuyển đổi số"),
    (r"digital economy", "kinh tế số"),
    (r"innovation", "đổi mới sáng tạo"),
    (r"small and medium(?:-sized)? enterprises|smes?", "doanh nghiệp nhỏ và vừa"),
    (r"department of science and technology|dost", "Sở Khoa học và Công nghệ"),
    (r"people'?s committee", "Ủy ban nhân dân"),
    (r"science and technology", "khoa học và công nghệ"),
    (r"which provinces?|what provinces?", "tỉnh nào"),
    (r"(?:which|what) decrees?", "nghị định nào"),
    (r"(?:which|what) resolutions?", "nghị quyết nào"),
    (r"(?:which|what) circulars?", "thông tư nào"),
    (r"(?:which|what) decisions?", "quyết định nào"),
    (r"(?:which|what) (?:documents?|legal documents?)", "văn bản nào"),
    # (one or several, counted or not: "which two organisations implemented ...")
    (r"(?:which|what)(?: (?:two|three|four|five|several|\d))? (?:agenc(?:y|ies)|departments?|bod(?:y|ies)|"
     r"organi[sz]ations?)|which (?:two |three )?offices?", "cơ quan nào"),
    (r"(?:which|what)(?: (?:two|three|four|five|\d))? ministr(?:y|ies)", "bộ nào"),
    (r"who signed|who signs|signed by|signatory", "ai ký"),
    (r"(?:at|on|upon) whose (?:request|proposal|suggestion)|proposed by whom", "theo đề nghị của ai"),
    (r"(?:the )?number of (?:the )?(?:([\w-]+(?: [\w-]+)?)'s )?(?=(?:plan|decision|resolution|circular|document|"
     r"programme|program|directive|decree)\b)", r"số hiệu \1 "),
    (r"(?:in )?(?:what|which) year", "năm nào"),
    (r"actually|in (?:fact|reality|practice)", "thực tế"),
    (r"(?:has|have|had) (?:actually )?(?:achieved|reached|attained)|achieved|attained", "đã đạt"),
    (r"how many|how much|how (?:fast|quickly)|what percentage|what percent|what share|what rate|what level",
     "bao nhiêu"),
    (r"how", "thế nào"),  # "how did it change": still a question word, where a question's parts are told apart
    (r"focal (?:point|agency)", "đầu mối"),
    (r"in charge of|responsible for|leads?|chairs?|presides?", "chủ trì"),
    (r"coordinat\w*|cooperat\w*|collaborat\w*", "phối hợp"),
    (r"eligib\w*|who can (?:receive|get|apply)", "đối tượng được hỗ trợ"),
    (r"disburse\w*", "giải ngân"),
    (r"public[- ]investment", "đầu tư công"),
    (r"(?:budget|state budget) deficit|deficit", "bội chi"),
    (r"public[- ]debt", "nợ công"),
    (r"funding|budget|funds?|financ\w*|costs?", "kinh phí"),
    (r"billion (?:dong|vnd)", "tỷ đồng"),
    (r"million (?:dong|vnd)", "triệu đồng"),
    (r"sources?", "nguồn"),
    (r"pilot models?|model projects?", "mô hình điểm"),
    (r"clubs?", "câu lạc bộ"),
    (r"universit(?:y|ies)|colleges?", "trường đại học, cao đẳng"),
    (r"experts?|specialists?", "chuyên gia"),
    (r"train(?:ed|ing|s)?", "đào tạo"),
    (r"enterprises?|businesses|companies|firms", "doanh nghiệp"),
    (r"cooperatives?", "hợp tác xã"),
    (r"support(?:ed|s)?|assist\w*|help", "hỗ trợ"),
    (r"productivity", "năng suất"),
    (r"quality", "chất lượng"),
    (r"growth|increase|raise|grow", "tăng"),
    (r"contribut\w*", "đóng góp"),
    (r"targets?|goals?|objectives?|aims?", "mục tiêu"),
    (r"tasks?|solutions?|measures?", "nhiệm vụ, giải pháp"),
    (r"main|key|major", "chính"),
    (r"groups?", "nhóm"),
    (r"document number|number of the plan|reference number", "số hiệu"),
    (r"issued|promulgated|adopted", "ban hành"),
    (r"established|founded", "thành lập"),
    (r"deadline|due date", "thời hạn"),
    (r"report(?:s|ing)?", "báo cáo"),
    (r"when|what date|which date", "ngày nào"),
    (r"national|nationwide|country", "quốc gia"),
    (r"hospitals?|health (?:care )?facilities", "cơ sở khám bệnh, chữa bệnh"),
    (r"more than|over|above|exceeding", "trên"),
    (r"less than|below|under", "dưới"),
    (r"plans?", "kế hoạch"),
    (r"decrees?", "nghị định"),
    (r"resolutions?", "nghị quyết"),
    (r"circulars?", "thông tư"),
    (r"decisions?", "quyết định"),
    (r"provinces?", "tỉnh"),
    (r"by (20\d{2})|until (20\d{2})|in (20\d{2})|for (20\d{2})", r"năm \1\2\3\4"),
    (r"per year|a year|annually|each year|yearly", "mỗi năm"),
]
_GLOSSARY = [(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), vi) for pattern, vi in GLOSSARY]
_DROP = re.compile(r"\b(?:what|which|who|how|does|do|did|is|are|was|were|the|of|in|to|a|an|its|their|this|that|"
                   r"set|sets|has|have|had|will|should|must|be|been|and|or|on|at|from|with|about|'s|s)\b",
                   re.IGNORECASE)


def is_english(text: str) -> bool:
    """Text with no letter outside ASCII and several English function words, more than the Vietnamese ones it
    holds typed without diacritics ("tờ trình", "dự án", "An Giang" typed so hold "to", "an"). Punctuation outside
    ASCII ("2026–2030", curly quotes) is English too.

    >>> is_english("How many experts does Hai Phong plan to train under its 2026–2030 plan?")
    True
    >>> is_english("to trinh de nghi phe duyet du an cua ba ria vung tau la so may")
    False
    """
    if any(ord(c) > 127 and c.isalpha() for c in text):
        return False
    typed = re.findall(r"[a-z']+", text.lower())
    found = [w for w in typed if w in _ENGLISH_WORDS]
    return len(found) >= 2 and len(found) > vietnamese_function_words(typed)


# What each English interrogative asks, for a question asking several things ("When ..., and who ...?"): each
# part keeps its own, so that it is read as a part of its own.
_ASKS = [(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), vi) for pattern, vi in (
    (r"who|whom|whose", "ai"), (r"where", "ở đâu"), (r"which|what", "nào"))]


_NOT_LISTS = {"does", "was", "has"}
# "What targets does X set?" asks their figures; "Which targets ...?" asks which ones.
_FIGURES = {"targets", "goals", "objectives", "aims"}


def to_vietnamese(question: str) -> str:
    """The glossary's Vietnamese for every domain phrase; names, numbers and unknown words are kept. A question
    asking several things is put into Vietnamese part by part, each part with its interrogative.

    >>> to_vietnamese("How many firms won in 2021, and who spoke for Vietnam?")
    'bao nhiêu doanh nghiệp won năm 2021, và ai spoke for Vietnam'
    """
    parts = split_parts(question)
    if len(parts) >= 2:
        return ", và ".join(_translate(part, keep_asks=True) for part in parts)
    return _translate(question)


def _translate(question: str, keep_asks: bool = False) -> str:
    text = question.rstrip("?!. ")
    placeholders: list[str] = []

    def keep(m: re.Match[str], vi: str) -> str:
        placeholders.append(m.expand(vi))
        return f" \x00{len(placeholders) - 1}\x00 "

    for pattern, vi in _GLOSSARY + (_ASKS if keep_asks else []):
        text = pattern.sub(lambda m, vi=vi: keep(m, vi), text)
    text = _DROP.sub(" ", text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: placeholders[int(m.group(1))], text)
    if re.match(r"\s*what\b", question, re.IGNORECASE) and "số hiệu" not in text and re.search(
            r"\b(growth|rate|share|percent\w*|number|amount|target|increase|budget|funding|funds|cost)\b", question,
            re.IGNORECASE):
        text += " bao nhiêu"  # "What growth does X target?", "What budget ...?" ask for an amount
    # the noun right after "what / which" in the plural (not a verb: "What does ...", not "what targets", which asks
    # their amounts)
    plural = re.search(r"\b(what|which)\s+(criteria|\w+[^su\W]s)\b", question, re.IGNORECASE)
    if plural and plural.group(2).lower() not in _NOT_LISTS and "bao nhiêu" not in text and not keep_asks and not (
            plural.group(1).lower() == "what" and plural.group(2).lower() in _FIGURES):
        text += " những gì"  # "What criteria ...?", "For which countries ...?" ask for several things: a list
    if (not keep_asks and re.match(r"\s*who (?:is|was|are|were)\b", question, re.IGNORECASE)) or re.search(
            r"\bwhich (?:\w+ )?(?:minister|director|chairman|chairwoman|chairperson|head|official|leader|person|"
            r"people|deputy|governor|secretary)\b", question, re.IGNORECASE):
        text += " ai"  # "Who is the Director ...?", "Which Prime Minister ...?" ask for a person, also as the part of
        # a question asking two things ("..., and which science minister spoke there?"); "Who organised ...?" may
        # ask for a body: left to the words it names
    return " ".join(text.replace(",", " ").split())


# "What is TPI?", "What does APO stand for?", "What is meant by green productivity?": a term asked to be defined, a
# short name of its own ("What is the target of ..." asks a part of a plan).
# ("In the APO context, what does the abbreviation NPO stand for?": a context first, the word "abbreviation".)
_DEFINITION = re.compile(r"^\s*(?:[^,?]{1,60},\s*)?what (?:is|are|does|do)(?: meant by)? "
                         r"(?:the (?:abbreviation|acronym|term) )?(?P<term>(?!the\b|a\b|an\b)[\w.&-]+(?: [\w.&-]+){0,3}?)"
                         r"(?: stand for| mean)?\s*\??\s*$", re.IGNORECASE)


def defined_term(question: str) -> tuple[str, ...]:
    """The folded words of the term an English question asks to define.

    >>> defined_term("What does TPI stand for?"), defined_term("What is green productivity?")
    (('tpi',), ('green', 'productivity'))
    >>> defined_term("What is the target of Decision 1322?"), defined_term("What is Vietnam's labour productivity?")
    ((), ())
    >>> defined_term("In the APO context, what does the abbreviation NPO stand for?")
    ('npo',)
    """
    m = _DEFINITION.match(question)
    if not m or re.search(r"'s\b|\b(?:of|for|in|by)\b", m.group("term"), re.IGNORECASE):
        return ()
    return tuple(words(m.group("term")))


_NOT_KEYWORDS = set(STOPWORDS_EN_PLUS) | {"many", "much", "whose", "according"}


# British spellings and the American ones ("labour" labor, "organisation" organization, "centre" center, "analyse"
# analyze, "programme" program, "licence" license, "catalogue" catalog): pages and questions use either. Each
# pattern is read both ways; a rewritten word counts only if the dictionary knows it ("hour", "four", "matter" stay).
_SPELLINGS = [(re.compile(british), american, re.compile(us), uk) for british, american, us, uk in (
    (r"(?<=\w{3})our(?=(?:s|ed|ing|er|ers|able|ably|ite|ites|ful|less)?$)", "or",
     r"(?<=\w{3})or(?=(?:s|ed|ing|er|ers|able|ably|ite|ites|ful|less)?$)", "our"),
    (r"(?<=\w{3})is(?=(?:e|es|ed|ing|er|ers|ation|ations)$)", "iz",
     r"(?<=\w{3})iz(?=(?:e|es|ed|ing|er|ers|ation|ations)$)", "is"),
    (r"(?<=\w{2})ys(?=(?:e|es|ed|ing)$)", "yz", r"(?<=\w{2})yz(?=(?:e|es|ed|ing)$)", "ys"),
    (r"(?<=\w{3})tre(?=s?$)", "ter", r"(?<=\w{3})ter(?=s?$)", "tre"),
    (r"(?<=\w{3})mme(?=s?$)", "m", r"(?<=\w{3})m(?=s?$)", "mme"),
    (r"(?<=\w{2})ence(?=s?$)", "ense", r"(?<=\w{2})ense(?=s?$)", "ence"),
    (r"(?<=\w{3})ogue(?=s?$)", "og", r"(?<=\w{3})og(?=s?$)", "ogue"),
)]
# Words spelled "-ise" on both sides of the Atlantic (the "-ise" is no suffix): "enterprise", "exercise", ...
_ALWAYS_ISE = re.compile(r"^(?:enterpris|exercis|expertis|compromis|surpris|supervis|advertis|advis|revis|devis|"
                         r"despis|premis|promis|franchis|merchandis|televis|improvis|compris|chastis|disguis|"
                         r"otherwis|precis|concis|excis|incis|demis|repris|treatis|circumcis|aris|ris|wis)")


def other_spelling(word: str) -> str:
    """A folded English word in its other spelling, American for British and British for American, when the
    dictionary knows that spelling; else the word itself.

    >>> [other_spelling(w) for w in ("labour", "organisation", "centres", "analysed", "programme", "licence")]
    ['labor', 'organization', 'centers', 'analyzed', 'program', 'license']
    >>> [other_spelling(w) for w in ("labor", "organized", "center", "program")]
    ['labour', 'organised', 'centre', 'programme']
    >>> [other_spelling(w) for w in ("hour", "four", "enterprises", "exercised", "sentence", "matter")]
    ['hour', 'four', 'enterprises', 'exercised', 'sentence', 'matter']
    """
    for british, american, us, uk in _SPELLINGS:
        for pattern, spelling in ((british, american), (us, uk)):
            if spelling in ("iz", "is") and _ALWAYS_ISE.match(word):
                continue
            variant = pattern.sub(spelling, word, count=1)
            if variant != word and getAllLemmas(variant):
                return variant
    return word


@lru_cache(maxsize=20_000)
def lemmas(word: str) -> tuple[str, ...]:
    """The dictionary forms of a folded English word (lemminflect's dictionary, every part of speech): an
    inflected form and its base form are one word to a reader ("grew" grow, "workers" worker), and so are its
    British and American spellings (the word's own forms first). A word the dictionary does not know ("vietnam",
    a Vietnamese syllable) has none.

    >>> lemmas("grew"), lemmas("workers"), lemmas("rose"), lemmas("vietnam"), lemmas("labor")
    (('grow',), ('worker',), ('rose', 'rise'), (), ('labor', 'labour'))
    """
    return tuple(dict.fromkeys(form.lower() for spelled in dict.fromkeys((word, other_spelling(word)))
                               for forms in getAllLemmas(spelled).values() for form in forms))


def base_form(word: str) -> str:
    """The word a question's English word is matched as: itself when it is a base form ("data", "rose"), else
    its first dictionary form ("grew" → "grow").

    >>> [base_form(w) for w in ("grew", "awards", "rose", "apo")]
    ['grow', 'award', 'rose', 'apo']
    """
    forms = lemmas(word)
    return word if not forms or word in forms else forms[0]


def with_lemmas(text_words: Sequence[str]) -> tuple[str, ...]:
    """An English text's words, then the dictionary forms of its inflected ones, so that a question's
    :func:`base_form` finds "grew" as "grow" and "workers" as "worker".

    >>> with_lemmas(["productivity", "grew", "64", "per", "cent"])
    ('productivity', 'grew', '64', 'per', 'cent', 'grow')
    """
    seen = set(text_words)
    extra = [form for w in text_words for form in lemmas(w) if form not in seen]
    return (*text_words, *dict.fromkeys(extra))


def english_keywords(question: str) -> list[str]:
    """The content words of an English question (folded like :func:`common.text.words`; no function words, no
    years), to read English passages with: the glossary's Vietnamese words are not in them.

    >>> english_keywords("What was Vietnam's labor productivity per hour in 2021, and what was Thailand's?")
    ['vietnam', 'labor', 'productivity', 'per', 'hour', 'thailand']
    """
    return [w for w in dict.fromkeys(base_form(w) for w in words(question)) if w not in _NOT_KEYWORDS
            and not YEAR.fullmatch(w) and len(w) > 1]


# Vietnamese questions about English pages: the domain's Vietnamese terms and the English words such pages use for
# them (read longest first; a term inside a longer one found is not read again). Names typed with diacritics match the
# pages' unaccented spelling once folded ("Bình Dương" is "binh duong"), numbers as they are.
VIETNAMESE_TERMS: list[tuple[str, str]] = [
    ("tổng năng suất các nhân tố", "total factor productivity tfp"),
    ("năng suất lao động", "labour labor productivity"),
    ("năng suất xanh", "green productivity"),
    ("năng suất", "productivity"),
    ("chất lượng sản phẩm, hàng hóa", "product goods quality"),
    ("chất lượng", "quality"),
    ("giải thưởng chất lượng quốc gia", "national quality award awards"),
    ("giải thưởng", "award awards prize"),
    ("giải vàng", "gold"),
    ("vinh danh", "honored honoured honor"),
    ("doanh nghiệp nhỏ và vừa", "small medium sized enterprises smes"),
    ("doanh nghiệp", "enterprises enterprise businesses companies firms"),
    ("hợp tác xã", "cooperatives"),
    ("hỗ trợ", "support supported supporting assistance"),
    ("mục tiêu", "target targets goal goals objective objectives"),
    ("kế hoạch", "plan"),
    ("chương trình", "programme program"),
    ("đề án", "project scheme"),
    ("dự án", "project projects"),
    ("chuyên gia", "experts expert specialists"),
    ("đào tạo", "training trained train"),
    ("bồi dưỡng", "training trained"),
    ("tăng trưởng", "growth"),
    ("tốc độ tăng", "growth rate"),
    ("tỷ lệ", "rate percentage share proportion"),
    ("đóng góp", "contribution contribute contributes"),
    ("đo lường", "measurement metrology"),
    ("tiêu chuẩn", "standards standard"),
    ("đổi mới sáng tạo", "innovation"),
    ("khoa học và công nghệ", "science technology"),
    ("công nghệ", "technology"),
    ("thủ tướng", "prime minister"),
    ("phê duyệt", "approved approving approval approves"),
    ("ban hành", "issued"),
    ("ký", "signed"),
    ("quyết định", "decision"),
    ("nghị quyết", "resolution"),
    ("thông tư", "circular"),
    ("hội thảo", "workshop seminar"),
    ("hội nghị", "conference meeting"),
    ("đại biểu", "delegates participants representatives"),
    ("kinh tế tuần hoàn", "circular economy"),
    ("hệ thống quản lý", "management system systems"),
    ("công cụ", "tools"),
    ("cải tiến", "improvement improve"),
    ("kinh phí", "funding budget funds"),
    ("ngân sách", "budget"),
    ("tỷ đồng", "billion vnd dong"),
    ("bình quân", "average"),
    ("cả nước", "country nationwide"),
    ("quốc gia", "national"),
    ("tỉnh", "province provincial"),
    ("thành phố", "city"),
    ("trung tâm", "centre center"),
    ("mô hình điểm", "pilot models model"),
    ("mô hình", "models model"),
    ("thí điểm", "pilot"),
    ("kế hoạch tổng thể", "master plan"),
    ("cuộc họp", "meeting"),
    ("viện", "institute"),
    ("nước ngoài", "foreign"),
    ("những nước", "countries"),
    ("hài hòa", "harmonisation harmonization"),
    ("quốc tế", "international"),
    ("giải bạc", "silver"),
    ("hằng năm", "annual annually yearly"),
    ("hàng năm", "annual annually yearly"),
    ("chứng nhận", "certified certification certificates"),
    ("người lao động", "workers employees"),
    ("lao động", "labour labor workers"),
    ("xuất khẩu", "export exports"),
    ("tiết kiệm năng lượng", "energy saving efficiency"),
    ("chuẩn đo lường", "measurement standards"),
    ("bổ sung", "additional new"),
    ("truy xuất nguồn gốc", "traceability traceable"),
    ("mã vạch", "barcode barcodes"),
    ("câu lạc bộ", "clubs club"),
    ("trường đại học", "universities university"),
    ("cán bộ", "officials officers staff"),
    ("tiêu chuẩn quốc gia", "national standards standard"),
    ("tỷ trọng", "share proportion contribution"),
    ("kinh tế số", "digital economy"),
    ("chuyển đổi số", "digital transformation"),
    ("chuyển đổi xanh", "green transition transformation"),
    ("sơ bộ", "preliminary"),
    ("diễn ra", "held took place"),
    ("tổ chức", "held organised organized organisation organization"),
    ("lễ trao", "ceremony presented"),
    ("lễ", "ceremony"),
    ("trao", "presented awarded"),
    ("tặng", "awarded presented"),
    ("thành lập", "established founded"),
    ("thành viên", "member members"),
    ("tiêu chí", "criteria"),
    ("khu vực", "region regional"),
    ("bộ khoa học và công nghệ", "ministry science technology"),
    ("tổng cục tiêu chuẩn đo lường chất lượng", "directorate standards metrology quality stameq"),
    ("viện năng suất việt nam", "vietnam productivity institute vnpi"),
    ("ủy ban", "committee"),
    ("phó thủ tướng", "deputy prime minister"),
    ("bộ trưởng", "minister"),
    ("giám đốc", "director"),
    # everyday words of economic news and reports
    ("dự báo", "forecast forecasts projected"),
    ("bắt kịp", "catch caught"),
    ("chiến lược", "strategy strategies strategic"),
    ("kết hợp", "combination combine combined"),
    ("khả năng", "likely able ability capacity"),
    ("hoàn thành", "completed complete"),
    ("nhiệm vụ", "tasks task"),
    ("đánh giá", "assessment evaluation assessed evaluated"),
    ("chỉ tiêu", "targets indicators"),
    ("kết quả", "results result"),
    ("báo cáo", "report reported"),
    ("thống kê", "statistics statistical"),
    ("việc làm", "employment jobs employed"),
    ("nông nghiệp", "agriculture agricultural"),
    ("công nghiệp", "industry industrial"),
    ("dịch vụ", "services"),
    ("đầu tư công", "public investment"),
    ("đầu tư", "investment invest"),
    ("kinh tế", "economy economic"),
    ("cơ cấu lại", "restructuring"),
    ("tốc độ", "rate pace"),
    ("bình quân đầu người", "per capita"),
    ("thu nhập", "income"),
    ("nhập khẩu", "imports import"),
    ("doanh thu", "revenue turnover"),
    ("lợi nhuận", "profit profits"),
    ("khu vực tư nhân", "private sector"),
    ("doanh nghiệp nhà nước", "state owned enterprises soes"),
    ("đầu tư trực tiếp nước ngoài", "foreign direct investment fdi"),
    ("kỹ năng", "skills"),
    ("bằng cấp", "degrees"),
    ("chứng chỉ", "certificates"),
    ("chỉ thị", "directive"),
    ("nghị định", "decree"),
    ("chính phủ", "government"),
    ("quốc hội", "national assembly"),
    ("bộ chính trị", "politburo"),
    ("bộ công thương", "ministry industry trade moit"),
    ("bộ kế hoạch và đầu tư", "ministry planning investment mpi"),
    ("bộ tài chính", "ministry finance"),
    ("ngân hàng thế giới", "world bank"),
    ("khuyến nghị", "recommendations recommendation recommend"),
    ("giải pháp", "solutions measures"),
    ("thách thức", "challenges"),
    ("nguyên nhân", "causes reasons"),
    ("phát biểu", "said speech remarks"),
    ("khai mạc", "opened opening"),
    ("diễn đàn", "forum"),
    ("chủ đề", "theme"),
    ("tham dự", "attended participants"),
    ("hợp tác", "cooperation partnership"),
    ("công bố", "announced published released"),
    ("xếp hạng", "ranked ranking"),
    ("chỉ số", "index"),
    ("bền vững", "sustainable sustainability"),
    ("môi trường", "environment environmental"),
    ("năng lượng", "energy"),
    ("phát thải", "emissions"),
    ("số hóa", "digitalisation digitalization digital"),
    ("trí tuệ nhân tạo", "artificial intelligence"),
    ("sản xuất", "production manufacturing"),
    ("chế biến, chế tạo", "processing manufacturing"),
    ("dự kiến", "expected planned projected"),
    ("tham gia", "join joined participate participated participation"),
    ("ít nhất", "least"),
    ("tối thiểu", "minimum least"),
    ("truy xuất nguồn gốc", "traceability trace tracing"),
    ("nguồn gốc", "origin"),
    ("cửa hàng", "shops shop stores store"),
    ("siêu thị", "supermarkets supermarket"),
    ("chợ", "markets market"),
    ("trái cây", "fruit fruits"),
    ("hoa quả", "fruit fruits"),
    ("nông sản", "agricultural produce farm products"),
    ("thực phẩm", "food"),
    ("quận", "districts district"),
    ("huyện", "districts district"),
    ("nội thành", "inner urban"),
    ("người tiêu dùng", "consumers consumer"),
    ("người lao động", "workers labourers employees"),
]
_VIETNAMESE_TERMS = [(re.compile(rf"(?<!\w){re.escape(vi)}(?!\w)", re.IGNORECASE), en.split())
                     for vi, en in sorted(VIETNAMESE_TERMS, key=lambda t: len(t[0]), reverse=True)]


# The same terms typed without diacritics ("giai thuong chat luong quoc gia"), but not a single syllable: folded,
# one syllable stands for up to a dozen words ("ky" is "ký" signed, "kỳ" a period and "kỹ" technical; "tinh" is
# "tỉnh" and "tính"), while two or more seldom collide.
_UNACCENTED_TERMS = [(re.compile(rf"(?<!\w){re.escape(strip_diacritics(vi))}(?!\w)", re.IGNORECASE), en.split())
                     for vi, en in sorted(VIETNAMESE_TERMS, key=lambda t: len(t[0]), reverse=True) if " " in vi]


def english_reading(question: str, names: list[str] = ()) -> list[str]:
    """The words an English page would use for a Vietnamese question: the English of its domain terms, and its
    names and numbers folded (``names``: places the question names, "Bình Dương" → "binh", "duong").

    >>> english_reading("Bình Dương có mấy doanh nghiệp nhận Giải thưởng Chất lượng Quốc gia năm 2020?", ["Bình Dương"])
    ['binh', 'duong', 'national', 'quality', 'award', 'awards', 'enterprises', 'enterprise', 'businesses', \
'companies', 'firms']
    >>> english_reading("Giai thuong Chat luong Quoc gia 2018 yeu cau dap ung bao nhieu tieu chi cua APQO?")
    ['national', 'quality', 'award', 'awards', 'criteria', 'apqo']
    """
    text = nfc(question)
    found: list[str] = [w for n in names for w in words(n)]
    for pattern, english in _UNACCENTED_TERMS if diacritic_share(text) == 0 else _VIETNAMESE_TERMS:
        text, n = pattern.subn(" ", text)
        if n:
            found += english
    # what no term covers and is no Vietnamese word: names and codes ("APO", "Esquel", "ISO 9001", "5S")
    # (capitalised inside the sentence, all capitals, or with digits: a Vietnamese syllable without diacritics that
    # opens the question, "Theo", is none of these)
    found += [m.group(0) for m in re.finditer(r"(?<!\w)[A-Za-z0-9]+(?!\w)", text)
              if m.group(0).isupper() or any(ch.isdigit() for ch in m.group(0))
              or (m.group(0)[0].isupper() and text[: m.start()].strip())]
    return [w for w in dict.fromkeys(words(" ".join(found))) if w not in _NOT_KEYWORDS and len(w) > 1
            and not YEAR.fullmatch(w)]


# What an English page counts with: the words after "how many / how much" up to the verb, whose head (the last
# word of an English noun phrase) names the thing counted ("how many APO member economies sent ..." → economies).
_HOW_MANY = re.compile(r"\bhow (?:many|much)\s+([a-z][a-z\s-]*)", re.IGNORECASE)
_NOT_NOUNS = {"received", "receive", "were", "was", "is", "are", "did", "do", "does", "have", "has", "had", "will",
              "got", "get", "sent", "send", "won", "win", "attended", "took", "joined", "participated", "applied",
              "be", "been", "can", "could", "would", "should", "in", "of", "for", "by", "under", "from", "to", "at",
              "on", "with", "per"}
_SKIPPED = {"the", "a", "an", "and", "or"}  # inside a noun phrase: "productivity and quality experts"
_COUNTED_AFTER = re.compile(r"(?<!\w)(?:bao nhiêu|mấy)\s+(.+)", re.IGNORECASE)


def counted_in_vietnamese(question: str) -> list[str]:
    """The thing an English question counts, as a Vietnamese page names it (folded words): the head noun after "how
    many" put into Vietnamese. Vietnamese names the head first ("FDI enterprises" is "doanh nghiệp FDI", written
    "4 DN với vốn đầu tư FDI"), so the word-by-word reading's "bao nhiêu FDI doanh nghiệp" counts the wrong words.
    [] when nothing is counted or the head has no Vietnamese.

    >>> counted_in_vietnamese("How many FDI enterprises did the province have?")
    ['doanh', 'nghiep']
    >>> counted_in_vietnamese("How many APO member economies sent delegates?"), counted_in_vietnamese("Who signed?")
    ([], [])
    """
    head = english_units("", question)
    if not head:
        return []
    vietnamese = to_vietnamese(head[0])
    return words(fold(vietnamese)) if diacritic_share(vietnamese) else []


def english_units(question: str, asked_as: str = "") -> tuple[str, ...]:
    """Words any one of which names, in an English page, the thing a question counts: of an English question
    (``asked_as``) the head of the noun after "how many" (the last word before the verb); of a Vietnamese one the
    English of the domain term that follows "bao nhiêu / mấy" (:data:`VIETNAMESE_TERMS`). Empty when nothing is
    counted or the term is unknown.

    >>> english_units("", "How many productivity and quality experts does the programme train?")
    ('experts',)
    >>> english_units("Có bao nhiêu doanh nghiệp được hỗ trợ?")
    ('enterprises', 'enterprise', 'businesses', 'companies', 'firms')
    >>> english_units("Tỉnh đặt mục tiêu tăng bao nhiêu phần trăm?")
    ()
    """
    if asked_as:
        m = _HOW_MANY.search(asked_as)
        if not m:
            return ()
        noun = []
        for w in m.group(1).lower().split():
            if w in _NOT_NOUNS:
                break
            if w not in _SKIPPED:
                noun.append(w)
        return (noun[-1],) if noun else ()
    m = _COUNTED_AFTER.search(nfc(question))
    if not m:
        return ()
    for pattern, english in _VIETNAMESE_TERMS:
        if pattern.match(m.group(1)):
            return tuple(english)
    return ()
