"""Topic tags: the default newspaper taxonomy, its tagger, and a supervised classifier.

* :func:`tag` / :class:`TopicTagger`: tags of the default taxonomy (or a user's) for an article.
* :class:`Taxonomy` / :class:`Label`: the default 14-tag set of ``docs/taxonomy.md`` or a user's own,
  from JSON, with descriptions, aliases, signals and examples.
* :class:`TopicClassifier`: a classifier for any labelled corpus, scikit-learn style (``fit`` /
  ``predict`` / ``predict_proba``) over syllable n-grams, or a fine-tuned transformers encoder, saved as
  safetensors (never pickle).

>>> from vnnews_nlp.topics import tag
>>> tag("Giải bóng đá U23 Đông Nam Á\\n\\nU23 Việt Nam thắng Myanmar 3-0 ở vòng bảng.")[0].label
'Thể thao'
>>> Taxonomy.default().labels[:2]
('Chủ trương - Chính sách', 'Chính trị')
"""

from .classifier import NotFittedError, TopicClassifier
from .tagger import Tag, TopicTagger, tag
from .taxonomy import Label, Taxonomy

__all__ = ["Label", "NotFittedError", "Tag", "Taxonomy", "TopicClassifier", "TopicTagger", "tag"]
