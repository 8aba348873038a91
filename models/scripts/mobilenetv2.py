"""MobileNetV2 1.0 as in the TF-slim graph: batch norm already folded into conv biases,
ReLU6, and TensorFlow "SAME" padding on stride-2 convs (0 before, 1 after)."""
import torch
from torch import nn

# (expansion t, output channels c, repeats n, first stride s) of the 17 inverted-residual blocks.
BLOCKS = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2),
          (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]
FEATURES = 1280


def conv(cin, cout, k=1, stride=1, groups=1, relu=True):
    """Conv with bias (folded BN); stride 2 gets TF SAME padding, stride 1 symmetric."""
    layers = []
    if stride == 2:
        layers.append(nn.ZeroPad2d((0, 1, 0, 1)))  # k=3 on an even size: total pad 1, all after
        pad = 0
    else:
        pad = k // 2
    layers.append(nn.Conv2d(cin, cout, k, stride, pad, groups=groups, bias=True))
    if relu:
        layers.append(nn.ReLU6(inplace=True))
    return nn.Sequential(*layers)


class InvertedResidual(nn.Module):
    def __init__(self, cin, cout, stride, t):
        super().__init__()
        hidden = cin * t
        layers = [conv(cin, hidden)] if t != 1 else []
        layers += [conv(hidden, hidden, 3, stride, groups=hidden), conv(hidden, cout, relu=False)]
        self.body = nn.Sequential(*layers)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        y = self.body(x)
        return x + y if self.residual else y


class MobileNetV2(nn.Module):
    """features[0] = stem, features[1..17] = blocks, features[18] = 1x1 conv to 1280."""

    def __init__(self, num_classes=1001, dropout=0.0):
        super().__init__()
        layers, cin = [conv(3, 32, 3, 2)], 32
        for t, c, n, s in BLOCKS:
            for i in range(n):
                layers.append(InvertedResidual(cin, c, s if i == 0 else 1, t))
                cin = c
        layers.append(conv(cin, FEATURES))
        self.features = nn.Sequential(*layers)
        self.dropout = nn.Dropout(dropout)
        self.classifier = nn.Linear(FEATURES, num_classes)

    def pool(self, x):
        return x.mean(dim=(2, 3))

    def forward(self, x):
        return self.classifier(self.dropout(self.pool(self.features(x))))

    def convs(self):
        """Conv layers in graph order, the order the TFLite file lists them."""
        return [m for m in self.features.modules() if isinstance(m, nn.Conv2d)]


def replace_head(model, num_classes, dropout):
    model.classifier = nn.Linear(FEATURES, num_classes)
    model.dropout = nn.Dropout(dropout)
    return model


def onnx_state_dict(path, model):
    """`model`'s state dict read from an exported model.onnx, whose initializers carry the state dict's names
    (export_onnx.py; no batch norm, so nothing was folded away). Every key must be there with its shape: a file
    of another architecture, head or exporter fails here, naming what differs, instead of loading half a model."""
    import onnx
    from onnx import numpy_helper
    found = {i.name: i for i in onnx.load(str(path)).graph.initializer}
    state, problems = {}, []
    for key, ref in model.state_dict().items():
        if key not in found:
            problems.append(f"{key} missing")
            continue
        value = torch.from_numpy(numpy_helper.to_array(found[key]).copy())
        if value.shape != ref.shape:
            problems.append(f"{key} is {list(value.shape)} in the file, {list(ref.shape)} in the model")
        state[key] = value
    if problems:
        raise ValueError(f"{path}: not this model's weights: {'; '.join(problems[:5])}"
                         + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""))
    return state


def load_backbone(path):
    """The imported ImageNet model (1001-way head) saved by import_tflite.py."""
    model = MobileNetV2()
    model.load_state_dict(torch.load(path))
    return model
