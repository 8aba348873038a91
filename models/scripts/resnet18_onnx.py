"""The float ImageNet ResNet18 of NuGet's Microsoft.ML.DnnImageFeaturizer.ResNet18 (MIT), as PyTorch.

The package ships two ONNX files (CNTK exports, opset 8): ResNetPreprocess.onnx (RGB 0-255 -> BGR minus a
224x224 mean image) and ResNet18.onnx (conv/BN/ReLU/Add/MaxPool/AveragePool -> the pooled 512-vector; no
ImageNet classifier). `OnnxGraph` walks ResNet18.onnx node by node: every Conv becomes an nn.Conv2d and every
BatchNormalization an nn.BatchNorm2d (trainable, with the file's running statistics); CNTK's asymmetric pads
([top, left, bottom, right]) become an explicit pad before the op. `Teacher` puts the preprocessing in front
(it reads the station's tensors, (x - 127.5) / 127.5 RGB) and a 6-way head behind. Only the teacher of the
distillation: never shipped, never committed (see the model card)."""
import math

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import helper, numpy_helper
from torch import nn

SUPPORTED = {"Conv", "BatchNormalization", "Relu", "Add", "MaxPool", "AveragePool"}
FEATURES = 512


def _attrs(node):
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def _torch_pad(pads):
    """ONNX 2-D pads [top, left, bottom, right] -> F.pad's (left, right, top, bottom)."""
    top, left, bottom, right = pads
    return (left, right, top, bottom)


class OnnxGraph(nn.Module):
    """A PyTorch module that runs an ONNX graph of SUPPORTED ops in the file's node order."""

    def __init__(self, model):
        super().__init__()
        g = model.graph
        inits = {i.name: numpy_helper.to_array(i) for i in g.initializer}
        self.input_name = next(i.name for i in g.input if i.name not in inits)
        self.output_name = g.output[0].name
        self.layers = nn.ModuleDict()
        self.steps = []  # (op, module key or None, inputs, output, options)
        for k, node in enumerate(g.node):
            if node.op_type not in SUPPORTED:
                raise ValueError(f"unsupported op {node.op_type} ({node.name})")
            a, key = _attrs(node), f"n{k}"
            if node.op_type == "Conv":
                w = inits[node.input[1]]
                if a.get("auto_pad", b"NOTSET") not in (b"NOTSET", "NOTSET") or a.get("dilations", [1, 1]) != [1, 1]:
                    raise ValueError(f"{node.name}: auto_pad/dilation not supported")
                conv = nn.Conv2d(w.shape[1] * a.get("group", 1), w.shape[0], w.shape[2:], a["strides"],
                                 groups=a.get("group", 1), bias=len(node.input) > 2)
                with torch.no_grad():
                    conv.weight.copy_(torch.from_numpy(w))
                    if len(node.input) > 2:
                        conv.bias.copy_(torch.from_numpy(inits[node.input[2]]))
                self.layers[key] = conv
                opts = {"pad": _torch_pad(a.get("pads", [0, 0, 0, 0]))}
            elif node.op_type == "BatchNormalization":
                scale, bias, mean, var = (inits[n] for n in node.input[1:5])
                bn = nn.BatchNorm2d(len(scale), eps=a.get("epsilon", 1e-5))
                with torch.no_grad():
                    for t, v in ((bn.weight, scale), (bn.bias, bias), (bn.running_mean, mean), (bn.running_var, var)):
                        t.copy_(torch.from_numpy(v.reshape(-1)))
                self.layers[key] = bn
                opts = {}
            elif node.op_type in ("MaxPool", "AveragePool"):
                if a.get("auto_pad", b"NOTSET") not in (b"NOTSET", "NOTSET"):
                    raise ValueError(f"{node.name}: auto_pad not supported")
                opts = {"kernel": a["kernel_shape"], "stride": a.get("strides", [1, 1]),
                        "pad": _torch_pad(a.get("pads", [0, 0, 0, 0]))}
                key = None
            else:
                opts, key = {}, None
            self.steps.append((node.op_type, key, list(node.input), node.output[0], opts))

    frozen = 0  # the first `frozen` steps run without autograd (see freeze)

    def freeze(self, out_channels):
        """Freezes every step before the first conv with `out_channels` outputs (e.g. 128: the stem and the 64-channel
        stage): they run under no_grad with their batch norm in eval mode. Returns the frozen modules."""
        first = next(i for i, (op, key, *_) in enumerate(self.steps)
                     if op == "Conv" and self.layers[key].out_channels == out_channels)
        self.frozen = first
        frozen = [self.layers[key] for _, key, *_ in self.steps[:first] if key is not None]
        for m in frozen:
            for p in m.parameters():
                p.requires_grad = False
        return frozen

    def forward(self, x):
        env = {self.input_name: x}
        for k, (op, key, inputs, output, o) in enumerate(self.steps):
            with torch.set_grad_enabled(torch.is_grad_enabled() and k >= self.frozen):
                env[output] = self._step(op, key, inputs, o, env)
        return env[self.output_name]

    def _step(self, op, key, inputs, o, env):
        h = env[inputs[0]]
        if op in ("Conv", "BatchNormalization"):
            return self.layers[key](F.pad(h, o["pad"]) if op == "Conv" and any(o["pad"]) else h)
        if op == "Relu":
            return F.relu(h)
        if op == "Add":
            return h + env[inputs[1]]
        if op == "MaxPool":
            return F.max_pool2d(F.pad(h, o["pad"], value=-math.inf) if any(o["pad"]) else h, o["kernel"], o["stride"])
        # AveragePool: the file's 7x7 over the final 7x7 map is the global mean, kept global at smaller inputs.
        if all(k >= n for k, n in zip(o["kernel"], h.shape[2:])) and not any(o["pad"]):
            return h.mean(dim=(2, 3), keepdim=True)
        return F.avg_pool2d(F.pad(h, o["pad"]), o["kernel"], o["stride"])


def mean_image(prep_model):
    """The preprocessing file's MeanImage [1, 3, 224, 224] (BGR), and a check that the graph is what we emulate:
    Split RGB -> Concat B, G, R -> Sub MeanImage."""
    g = prep_model.graph
    ops = [n.op_type for n in g.node]
    if ops != ["Split", "Concat", "Sub"]:
        raise ValueError(f"unexpected preprocessing graph {ops}")
    concat = g.node[1]
    split_out = list(g.node[0].output)
    if [split_out.index(i) for i in concat.input] != [2, 1, 0]:
        raise ValueError("preprocessing does not reverse the channels")
    return numpy_helper.to_array(next(i for i in g.initializer if i.name == g.node[2].input[1]))


class Teacher(nn.Module):
    """Station tensor ((x - 127.5) / 127.5, RGB) -> the package's preprocessing -> ResNet18 -> 512 -> 6 logits."""

    def __init__(self, graph, mean, classes, dropout=0.2):
        super().__init__()
        self.graph = graph
        self.register_buffer("mean", torch.from_numpy(np.ascontiguousarray(mean, dtype=np.float32)))
        self.dropout = nn.Dropout(dropout)
        self.classifier = nn.Linear(FEATURES, classes)

    def prepare(self, x):
        bgr = (x * 127.5 + 127.5).flip(1)
        mean = self.mean if self.mean.shape[2:] == x.shape[2:] else \
            F.interpolate(self.mean, size=x.shape[2:], mode="bilinear", align_corners=False)
        return bgr - mean

    def features(self, x):
        return self.graph(self.prepare(x)).flatten(1)

    def forward(self, x):
        return self.classifier(self.dropout(self.features(x)))


def load_onnx(path):
    return onnx.load(str(path))
