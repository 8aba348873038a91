"""Cut each TrashNet object out of its plain board (for the background composites of composite.py).

Per photo: the board's colour is modelled as a smooth quadratic surface fitted (per Lab channel) to a band
along the photo's border; pixels far from that surface seed OpenCV's GrabCut (probable foreground / probable
background, the border band sure background where it matches the board); GrabCut's result is cleaned
(open/close, holes filled, specks dropped). The photo is usable for compositing only when the object does
not fill the frame (cardboard boxes often do) and the mask is neither tiny nor the whole photo.

Writes WORK/masks.npz: one uint8 mask (0/255, the photo's size) per relative path of every split, and
WORK/masks.json with each photo's foreground share, border contact and whether it is usable."""
import sys
import time

import cv2
import numpy as np

from common import SPLIT_NAMES, WORK, load_rgb, read_split, write_json

BAND = 10  # px of border used to model the board
MIN_SHARE, MAX_SHARE, MAX_BORDER = 0.03, 0.70, 0.45
MIN_BOARD_L, MAX_BOARD_CHROMA = 150, 12


def board_distance(rgb):
    """Per-pixel distance (Lab, lightness down-weighted: shadows are mostly darker board) from a quadratic
    surface modelling the board: first fitted to the border band, then refitted (three times) to every pixel
    that matches the current fit, so an object touching the border does not pull the surface towards it."""
    lab = cv2.cvtColor(rgb, cv2.COLOR_RGB2LAB).astype(np.float32)
    h, w = lab.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    yy, xx = yy / h - 0.5, xx / w - 0.5
    design = np.stack([np.ones_like(xx), xx, yy, xx * yy, xx * xx, yy * yy], -1).reshape(-1, 6)
    band = np.zeros((h, w), bool)
    band[:BAND], band[-BAND:], band[:, :BAND], band[:, -BAND:] = True, True, True, True
    flat = lab.reshape(-1, 3)
    # Start: the brightest half of the band (the board is the bright, plain part of every photo).
    light = flat[band.ravel(), 0]
    fit_on = band.ravel() & (flat[:, 0] >= np.median(light))
    for _ in range(4):
        coef = np.linalg.lstsq(design[fit_on], flat[fit_on], rcond=None)[0]
        diff = flat - design @ coef
        dist = np.sqrt((0.35 * diff[:, 0]) ** 2 + diff[:, 1] ** 2 + diff[:, 2] ** 2)
        close = dist < max(np.percentile(dist[fit_on], 80), 4.0)
        if close.sum() < 500:
            break
        fit_on = close
    board = flat[fit_on].mean(0)  # OpenCV 8-bit Lab: L 0-255, a and b centred on 128
    return dist.reshape(h, w), band, board


def object_mask(rgb, iterations=4):
    """(uint8 mask, 255 = object; the board's mean Lab colour) of one photo."""
    dist, band, board = board_distance(rgb)
    blurred = cv2.GaussianBlur(dist, (5, 5), 0)
    otsu, _ = cv2.threshold(np.clip(blurred * 4, 0, 255).astype(np.uint8), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    t = max(otsu / 4, 6.0)  # never below a small colour difference (a blank board gives a tiny Otsu level)
    gc = np.full(dist.shape, cv2.GC_PR_BGD, np.uint8)
    gc[blurred > t] = cv2.GC_PR_FGD
    gc[blurred > 2.5 * t] = cv2.GC_FGD
    gc[band & (blurred < t)] = cv2.GC_BGD
    if (gc == cv2.GC_FGD).sum() + (gc == cv2.GC_PR_FGD).sum() < 50 or (gc == cv2.GC_BGD).sum() < 50:
        return (blurred > t).astype(np.uint8) * 255, board
    bgd, fgd = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    cv2.grabCut(cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), gc, None, bgd, fgd, iterations, cv2.GC_INIT_WITH_MASK)
    mask = np.where((gc == cv2.GC_FGD) | (gc == cv2.GC_PR_FGD), 255, 0).astype(np.uint8)
    return clean(mask), board


def clean(mask):
    """Open/close, fill holes, keep components of at least 2 % of the largest."""
    k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (5, 5))
    mask = cv2.morphologyEx(cv2.morphologyEx(mask, cv2.MORPH_OPEN, k), cv2.MORPH_CLOSE, k, iterations=2)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, 8)
    if n <= 1:
        return mask
    areas = stats[1:, cv2.CC_STAT_AREA]
    keep = 1 + np.flatnonzero(areas >= 0.02 * areas.max())
    mask = np.isin(labels, keep).astype(np.uint8) * 255
    # Holes: background regions not connected to the border.
    inv = 255 - mask
    n, labels = cv2.connectedComponents(inv, connectivity=4)
    border = set(np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]])))
    holes = ~np.isin(labels, list(border)) & (inv > 0)
    mask[holes] = 255
    return mask


def describe(mask, board):
    """Usable for composites: the object covers a plausible share of the photo, does not run along much of its
    border, and what was modelled as the board is light and grey (a brown or dark 'board' is a box or
    sheet filling the frame, whose mask would be a label or tape on it)."""
    share = float((mask > 0).mean())
    edge = np.concatenate([mask[0], mask[-1], mask[:, 0], mask[:, -1]]) > 0
    border = float(edge.mean())
    light, chroma = float(board[0]), float(np.hypot(board[1] - 128, board[2] - 128))
    return {"share": round(share, 4), "border": round(border, 4), "boardL": round(light, 1),
            "boardChroma": round(chroma, 1),
            "usable": MIN_SHARE <= share <= MAX_SHARE and border <= MAX_BORDER and light >= MIN_BOARD_L
            and chroma <= MAX_BOARD_CHROMA}


def fills_frame(info):
    """The photo's object fills the frame (what was modelled as board is brown or dark, or the mask is most of the
    photo): a box or sheet photographed close up. composite.sheet_mask cuts a piece of it instead."""
    return (info["boardChroma"] > MAX_BOARD_CHROMA or info["boardL"] < MIN_BOARD_L or info["share"] > MAX_SHARE)


def main():
    cv2.setNumThreads(1)
    paths = [p for name in SPLIT_NAMES for p, _ in read_split(name)]
    masks, info, t0 = {}, {}, time.time()
    for i, rel in enumerate(paths):
        m, board = object_mask(load_rgb(rel))
        masks[rel], info[rel] = m, describe(m, board)
        if i % 200 == 0:
            print(f"  {i}/{len(paths)} masks ({time.time() - t0:.0f}s)", flush=True)
    WORK.mkdir(exist_ok=True)
    np.savez_compressed(WORK / "masks.npz", **{k.replace("/", "|"): v for k, v in masks.items()})
    usable = sum(v["usable"] for v in info.values())
    write_json(WORK / "masks.json", {"photos": len(paths), "usable": usable, "masks": info})
    print(f"{usable} of {len(paths)} photos usable for composites ({time.time() - t0:.0f}s)")


def load_masks():
    with np.load(WORK / "masks.npz") as z:
        return {k.replace("|", "/"): z[k] for k in z.files}


if __name__ == "__main__":
    sys.exit(main())
