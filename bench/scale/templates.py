"""Text templates of the scale corpus: plans (period, annual, revised), yearly reports and news articles.

Each ``render_*`` function takes the numbers of one document and returns ``(text, facts)``: the Vietnamese text,
and the values it states that a gold question may ask, as strings written exactly as in the text. Wording,
optional sections and section order vary with the document's ``style`` so that plans are alike but not equal.

>>> vn_decimal(72), vn_decimal(80)
('7,2', '8')
>>> roman(4)
'IV'
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.generate_provinces import vn_decimal

KINDS = ("ke_hoach_giai_doan", "ke_hoach_nam", "tin_tuc", "bao_cao", "sua_doi")
CITIES = ("Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ")
ABBR = {"Sở Khoa học và Công nghệ": "Sở KH&CN", "Sở Kế hoạch và Đầu tư": "Sở KH&ĐT",
        "Sở Nông nghiệp và Phát triển nông thôn": "Sở NN&PTNT", "Sở Thông tin và Truyền thông": "Sở TT&TT",
        "Sở Lao động - Thương binh và Xã hội": "Sở LĐ-TB&XH", "Sở Giáo dục và Đào tạo": "Sở GD&ĐT",
        "Sở Nông nghiệp và Môi trường": "Sở NN&MT", "Sở Công Thương": "Sở Công Thương",
        "Sở Tài chính": "Sở Tài chính"}
# Programmes a province runs plans for; a document's cycle picks one.
TOPICS = (
    "nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo",
    "hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa",
    "nâng cao năng suất lao động gắn với chuyển đổi số trong doanh nghiệp",
    "nâng cao năng suất, chất lượng trong sản xuất nông nghiệp và kinh tế hợp tác",
    "áp dụng hệ thống quản lý, công cụ cải tiến năng suất chất lượng",
    "phát triển nguồn nhân lực và mạng lưới chuyên gia năng suất chất lượng",
)
BASES = ("Quyết định số 36/QĐ-TTg ngày 11/01/2021 của Thủ tướng Chính phủ ban hành Kế hoạch tổng thể nâng cao "
         "năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo giai đoạn 2021 - 2030",
         "Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ phê duyệt Chương trình quốc gia hỗ trợ "
         "doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021 - 2030")
# Task groups of "NHIỆM VỤ, GIẢI PHÁP": heading and bullet items ({u}: "tỉnh"/"thành phố").
TASKS = (
    ("Hoàn thiện cơ chế, chính sách thúc đẩy năng suất", (
        "Rà soát, đề xuất sửa đổi, bổ sung cơ chế, chính sách khuyến khích doanh nghiệp đầu tư đổi mới công nghệ, áp dụng công cụ cải tiến năng suất.",
        "Xây dựng cơ sở dữ liệu về năng suất của {u}, cập nhật hằng năm chỉ số năng suất lao động theo ngành, lĩnh vực.",
        "Lồng ghép mục tiêu nâng cao năng suất vào kế hoạch phát triển kinh tế - xã hội hằng năm của các sở, ngành, địa phương.")),
    ("Hỗ trợ doanh nghiệp áp dụng hệ thống quản lý, công cụ cải tiến năng suất", (
        "Hỗ trợ doanh nghiệp xây dựng, áp dụng và chứng nhận hệ thống quản lý theo tiêu chuẩn ISO 9001, ISO 14001, ISO 22000, ISO 50001, ISO 45001.",
        "Hướng dẫn doanh nghiệp áp dụng các công cụ 5S, Kaizen, Lean, TPM, KPI và năng suất xanh.",
        "Lựa chọn doanh nghiệp thuộc các ngành chủ lực của {u} để xây dựng mô hình điểm, tổ chức tham quan, nhân rộng.",
        "Hỗ trợ hợp tác xã, chủ thể OCOP áp dụng mã số mã vạch, truy xuất nguồn gốc sản phẩm.")),
    ("Thúc đẩy đổi mới công nghệ và chuyển đổi số", (
        "Hỗ trợ doanh nghiệp đánh giá trình độ công nghệ, xây dựng lộ trình đổi mới công nghệ, ưu tiên công nghệ tiết kiệm năng lượng.",
        "Kết nối doanh nghiệp với viện nghiên cứu, trường đại học và sàn giao dịch công nghệ để chuyển giao công nghệ.",
        "Hỗ trợ doanh nghiệp nhỏ và vừa ứng dụng nền tảng số trong quản trị, sản xuất và kinh doanh.")),
    ("Đào tạo nguồn nhân lực cho hoạt động nâng cao năng suất", (
        "Cử cán bộ quản lý nhà nước và cán bộ doanh nghiệp tham gia các khóa đào tạo chuyên gia năng suất chất lượng đạt tiêu chuẩn quốc gia.",
        "Phối hợp với các trường đại học, cao đẳng, cơ sở giáo dục nghề nghiệp đưa nội dung năng suất vào chương trình đào tạo.",
        "Tổ chức các lớp tập huấn về quản trị năng suất, chuyển đổi số, sản xuất thông minh cho doanh nghiệp.")),
    ("Tăng cường năng lực tổ chức hỗ trợ hoạt động năng suất chất lượng", (
        "Hình thành mạng lưới các tổ chức hỗ trợ hoạt động năng suất ở các sở, ngành, địa phương, gắn kết với hiệp hội và doanh nghiệp.",
        "Đầu tư trang thiết bị thử nghiệm, đo lường phục vụ doanh nghiệp trên địa bàn {u}.")),
    ("Đẩy mạnh thông tin, tuyên truyền về năng suất", (
        "Xây dựng chuyên mục về năng suất chất lượng trên Cổng thông tin điện tử, báo và đài phát thanh, truyền hình của {u}.",
        "Tổ chức hội thảo chia sẻ kinh nghiệm về các mô hình, doanh nghiệp điểm áp dụng công cụ nâng cao năng suất.",
        "Tôn vinh, khen thưởng tập thể, cá nhân có thành tích; hỗ trợ doanh nghiệp tham gia Giải thưởng Chất lượng quốc gia.")),
    ("Hợp tác quốc tế về năng suất", (
        "Khuyến khích doanh nghiệp tham gia các dự án hợp tác nghiên cứu, đào tạo, tư vấn về năng suất với tổ chức quốc tế.",
        "Tham gia các diễn đàn, hội nghị khu vực về năng suất do Tổ chức Năng suất châu Á tổ chức.")),
)
# Cooperating agencies of "TỔ CHỨC THỰC HIỆN" and their task; {lead}: the lead agency, {u}: "tỉnh"/"thành phố".
PARTNERS = (
    ("Sở Kế hoạch và Đầu tư", "Lồng ghép mục tiêu năng suất vào kế hoạch phát triển kinh tế - xã hội; phối hợp với Cục Thống kê công bố chỉ số năng suất lao động hằng năm."),
    ("Sở Công Thương", "Chủ trì lựa chọn, hỗ trợ doanh nghiệp công nghiệp, thương mại xây dựng mô hình điểm; lồng ghép với chương trình khuyến công."),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Hỗ trợ hợp tác xã, chủ thể OCOP áp dụng VietGAP, truy xuất nguồn gốc và công cụ cải tiến năng suất."),
    ("Sở Thông tin và Truyền thông", "Chỉ đạo các cơ quan báo chí tuyên truyền về phong trào năng suất; hỗ trợ doanh nghiệp chuyển đổi số."),
    ("Sở Giáo dục và Đào tạo", "Chỉ đạo các cơ sở giáo dục đưa nội dung năng suất chất lượng vào hoạt động ngoại khóa."),
    ("Sở Lao động - Thương binh và Xã hội", "Chỉ đạo cơ sở giáo dục nghề nghiệp đào tạo kỹ năng năng suất cho người lao động."),
    ("Ban Quản lý các khu công nghiệp", "Vận động doanh nghiệp trong các khu công nghiệp tham gia Kế hoạch và áp dụng mô hình điểm."),
    ("Cục Thống kê {u}", "Thu thập, công bố số liệu năng suất lao động và tỷ trọng đóng góp của TFP vào tăng trưởng GRDP."),
    ("Liên minh Hợp tác xã {u}", "Phổ biến chính sách hỗ trợ đến hợp tác xã thành viên; giới thiệu hợp tác xã tham gia Kế hoạch."),
    ("Hiệp hội Doanh nghiệp {u}", "Tuyên truyền, vận động hội viên tham gia các hoạt động nâng cao năng suất."),
    ("Ủy ban nhân dân các huyện, thị xã, thành phố", "Phối hợp triển khai Kế hoạch trên địa bàn; đề xuất doanh nghiệp tham gia mô hình điểm."),
)
MERGED_2025 = ("Sở Kế hoạch và Đầu tư", "Sở Thông tin và Truyền thông", "Sở Lao động - Thương binh và Xã hội",
               "Sở Nông nghiệp và Phát triển nông thôn")
_GENERAL = (
    "Đưa năng suất trở thành động lực phát triển quan trọng trong các ngành, lĩnh vực thông qua ứng dụng thành tựu khoa học, công nghệ, đổi mới sáng tạo; nâng cao sức cạnh tranh của nền kinh tế {u}.",
    "Huy động sự tham gia của doanh nghiệp, hợp tác xã, cơ sở giáo dục và cơ quan nhà nước vào phong trào năng suất; góp phần nâng tỷ trọng đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế của {u}.",
)
_LP_LINES = ("Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên {v}%/năm.",
             "Phấn đấu tốc độ tăng năng suất lao động bình quân đạt {v}%/năm.",
             "Tốc độ tăng năng suất lao động bình quân đạt khoảng {v}%/năm.")
_TFP_LINES = ("Tỷ trọng đóng góp của TFP vào tăng trưởng GRDP của {u} đạt {v}%.",
              "Góp phần đạt mục tiêu TFP đóng góp {v}% vào tăng GRDP của {u}.")


@dataclass(frozen=True)
class Plan:
    """The numbers of one plan: a period plan, an annual plan or a revision (``revises`` set)."""

    kind: str
    province: str
    cycle: int
    year: int                        # the plan's year (annual) or issue year (period)
    number: str
    date: tuple[int, int, int]       # day, month, year of issue
    period: str                      # "2022-2030" or "2024"
    targets: dict[str, str]          # lp_2025, tfp_2030, ... or lp_year, tfp_year, ...
    budget: str
    budget_unit: str                 # "tỷ đồng" or "triệu đồng"
    budget_state: str
    lead: str
    deadline: str                    # "15/12": the lead agency reports to the People's Committee before it
    signer: str
    signer_title: str                # "CHỦ TỊCH" or "PHÓ CHỦ TỊCH"
    style: int
    revises: str = ""
    revises_date: tuple[int, int, int] | None = None


@dataclass(frozen=True)
class Report:
    """A yearly report on a province's plan: achieved figures against targets."""

    province: str
    cycle: int
    year: int
    plan: Plan
    period: Plan
    number: str
    date: tuple[int, int, int]
    lp_achieved: str
    lp_target: str
    tfp_achieved: str
    enterprises_supported: str
    enterprises_planned: str
    disbursed: str
    director: str
    style: int


def roman(n: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")[n - 1]


def unit(province: str) -> str:
    return "thành phố" if province in CITIES else "tỉnh"


def topic(cycle: int) -> str:
    return TOPICS[cycle % len(TOPICS)]


def date_words(date: tuple[int, int, int], pad: bool) -> str:
    d, m, y = date
    return f"ngày {d:02d} tháng {m:02d} năm {y}" if pad else f"ngày {d} tháng {m} năm {y}"


def date_slash(date: tuple[int, int, int]) -> str:
    d, m, y = date
    return f"{d:02d}/{m:02d}/{y}"


def title_of(p: Plan) -> str:
    where = f"{unit(p.province)} {p.province}"
    if "lp_2025" in p.targets:
        base = f"{topic(p.cycle).capitalize()} {where} giai đoạn {p.period.replace('-', ' - ')}"
    else:
        base = f"Triển khai nhiệm vụ {topic(p.cycle)} trên địa bàn {where} năm {p.year}"
    if p.revises:
        return (f"Sửa đổi, bổ sung một số nội dung của Kế hoạch số {p.revises} ngày {date_slash(p.revises_date)} "
                f"của Ủy ban nhân dân {unit(p.province)} về {base[0].lower()}{base[1:]}")
    return base


def _header(org: list[str], number: str, place: str, date: tuple[int, int, int], rng: random.Random) -> list[str]:
    national = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    lines = [*org, *national] if rng.random() < 0.6 else [" ".join(org), *national]
    return lines + ["", f"Số: {number}", f"{place}, {date_words(date, rng.random() < 0.5)}", ""]


def _place(province: str) -> str:
    return "Thành phố Hồ Chí Minh" if province == "Hồ Chí Minh" else province


def _signature(title: str, name: str, recipients: list[str]) -> list[str]:
    block = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] if title == "CHỦ TỊCH" else \
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    return ["", "Nơi nhận:", *recipients, "", *block, "", "(Đã ký)", "", name]


def target_lines(p: Plan, horizon: str) -> list[str]:
    """The bullet lines of one target block (horizon "2025", "2030" or "year"). Their wording depends only on the
    plan's style, so a revision or a news article quoting the plan repeats them word for word."""
    rng = random.Random(f"{p.style}|{horizon}")
    u, t = unit(p.province), p.targets
    year = f"năm {p.year}" if horizon == "year" else f"đến năm {horizon}"
    head = [rng.choice(_LP_LINES).format(v=t[f"lp_{horizon}"]),
            rng.choice(_TFP_LINES).format(v=t[f"tfp_{horizon}"], u=u)]
    rest = [f"Hỗ trợ {t[f'enterprises_{horizon}']} doanh nghiệp, hợp tác xã xây dựng, áp dụng hệ thống quản lý, công cụ cải tiến năng suất chất lượng {year}.",
            f"Đào tạo {t[f'experts_{horizon}']} chuyên gia năng suất chất lượng đạt tiêu chuẩn quốc gia {year}."]
    extra = [f"Xây dựng {rng.randint(2, 12):02d} mô hình điểm về cải tiến năng suất tại doanh nghiệp thuộc ngành chủ lực.",
             f"Tập huấn kiến thức về năng suất chất lượng cho {rng.choice((200, 300, 400, 500, 800))} lượt cán bộ, công chức và người lao động.",
             f"Có {rng.randint(1, 5):02d} trường đại học, cao đẳng đưa nội dung năng suất vào chương trình đào tạo."]
    rest += rng.sample(extra, rng.randint(0, 3))
    rng.shuffle(rest)
    return [f"- {ln}" for ln in head + rest]


def _objectives(p: Plan, rng: random.Random) -> tuple[str, list[str]]:
    u = unit(p.province)
    body = ["1. Mục tiêu chung", rng.choice(_GENERAL).format(u=u)]
    if "lp_2025" in p.targets:
        body += ["2. Mục tiêu cụ thể", "a) Mục tiêu đến năm 2025", *target_lines(p, "2025"),
                 "b) Mục tiêu đến năm 2030", *target_lines(p, "2030")]
    else:
        body += [rng.choice(("2. Chỉ tiêu năm {y}", "2. Chỉ tiêu cụ thể năm {y}")).format(y=p.year),
                 *target_lines(p, "year")]
    return "MỤC TIÊU", body


def _tasks(p: Plan, rng: random.Random) -> tuple[str, list[str]]:
    body: list[str] = []
    annual = "lp_year" in p.targets
    for n, (head, items) in enumerate(rng.sample(TASKS, rng.randint(4, 6)), 1):
        body.append(f"{n}. {head}")
        for item in rng.sample(items, rng.randint(min(2, len(items)), len(items))):
            when = f" Thời gian thực hiện: Quý {rng.choice(('I', 'II', 'III', 'IV'))}/{p.year}." if annual else ""
            body.append(f"- {item.format(u=unit(p.province))}{when}")
    return "NHIỆM VỤ, GIẢI PHÁP", body


def _budget(p: Plan, rng: random.Random) -> tuple[str, list[str]]:
    if p.budget_unit == "tỷ đồng":
        rest = vn_decimal(round(float(p.budget.replace(",", ".")) * 10) - round(float(p.budget_state.replace(",", ".")) * 10))
        body = [f"Tổng kinh phí dự kiến thực hiện Kế hoạch giai đoạn {p.period.replace('-', ' - ')} là {p.budget} tỷ đồng, trong đó:",
                f"- Ngân sách nhà nước (nguồn sự nghiệp khoa học và công nghệ): {p.budget_state} tỷ đồng;",
                f"- Kinh phí đối ứng của doanh nghiệp và các nguồn huy động hợp pháp khác: {rest} tỷ đồng."]
    else:
        body = [f"Tổng kinh phí thực hiện Kế hoạch năm {p.year} là {p.budget} triệu đồng, từ nguồn sự nghiệp khoa học "
                f"và công nghệ của {unit(p.province)} và các nguồn hợp pháp khác."]
    body.append("Hằng năm, các cơ quan, đơn vị lập dự toán kinh phí gửi Sở Tài chính thẩm định, trình Ủy ban nhân dân "
                f"{unit(p.province)} phê duyệt theo phân cấp ngân sách hiện hành.")
    return "KINH PHÍ THỰC HIỆN", body


def _organisation(p: Plan, rng: random.Random) -> tuple[str, list[str]]:
    u = unit(p.province)
    lead_head = ABBR.get(p.lead, p.lead) if rng.random() < 0.3 else p.lead
    sentence = (f"{p.lead} là cơ quan thường trực, chủ trì, phối hợp với các sở, ngành, địa phương tổ chức triển khai Kế hoạch; "
                f"tổng hợp, báo cáo Ủy ban nhân dân {u} kết quả thực hiện trước ngày {p.deadline} hằng năm.")
    body = [f"1. {lead_head}: {sentence}"] if rng.random() < 0.4 else [f"1. {lead_head}", f"- {sentence}"]
    merged = p.date[2] >= 2025
    pool = [(a.format(u=u), t) for a, t in PARTNERS if a != p.lead and not (merged and a in MERGED_2025)]
    partners = [] if p.lead == "Sở Tài chính" else \
        [("Sở Tài chính", f"Chủ trì, phối hợp với {p.lead} tham mưu bố trí kinh phí thực hiện Kế hoạch.")]
    partners += rng.sample(pool, rng.randint(3, 6))
    other = rng.choice([d for d in ("30/11", "20/11", "05/12", "10/11") if d != p.deadline])
    for n, (agency, task) in enumerate(partners, 2):
        body += [f"{n}. {ABBR.get(agency, agency) if rng.random() < 0.2 else agency}", f"- {task}"]
    body[-1] += f" Định kỳ báo cáo kết quả về {ABBR.get(p.lead, p.lead)} trước ngày {other} hằng năm."
    return "TỔ CHỨC THỰC HIỆN", body


def render_plan(p: Plan) -> tuple[str, dict[str, str]]:
    """A period or annual plan (or its revision) and its facts."""
    rng = random.Random(p.style)
    u, P = unit(p.province), p.province
    lines = _header(["ỦY BAN NHÂN DÂN", f"{u.upper()} {P.upper()}"], p.number, _place(P), p.date,
                    random.Random(p.style ^ hash_date(p.date)))
    lines += ["KẾ HOẠCH", title_of(p), ""]
    lines += [f"Căn cứ {b};" for b in rng.sample(BASES, rng.randint(1, 2))]
    if p.revises:
        lines.append(f"Xét đề nghị của {p.lead}, Ủy ban nhân dân {u} sửa đổi, bổ sung một số chỉ tiêu của Kế hoạch "
                     f"số {p.revises} như sau (các nội dung khác giữ nguyên):")
    else:
        lines.append(f"Theo đề nghị của {p.lead}, Ủy ban nhân dân {u} ban hành Kế hoạch với các nội dung sau:")
    sections = [_objectives(p, rng), _tasks(p, rng), _budget(p, rng), _organisation(p, rng)]
    if rng.random() < 0.3:
        sections[2], sections[3] = sections[3], sections[2]
    if rng.random() < 0.4:
        sections.insert(0, ("MỤC ĐÍCH, YÊU CẦU", [
            "- Cụ thể hóa các nhiệm vụ, giải pháp nâng cao năng suất phù hợp với điều kiện của địa phương.",
            "- Phân công rõ trách nhiệm của các sở, ngành, địa phương; bảo đảm tiết kiệm, hiệu quả, tránh trùng lặp."]))
    for n, (head, body) in enumerate(sections, 1):
        lines += ["", f"{roman(n)}. {head}", *body]
    lines += ["", f"Trên đây là Kế hoạch {title_of(p)[0].lower()}{title_of(p)[1:]}. Trong quá trình thực hiện, nếu có "
              f"khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo Ủy ban nhân dân {u} (qua {p.lead}) để xem xét, chỉ đạo./."]
    lines += _signature(p.signer_title, p.signer, ["- Bộ Khoa học và Công nghệ;", f"- TT {u.capitalize()} ủy, TT HĐND {u};",
                                                    f"- Chủ tịch, các PCT UBND {u};", "- Các sở, ban, ngành;",
                                                    "- Lưu: VT, KGVX."])
    facts = {"subject": "ke_hoach_giai_doan" if "lp_2025" in p.targets else "ke_hoach_nam",
             "doc_number": p.number, "issue_date": date_slash(p.date), "title": title_of(p), "period": p.period,
             **p.targets, "budget": p.budget, "budget_unit": p.budget_unit, "lead_agency": p.lead,
             "signer": p.signer, "signer_title": p.signer_title, "report_deadline": p.deadline}
    if p.revises:
        facts["revises"] = p.revises
    return "\n".join(lines) + "\n", facts


def hash_date(date: tuple[int, int, int]) -> int:
    return date[0] * 10007 + date[1] * 101 + date[2]


def render_report(r: Report) -> tuple[str, dict[str, str]]:
    """A yearly report: achieved labour productivity vs the target, enterprises supported, funds disbursed."""
    rng = random.Random(r.style)
    u, P, y = unit(r.province), r.province, r.year
    by_dept = r.number.endswith("SKHCN")
    org = [f"UBND {u.upper()} {P.upper()}", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"] if by_dept else \
        ["ỦY BAN NHÂN DÂN", f"{u.upper()} {P.upper()}"]
    a, t = (round(float(v.replace(",", ".")) * 10) for v in (r.lp_achieved, r.lp_target))
    compare = "thấp hơn" if a < t else "cao hơn" if a > t else "bằng"
    budget = int(r.plan.budget.replace(".", ""))
    spent = int(r.disbursed.replace(".", ""))
    pct = lambda x, of: vn_decimal(round(1000 * x / of))  # noqa: E731
    plan_ref = f"Kế hoạch số {r.plan.number} ngày {date_slash(r.plan.date)}"
    lines = _header(org, r.number, _place(P), r.date, rng) + [
        "BÁO CÁO", f"Kết quả thực hiện {plan_ref} về {topic(r.cycle)} năm {y}", "",
        f"Thực hiện {plan_ref} của Ủy ban nhân dân {u}, {'Sở Khoa học và Công nghệ' if by_dept else f'Ủy ban nhân dân {u}'} "
        f"báo cáo kết quả thực hiện năm {y} như sau:", "",
        "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
        f"- Ban hành {rng.randint(3, 9):02d} văn bản hướng dẫn, đôn đốc các sở, ngành, địa phương triển khai Kế hoạch.",
        f"- Đăng tải {rng.randint(15, 80)} tin, bài về năng suất chất lượng trên Cổng thông tin điện tử và báo, đài của {u}.",
        "", "II. KẾT QUẢ THỰC HIỆN", "1. Kết quả thực hiện các chỉ tiêu",
        f"- Tốc độ tăng năng suất lao động năm {y} ước đạt {r.lp_achieved}%, {compare} mục tiêu {r.lp_target}%/năm.",
        f"- Tỷ trọng đóng góp của TFP vào tăng trưởng GRDP năm {y} ước đạt {r.tfp_achieved}%.",
        f"- Đã hỗ trợ {r.enterprises_supported}/{r.enterprises_planned} doanh nghiệp theo chỉ tiêu Kế hoạch năm {y}, "
        f"đạt {pct(int(r.enterprises_supported), int(r.enterprises_planned))}%.",
        "2. Kết quả sử dụng kinh phí",
        f"- Kinh phí giao năm {y} là {r.plan.budget} triệu đồng; đã giải ngân {r.disbursed} triệu đồng, đạt {pct(spent, budget)}%.",
        "", "III. ĐÁNH GIÁ CHUNG",
        "1. Kết quả đạt được",
        "Kế hoạch đã tạo chuyển biến về nhận thức của doanh nghiệp về năng suất; nhiều mô hình điểm bước đầu cho hiệu quả rõ rệt.",
        "2. Tồn tại, hạn chế",
        "- Phần lớn doanh nghiệp có quy mô nhỏ, khó bố trí kinh phí đối ứng; đội ngũ chuyên gia tư vấn tại chỗ còn mỏng.",
        "- Công tác tuyên truyền ở cấp huyện chưa thường xuyên.",
        "", f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {y + 1}",
        f"- Tiếp tục hỗ trợ doanh nghiệp áp dụng hệ thống quản lý, công cụ cải tiến năng suất; phấn đấu đạt mục tiêu {r.lp_target}%/năm.",
        "- Đẩy mạnh đào tạo chuyên gia năng suất chất lượng và nhân rộng mô hình điểm.",
    ]
    signer = r.director if by_dept else r.plan.signer
    tail = ["", "Nơi nhận:", "- Bộ Khoa học và Công nghệ;", f"- UBND {u};", "- Lưu: VT."]
    tail += ["", "GIÁM ĐỐC", "", signer] if by_dept else ["", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", signer]
    facts = {"doc_number": r.number, "issue_date": date_slash(r.date), "report_year": str(y),
             "lp_achieved": r.lp_achieved, "lp_target": r.lp_target, "tfp_achieved": r.tfp_achieved,
             "enterprises_supported": f"{r.enterprises_supported}/{r.enterprises_planned}",
             "budget_disbursed": r.disbursed, "plan_number": r.plan.number, "signer": signer}
    return "\n".join(lines + tail) + "\n", facts


def render_news(p: Plan, rng: random.Random, verbatim: bool) -> tuple[str, dict[str, str]]:
    """A news article about plan ``p`` with site furniture; ``verbatim`` quotes the plan's targets word for word."""
    u, P = unit(p.province), p.province
    period = "lp_2025" in p.targets
    horizon = "2025" if period else "year"
    lp = p.targets[f"lp_{horizon}"]
    when = "đến năm 2025" if period else f"năm {p.year}"
    d, m, y = p.date
    pub = (min(d + rng.randint(1, 6), 28), m, y)
    heading = rng.choice((f"{P} ban hành Kế hoạch {topic(p.cycle)} {'giai đoạn ' + p.period if period else 'năm ' + str(p.year)}",
                          f"{P} đặt mục tiêu tăng năng suất lao động {lp}% {when}",
                          f"UBND {u} {P} triển khai Kế hoạch số {p.number}"))
    reporter = rng.choice(("Thu Trang", "Minh Khôi", "Hoàng Anh", "Ngọc Hà", "Quang Vinh", "Phương Thảo"))
    lines = [rng.choice(("Trang chủ > Tin tức - Sự kiện > Khoa học - Công nghệ", "Trang chủ > Năng suất chất lượng")),
             "", heading, "", f"{date_slash(pub)} {rng.randint(7, 17):02d}:{rng.randint(0, 59):02d} Số lượt xem: {rng.randint(40, 3000)}",
             "", f"(Tin {P}) - Ủy ban nhân dân {u} {P} vừa ban hành Kế hoạch số {p.number} ngày {d}/{m}/{y} về "
             f"{title_of(p)[0].lower()}{title_of(p)[1:]}.", "",
             (f"Theo đó, {u} phấn đấu tốc độ tăng năng suất lao động bình quân đạt {lp}%/năm {when}; " if period else
              f"Theo đó, {u} phấn đấu tốc độ tăng năng suất lao động năm {p.year} đạt {lp}%; ") +
             f"hỗ trợ {p.targets[f'enterprises_{horizon}']} doanh nghiệp áp dụng hệ thống quản lý, công cụ cải tiến năng suất "
             f"và đào tạo {p.targets[f'experts_{horizon}']} chuyên gia năng suất chất lượng."]
    if period:
        lines[-1] += f" Đến năm 2030, mục tiêu tăng năng suất lao động bình quân là {p.targets['lp_2030']}%/năm."
    if verbatim:
        lines += ["", "Kế hoạch nêu rõ các chỉ tiêu:",
                  *target_lines(p, horizon)]
    lines += ["", f"Tổng kinh phí thực hiện Kế hoạch là {p.budget} {p.budget_unit}. {p.lead} được giao chủ trì, "
                  "phối hợp với các sở, ngành, địa phương tổ chức triển khai, định kỳ báo cáo kết quả thực hiện.",
              "", f"Phát biểu tại hội nghị triển khai Kế hoạch, lãnh đạo {p.lead} cho biết: “Năng suất không chỉ là "
                  "câu chuyện của doanh nghiệp. Chúng tôi sẽ ưu tiên hỗ trợ doanh nghiệp nhỏ và vừa, hợp tác xã áp "
                  "dụng 5S, Kaizen, Lean và chuyển đổi số để tạo chuyển biến rõ nét.”",
              "", f"Để thực hiện các chỉ tiêu, {u} tập trung hoàn thiện cơ chế, chính sách hỗ trợ; đẩy mạnh đào tạo "
                  "nguồn nhân lực, xây dựng mô hình điểm tại doanh nghiệp thuộc các ngành chủ lực và tăng cường "
                  "tuyên truyền để hình thành phong trào năng suất rộng khắp trong cộng đồng doanh nghiệp.",
              "", "Trước đó, nhiều doanh nghiệp trên địa bàn đã áp dụng thành công các công cụ cải tiến năng suất, "
                  "giảm lãng phí, rút ngắn thời gian giao hàng và nâng cao thu nhập cho người lao động.",
              "", f"{reporter}", "", "Thích và chia sẻ bài viết:", "Facebook Zalo In bài viết", "",
              "Tin liên quan",
              f"- {P} tổ chức hội thảo chia sẻ kinh nghiệm áp dụng công cụ Lean ({date_slash((max(d - 9, 1), m, y))})",
              f"- Tôn vinh doanh nghiệp đạt Giải thưởng Chất lượng quốc gia ({date_slash((max(d - 3, 1), m, y))})",
              "", "Về đầu trang"]
    facts = {"subject": "ke_hoach_giai_doan" if period else "ke_hoach_nam", "doc_number": p.number,
             "plan_date": date_slash(p.date), "published": date_slash(pub), "author": reporter,
             f"lp_{horizon}": lp, f"enterprises_{horizon}": p.targets[f"enterprises_{horizon}"],
             f"experts_{horizon}": p.targets[f"experts_{horizon}"], "budget": p.budget, "budget_unit": p.budget_unit,
             "lead_agency": p.lead, "period": p.period, "verbatim": str(verbatim)}
    if period:
        facts["lp_2030"] = p.targets["lp_2030"]
    if verbatim:
        facts[f"tfp_{horizon}"] = p.targets[f"tfp_{horizon}"]
    return "\n".join(lines) + "\n", facts
