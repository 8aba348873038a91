"""Teacher step 1: bring the float ImageNet ResNet18 from NuGet into PyTorch and prove the conversion.

`dotnet restore models/tools/TeacherFetch` puts Microsoft.ML.DnnImageFeaturizer.ResNet18 0.24.0 (MIT) into the
NuGet cache; its ResNet18.onnx is walked node by node into PyTorch (resnet18_onnx.OnnxGraph). Fidelity: the
converted graph and ONNX Runtime (C#, tools/OnnxCheck: python has no onnxruntime here) run on the same
preprocessed validation photos and their 512-feature outputs are compared.

Writes WORK/resnet18_imagenet.pt (graph state dict + the preprocessing's mean image) and
WORK/teacher_fidelity.json. The weights stay out of the repository."""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import torch

from common import MODELS, WORK, read_split, station_tensor, write_json
from resnet18_onnx import OnnxGraph, Teacher, load_onnx, mean_image

PACKAGE = "microsoft.ml.dnnimagefeaturizer.resnet18"
VERSION = "0.24.0"
FETCH = MODELS / "tools" / "TeacherFetch"
CHECK = WORK / "teachercheck"
CHECK_PHOTOS = 24


def package_dir():
    """Restores TeacherFetch (NuGet mirror) and returns the package's folder in the NuGet cache."""
    subprocess.run(["dotnet", "restore", str(FETCH)], check=True)
    assets = json.loads((FETCH / "obj" / "project.assets.json").read_text())
    for root in assets["packageFolders"]:
        d = Path(root) / PACKAGE / VERSION
        if d.exists():
            return d
    raise SystemExit(f"{PACKAGE} {VERSION} not found in {list(assets['packageFolders'])}")


def main():
    torch.set_num_threads(2)
    d = package_dir() / "tools" / "DnnImageModels"
    onnx_path = d / "ResNet18Onnx" / "ResNet18.onnx"
    graph = OnnxGraph(load_onnx(onnx_path)).eval()
    mean = mean_image(load_onnx(d / "ResNetPrepOnnx" / "ResNetPreprocess.onnx"))
    teacher = Teacher(graph, mean, 6).eval()
    photos = [p for p, _ in read_split("val")][::13][:CHECK_PHOTOS]
    with torch.no_grad():
        x = teacher.prepare(torch.from_numpy(np.stack([station_tensor(p) for p in photos])))
        feats = graph(x).flatten(1)
    CHECK.mkdir(parents=True, exist_ok=True)
    x.numpy().astype("<f4").tofile(CHECK / "inputs.f32")
    feats.numpy().astype("<f4").tofile(CHECK / "torch_logits.f32")
    write_json(CHECK / "check.json", {"count": len(photos), "channels": 3, "height": 224, "width": 224,
                                      "classes": int(feats.shape[1])})
    run = subprocess.run(["dotnet", "run", "--project", str(MODELS / "tools" / "OnnxCheck"), "-c", "Release", "--",
                          str(onnx_path), str(CHECK), graph.input_name, graph.output_name])
    result = json.loads((CHECK / "result.json").read_text())
    WORK.mkdir(exist_ok=True)
    torch.save({"graph": graph.state_dict(), "mean": torch.from_numpy(mean)}, WORK / "resnet18_imagenet.pt")
    write_json(WORK / "teacher_fidelity.json", {
        "package": f"{PACKAGE} {VERSION}", "photos": len(photos), "features": int(feats.shape[1]),
        "maxAbsDiff": result["maxAbsDiff"], "featureRange": float(feats.max() - feats.min()),
        "onnxRuntime": result["onnxRuntime"], "nodes": len(graph.steps)})
    print(f"ResNet18 conversion vs ONNX Runtime on {len(photos)} photos: max |feature diff| {result['maxAbsDiff']:.2e} "
          f"(features span {float(feats.max() - feats.min()):.2f})")
    if run.returncode != 0:
        sys.exit("teacher fidelity check failed")


def load_teacher(classes=6, state=None):
    """The ImageNet teacher (no 6-way training yet), or a fine-tuned one from `state`."""
    saved = torch.load(WORK / "resnet18_imagenet.pt")
    # The structure (node order, pads) comes from the package's file, the weights from the saved state.
    graph = OnnxGraph(load_onnx(package_dir_cached() / "ResNet18Onnx" / "ResNet18.onnx"))
    graph.load_state_dict(saved["graph"])
    teacher = Teacher(graph, saved["mean"].numpy(), classes)
    if state is not None:
        teacher.load_state_dict(state)
    return teacher


def package_dir_cached():
    assets = json.loads((FETCH / "obj" / "project.assets.json").read_text())
    for root in assets["packageFolders"]:
        d = Path(root) / PACKAGE / VERSION / "tools" / "DnnImageModels"
        if d.exists():
            return d
    return package_dir() / "tools" / "DnnImageModels"


if __name__ == "__main__":
    main()
