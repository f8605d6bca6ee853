"""Topic tags: the default newspaper taxonomy and its tagger.

>>> from vnnews_nlp.topics import tag
>>> tag("Giải bóng đá U23 Đông Nam Á\\n\\nU23 Việt Nam thắng Myanmar 3-0 ở vòng bảng.")[0].label
'Thể thao'
"""

from .tagger import Tag, TopicTagger, tag

__all__ = ["Tag", "TopicTagger", "tag"]
