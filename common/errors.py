"""One error hierarchy for the whole project.

Errors are raised low with a precise English message (for logs) and translated to Vietnamese only at the
edge (CLI, UI) with :meth:`PlanAssistantError.user_message` or :func:`user_message_for`: a Vietnamese sentence
without the English text, paths or the question (those go to the log).

>>> user_message_for(StoreError("/srv/data/chroma: database is locked"))
'Kho dữ liệu đang gặp lỗi; vui lòng thử lại sau.'
>>> user_message_for(KeyError("x"))
'Xin lỗi, đã có lỗi khi xử lý yêu cầu. Vui lòng thử lại.'
"""

from __future__ import annotations


class PlanAssistantError(Exception):
    """Base class of every error the project raises on purpose."""

    vi = "Đã xảy ra lỗi."

    def user_message(self, detail: bool = False) -> str:
        """The Vietnamese sentence for users; ``detail=True`` adds the English message (the CLI, logs)."""
        return f"{self.vi} ({self})" if detail else self.vi


class ConfigError(PlanAssistantError):
    vi = "Cấu hình của hệ thống không hợp lệ."


class IngestError(PlanAssistantError):
    """A single source could not be read. ``source`` names it; ``reason`` says why."""

    vi = "Không đọc được tài liệu."

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnsupportedFormatError(IngestError):
    vi = "Định dạng tài liệu không được hỗ trợ."


class EmptyDocumentError(IngestError):
    vi = "Tài liệu không có nội dung văn bản."


class StoreError(PlanAssistantError):
    vi = "Kho dữ liệu đang gặp lỗi; vui lòng thử lại sau."


class WriterBusyError(StoreError):
    """Another process held the store's writer lease longer than this writer would wait (or took it over)."""

    vi = "Một tiến trình khác đang ghi vào kho dữ liệu; vui lòng thử lại sau."


class PruneRefusedError(PlanAssistantError):
    """Prune would remove more of the library than the configured share; ``count`` documents, of ``total``."""

    vi = "Số tài liệu bị gỡ vượt ngưỡng an toàn; kiểm tra lại thư mục hoặc dùng --force."

    def __init__(self, message: str, count: int, total: int):
        super().__init__(message)
        self.count = count
        self.total = total


class EmbeddingError(PlanAssistantError):
    vi = "Mô hình xử lý văn bản đang gặp lỗi; vui lòng thử lại sau."


class ModelUnavailableError(PlanAssistantError):
    """The configured language model could not be reached or loaded (the answer falls back to extraction)."""

    vi = "Không kết nối được mô hình ngôn ngữ."


class LimitError(PlanAssistantError):
    """A request over one of the configured limits; its Vietnamese message (``vi_text``) names the limit."""

    vi = "Yêu cầu vượt giới hạn cho phép."

    def __init__(self, message: str, vi_text: str):
        super().__init__(message)
        self.vi_text = vi_text

    def user_message(self, detail: bool = False) -> str:
        return f"{self.vi_text} ({self})" if detail else self.vi_text


GENERIC_VI = "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Vui lòng thử lại."


def user_message_for(exc: BaseException) -> str:
    """The Vietnamese sentence a user sees for ``exc``: its class's sentence, or a generic one."""
    return exc.user_message() if isinstance(exc, PlanAssistantError) else GENERIC_VI
