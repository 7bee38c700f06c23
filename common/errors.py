"""One error hierarchy for the whole project.

Errors are raised low with a precise English message (for logs) and translated to Vietnamese only at the
edge (CLI, UI) with :func:`user_message`.
"""

from __future__ import annotations


class PlanAssistantError(Exception):
    """Base class of every error the project raises on purpose."""

    vi = "Đã xảy ra lỗi."

    def user_message(self) -> str:
        return f"{self.vi} ({self})"


class ConfigError(PlanAssistantError):
    vi = "Cấu hình không hợp lệ."


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
    vi = "Lỗi kho dữ liệu."


class EmbeddingError(PlanAssistantError):
    vi = "Lỗi mô hình nhúng văn bản."


class ModelUnavailableError(PlanAssistantError):
    """The configured language model could not be reached or loaded (the answer falls back to extraction)."""

    vi = "Không kết nối được mô hình ngôn ngữ."
