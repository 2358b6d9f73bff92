#!/usr/bin/python3
"""Reference SSIM (and PSNR, L1, MSE) values for the fidelity tests, from scikit-image.

Made with scikit-image 0.19.3, scipy 1.10.1, numpy 1.24.2, Pillow 9.4.0 (Debian bookworm's
python3-skimage, python3-scipy, python3-numpy, python3-pil). Run from anywhere:

    /usr/bin/python3 evaluation/src/test/python/ssim_vectors.py [--fashion-from DIR]

(the python3 first on PATH may lack scikit-image). It writes under
evaluation/src/test/resources/org/atelier/evaluation/fidelity/ssim/:

  photos/reference/NAME.png, photos/distorted/NAME.png
      pairs cut from the project's sample photos (datasets/images/content-*.jpg), grey and RGB,
      non-square, 28 to 256 pixels a side, the second one blurred, JPEG-compressed, noisy,
      darkened or lower in contrast;
  inpainting/reference/NAME.png, inpainting/filled/NAME.png, inpainting/masks/NAME.png
      an original, an inpainter's output and its mask (white = hole): fills made here from the
      photos (holes in the middle and touching the image edge; some outputs differ outside the
      hole too, so the seam band is scored on something), and fashion-*.png, three fills by the
      project's own model (`atelier inpaint-eval ddpm-cond-fashion --n 128`, images 00000,
      00003, 00007), copied in once with --fashion-from DIR (that command's --out-dir) and read
      from the resources afterwards;
  expected.json
      per image: whole-image SSIM, PSNR, L1, MSE; for inpaintings the same on the hole and on
      the seam band of BAND_PX pixels as well.

Every input is an 8-bit PNG and every value is computed from the PNG as read back, so the Java
test and this script see the same bytes. Intensities are v / 255 in [0, 1], data range 1.

SSIM is exactly this call (channel_axis=2 for RGB images, None for grey ones):

    skimage.metrics.structural_similarity(ref, out, gaussian_weights=True, sigma=1.5,
        use_sample_covariance=False, data_range=1, channel_axis=..., full=True)

 - whole image: the mean it returns (the map with its 5-pixel border cropped; for RGB the mean
   of the three channels' means);
 - hole / band: the returned full map S (scipy's 'reflect' padding at the edges, i.e. the edge
   pixel repeated) averaged over the region's pixels and, for RGB, over the three channels:
   S[region].mean(). The band is the pixels outside the hole whose Euclidean distance to the
   nearest hole pixel is at most BAND_PX (scipy.ndimage.distance_transform_edt).
PSNR: skimage.metrics.peak_signal_noise_ratio(ref, out, data_range=1) on the whole image,
10 log10(1 / MSE) on a region. L1 and MSE: mean absolute / squared difference over the region's
pixels and all channels.
"""
import argparse
import json
import os
import shutil

import numpy as np
import scipy
import scipy.ndimage
import skimage
from PIL import Image, ImageDraw, ImageFilter
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
PHOTOS = os.path.join(ROOT, "datasets", "images")
OUT = os.path.join(ROOT, "evaluation", "src", "test", "resources", "org", "atelier", "evaluation", "fidelity",
                   "ssim")
BAND_PX = 4
FASHION = ("00000", "00003", "00007")


def photo(name, mode, box, size):
    """A crop (left, top, right, bottom) of a sample photo, resized to size = (width, height)."""
    im = Image.open(os.path.join(PHOTOS, name)).convert(mode)
    return im.crop(box).resize(size, Image.BICUBIC)


def jpeg(im, quality):
    import io
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert(im.mode)


def noisy(im, sigma, seed):
    a = np.asarray(im, dtype=np.float64)
    a = a + np.random.default_rng(seed).normal(0, sigma, a.shape)
    return Image.fromarray(np.clip(np.rint(a), 0, 255).astype(np.uint8), im.mode)


def affine(im, gain, offset):
    """v -> gain * (v - 128) + 128 + offset, rounded and clipped to 8 bits."""
    a = np.asarray(im, dtype=np.float64)
    return Image.fromarray(np.clip(np.rint(gain * (a - 128) + 128 + offset), 0, 255).astype(np.uint8), im.mode)


def blur(im, radius):
    return im.filter(ImageFilter.GaussianBlur(radius))


def paste(base, fill, mask):
    """fill inside the hole (mask white), base outside."""
    return Image.composite(fill, base, mask)


def strokes(size, seed, width, count):
    """A LaMa-like mask of thick random strokes, white = hole."""
    rng = np.random.default_rng(seed)
    m = Image.new("L", size, 0)
    d = ImageDraw.Draw(m)
    w, h = size
    for _ in range(count):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        for _ in range(4):
            nx = float(np.clip(x + rng.uniform(-w / 3, w / 3), -4, w + 4))
            ny = float(np.clip(y + rng.uniform(-h / 3, h / 3), -4, h + 4))
            d.line([(x, y), (nx, ny)], fill=255, width=width)
            x, y = nx, ny
    return m


def photo_pairs():
    """name -> (reference, distorted)."""
    pairs = {}
    a = photo("content-astronaut.jpg", "L", (96, 32, 416, 245), (96, 64))
    pairs["astronaut-grey-96x64-blur"] = (a, blur(a, 1.5))
    c = photo("content-camera.jpg", "L", (0, 60, 512, 460), (256, 200))
    pairs["camera-grey-256x200-jpeg"] = (c, jpeg(c, 15))
    c = photo("content-camera.jpg", "L", (180, 60, 330, 230), (28, 31))
    pairs["camera-grey-28x31-darker"] = (c, affine(c, 1.0, -40))
    k = photo("content-chelsea.jpg", "L", (40, 20, 340, 250), (150, 115))
    pairs["chelsea-grey-150x115-contrast"] = (k, affine(k, 0.6, 10))
    k = photo("content-chelsea.jpg", "RGB", (30, 0, 420, 260), (180, 120))
    pairs["chelsea-rgb-180x120-noise"] = (k, noisy(k, 14, 1))
    f = photo("content-coffee.jpg", "RGB", (60, 20, 460, 290), (42, 28))
    pairs["coffee-rgb-42x28-brighter"] = (f, affine(f, 0.9, 30))
    a = photo("content-astronaut.jpg", "RGB", (0, 0, 512, 340), (256, 170))
    pairs["astronaut-rgb-256x170-blur-jpeg"] = (a, jpeg(blur(a, 1.0), 30))
    return pairs


def inpaintings():
    """name -> (reference, filled, mask)."""
    cases = {}
    k = photo("content-chelsea.jpg", "RGB", (30, 0, 420, 290), (128, 96))
    m = Image.new("L", k.size, 0)
    ImageDraw.Draw(m).rectangle([44, 30, 83, 59], fill=255)
    cases["chelsea-rgb-128x96-box-blurred-fill"] = (k, paste(k, blur(k, 6), m), m)
    a = photo("content-astronaut.jpg", "L", (60, 0, 460, 320), (80, 64))
    m = strokes(a.size, 7, 9, 3)
    flat = Image.new("L", a.size, int(np.asarray(a).mean()))
    cases["astronaut-grey-80x64-strokes-flat-fill"] = (a, jpeg(paste(a, noisy(flat, 10, 2), m), 60), m)
    f = photo("content-coffee.jpg", "RGB", (0, 0, 512, 341), (150, 100))
    m = Image.new("L", f.size, 0)
    ImageDraw.Draw(m).ellipse([100, -20, 170, 45], fill=255)
    shifted = Image.fromarray(np.roll(np.asarray(f), (37, -52), axis=(0, 1)))
    cases["coffee-rgb-150x100-corner-copied-fill"] = (f, blur(paste(f, shifted, m), 0.7), m)
    c = photo("content-camera.jpg", "L", (100, 40, 400, 420), (60, 76))
    m = strokes(c.size, 11, 7, 2)
    cases["camera-grey-60x76-strokes-brighter-fill"] = (c, paste(c, affine(blur(c, 2), 0.8, 35), m), m)
    return cases


def save(im, *parts):
    path = os.path.join(OUT, *parts)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    im.save(path, "PNG")


def load(*parts):
    """An 8-bit PNG as float64 in [0, 1], (H, W) grey or (H, W, 3) RGB."""
    return np.asarray(Image.open(os.path.join(OUT, *parts)), dtype=np.float64) / 255.0


def band_of(hole, px):
    distance = scipy.ndimage.distance_transform_edt(~hole)  # to the nearest hole pixel
    return (distance <= px) & ~hole


def scores(ref, out, region):
    """SSIM, PSNR, L1, MSE on the whole image (region None) or averaged over a region's pixels."""
    rgb = ref.ndim == 3
    mssim, full = structural_similarity(ref, out, gaussian_weights=True, sigma=1.5, use_sample_covariance=False,
                                        data_range=1, channel_axis=2 if rgb else None, full=True)
    diff = ref - out
    if region is None:
        return dict(ssim=float(mssim), psnr=float(peak_signal_noise_ratio(ref, out, data_range=1)),
                    l1=float(np.abs(diff).mean()), mse=float((diff ** 2).mean()), pixels=int(ref.shape[0] * ref.shape[1]))
    mse = float((diff[region] ** 2).mean())
    return dict(ssim=float(full[region].mean()), psnr=float(10 * np.log10(1 / mse)) if mse > 0 else "Infinity",
                l1=float(np.abs(diff[region]).mean()), mse=mse, pixels=int(region.sum()))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--fashion-from", metavar="DIR", help="an inpaint-eval --out-dir to copy the fashion fills from")
    args = p.parse_args()
    if args.fashion_from:
        for n in FASHION:
            for sub in ("reference", "filled", "masks"):
                os.makedirs(os.path.join(OUT, "inpainting", sub), exist_ok=True)
                shutil.copyfile(os.path.join(args.fashion_from, sub, n + ".png"),
                                os.path.join(OUT, "inpainting", sub, "fashion-" + n + ".png"))

    for name, (ref, out) in photo_pairs().items():
        save(ref, "photos", "reference", name + ".png")
        save(out, "photos", "distorted", name + ".png")
    for name, (ref, out, mask) in inpaintings().items():
        save(ref, "inpainting", "reference", name + ".png")
        save(out, "inpainting", "filled", name + ".png")
        save(mask, "inpainting", "masks", name + ".png")

    expected = dict(
        made_with=dict(scikit_image=skimage.__version__, scipy=scipy.__version__, numpy=np.__version__),
        ssim_call="structural_similarity(ref, out, gaussian_weights=True, sigma=1.5, use_sample_covariance=False, "
                  "data_range=1, channel_axis=2 if RGB else None, full=True) on 8-bit PNG values / 255",
        band_px=BAND_PX, photos={}, inpainting={})
    for name in sorted(os.listdir(os.path.join(OUT, "photos", "reference"))):
        ref, out = load("photos", "reference", name), load("photos", "distorted", name)
        expected["photos"][name] = dict(whole=scores(ref, out, None))
    for name in sorted(os.listdir(os.path.join(OUT, "inpainting", "reference"))):
        ref, out = load("inpainting", "reference", name), load("inpainting", "filled", name)
        mask = np.asarray(Image.open(os.path.join(OUT, "inpainting", "masks", name)).convert("L")) > 127
        hole_px = int(mask.sum())
        assert 0 < hole_px < mask.size, name + ": the hole must be neither empty nor everything"
        expected["inpainting"][name] = dict(hole_fraction=hole_px / mask.size, hole=scores(ref, out, mask),
                                            band=scores(ref, out, band_of(mask, BAND_PX)), whole=scores(ref, out, None))
    with open(os.path.join(OUT, "expected.json"), "w") as fh:
        json.dump(expected, fh, indent=1, sort_keys=False)
        fh.write("\n")
    for kind in ("photos", "inpainting"):
        for name, v in expected[kind].items():
            print(kind, name, {r: round(s["ssim"], 5) for r, s in v.items() if isinstance(s, dict)})


if __name__ == "__main__":
    main()
