#!/usr/bin/python3
"""Arithmetic per image of an ONNX classifier, counted from its graph (issue 24's speed-accuracy table).

Multiply-accumulates (MACs) of every Conv, Gemm and MatMul at batch 1, from the shapes ONNX shape inference
gives: Conv = N x Cout x Hout x Wout x (Cin / group) x kH x kW, Gemm/MatMul = M x N x K. Element-wise ops,
pooling and activations are left out (well under 1 % for MobileNetV2). A QDQ (int8) graph counts the same as
its float source: the Conv nodes are the same, their weights come through DequantizeLinear.

Usage: onnx_macs.py MODEL.onnx [MODEL.onnx ...]   -> one JSON object per line on stdout
"""
import json
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, shape_inference


def _dims(value_info):
    return [d.dim_value if d.HasField("dim_value") else None for d in value_info.type.tensor_type.shape.dim]


def _batch_one(model):
    """Fix a symbolic batch dimension to 1 so shape inference gives numbers."""
    for value in model.graph.input:
        dims = value.type.tensor_type.shape.dim
        if dims and not dims[0].HasField("dim_value"):
            dims[0].dim_value = 1
    return model


def _slice(data, starts, ends, axes=None, steps=None):
    axes = range(len(starts)) if axes is None else axes
    steps = [1] * len(starts) if steps is None else steps
    index = [slice(None)] * data.ndim
    for s, e, a, st in zip(starts, ends, axes, steps):
        index[int(a)] = slice(int(s), int(e), int(st))
    return data[tuple(index)]


def _reshape(data, shape):
    shape = [data.shape[i] if d == 0 else int(d) for i, d in enumerate(shape)]
    return data.reshape(shape)


_FOLD = {
    "Concat": lambda n, xs: np.concatenate(xs, axis=_attr(n, "axis")),
    "Reshape": lambda n, xs: _reshape(xs[0], xs[1]),
    "Slice": lambda n, xs: _slice(*xs),
    "Transpose": lambda n, xs: np.transpose(xs[0], _attr(n, "perm")),
    "Cast": lambda n, xs: xs[0].astype(_np_type(_attr(n, "to"))),
    "ConstantOfShape": lambda n, xs: np.full([int(d) for d in xs[0]], numpy_helper.to_array(_attr(n, "value"))[0] if _attr(n, "value") is not None else 0.0),
}


def _np_type(onnx_type):
    if hasattr(helper, "tensor_dtype_to_np_dtype"):  # onnx >= 1.13
        return helper.tensor_dtype_to_np_dtype(onnx_type)
    return onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[onnx_type]


def _attr(node, name):
    return next((helper.get_attribute_value(a) for a in node.attribute if a.name == name), None)


def _fold_pads(graph):
    """The exporter computes each ZeroPad2d's pads from a chain of constant ops, which shape inference does not
    evaluate: evaluate them here (numpy) and give every Pad its pads as an initializer."""
    values = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    for node in graph.node:
        if node.op_type == "Constant":
            values[node.output[0]] = numpy_helper.to_array(_attr(node, "value"))
        elif node.op_type in _FOLD and all(i in values for i in node.input if i):
            values[node.output[0]] = _FOLD[node.op_type](node, [values[i] for i in node.input if i])
    for i, node in enumerate(n for n in graph.node if n.op_type == "Pad"):
        if len(node.input) > 1 and node.input[1] in values and not any(t.name == node.input[1] for t in graph.initializer):
            name = f"__folded_pads_{i}"
            graph.initializer.append(numpy_helper.from_array(values[node.input[1]].astype(np.int64), name))
            node.input[1] = name


def count(model):
    """(total MACs, MACs by kind, input shape) of `model` at batch 1."""
    _fold_pads(model.graph)
    model = shape_inference.infer_shapes(_batch_one(model), strict_mode=True)
    graph = model.graph
    shapes = {v.name: _dims(v) for v in list(graph.input) + list(graph.value_info) + list(graph.output)}
    shapes.update({t.name: list(t.dims) for t in graph.initializer})
    by_kind = {"conv": 0, "depthwise": 0, "gemm": 0}
    for node in graph.node:
        if node.op_type == "Conv":
            out = shapes.get(node.output[0])
            weight = shapes.get(node.input[1])
            if not out or not weight or None in out or None in weight:
                raise ValueError(f"no shape for Conv {node.name}: output {out}, weight {weight}")
            group = next((a.i for a in node.attribute if a.name == "group"), 1)
            n, c_out, h, w = out
            macs = n * c_out * h * w * weight[1] * weight[2] * weight[3]
            by_kind["depthwise" if group > 1 and weight[1] == 1 else "conv"] += macs
        elif node.op_type in ("Gemm", "MatMul"):
            a = shapes.get(node.input[0])
            out = shapes.get(node.output[0])
            if not a or not out or None in a or None in out:
                raise ValueError(f"no shape for {node.op_type} {node.name}")
            k = a[-1]
            if node.op_type == "Gemm" and any(x.name == "transA" and x.i for x in node.attribute):
                k = a[0]
            macs = k
            for d in out:
                macs *= d
            by_kind["gemm"] += macs
    input_shape = _dims(graph.input[0])
    return sum(by_kind.values()), by_kind, input_shape


def main(paths):
    for path in paths:
        total, by_kind, input_shape = count(onnx.load(path))
        print(json.dumps({"path": path, "input": input_shape, "macs": total, "byKind": by_kind}))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
