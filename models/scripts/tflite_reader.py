"""Reads a TFLite FlatBuffer with raw table access (no tflite package exists on Debian)
and runs a float reference forward pass over its graph in numpy.

Field indices follow the TFLite schema (see ../shared/data/pretrained/README.md)."""
from pathlib import Path

import flatbuffers
import numpy as np
from flatbuffers.table import Table

# BuiltinOperator codes used by MobileNetV2 graphs.
OPS = {0: "ADD", 1: "AVERAGE_POOL_2D", 3: "CONV_2D", 4: "DEPTHWISE_CONV_2D", 6: "DEQUANTIZE",
       9: "FULLY_CONNECTED", 22: "RESHAPE", 25: "SOFTMAX", 40: "MEAN", 43: "SQUEEZE", 114: "QUANTIZE"}
DTYPES = {0: np.float32, 2: np.int32, 3: np.uint8, 9: np.int8}
ACTIVATIONS = {0: None, 1: (0.0, np.inf), 3: (0.0, 6.0)}  # NONE, RELU, RELU6
SAME, VALID = 0, 1


def _off(tab, field):
    return tab.Offset(4 + 2 * field)


def _scalar(tab, field, flags, default=0):
    if tab is None:  # absent options table: every field takes its schema default
        return default
    o = _off(tab, field)
    return tab.Get(flags, o + tab.Pos) if o else default


def _table(tab, field):
    o = _off(tab, field)
    return Table(tab.Bytes, tab.Indirect(o + tab.Pos)) if o else None


def _tables(tab, field):
    o = _off(tab, field)
    if not o:
        return []
    start = tab.Vector(o)
    return [Table(tab.Bytes, tab.Indirect(start + 4 * i)) for i in range(tab.VectorLen(o))]


def _array(tab, field, dtype):
    o = _off(tab, field)
    if not o:
        return np.zeros(0, dtype)
    return np.frombuffer(tab.Bytes, dtype, tab.VectorLen(o), tab.Vector(o))


def _string(tab, field):
    o = _off(tab, field)
    return tab.String(o + tab.Pos).decode() if o else ""


class TFLiteModel:
    """Tensors (with dequantized constant data) and operators of subgraph 0."""

    def __init__(self, path):
        buf = bytearray(Path(path).read_bytes())
        if bytes(buf[4:8]) != b"TFL3":
            raise ValueError(f"{path}: not a TFLite file")
        model = Table(buf, flatbuffers.encode.Get(flatbuffers.packer.uoffset, buf, 0))
        codes = [self._opcode(t) for t in _tables(model, 1)]
        self.buffers = [_array(b, 0, np.uint8) for b in _tables(model, 4)]
        graph = _tables(model, 2)[0]
        self.tensors = [self._tensor(t) for t in _tables(graph, 0)]
        self.inputs = list(_array(graph, 1, np.int32))
        self.outputs = list(_array(graph, 2, np.int32))
        self.operators = [self._operator(o, codes) for o in _tables(graph, 3)]

    @staticmethod
    def _opcode(t):
        # Newer files carry the code in field 3; older ones only in the deprecated int8 field 0.
        code = max(_scalar(t, 3, flatbuffers.number_types.Int32Flags),
                   _scalar(t, 0, flatbuffers.number_types.Int8Flags))
        return OPS.get(code, f"OP_{code}")

    def _tensor(self, t):
        q = _table(t, 4)
        quant = None
        if q is not None and _off(q, 2):
            quant = {"scale": _array(q, 2, np.float32), "zero_point": _array(q, 3, np.int64),
                     "axis": _scalar(q, 6, flatbuffers.number_types.Int32Flags)}
        return {"name": _string(t, 3), "shape": tuple(_array(t, 0, np.int32)),
                "type": _scalar(t, 1, flatbuffers.number_types.Int8Flags),
                "buffer": _scalar(t, 2, flatbuffers.number_types.Uint32Flags), "quant": quant}

    @staticmethod
    def _operator(o, codes):
        opts = _table(o, 4)
        return {"op": codes[_scalar(o, 0, flatbuffers.number_types.Uint32Flags)],
                "inputs": list(_array(o, 1, np.int32)), "outputs": list(_array(o, 2, np.int32)),
                "options": opts}

    def raw(self, index):
        """The stored (quantized) constant data of a tensor, shaped; None for activations."""
        t = self.tensors[index]
        data = self.buffers[t["buffer"]]
        if data.size == 0:
            return None
        return np.frombuffer(data.tobytes(), DTYPES[t["type"]]).reshape(t["shape"])

    def dequantize(self, index):
        """real = scale * (q - zero_point), broadcast along quantized_dimension when per-axis."""
        q, t = self.raw(index), self.tensors[index]
        if q is None or t["quant"] is None or t["type"] == 0:
            return q
        shape = [1] * q.ndim
        scale, zp = t["quant"]["scale"], t["quant"]["zero_point"]
        if scale.size > 1:
            shape[t["quant"]["axis"]] = scale.size
        return (scale.reshape(shape).astype(np.float64)
                * (q.astype(np.float64) - zp.reshape(shape))).astype(np.float32)


def conv_options(op):
    """(padding, stride_h, stride_w, activation) of CONV_2D / DEPTHWISE_CONV_2D / pooling options."""
    o, i8, i32 = op["options"], flatbuffers.number_types.Int8Flags, flatbuffers.number_types.Int32Flags
    act_field = {"CONV_2D": 3, "DEPTHWISE_CONV_2D": 4, "AVERAGE_POOL_2D": 5}[op["op"]]
    return (_scalar(o, 0, i8), _scalar(o, 2, i32), _scalar(o, 1, i32),
            ACTIVATIONS[_scalar(o, act_field, i8)])


def add_activation(op):
    return ACTIVATIONS[_scalar(op["options"], 0, flatbuffers.number_types.Int8Flags)]


def pool_filter(op):
    i32 = flatbuffers.number_types.Int32Flags
    return _scalar(op["options"], 4, i32), _scalar(op["options"], 3, i32)


def _pad_same(x, kh, kw, sh, sw, padding):
    """TF padding: SAME puts the odd extra pixel after (bottom/right)."""
    if padding == VALID:
        return x
    pads = []
    for size, k, s in ((x.shape[0], kh, sh), (x.shape[1], kw, sw)):
        total = max((-(-size // s) - 1) * s + k - size, 0)
        pads.append((total // 2, total - total // 2))
    return np.pad(x, pads + [(0, 0)])


def _windows(x, kh, kw, sh, sw):
    """Yield (i, j, strided view) for every kernel tap, so a conv is a sum of matmuls."""
    ho, wo = (x.shape[0] - kh) // sh + 1, (x.shape[1] - kw) // sw + 1
    for i in range(kh):
        for j in range(kw):
            yield i, j, x[i:i + sh * (ho - 1) + 1:sh, j:j + sw * (wo - 1) + 1:sw, :]


def _activate(y, act):
    return y if act is None else np.clip(y, *act)


def _conv(x, w, b, op):
    padding, sh, sw, act = conv_options(op)
    _, kh, kw, _ = w.shape
    x = _pad_same(x, kh, kw, sh, sw, padding)
    if op["op"] == "CONV_2D":  # w: [out, kh, kw, in]
        y = sum(v @ w[:, i, j, :].T for i, j, v in _windows(x, kh, kw, sh, sw))
    else:  # DEPTHWISE, multiplier 1, w: [1, kh, kw, C]
        y = sum(v * w[0, i, j, :] for i, j, v in _windows(x, kh, kw, sh, sw))
    return _activate(y + b, act)


def _avg_pool(x, op):
    padding, sh, sw, act = conv_options(op)
    kh, kw = pool_filter(op)
    if padding != VALID:
        raise NotImplementedError("SAME average pooling is not used by this graph")
    views = [v for _, _, v in _windows(x, kh, kw, sh, sw)]
    return _activate(sum(views) / len(views), act)


def reference_forward(model, image_hwc):
    """Float forward over the graph, operator by operator, on one [H, W, 3] float input
    already in the model's real-valued input range. Returns the output tensors (the
    pre-softmax logits are kept under 'logits' for comparison)."""
    values = {model.inputs[0]: image_hwc.astype(np.float32)}
    logits = None

    def get(i):
        return values[i] if i in values else model.dequantize(i)

    for op in model.operators:
        kind, ins, out = op["op"], op["inputs"], op["outputs"][0]
        if kind in ("CONV_2D", "DEPTHWISE_CONV_2D"):
            y = _conv(get(ins[0]), get(ins[1]), get(ins[2]), op)
        elif kind == "ADD":
            y = _activate(get(ins[0]) + get(ins[1]), add_activation(op))
        elif kind == "AVERAGE_POOL_2D":
            y = _avg_pool(get(ins[0]), op)
        elif kind == "MEAN":  # global average pool of the TF2 file: axes [1, 2] of NHWC, kept as 1 x 1
            if sorted(int(a) for a in get(ins[1]).reshape(-1)) != [1, 2]:
                raise NotImplementedError(f"MEAN over axes {get(ins[1])}")
            y = get(ins[0]).mean(axis=(0, 1), keepdims=True)
        elif kind == "QUANTIZE":  # float reference: the real value passes unchanged
            y = get(ins[0])
        elif kind in ("RESHAPE", "SQUEEZE"):
            y = get(ins[0]).reshape(-1)
            logits = y
        elif kind == "SOFTMAX":
            e = np.exp(get(ins[0]) - get(ins[0]).max())
            y = e / e.sum()
        else:
            raise NotImplementedError(kind)
        values[out] = y
    return {"logits": logits, "output": values[model.outputs[0]]}
