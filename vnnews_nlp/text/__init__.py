"""Vietnamese text processing with offsets: validation, normalisation, sentences and words."""

from .alignment import Alignment
from .encoding import check_legacy_encoding
from .language import LanguageCheck, check_language
from .normalize import NormalizedText, normalize
from .sentences import ABBREVIATIONS, split_long, split_sentences
from .tones import canonical_tone_placement
from .validate import ensure_text
from .words import segment_words

__all__ = [
    "ABBREVIATIONS",
    "Alignment",
    "LanguageCheck",
    "NormalizedText",
    "canonical_tone_placement",
    "check_language",
    "check_legacy_encoding",
    "ensure_text",
    "normalize",
    "segment_words",
    "split_long",
    "split_sentences",
]
