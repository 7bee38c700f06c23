"""Generate near-duplicate provincial plans from one template, and gold questions over them.

Sixty-odd provinces write their productivity plans from the same template: the same headings and phrases,
different numbers, dates and signers. This script writes such plans for real provinces that are not in
``../shared/corpus`` (the wording follows Nam Định's plan, 004_80b94bbeffaeb75e.txt, closely) and a gold
question file in the eval format (../shared/eval/README.md) that asks each sampled province for its own
2025 and 2030 targets, its total funding and its signer, the 2030 target again as a follow-up, and the 2025 target
by document number only: answerable only from the right province's plan. Two cross-document questions ask which
provinces budget above / below a threshold that exactly five of them pass.

    .venv/bin/python bench/generate_provinces.py --provinces 60 --seed 7 --out bench/out/generated

Deterministic for a given seed. Writes ``<out>/<nnn>_<slug>.txt``, ``<out>/manifest.json`` (file → province,
the numbers used) and ``<out>/gold.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common.provinces import PROVINCES  # noqa: E402
from common.text import strip_diacritics  # noqa: E402

# Provinces whose real documents are in ../shared/corpus: never generated.
REAL_CORPUS_PROVINCES = ("Quảng Ninh", "Khánh Hòa", "Quảng Nam", "Bắc Ninh", "Nam Định")
# Centrally-run cities: "thành phố X" rather than "tỉnh X".
CITIES = ("Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ")
# Labour-productivity targets (tenths of a percent): 4,0% .. 9,8% in 2025, without the values Nam Định uses
# (7%, 7,5%). All stay under 10% so that dev.jsonl's "which provinces aim above 10% a year?" keeps its gold answer
# (Quảng Ninh and Bắc Ninh) when the generated plans are indexed beside the corpus.
_LP_2025 = [t for t in range(40, 99) if t not in (70, 75)]
_LP_MAX = 99

_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
             "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai", "Tạ", "Cao", "Lâm", "Tô"]
_MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Ngọc", "Xuân", "Công", "Đình", "Hồng", "Anh",
           "Quang", "Tuấn", "Việt", "Kim", "Thu"]
_GIVEN = ["Hùng", "Dũng", "Thắng", "Hải", "Long", "Sơn", "Tuấn", "Bình", "Hòa", "Lan", "Hương", "Phúc", "Khánh",
          "Trung", "Nghĩa", "Tâm", "Thành", "Cường", "Hiếu", "Quân", "Vinh", "Hạnh", "Mai", "Thảo", "Toàn", "Lợi",
          "Tiến", "Đạt", "Huy", "Kiên", "Phong", "Quý", "Tùng", "Vân", "Yến", "Chiến"]


@dataclass(frozen=True)
class PlanFacts:
    """The numbers, dates and names that make one generated plan different from the others."""

    province: str
    file: str
    unit: str                # "tỉnh" or "thành phố"
    doc_number: str          # "128/KH-UBND"
    day: int
    month: int
    year: int
    lp_2025: str             # labour-productivity growth target, "6,8"
    lp_2030: str
    tfp_2025: int            # TFP share of GRDP growth, %
    tfp_2030: int
    leaders_2025: tuple[int, int]    # enterprises leading productivity improvement, "từ 01 đến 03"
    leaders_2030: tuple[int, int]
    units_2025: tuple[int, int]      # units supported with management systems
    units_2030: tuple[int, int]
    schools_2025: tuple[int, int]
    schools_2030: tuple[int, int]
    experts_2025: tuple[int, int]
    experts_2030: tuple[int, int]
    officials: int                   # training: officials per period
    workers: int                     # training: enterprise staff per period
    funding_total: str               # tỷ đồng, "18,6"
    funding_state: str
    funding_other: str
    signer: str
    signer_title: str                # "PHÓ CHỦ TỊCH" or "CHỦ TỊCH"


def vn_decimal(tenths: int) -> str:
    """72 → "7,2"; 80 → "8" (Vietnamese decimal comma, no trailing ",0")."""
    return str(tenths // 10) if tenths % 10 == 0 else f"{tenths // 10},{tenths % 10}"


def slug(name: str) -> str:
    return "-".join(strip_diacritics(name).lower().replace("-", " ").split())


def _names(rng: random.Random, n: int, taken: set[str]) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        name = f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"
        if name not in taken:
            taken.add(name)
            out.append(name)
    return out


def available_provinces(exclude: tuple[str, ...] | list[str] = ()) -> list[str]:
    """Real province names, without the corpus's provinces and ``exclude`` (e.g. provinces that gold questions
    treat as having no plan indexed)."""
    return [p for p in PROVINCES if p not in REAL_CORPUS_PROVINCES and p not in exclude]


def make_facts(n: int, seed: int = 7, exclude: tuple[str, ...] | list[str] = ()) -> list[PlanFacts]:
    """Facts for ``n`` provinces (at most the real provinces not in the corpus nor in ``exclude``), deterministic
    for ``seed``.

    2025 labour-productivity targets are distinct across provinces (so are signers, funding totals and document
    numbers); 2030 targets may repeat. An answer quoting another province's equal number still counts as
    correct under the eval rules, which is why the benchmark also checks the province of the cited passage."""
    pool = available_provinces(exclude)
    if n > len(pool):
        print(f"note: {n} provinces asked, only {len(pool)} real provinces are not in the corpus (nor excluded); "
              f"generating {len(pool)}", file=sys.stderr)
        n = len(pool)
    rng = random.Random(seed)
    provinces = sorted(rng.sample(pool, n), key=pool.index)
    lp25 = rng.sample(_LP_2025, n)
    funding = rng.sample(range(52, 990), n)  # tenths of a billion đồng: 5,2 .. 98,9 tỷ đồng
    numbers = rng.sample(range(12, 2400), n)
    signers = _names(rng, n, {"Trần Lê Đoài", "Hoàng Bá Nam"})
    facts: list[PlanFacts] = []
    for i, province in enumerate(provinces):
        lp30 = lp25[i] + rng.randint(1, max(1, min(15, _LP_MAX - lp25[i])))
        lp30 += 1 if lp30 in (70, 75) else 0
        tfp25 = rng.randint(32, 46)
        lo_leaders = rng.randint(1, 3)
        lo_units = rng.choice([10, 15, 20, 25, 30, 40])
        lo_experts = rng.randint(2, 6)
        state = rng.randint(45, 80) * funding[i] // 100
        facts.append(PlanFacts(
            province=province, file=f"{i:03d}_{slug(province)}.txt",
            unit="thành phố" if province in CITIES else "tỉnh",
            doc_number=f"{numbers[i]}/KH-UBND",
            day=rng.randint(1, 28), month=rng.randint(1, 12), year=rng.choice([2022, 2023, 2023, 2024]),
            lp_2025=vn_decimal(lp25[i]), lp_2030=vn_decimal(lp30),
            tfp_2025=tfp25, tfp_2030=min(tfp25 + rng.randint(3, 9), 55),
            leaders_2025=(lo_leaders, lo_leaders + rng.randint(1, 3)),
            leaders_2030=(lo_leaders + rng.randint(3, 5), lo_leaders + rng.randint(7, 12)),
            units_2025=(lo_units, lo_units + rng.choice([5, 10, 20])),
            units_2030=(lo_units + rng.choice([10, 20, 30]), lo_units + rng.choice([40, 50, 70])),
            schools_2025=(1, rng.randint(2, 3)), schools_2030=(rng.randint(1, 3), rng.randint(4, 6)),
            experts_2025=(lo_experts, lo_experts + rng.randint(2, 4)),
            experts_2030=(lo_experts + rng.randint(2, 5), lo_experts + rng.randint(6, 12)),
            officials=rng.choice([30, 40, 50, 60, 80, 100]), workers=rng.choice([80, 100, 150, 200, 300]),
            funding_total=vn_decimal(funding[i]), funding_state=vn_decimal(state),
            funding_other=vn_decimal(funding[i] - state),
            signer=signers[i], signer_title=rng.choice(["PHÓ CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHỦ TỊCH"]),
        ))
    return facts


def _r(pair: tuple[int, int]) -> str:
    return f"{pair[0]:02d} đến {pair[1]:02d}"


def full_name(f: PlanFacts) -> str:
    """"tỉnh Hà Nam", "thành phố Hồ Chí Minh"."""
    return f"{f.unit} {f.province}"


def render_plan(f: PlanFacts) -> str:
    """The plan's text: Nam Định's wording, this province's name, numbers, date and signer."""
    place = f"Thành phố {f.province}" if f.province == "Hồ Chí Minh" else f.province
    header = f"ỦY BAN NHÂN DÂN {f.unit.upper()} {f.province.upper()}"
    sign = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" if f.signer_title == "CHỦ TỊCH" else \
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    fn = full_name(f)
    return f"""{header}

Số: {f.doc_number}

{place}, ngày {f.day:02d} tháng {f.month} năm {f.year}

KẾ HOẠCH

Nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo {fn} đến 2030

Thực hiện Quyết định số 36/QĐ-TTg ngày 11/01/2021 của Thủ tướng Chính phủ ban hành Kế hoạch tổng thể nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo giai đoạn 2021- 2030; Quyết định số 1322/QĐ-TTg ngày 31/08/2020 của Thủ tướng Chính phủ phê duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021-2030. Ủy ban nhân dân {fn} ban hành Kế hoạch thực hiện đến 2030 với nội dung như sau:

I. MỤC TIÊU

1. Mục tiêu chung

a) Đưa năng suất trở thành động lực phát triển quan trọng trong các ngành, lĩnh vực thông qua việc ứng dụng những thành tựu mới của khoa học, công nghệ; áp dụng các hệ thống quản lý, công cụ cải tiến năng suất tiên tiến, kết hợp với nghiên cứu, đào tạo, bồi dưỡng nguồn nhân lực, phù hợp với xu thế của cuộc Cách mạng công nghiệp lần thứ tư và xu hướng phát triển kinh tế xanh, kinh tế tuần hoàn.

b) Triển khai các nhiệm vụ khoa học và công nghệ; hỗ trợ doanh nghiệp trong nghiên cứu, đổi mới, chuyên gia và ứng dụng công nghệ để nâng cao năng suất và chất lượng sản phẩm, hàng hóa, góp phần nâng tỷ trọng đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế; nâng cao năng suất, chất lượng, hiệu quả và sức cạnh tranh của nền kinh tế địa phương.

2. Mục tiêu cụ thể

a) Mục tiêu đến năm 2025

- Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên {f.lp_2025}%/năm.
- Góp phần đạt mục tiêu TFP đóng góp {f.tfp_2025}% vào tăng GRDP của {f.unit}.
- Có từ {_r(f.leaders_2025)} doanh nghiệp đi đầu về cải tiến năng suất, ứng dụng các hoạt động nghiên cứu, ứng dụng khoa học công nghệ, đổi mới sáng tạo nâng cao năng suất.

- Hỗ trợ {f.units_2025[0]} đến {f.units_2025[1]} đơn vị xây dựng, áp dụng và chứng nhận hệ thống quản lý chất lượng, hệ thống quản lý an toàn thực phẩm, môi trường, năng lượng, an toàn sức khỏe nghề nghiệp, truy xuất nguồn gốc và công cụ nâng cao năng suất chất lượng...

- Có từ {_r(f.schools_2025)} trường đại học, cao đẳng, cơ sở giáo dục nghề nghiệp tham gia đào tạo bồi dưỡng về năng suất.

- Có từ {_r(f.experts_2025)} chuyên gia năng suất chất lượng đạt tiêu chuẩn quốc gia.

- Tập huấn, đào tạo, bồi dưỡng kiến thức, kỹ năng về năng suất chất lượng cho {f.officials} lượt cán bộ, công chức, viên chức của các cơ quan, tổ chức, đơn vị thuộc hệ thống quản lý nhà nước, các viện nghiên cứu, các trường đại học, cao đẳng; {f.workers} lượt cán bộ lãnh đạo, quản lý và người lao động của các doanh nghiệp.

b) Mục tiêu đến năm 2030

- Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên {f.lp_2030}%/năm.

- Góp phần đạt mục tiêu TFP đóng góp {f.tfp_2030}% vào tăng GRDP của {f.unit}.

- Có từ {_r(f.leaders_2030)} doanh nghiệp đi đầu về cải tiến năng suất, ứng dụng các hoạt động nghiên cứu, ứng dụng khoa học công nghệ và đổi mới sáng tạo nâng cao năng suất.

- Hỗ trợ {f.units_2030[0]} đến {f.units_2030[1]} đơn vị xây dựng, áp dụng và chứng nhận hệ thống quản lý chất lượng, hệ thống quản lý an toàn thực phẩm, môi trường, năng lượng, an toàn sức khỏe nghề nghiệp, truy xuất nguồn gốc và công cụ nâng cao năng suất chất lượng.

- Triển khai chương trình đào tạo năng suất tại {_r(f.schools_2030)} trường đại học, cao đẳng, cơ sở giáo dục nghề nghiệp.

- Tiếp tục đào tạo {_r(f.experts_2030)} chuyên gia năng suất chất lượng đạt tiêu chuẩn quốc gia.

- Tiếp tục tổ chức tập huấn, đào tạo, bồi dưỡng kiến thức, kỹ năng về năng suất chất lượng cho {f.officials} lượt cán bộ, công chức, viên chức của các cơ quan, tổ chức, đơn vị thuộc hệ thống hành chính nhà nước; {f.workers} lượt cán bộ lãnh đạo, quản lý và người lao động của các doanh nghiệp.

II. NHIỆM VỤ, GIẢI PHÁP

1. Hoàn thiện cơ chế, chính sách thúc đẩy năng suất dựa trên nền tảng khoa học, công nghệ, đổi mới sáng tạo và các hoạt động nâng cao năng suất chất lượng

- Xây dựng cơ sở dữ liệu về năng suất, các hoạt động cải tiến năng suất, chia sẻ thông tin, dữ liệu về năng suất phục vụ công tác quản lý và doanh nghiệp.

- Nghiên cứu, đề xuất sửa đổi bổ sung cơ chế chính sách khuyến khích, hỗ trợ các doanh nghiệp áp dụng các tiến bộ khoa học công nghệ, mô hình, công cụ cải tiến năng suất mới, nâng cao năng suất chất lượng sản phẩm, hàng hóa chủ lực của {f.unit}.

2. Hỗ trợ doanh nghiệp áp dụng các giải pháp nâng cao năng suất chất lượng

- Tìm kiếm và lựa chọn các hệ thống quản lý, mô hình, công cụ cải tiến năng suất mới, tiên tiến để áp dụng phù hợp cho các doanh nghiệp, các tổ chức và cho các lĩnh vực sản xuất, dịch vụ ở các quy mô khác nhau trên địa bàn {f.unit}.

- Lựa chọn doanh nghiệp, tổ chức triển khai áp dụng điểm các hệ thống quản lý, công cụ nâng cao năng suất tiên tiến (tiêu chuẩn ISO 56000, năng suất xanh, cải tiến năng suất tổng thể, công nghệ thông tin, mô hình, công cụ cải tiến năng suất dựa trên nền tảng số và đổi mới sáng tạo...).

- Lựa chọn doanh nghiệp, tổ chức triển khai hỗ trợ doanh nghiệp chứng nhận sản phẩm, hàng hóa, chứng nhận hệ thống quản lý an toàn, môi trường, năng lượng, an toàn sức khỏe nghề nghiệp, truy xuất nguồn gốc và áp dụng các công cụ cải tiến năng suất...

- Hỗ trợ phương pháp đo năng suất, giải pháp nâng cao năng suất cho các doanh nghiệp tham gia các chương trình khoa học, công nghệ.

3. Đào tạo nguồn nhân lực cho hoạt động nâng cao năng suất

- Phối hợp triển khai các chương trình đào tạo, bồi dưỡng về năng suất, chương trình hướng nghiệp tại trường đại học, cao đẳng, cơ sở giáo dục nghề nghiệp.

- Tổ chức các chương trình, khóa đào tạo về các giải pháp nâng cao năng suất, chuyển đổi số, sản xuất thông minh... góp phần hỗ trợ doanh nghiệp nâng cao năng lực tiếp cận cuộc Cách mạng công nghiệp lần thứ tư.

- Tham gia các khóa đào tạo chuyên gia năng suất chất lượng đạt tiêu chuẩn quốc gia.

4. Tăng cường năng lực của tổ chức hỗ trợ hoạt động năng suất chất lượng

Hình thành mạng lưới các tổ chức hỗ trợ hoạt động năng suất ở các sở, ngành, địa phương, gắn kết với các trường đại học, cao đẳng, cơ sở giáo dục nghề nghiệp, các hiệp hội và doanh nghiệp.

5. Đẩy mạnh các hoạt động truyền thông, tuyên truyền về năng suất

- Xây dựng chuyên mục để phổ biến, chia sẻ kiến thức, kinh nghiệm về nâng cao năng suất chất lượng (chương trình truyền thông trên đài truyền hình, chuyên mục trên website của Sở Khoa học và Công nghệ, chuyên mục trên tạp chí, sách, ấn phẩm tuyên truyền).

- Hội thảo chia sẻ kinh nghiệm về các mô hình, doanh nghiệp điểm áp dụng các hệ thống, công cụ nâng cao năng suất chất lượng.

- Tôn vinh, khen thưởng các tập thể, cá nhân có thành tích trong hoạt động nâng cao năng suất chất lượng, khuyến khích, hỗ trợ doanh nghiệp tham gia các hoạt động Giải thưởng Chất lượng quốc gia.

- Tổ chức cho các cơ quan, doanh nghiệp tham gia các hội thảo, hội nghị, tham quan học tập kinh nghiệm các tỉnh về thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021 - 2030.

6. Đẩy mạnh hợp tác quốc tế về năng suất

Khuyến khích, hỗ trợ doanh nghiệp tham gia các dự án hợp tác nghiên cứu về giải pháp nâng cao năng suất, các chương trình đào tạo, tư vấn, quảng bá và phát triển chuyên gia năng suất với các tổ chức quốc tế.

Chi tiết các nhiệm vụ theo Phụ lục đính kèm

III. KINH PHÍ THỰC HIỆN

Kinh phí thực hiện kế hoạch: Từ nguồn sự nghiệp khoa học công nghệ và các nguồn vốn huy động hợp pháp khác theo quy định của pháp luật. Tổng kinh phí dự kiến thực hiện Kế hoạch là {f.funding_total} tỷ đồng, trong đó ngân sách nhà nước {f.funding_state} tỷ đồng, các nguồn vốn huy động hợp pháp khác {f.funding_other} tỷ đồng.

IV. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ

Là cơ quan đầu mối, chủ trì triển khai Kế hoạch; có trách nhiệm phối hợp với các cơ quan liên quan thực hiện các công việc sau:

- Phối hợp với các cơ quan thông tin đại chúng, các sở, ban và UBND các huyện, thành phố thông tin tuyên truyền, vận động tổ chức, doanh nghiệp tham gia Kế hoạch.

- Hàng năm, Sở Khoa học và Công nghệ xây dựng dự toán chi tiết từng mục chi kế hoạch và dự toán thực hiện các nhiệm vụ khoa học và công nghệ được Ủy ban nhân dân {f.unit} phê duyệt danh mục (nếu có) gửi Sở Tài chính thẩm định trình cấp có thẩm quyền phê duyệt.

- Tổ chức sơ kết, tổng kết, đánh giá kết quả thực hiện các nhiệm vụ của kế hoạch trong phạm vi thẩm quyền, chức năng quản lý nhà nước được giao.

2. Sở Tài chính

Căn cứ vào tình hình thực tế tham mưu Ủy ban nhân dân {f.unit} bố trí kinh phí từ nguồn sự nghiệp khoa học công nghệ để thực hiện kế hoạch theo phân cấp ngân sách nhà nước hiện hành.

3. Sở Kế hoạch và Đầu tư

Phối hợp với Sở Khoa học và Công nghệ, các cơ quan có liên quan triển khai thực hiện các nội dung của kế hoạch này theo chức năng, nhiệm vụ được giao; chủ trì tham mưu bố trí nguồn vốn đầu tư công (nếu có) để thực hiện các nội dung của kế hoạch theo quy định hiện hành.

4. Sở Thông tin và Truyền thông, Đài Phát thanh và Truyền hình {f.unit}, Báo {f.province}

Phổ biến, tuyên truyền đến tổ chức, doanh nghiệp các chính sách, quy định có liên quan đến năng suất và chất lượng trên địa bàn {f.unit}; xây dựng các phóng sự, bản tin về phong trào năng suất ở các doanh nghiệp trên địa bàn {f.unit}.

5. Các Sở, Ngành: Công Thương; Nông nghiệp và Phát triển Nông thôn; Y tế; Giáo dục Đào tạo; Xây dựng; Giao thông Vận tải; Lao động Thương binh và Xã hội; Văn hoá Thể thao và Du lịch; Ban quản lý các khu công nghiệp {f.unit}

Phối hợp với Sở Khoa học và Công nghệ tuyên truyền, phổ biến chính sách, giới thiệu, đào tạo, hướng dẫn tổ chức, doanh nghiệp các nội dung hỗ trợ về nâng cao năng suất trên địa bàn {f.unit}.

6. Liên minh các Hợp tác xã; Hội Nông dân; Hội Phụ nữ; Hiệp hội doanh nghiệp

Tuyên truyền, phổ biến chính sách, giới thiệu, hướng dẫn doanh nghiệp các nội dung hỗ trợ năng suất và chất lượng; đồng thời, phối hợp với các cơ quan có liên quan triển khai thực hiện các nội dung kế hoạch này.

7. UBND các huyện, thành phố

- Phối hợp với Sở Khoa học và Công nghệ và các đơn vị có liên quan thực hiện các nội dung của kế hoạch này theo chức năng, nhiệm vụ được giao.

- Thông tin tuyên truyền, phổ biến các mục tiêu, nhiệm vụ của kế hoạch đến các tổ chức, doanh nghiệp thuộc ngành, lĩnh vực, địa bàn quản lý để tham gia thực hiện.

- Hướng dẫn và tạo điều kiện cho các tổ chức, doanh nghiệp tham gia, gắn kết các hoạt động kinh tế - xã hội của địa phương với phong trào năng suất của {f.unit}.

- Phối hợp với Sở Khoa học và Công nghệ thực hiện việc kiểm tra, giám sát các doanh nghiệp tham gia chương trình mô hình điểm theo phạm vi quản lý.

- Đề xuất kế hoạch và dự toán kinh phí cho các hoạt động liên quan đến hoạt động nâng cao năng suất cho các tổ chức, doanh nghiệp thuộc trách nhiệm quản lý.

- Thực hiện báo cáo định kỳ hoặc đột xuất theo yêu cầu về hoạt động nâng cao năng suất.

8. Các tổ chức, doanh nghiệp và các trường đại học, cao đẳng trên địa bàn {f.unit}

- Tích cực tham gia dự án nâng cao năng suất, bố trí nguồn lực đối ứng (kinh phí, nguồn nhân lực, thiết bị...) để sử dụng có hiệu quả các nguồn vốn hỗ trợ của nhà nước và các nguồn tài trợ khác (nếu có).

- Tham gia các lớp tập huấn để nâng cao kiến thức, nghiệp vụ về năng suất.

- Lựa chọn và triển khai các hoạt động như: Đăng ký các nhiệm vụ nghiên cứu khoa học và công nghệ; xây dựng các hệ thống quản lý; sử dụng các công cụ, mô hình hỗ trợ nâng cao năng suất.

- Đánh giá và báo cáo kết quả thực hiện nhiệm vụ nâng cao năng suất được nhà nước hỗ trợ nguồn vốn gửi về Sở Khoa học và Công nghệ

Trên đây là Kế hoạch Nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo {fn} đến 2030, Ủy ban nhân dân {f.unit} yêu cầu các Sở, ban, ngành, đơn vị, địa phương tổ chức, triển khai thực hiện. Trong quá trình triển khai thực hiện, có khó khăn, vướng mắc kịp thời báo cáo Ủy ban nhân dân {f.unit} (qua Sở Khoa học và Công nghệ) để xem xét, chỉ đạo./.

Nơi nhận:

- Bộ KH&CN;
- Chủ tịch, các PCT UBND {f.unit};
- Các sở, ngành của {f.unit};
- UBND các huyện, thành phố;
- Lưu: VP1, VP7.

{sign}

{f.signer}
"""


# ---- gold questions ---------------------------------------------------------------------------------------------

_TEMPLATES: dict[str, list[str]] = {
    "target-2025": ["Mục tiêu tăng năng suất lao động của {fn} đến năm 2025 là bao nhiêu?",
                    "{P} đặt mục tiêu tăng năng suất lao động bình quân bao nhiêu mỗi năm đến năm 2025?"],
    "target-2030": ["Đến năm 2030, {fn} đặt mục tiêu tăng năng suất lao động bình quân bao nhiêu?",
                    "Mục tiêu tăng năng suất lao động của {P} đến năm 2030 là bao nhiêu phần trăm?"],
    "person": ["Ai ký ban hành kế hoạch nâng cao năng suất của {fn}?",
               "Kế hoạch nâng cao năng suất đến 2030 của {P} do ai ký?"],
    "funding": ["Tổng kinh phí dự kiến thực hiện kế hoạch nâng cao năng suất của {P} là bao nhiêu tỷ đồng?",
                "Kế hoạch nâng cao năng suất của {fn} cần tổng kinh phí bao nhiêu?"],
    # A follow-up: the province is named only in the earlier turn (which asked for the 2025 target).
    "followup-2030": ["Còn đến năm 2030 thì sao?", "Thế còn mục tiêu đến năm 2030?"],
    # The plan is named by its number only: the province must come from the document number.
    "docnumber-2025": ["Kế hoạch số {num} đặt mục tiêu tăng năng suất lao động bình quân bao nhiêu mỗi năm đến "
                       "năm 2025?", "Theo Kế hoạch {num}, mục tiêu tăng năng suất lao động đến năm 2025 là bao nhiêu?"],
}
DEFAULT_KINDS = ("target-2025", "target-2030", "person", "funding", "followup-2030", "docnumber-2025")
_KIND_LABEL = {"followup-2030": "followup", "docnumber-2025": "by-docnumber"}


def _fold_question(text: str) -> str:
    """How a user types without diacritics: "Mục tiêu ... Hà Nam" → "muc tieu ... ha nam"."""
    return strip_diacritics(text).lower()


def gold_questions(facts: list[PlanFacts], n_provinces: int = 20, seed: int = 7,
                   kinds: tuple[str, ...] = DEFAULT_KINDS,
                   unaccented_share: float = 0.15) -> list[dict]:
    """Questions in the eval format for a sample of ``n_provinces`` generated plans. Each carries, besides the
    eval fields, ``province`` (the one asked about) and ``fact`` (what is asked)."""
    rng = random.Random(seed * 7919 + 1)
    sample = sorted(rng.sample(facts, min(n_provinces, len(facts))), key=lambda f: f.file)
    out: list[dict] = []
    for f in sample:
        for kind in kinds:
            template = rng.choice(_TEMPLATES[kind])
            question = template.format(P=f.province, fn=full_name(f), num=f.doc_number)
            history: list[str] = []
            if kind == "followup-2030":
                history = [_TEMPLATES["target-2025"][0].format(fn=full_name(f))]
            if kind in ("target-2025", "docnumber-2025"):
                quote = f"Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên {f.lp_2025}%/năm"
                answer = [[f"trên {f.lp_2025}%", f"trên {f.lp_2025.replace(',', '.')}%"]]
            elif kind in ("target-2030", "followup-2030"):
                quote = f"Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên {f.lp_2030}%/năm"
                answer = [[f"trên {f.lp_2030}%", f"trên {f.lp_2030.replace(',', '.')}%"]]
            elif kind == "person":
                quote, answer = f.signer, [[f.signer]]
            else:
                quote = f"Tổng kinh phí dự kiến thực hiện Kế hoạch là {f.funding_total} tỷ đồng"
                answer = [[f"là {f.funding_total} tỷ đồng", f"là {f.funding_total.replace(',', '.')} tỷ đồng"]]
            answer = [list(dict.fromkeys(group)) for group in answer]
            unaccented = kind in ("target-2025", "target-2030", "person", "funding") and rng.random() < unaccented_share
            item = {
                "id": f"gen-{slug(f.province)}-{kind}",
                "question": _fold_question(question) if unaccented else question,
                "kind": "no-diacritics" if unaccented else _KIND_LABEL.get(kind, kind.split("-")[0]),
                "fact": kind, "province": f.province,
                "evidence": [{"doc": f.file, "quote": quote}],
                "answer_any": answer, "answerable": True,
            }
            if history:
                item["history"] = history
            out.append(item)
    return out


def _tenths(value: str) -> int:
    return round(float(value.replace(",", ".")) * 10)


def aggregate_questions(facts: list[PlanFacts], n_match: int = 5) -> list[dict]:
    """Cross-document questions over all generated plans: which provinces plan a total budget above (below) a
    threshold that exactly ``n_match`` of them pass. A correct answer names every one of them. (Funding is
    used because no document of the real corpus states a budget in tỷ đồng, so the gold answer is known.)"""
    if len(facts) <= n_match:
        return []
    out = []
    ranked = sorted(facts, key=lambda f: _tenths(f.funding_total), reverse=True)
    for direction, chosen, rest in (("trên", ranked[:n_match], ranked[n_match]),
                                     ("dưới", ranked[-n_match:], ranked[-n_match - 1])):
        edge = _tenths(rest.funding_total)  # the first province that must not pass
        inner = min(_tenths(f.funding_total) for f in chosen) if direction == "trên" else \
            max(_tenths(f.funding_total) for f in chosen)
        whole = (edge // 10 + 1) * 10 if direction == "trên" else (edge // 10) * 10
        ok = (edge < whole < inner) if direction == "trên" else (inner < whole <= edge)
        threshold = vn_decimal(whole) if ok else vn_decimal(edge)
        out.append({
            "id": f"gen-aggregate-funding-{'above' if direction == 'trên' else 'below'}",
            "question": f"Những tỉnh, thành phố nào dự kiến tổng kinh phí thực hiện kế hoạch nâng cao năng suất "
                        f"{direction} {threshold} tỷ đồng?",
            "kind": "cross-document", "fact": f"funding-{'above' if direction == 'trên' else 'below'}",
            "evidence": [{"doc": f.file, "quote": f"Tổng kinh phí dự kiến thực hiện Kế hoạch là {f.funding_total} tỷ "
                                                   f"đồng"} for f in sorted(chosen, key=lambda f: f.file)],
            "answer_any": [[f.province] for f in sorted(chosen, key=lambda f: f.file)], "answerable": True,
        })
    return out


def write_generated(out_dir: str | Path, n: int = 60, seed: int = 7, gold_provinces: int = 20,
                    exclude: tuple[str, ...] | list[str] = ()) -> tuple[list[Path], list[PlanFacts], list[dict]]:
    """Write the plans, ``manifest.json`` and ``gold.jsonl`` under ``out_dir`` (old plans there are removed)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    facts = make_facts(n, seed, exclude)
    paths = []
    for f in facts:
        path = out / f.file
        text = render_plan(f)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    gold = gold_questions(facts, gold_provinces, seed) + aggregate_questions(facts)
    for q in gold:  # the evidence must be verbatim in the generated text
        for ev in q["evidence"]:
            assert ev["quote"] in (out / ev["doc"]).read_text(encoding="utf-8"), q
    (out / "manifest.json").write_text(json.dumps(
        {"seed": seed, "excluded": list(exclude), "plans": [asdict(f) for f in facts]}, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "gold.jsonl").write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in gold),
                                    encoding="utf-8")
    return paths, facts, gold


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--provinces", type=int, default=60, help="how many plans (at most the 58 provinces not in "
                                                                "the corpus)")
    ap.add_argument("--gold-provinces", type=int, default=20, help="provinces asked about in gold.jsonl")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--exclude", nargs="*", default=[], help="more provinces not to generate (e.g. ones gold "
                                                            "questions treat as absent)")
    ap.add_argument("--out", default="bench/out/generated")
    args = ap.parse_args(argv)
    paths, facts, gold = write_generated(args.out, args.provinces, args.seed, args.gold_provinces, args.exclude)
    print(f"wrote {len(paths)} plans and {len(gold)} gold questions to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
