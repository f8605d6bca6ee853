"""Directive extraction: who asks whom to do what, by when, with offsets into the caller's text.

>>> [d.action for d in extract_directives("Thủ tướng yêu cầu các bộ khẩn trương hoàn thiện hồ sơ.")]
['khẩn trương hoàn thiện hồ sơ']
"""

from .deadlines import find_deadlines
from .extractor import DirectiveExtractor, extract_directives
from .model import Directive, DirectiveModel, Mention

__all__ = ["Directive", "DirectiveExtractor", "DirectiveModel", "Mention", "extract_directives", "find_deadlines"]
