"""The chat page (Gradio): questions in Vietnamese, answers with [n] markers and a sources panel.

    plan-assistant serve            # http://127.0.0.1:7860

Gradio analytics are off; nothing leaves the machine. gradio is imported only here.
"""

from __future__ import annotations

import html
import logging
import os
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import gradio as gr  # noqa: E402

from assistant.service import Assistant  # noqa: E402
from assistant.types import Answer  # noqa: E402
from common.errors import PlanAssistantError  # noqa: E402
from common.settings import Settings  # noqa: E402

log = logging.getLogger(__name__)

TITLE = "Trợ lý kế hoạch năng suất, chất lượng"
INTRO = ("Hỏi về các kế hoạch nâng cao năng suất và chất lượng của các tỉnh, thành phố. "
         "Mỗi câu trả lời đều trích dẫn đoạn văn bản gốc [1], [2].")
ERROR_MESSAGE = "Xin lỗi, đã có lỗi khi xử lý câu hỏi. Vui lòng thử lại."
NO_SOURCES = "<p><em>Chưa có nguồn trích dẫn.</em></p>"


def _highlight(text: str, quotes: tuple[str, ...]) -> str:
    """Escape ``text`` and wrap the quoted sentences in <mark>."""
    spans = []
    for q in quotes:
        start = text.find(q)
        if start >= 0:
            spans.append((start, start + len(q)))
    spans.sort()
    out, pos = [], 0
    for a, b in spans:
        if a < pos:
            continue
        out.append(html.escape(text[pos:a]))
        out.append(f"<mark>{html.escape(text[a:b])}</mark>")
        pos = b
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def sources_html(answer: Answer) -> str:
    if not answer.citations:
        return NO_SOURCES
    parts = []
    for c in answer.citations:
        p = c.passage
        m = p.metadata
        facts = [x for x in (m.get("province") and f"Tỉnh/TP: {m['province']}",
                             m.get("doc_number") and f"Số: {m['doc_number']}",
                             p.section_path and f"Mục: {p.section_path}",
                             p.page and f"Trang {p.page}") if x]
        parts.append(
            f'<div class="source" id="source-{c.n}"><h4>[{c.n}] {html.escape(p.title)}</h4>'
            f'<p class="meta">{html.escape(" · ".join(facts))}</p>'
            f'<blockquote>{_highlight(p.text, c.quotes)}</blockquote>'
            f'<p class="file">{html.escape(p.source)}</p></div>'
        )
    return "\n".join(parts)


def _user_turns(chat: list[dict[str, Any]]) -> list[str]:
    return [m["content"] for m in chat if m.get("role") == "user" and isinstance(m.get("content"), str)]


def build_app(assistant: Assistant) -> gr.Blocks:
    def respond(message: str, chat: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]], str]:
        chat = list(chat or [])
        history = _user_turns(chat)
        try:
            answer = assistant.ask(message, history)
            reply, sources = answer.text, sources_html(answer)
        except PlanAssistantError as exc:
            log.warning("question failed: %s", exc)
            reply, sources = exc.user_message(), NO_SOURCES
        except Exception:  # noqa: BLE001 - the user sees a short message, the log gets the traceback
            log.exception("question failed")
            reply, sources = ERROR_MESSAGE, NO_SOURCES
        chat += [{"role": "user", "content": message}, {"role": "assistant", "content": reply}]
        return "", chat, sources

    def ask_api(question: str, history: list[str] | None = None) -> dict[str, Any]:
        """Answer ``question`` (earlier user turns in ``history``) with the JSON of `plan-assistant ask --json`."""
        return assistant.ask(question, history or []).to_json()

    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(f"# {TITLE}\n{INTRO}")
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Hội thoại", height=520)
                box = gr.Textbox(label="Câu hỏi", placeholder="Ví dụ: Cơ quan nào chủ trì kế hoạch của tỉnh?",
                                 submit_btn="Gửi")
                clear = gr.Button("Cuộc hội thoại mới")
            with gr.Column(scale=2):
                gr.Markdown("### Nguồn trích dẫn")
                sources = gr.HTML(NO_SOURCES, elem_id="sources")
        box.submit(respond, [box, chatbot], [box, chatbot, sources], api_name=False)
        clear.click(lambda: ([], NO_SOURCES), None, [chatbot, sources], api_name=False)
        gr.api(ask_api, api_name="ask")
    return demo


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 7860) -> None:
    assistant = Assistant.from_settings(settings)
    assistant.warm_up()
    build_app(assistant).queue(default_concurrency_limit=4).launch(
        server_name=host, server_port=port, show_error=False)


if __name__ == "__main__":
    serve(Settings())
