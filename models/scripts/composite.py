"""Domain-breaking composites: a TrashNet object cut out of its board (segment.py) pasted on a procedurally
synthesised background, under changed light, with a cast shadow, blur, sensor noise and JPEG re-encoding.
Photos whose object fills the frame (boxes photographed close up) give a torn-sheet piece instead (sheet_mask).

Two disjoint sets of background families:
- TRAIN_FAMILIES, used by the training views (views.py): black conveyor-belt rubber, cardboard, wood,
  concrete, coloured noise, solid colours with a light gradient;
- STRESS_FAMILIES, never seen in training, for the card's synthetic cross-domain stress test
  (stress_test.py): green PVC belt, brushed steel, ceramic tiles, gravel/asphalt, woven fabric.
Every random choice comes from the numpy Generator passed in, so a seed repeats a composite exactly."""
import cv2
import numpy as np

H, W = 256, 341  # the TrashNet photos' size here: a composite is a new "photo" of the same size


def _smooth_noise(rng, h, w, scale, octaves=4):
    """Multi-octave value noise in [0, 1] (bilinearly upsampled random grids)."""
    out, amp, total = np.zeros((h, w), np.float32), 1.0, 0.0
    for o in range(octaves):
        cells = max(2, int(scale * 2 ** o))
        grid = rng.random((cells, max(2, int(cells * w / h)))).astype(np.float32)
        out += amp * cv2.resize(grid, (w, h), interpolation=cv2.INTER_CUBIC)
        total += amp
        amp *= 0.5
    out /= total
    return np.clip((out - out.min()) / (np.ptp(out) + 1e-6), 0, 1)


def _colour(base, spread, rng):
    return np.clip(np.asarray(base, np.float32) + rng.normal(0, spread, 3), 0, 255)


def _shade(tex, dark, light):
    """Texture in [0, 1] -> RGB between two colours."""
    return dark[None, None] + tex[..., None] * (light - dark)[None, None]


def belt(rng, h=H, w=W):
    """Black/dark-grey rubber belt: fine grain, faint ribs along the belt, worn streaks."""
    base = _colour([38, 38, 40], 10, rng)
    grain = _smooth_noise(rng, h, w, 40, 3)
    ribs = 0.5 + 0.5 * np.sin(np.arange(h, dtype=np.float32)[:, None] * rng.uniform(0.3, 1.2) + rng.uniform(0, 6))
    streak = _smooth_noise(rng, h, w, 3, 2) ** 3
    tex = 0.5 * grain + 0.2 * ribs * rng.uniform(0, 1) + 0.6 * streak
    return _shade(tex / tex.max(), base * 0.7, base * 1.8 + 10)


def cardboard(rng, h=H, w=W):
    """Brown cardboard: fibres and corrugation lines."""
    base = _colour([165, 125, 85], 15, rng)
    fibre = _smooth_noise(rng, h, w, 60, 2)
    corr = 0.5 + 0.5 * np.sin(np.arange(w, dtype=np.float32)[None, :] * rng.uniform(0.4, 0.9))
    tex = 0.6 * fibre + 0.25 * corr + 0.3 * _smooth_noise(rng, h, w, 3, 2)
    img = _shade(tex / tex.max(), base * 0.75, base * 1.15)
    return np.rot90(img, rng.integers(2) * 2) if rng.random() < 0.5 else img


def wood(rng, h=H, w=W):
    """Wood planks: warped sinusoidal grain, plank seams."""
    base = _colour([150, 105, 65], 25, rng)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    warp = _smooth_noise(rng, h, w, 4, 3) * rng.uniform(10, 30)
    grain = 0.5 + 0.5 * np.sin((yy + warp) * rng.uniform(0.15, 0.45))
    plank = ((yy // rng.integers(50, 110)) % 2).astype(np.float32)
    tex = 0.6 * grain + 0.15 * plank + 0.25 * _smooth_noise(rng, h, w, 30, 2)
    img = _shade(tex / tex.max(), base * 0.65, base * 1.2)
    return img[:, ::-1] if rng.random() < 0.5 else img


def concrete(rng, h=H, w=W):
    """Grey concrete: blotches at several scales and dark pits."""
    base = _colour([150, 148, 142], 20, rng)
    tex = 0.6 * _smooth_noise(rng, h, w, 6, 5) + 0.4 * _smooth_noise(rng, h, w, 80, 1)
    img = _shade(tex, base * 0.7, base * 1.15)
    pits = rng.random((h, w)) < 0.01
    img[pits] *= 0.5
    return img


def colour_noise(rng, h=H, w=W):
    """Two random colours mixed by multi-scale noise."""
    a, b = rng.uniform(0, 255, 3).astype(np.float32), rng.uniform(0, 255, 3).astype(np.float32)
    return _shade(_smooth_noise(rng, h, w, rng.uniform(2, 20), 4), a, b)


def solid(rng, h=H, w=W):
    """One random colour under a linear light gradient."""
    c = rng.uniform(0, 255, 3).astype(np.float32)
    g = np.linspace(rng.uniform(0.6, 1.0), rng.uniform(0.8, 1.2), w, dtype=np.float32)[None, :, None]
    img = np.broadcast_to(c, (h, w, 3)) * g
    return img + rng.normal(0, 3, (h, w, 3)).astype(np.float32)


def green_belt(rng, h=H, w=W):
    """Stress test only: green PVC conveyor belt with a fine diamond texture."""
    base = _colour([50, 120, 70], 12, rng)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    f = rng.uniform(0.5, 0.9)
    diamond = (np.abs(np.sin((xx + yy) * f)) * np.abs(np.sin((xx - yy) * f)))
    tex = 0.35 * diamond + 0.65 * _smooth_noise(rng, h, w, 5, 3)
    return _shade(tex, base * 0.7, base * 1.3)


def steel(rng, h=H, w=W):
    """Stress test only: brushed stainless steel (streaks along one axis, soft highlight)."""
    base = _colour([170, 175, 182], 10, rng)
    streaks = cv2.resize(rng.random((h, 8)).astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
    streaks = cv2.blur(rng.random((h, w)).astype(np.float32), (41, 1)) * 0.6 + 0.4 * streaks
    hl = np.exp(-((np.arange(w, dtype=np.float32) - rng.uniform(0, w)) / (0.4 * w)) ** 2)[None, :]
    tex = np.clip(0.6 * (streaks - streaks.min()) / np.ptp(streaks) + 0.4 * hl, 0, 1)
    return _shade(tex, base * 0.6, base * 1.1)


def tiles(rng, h=H, w=W):
    """Stress test only: ceramic floor tiles with grout lines."""
    c, grout = rng.uniform(60, 230, 3).astype(np.float32), _colour([90, 90, 90], 20, rng)
    size = int(rng.integers(40, 90))
    yy, xx = np.mgrid[0:h, 0:w]
    line = ((yy % size) < 3) | ((xx % size) < 3)
    img = np.broadcast_to(c, (h, w, 3)) * (0.9 + 0.2 * _smooth_noise(rng, h, w, 4, 2))[..., None]
    img = np.where(line[..., None], grout[None, None], img)
    return img.astype(np.float32)


def gravel(rng, h=H, w=W):
    """Stress test only: asphalt with light stones."""
    img = _shade(_smooth_noise(rng, h, w, 50, 2), _colour([45, 45, 45], 8, rng), _colour([95, 92, 88], 10, rng))
    for _ in range(int(rng.integers(150, 400))):
        cy, cx, r = int(rng.integers(h)), int(rng.integers(w)), int(rng.integers(1, 4))
        cv2.circle(img, (cx, cy), r, tuple(float(v) for v in _colour([150, 145, 140], 30, rng)), -1)
    return img


def fabric(rng, h=H, w=W):
    """Stress test only: woven fabric (crossing threads) in a random colour."""
    c = rng.uniform(30, 220, 3).astype(np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    f = rng.uniform(0.8, 1.6)
    weave = 0.5 + 0.25 * np.sin(xx * f) * np.sign(np.sin(yy * f / 2)) + 0.25 * np.sin(yy * f)
    return _shade(0.7 * weave + 0.3 * _smooth_noise(rng, h, w, 8, 2), c * 0.6, c * 1.2)


TRAIN_FAMILIES = {"belt": belt, "cardboard": cardboard, "wood": wood, "concrete": concrete,
                  "noise": colour_noise, "solid": solid}
STRESS_FAMILIES = {"green-belt": green_belt, "steel": steel, "tiles": tiles, "gravel": gravel, "fabric": fabric}


def background(family, rng, families=None):
    fams = families or {**TRAIN_FAMILIES, **STRESS_FAMILIES}
    return np.clip(fams[family](rng), 0, 255).astype(np.float32)


def sheet_mask(shape, rng):
    """A torn-sheet outline for photos whose object fills the frame (segment.fills_frame): a random polygon of
    6-9 corners around the centre covering roughly a third to two thirds of the photo, as uint8 0/255."""
    h, w = shape[:2]
    n = int(rng.integers(6, 10))
    angles = np.sort(rng.uniform(0, 2 * np.pi, n))
    radii = rng.uniform(0.28, 0.48, n)
    pts = np.stack([w / 2 + radii * w * np.cos(angles), h / 2 + radii * h * np.sin(angles)], 1).astype(np.int32)
    mask = np.zeros((h, w), np.uint8)
    cv2.fillPoly(mask, [pts], 255)
    return mask


def _object_patch(rgb, mask, rng):
    """The object's bounding box (RGB and a feathered alpha in [0, 1]), rotated by a random angle."""
    ys, xs = np.nonzero(mask)
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    patch = rgb[y0:y1, x0:x1].astype(np.float32)
    alpha = cv2.GaussianBlur(mask[y0:y1, x0:x1].astype(np.float32) / 255, (0, 0), 1.2)
    angle = float(rng.uniform(-180, 180))
    ph, pw = alpha.shape
    m = cv2.getRotationMatrix2D((pw / 2, ph / 2), angle, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(ph * sin + pw * cos) + 2, int(ph * cos + pw * sin) + 2
    m[0, 2] += nw / 2 - pw / 2
    m[1, 2] += nh / 2 - ph / 2
    patch = cv2.warpAffine(patch, m, (nw, nh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    alpha = cv2.warpAffine(alpha, m, (nw, nh), flags=cv2.INTER_LINEAR, borderValue=0)
    return patch, alpha


def composite(rgb, mask, bg, rng):
    """The object of (rgb, mask) on `bg` (float [H, W, 3]) at 0.55-1.1 of its size, placed with its centre in the
    middle of the frame (what the station's centre crop keeps), with a soft cast shadow. Float RGB [H, W, 3]."""
    patch, alpha = _object_patch(rgb, mask, rng)
    s = float(rng.uniform(0.55, 1.1))
    s = min(s, 0.95 * H / patch.shape[0], 0.95 * W / patch.shape[1])
    ph, pw = max(4, int(patch.shape[0] * s)), max(4, int(patch.shape[1] * s))
    patch = cv2.resize(patch, (pw, ph), interpolation=cv2.INTER_AREA)
    alpha = cv2.resize(alpha, (pw, ph), interpolation=cv2.INTER_AREA)[..., None]
    cy = int(rng.uniform(0.35, 0.65) * H)
    cx = int(rng.uniform(0.38, 0.62) * W)
    y0, x0 = int(np.clip(cy - ph // 2, 0, H - ph)), int(np.clip(cx - pw // 2, 0, W - pw))
    out = bg.copy()
    if rng.random() < 0.7:  # shadow: the silhouette, offset and blurred, darkens the background
        full = np.zeros((H, W), np.float32)
        dy, dx = rng.integers(-12, 13, 2)
        sy, sx = int(np.clip(y0 + dy, 0, H - ph)), int(np.clip(x0 + dx, 0, W - pw))
        full[sy:sy + ph, sx:sx + pw] = alpha[..., 0]
        full = cv2.GaussianBlur(full, (0, 0), float(rng.uniform(3, 10)))
        out *= 1 - float(rng.uniform(0.25, 0.6)) * full[..., None]
    region = out[y0:y0 + ph, x0:x0 + pw]
    out[y0:y0 + ph, x0:x0 + pw] = alpha * patch + (1 - alpha) * region
    return out


def photometric(img, rng, strength=1.0):
    """Light and camera changes on a float RGB image: colour temperature, exposure, gamma, an illumination
    gradient, blur (Gaussian or motion), sensor noise, then JPEG at a random quality. Returns uint8."""
    img = img.astype(np.float32)
    if rng.random() < 0.8 * strength:
        tint = np.exp(rng.normal(0, 0.08 * strength, 3)).astype(np.float32)
        img = img * tint * float(np.exp(rng.normal(0, 0.25 * strength)))
    if rng.random() < 0.5 * strength:
        h, w = img.shape[:2]
        angle = rng.uniform(0, 2 * np.pi)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        ramp = (np.cos(angle) * (xx / w - 0.5) + np.sin(angle) * (yy / h - 0.5))
        img = img * (1 + float(rng.uniform(0.2, 0.6)) * ramp)[..., None]
    img = np.clip(img, 0, 255)
    if rng.random() < 0.4 * strength:
        g = float(np.exp(rng.normal(0, 0.2)))
        img = 255 * (img / 255) ** g
    r = rng.random()
    if r < 0.25 * strength:
        img = cv2.GaussianBlur(img, (0, 0), float(rng.uniform(0.5, 2.0)))
    elif r < 0.4 * strength:
        k = int(rng.integers(3, 10))
        kernel = np.zeros((k, k), np.float32)
        kernel[k // 2] = 1 / k
        m = cv2.getRotationMatrix2D((k / 2 - 0.5, k / 2 - 0.5), float(rng.uniform(0, 180)), 1.0)
        kernel = cv2.warpAffine(kernel, m, (k, k))
        img = cv2.filter2D(img, -1, kernel / max(kernel.sum(), 1e-6))
    if rng.random() < 0.35 * strength:
        img = img + rng.normal(0, rng.uniform(2, 10), img.shape).astype(np.float32)
    img = np.clip(img, 0, 255).astype(np.uint8)
    if rng.random() < 0.7 * strength:
        ok, buf = cv2.imencode(".jpg", img[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(25, 95))])
        img = cv2.imdecode(buf, cv2.IMREAD_COLOR)[..., ::-1]
    return np.ascontiguousarray(img)
