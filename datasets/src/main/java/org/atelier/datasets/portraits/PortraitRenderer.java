package org.atelier.datasets.portraits;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.random.RandomGenerator;
import org.atelier.core.image.Image;
import org.atelier.datasets.portraits.PortraitAttributes.Age;
import org.atelier.datasets.portraits.PortraitAttributes.HairStyle;
import org.atelier.datasets.portraits.PortraitAttributes.Portrait;

/**
 * Paints one head-and-shoulders portrait with Java2D. Everything is drawn in unit coordinates
 * (the canvas is [0, 1]², y down) at {@link #SUPERSAMPLE} times the output side with
 * antialiasing, then reduced by averaging each {@code SUPERSAMPLE × SUPERSAMPLE} block of sRGB
 * values (a box filter; no library resampler guarantees exact area averaging, and this is ten
 * lines). The same portrait and random source give the same face at 32 and 64 pixels.
 *
 * <p>The random source supplies only the small variation that is not an attribute (face
 * shape, feature positions, head tilt, lighting, shirt and eye colour, grey shade, receding
 * hairline), so the attributes in {@link Portrait} are exactly what the picture shows.
 *
 * <p>Stateless and thread-safe. Pixels are deterministic for a given Java runtime; a
 * different JDK's rasteriser may differ by a level here and there.
 */
final class PortraitRenderer {
    /**
     * Identifies what this class and {@link PortraitPalette} paint; part of every
     * {@link SyntheticPortraits#contentHash()}. Bump it with ANY change that alters pixels or
     * the order of random draws, so that hashes of old and new data never coincide.
     */
    static final String VERSION = "atelier-portraits-renderer/1";
    /** Supersampling factor per axis. */
    static final int SUPERSAMPLE = 4;
    private static final double FIGURE_SCALE = 1.2;
    private static final double FIGURE_PIVOT_Y = 0.42;

    private PortraitRenderer() {
    }

    /** The seeded, non-attribute variation of one face, in unit coordinates. */
    private record Variation(double cx, double cy, double faceW, double faceH, double jaw, double tiltRad,
                             double eyeY, double eyeDx, double eyeW, double eyeH, double browLift,
                             double noseY, double mouthY, double mouthW, double lightX, double shade,
                             double exposure, Color shirt, Color iris, double greyLevel, boolean receding,
                             double parting, double hairVolume, boolean roundGlasses, double bgLight) {

        static Variation draw(Portrait p, RandomGenerator r) {
            boolean young = p.age() == Age.YOUNG;
            double faceW = (young ? 0.40 : 0.37) + r.nextDouble(-0.025, 0.025);
            double faceH = (young ? 0.43 : 0.52) + r.nextDouble(-0.025, 0.025);
            double eyeW = (young ? 0.078 : 0.066) + r.nextDouble(-0.006, 0.006);
            return new Variation(
                    0.5 + r.nextDouble(-0.02, 0.02),
                    0.45 + r.nextDouble(-0.015, 0.015),
                    faceW, faceH,
                    (young ? 0.80 : 0.66) + r.nextDouble(-0.06, 0.06),
                    Math.toRadians(r.nextDouble(-7, 7)),
                    (young ? 0.05 : -0.01) + r.nextDouble(-0.02, 0.02),
                    faceW * (0.23 + r.nextDouble(-0.015, 0.015)),
                    eyeW,
                    eyeW * (0.55 + r.nextDouble(-0.06, 0.06)),
                    r.nextDouble(0.0, 0.012),
                    (young ? 0.22 : 0.20) + r.nextDouble(-0.015, 0.015),
                    (young ? 0.34 : 0.33) + r.nextDouble(-0.015, 0.015),
                    faceW * (0.36 + r.nextDouble(-0.04, 0.04)),
                    r.nextDouble(-1, 1),
                    r.nextDouble(0.18, 0.32),
                    r.nextDouble(0.94, 1.06),
                    PortraitPalette.SHIRTS.get(r.nextInt(PortraitPalette.SHIRTS.size())),
                    PortraitPalette.IRISES.get(r.nextInt(PortraitPalette.IRISES.size())),
                    r.nextDouble(0.0, 0.75),
                    r.nextDouble() < 0.5 && p.age() == Age.OLD, // drawn for every face: same draw count
                    r.nextDouble(-0.02, 0.02),
                    (p.age() == Age.OLD ? 0.6 : 1.0) * r.nextDouble(0.02, 0.045),
                    r.nextBoolean(),
                    r.nextDouble(-0.06, 0.06));
        }

        double top() {
            return cy - faceH / 2;
        }

        double bottom() {
            return cy + faceH / 2;
        }
    }

    /** The portrait as a (3, size, size) image in [-1, 1]. */
    static Image render(Portrait p, int size, RandomGenerator random) {
        Variation v = Variation.draw(p, random);
        int big = size * SUPERSAMPLE;
        BufferedImage canvas = new BufferedImage(big, big, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            g.scale(big, big);
            paintBackground(g, p, v);
            // The figure is laid out at a comfortable drawing scale and then enlarged about the
            // face so that the face fills about 45 % of the width (legible at 32 pixels).
            g.translate(0.5, FIGURE_PIVOT_Y);
            g.scale(FIGURE_SCALE, FIGURE_SCALE);
            g.translate(-0.5, -FIGURE_PIVOT_Y);
            paint(g, p, v);
        } finally {
            g.dispose();
        }
        return downsample(canvas, SUPERSAMPLE, v.exposure);
    }

    private static void paint(Graphics2D g, Portrait p, Variation v) {
        Color skin = PortraitPalette.skin(p.skinTone());
        Color hair = hairColour(p, v);

        AffineTransform upright = g.getTransform();
        // The head turns about the top of the neck; shoulders stay put.
        g.rotate(v.tiltRad, v.cx, v.bottom() - 0.02);
        if (p.hairStyle() == HairStyle.LONG) {
            g.setColor(PortraitPalette.scale(hair, 0.82));
            g.fill(longHairBack(v));
        }
        g.setTransform(upright);
        paintNeckAndShoulders(g, p, v, skin);
        g.rotate(v.tiltRad, v.cx, v.bottom() - 0.02);

        Shape head = headShape(v);
        paintEars(g, v, skin);
        g.setColor(skin);
        g.fill(head);
        paintShading(g, v, head);
        paintFeatures(g, p, v, skin);
        if (p.age() == Age.OLD) {
            paintWrinkles(g, v, skin);
        }
        g.setColor(hair);
        g.fill(hairCap(p, v));
        paintBrows(g, v, hair);
        if (p.glasses()) {
            paintGlasses(g, v);
        }
        g.setTransform(upright);
    }

    private static Color hairColour(Portrait p, Variation v) {
        Color base = PortraitPalette.hair(p.hair());
        return switch (p.hair()) {
            case GREY -> PortraitPalette.mix(base, new Color(0xf2, 0xf0, 0xec), v.greyLevel);
            default -> base;
        };
    }

    private static void paintBackground(Graphics2D g, Portrait p, Variation v) {
        Color bg = PortraitPalette.scale(PortraitPalette.background(p.background()), 1 + v.bgLight);
        g.setPaint(new GradientPaint(0f, 0f, PortraitPalette.scale(bg, 1.08), 0f, 1f,
                PortraitPalette.scale(bg, 0.86)));
        g.fill(new Rectangle2D.Double(0, 0, 1, 1));
    }

    private static void paintNeckAndShoulders(Graphics2D g, Portrait p, Variation v, Color skin) {
        double neckW = v.faceW * (p.age() == Age.YOUNG ? 0.42 : 0.48);
        g.setColor(PortraitPalette.scale(skin, 0.80));
        g.fill(new Rectangle2D.Double(v.cx - neckW / 2, v.bottom() - 0.08, neckW, 0.3));
        double shoulderW = p.age() == Age.YOUNG ? 0.72 : 0.92;
        Shape torso = new RoundRectangle2D.Double(v.cx - shoulderW / 2, v.bottom() + 0.07,
                shoulderW, 0.5, 0.34, 0.30);
        g.setColor(v.shirt);
        g.fill(torso);
        // A V of skin at the collar so the neck meets the shirt like a neck, not a post.
        Path2D collar = new Path2D.Double();
        collar.moveTo(v.cx - neckW / 2, v.bottom() + 0.065);
        collar.lineTo(v.cx + neckW / 2, v.bottom() + 0.065);
        collar.lineTo(v.cx, v.bottom() + 0.14);
        collar.closePath();
        g.setColor(PortraitPalette.scale(skin, 0.80));
        g.fill(collar);
    }

    /** An egg: a round cranium over a jaw whose width at the chin is {@code jaw} of the face's. */
    private static Shape headShape(Variation v) {
        double hw = v.faceW / 2;
        double top = v.top();
        double bottom = v.bottom();
        double mid = v.cy - v.faceH * 0.05;
        double k = 0.5523; // cubic control distance that approximates a quarter circle
        double chin = hw * v.jaw * 0.55;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(v.cx, top);
        path.curveTo(v.cx + hw * k, top, v.cx + hw, mid - (mid - top) * k, v.cx + hw, mid);
        path.curveTo(v.cx + hw, mid + (bottom - mid) * 0.55, v.cx + chin + hw * 0.25, bottom, v.cx, bottom);
        path.curveTo(v.cx - chin - hw * 0.25, bottom, v.cx - hw, mid + (bottom - mid) * 0.55, v.cx - hw, mid);
        path.curveTo(v.cx - hw, mid - (mid - top) * k, v.cx - hw * k, top, v.cx, top);
        path.closePath();
        return path;
    }

    private static void paintEars(Graphics2D g, Variation v, Color skin) {
        double earY = v.cy + v.eyeY * v.faceH + 0.035;
        double earW = 0.05;
        double earH = 0.095;
        g.setColor(PortraitPalette.scale(skin, 0.88));
        g.fill(new Ellipse2D.Double(v.cx - v.faceW / 2 - earW * 0.55, earY - earH / 2, earW, earH));
        g.fill(new Ellipse2D.Double(v.cx + v.faceW / 2 - earW * 0.45, earY - earH / 2, earW, earH));
    }

    /** Directional light: the side away from the light and the rim fall into shadow. */
    private static void paintShading(Graphics2D g, Variation v, Shape head) {
        Shape clip = g.getClip();
        g.clip(head);
        Point2D centre = new Point2D.Double(v.cx + v.lightX * v.faceW * 0.18, v.cy - v.faceH * 0.12);
        float radius = (float) (v.faceW * 0.85);
        g.setPaint(new RadialGradientPaint(centre, radius, new float[]{0f, 0.55f, 1f},
                new Color[]{new Color(255, 255, 255, 28), new Color(0, 0, 0, 0),
                        new Color(0, 0, 0, (int) (255 * v.shade))},
                MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fill(head.getBounds2D());
        g.setClip(clip);
    }

    private static void paintFeatures(Graphics2D g, Portrait p, Variation v, Color skin) {
        double eyeY = v.cy + v.eyeY * v.faceH;
        Color lineColour = PortraitPalette.scale(skin, 0.62);
        // Cheeks: a faint warm flush, which also gives the cheek region its own shading.
        g.setColor(PortraitPalette.alpha(new Color(200, 70, 70), 0.10));
        for (int side = -1; side <= 1; side += 2) {
            g.fill(new Ellipse2D.Double(v.cx + side * v.eyeDx * 1.15 - 0.04, eyeY + 0.055, 0.08, 0.05));
        }
        for (int side = -1; side <= 1; side += 2) {
            double ex = v.cx + side * v.eyeDx;
            double w = v.eyeW;
            double h = p.smile() ? v.eyeH * 0.85 : v.eyeH;
            g.setColor(PortraitPalette.EYE_WHITE);
            g.fill(new Ellipse2D.Double(ex - w / 2, eyeY - h / 2, w, h));
            double irisD = h * 1.05;
            g.setColor(v.iris);
            g.fill(new Ellipse2D.Double(ex - irisD / 2, eyeY - irisD / 2, irisD, irisD));
            g.setColor(new Color(12, 10, 10));
            g.fill(new Ellipse2D.Double(ex - irisD * 0.25, eyeY - irisD * 0.25, irisD * 0.5, irisD * 0.5));
            // Upper lid line: frames the eye so it reads on every skin tone.
            g.setColor(new Color(25, 18, 16));
            g.setStroke(stroke(0.010));
            g.draw(new QuadCurve2D.Double(ex - w / 2, eyeY, ex, eyeY - h * 0.95, ex + w / 2, eyeY));
        }
        // Nose: a soft shadow under the tip and a line down the shadowed side.
        double noseY = v.cy + v.noseY * v.faceH - 0.02;
        g.setColor(PortraitPalette.alpha(PortraitPalette.scale(skin, 0.55), 0.55));
        g.fill(new Ellipse2D.Double(v.cx - 0.03, noseY - 0.008, 0.06, 0.022));
        g.setColor(PortraitPalette.alpha(lineColour, 0.6));
        g.setStroke(stroke(0.008));
        double side = v.lightX >= 0 ? -1 : 1;
        g.draw(new QuadCurve2D.Double(v.cx + side * 0.012, eyeY + 0.02, v.cx + side * 0.028, noseY - 0.03,
                v.cx + side * 0.02, noseY));
        paintMouth(g, p, v, skin);
    }

    private static void paintMouth(Graphics2D g, Portrait p, Variation v, Color skin) {
        double my = v.cy + v.mouthY * v.faceH - 0.01;
        Color lips = PortraitPalette.mix(PortraitPalette.scale(skin, 0.72), new Color(150, 60, 62), 0.45);
        if (p.smile()) {
            double hw = v.mouthW * 0.62;
            // An open smile: corners raised, a deep lower arc, a band of teeth under the upper lip.
            Path2D.Double mouth = new Path2D.Double();
            mouth.moveTo(v.cx - hw, my - 0.012);
            mouth.quadTo(v.cx, my + 0.008, v.cx + hw, my - 0.012);
            mouth.quadTo(v.cx + hw * 0.7, my + 0.065, v.cx, my + 0.065);
            mouth.quadTo(v.cx - hw * 0.7, my + 0.065, v.cx - hw, my - 0.012);
            mouth.closePath();
            g.setColor(PortraitPalette.MOUTH_INSIDE);
            g.fill(mouth);
            Shape clip = g.getClip();
            g.clip(mouth);
            g.setColor(PortraitPalette.TEETH);
            g.fill(new Rectangle2D.Double(v.cx - hw, my - 0.02, 2 * hw, 0.042));
            g.setClip(clip);
            g.setColor(lips);
            g.setStroke(stroke(0.010));
            g.draw(mouth);
            // Smile creases at the corners.
            g.setColor(PortraitPalette.alpha(PortraitPalette.scale(skin, 0.6), 0.7));
            g.setStroke(stroke(0.008));
            for (int s = -1; s <= 1; s += 2) {
                g.draw(new QuadCurve2D.Double(v.cx + s * (hw + 0.006), my - 0.03, v.cx + s * (hw + 0.022), my,
                        v.cx + s * (hw + 0.004), my + 0.02));
            }
        } else {
            double hw = v.mouthW / 2;
            g.setColor(lips);
            g.fill(new Ellipse2D.Double(v.cx - hw * 0.85, my + 0.002, hw * 1.7, 0.026));
            g.setColor(PortraitPalette.scale(skin, 0.35));
            g.setStroke(stroke(0.011));
            g.draw(new QuadCurve2D.Double(v.cx - hw, my + 0.004, v.cx, my + 0.01, v.cx + hw, my + 0.004));
        }
    }

    private static void paintWrinkles(Graphics2D g, Variation v, Color skin) {
        double eyeY = v.cy + v.eyeY * v.faceH;
        double my = v.cy + v.mouthY * v.faceH;
        double noseY = v.cy + v.noseY * v.faceH;
        g.setColor(PortraitPalette.alpha(PortraitPalette.scale(skin, 0.55), 0.85));
        g.setStroke(stroke(0.008));
        // Forehead lines.
        for (int i = 0; i < 3; i++) {
            double y = v.top() + v.faceH * (0.22 + 0.05 * i);
            double hw = v.faceW * (0.26 - 0.03 * i);
            g.draw(new QuadCurve2D.Double(v.cx - hw, y, v.cx, y - 0.012, v.cx + hw, y));
        }
        g.setStroke(stroke(0.010));
        for (int s = -1; s <= 1; s += 2) {
            // Nasolabial folds, from beside the nose to past the mouth corner.
            g.draw(new QuadCurve2D.Double(v.cx + s * 0.045, noseY - 0.03, v.cx + s * 0.095, my - 0.03,
                    v.cx + s * 0.085, my + 0.03));
            // Bags under the eyes.
            double ex = v.cx + s * v.eyeDx;
            g.draw(new QuadCurve2D.Double(ex - v.eyeW * 0.45, eyeY + v.eyeH * 0.9, ex, eyeY + v.eyeH * 1.6,
                    ex + v.eyeW * 0.45, eyeY + v.eyeH * 0.9));
            // Crow's feet.
            double ox = ex + s * v.eyeW * 0.6;
            g.setStroke(stroke(0.007));
            g.draw(new Line2D.Double(ox, eyeY, ox + s * 0.03, eyeY - 0.012));
            g.draw(new Line2D.Double(ox, eyeY + 0.006, ox + s * 0.03, eyeY + 0.018));
            g.setStroke(stroke(0.010));
        }
    }

    /** Hair on the head: a cap over the cranium, minus the face below the hairline. */
    private static Shape hairCap(Portrait p, Variation v) {
        double vol = v.hairVolume;
        Area cap = new Area(new Ellipse2D.Double(v.cx - v.faceW / 2 - vol, v.top() - vol * 1.6,
                v.faceW + 2 * vol, v.faceH * (p.hairStyle() == HairStyle.SHORT ? 0.66 : 0.78) + vol * 1.6));
        // A receding hairline starts higher and leaves the temples bare (a narrower cap).
        double hairline = v.top() + v.faceH * (v.receding ? 0.24 : 0.16);
        double faceWidth = v.faceW * (v.receding ? 0.94 : 0.88);
        Area face = new Area(new Ellipse2D.Double(v.cx - faceWidth / 2 + v.parting, hairline,
                faceWidth, (v.bottom() - hairline) * 2));
        cap.subtract(face);
        if (p.hairStyle() == HairStyle.LONG) {
            // Locks falling past the ears on both sides, in front of the ears.
            for (int s = -1; s <= 1; s += 2) {
                double x0 = s < 0 ? v.cx - v.faceW / 2 - vol - 0.015 : v.cx + v.faceW * 0.36;
                Area lock = new Area(new RoundRectangle2D.Double(x0, v.cy - v.faceH * 0.2,
                        v.faceW * 0.14 + vol + 0.015, v.faceH * 0.62, 0.05, 0.05));
                lock.subtract(face);
                cap.add(lock);
            }
        }
        // Keep the top-of-head hair inside a rounded region, not poking below the jaw line.
        cap.intersect(new Area(new Rectangle2D.Double(0, 0, 1, v.bottom() - v.faceH * 0.1)));
        return cap;
    }

    private static Shape longHairBack(Variation v) {
        double vol = v.hairVolume;
        Area back = new Area(new Ellipse2D.Double(v.cx - v.faceW / 2 - vol - 0.02, v.top() - vol * 1.6,
                v.faceW + 2 * vol + 0.04, v.faceH * 0.9));
        back.add(new Area(new RoundRectangle2D.Double(v.cx - v.faceW / 2 - vol - 0.02, v.cy - v.faceH * 0.1,
                v.faceW + 2 * vol + 0.04, v.faceH * 0.85, 0.1, 0.1)));
        return back;
    }

    private static void paintBrows(Graphics2D g, Variation v, Color hair) {
        double eyeY = v.cy + v.eyeY * v.faceH;
        double y = eyeY - v.eyeH * 1.35 - 0.012 - v.browLift;
        // Brows a touch darker than the hair, so blond and grey brows still show.
        g.setColor(PortraitPalette.scale(hair, 0.72));
        g.setStroke(stroke(0.016));
        for (int s = -1; s <= 1; s += 2) {
            double ex = v.cx + s * v.eyeDx;
            g.draw(new QuadCurve2D.Double(ex - s * v.eyeW * 0.55, y + 0.006, ex + s * v.eyeW * 0.05, y - 0.014,
                    ex + s * v.eyeW * 0.62, y + 0.004));
        }
    }

    private static void paintGlasses(Graphics2D g, Variation v) {
        double eyeY = v.cy + v.eyeY * v.faceH;
        double fw = Math.max(v.eyeW * 1.55, 0.10);
        double fh = Math.max(v.eyeH * 2.3, 0.075);
        g.setStroke(stroke(0.022));
        for (int s = -1; s <= 1; s += 2) {
            double ex = v.cx + s * v.eyeDx;
            Shape lens = v.roundGlasses
                    ? new Ellipse2D.Double(ex - fw / 2, eyeY - fh / 2, fw, fh)
                    : new RoundRectangle2D.Double(ex - fw / 2, eyeY - fh / 2, fw, fh, 0.03, 0.03);
            g.setColor(new Color(255, 255, 255, 40));
            g.fill(lens);
            g.setColor(PortraitPalette.GLASSES_FRAME);
            g.draw(lens);
            // Temple arm towards the ear.
            g.draw(new Line2D.Double(ex + s * fw / 2, eyeY - fh * 0.2, v.cx + s * v.faceW / 2, eyeY - fh * 0.1));
        }
        g.draw(new QuadCurve2D.Double(v.cx - v.eyeDx + fw / 2, eyeY - fh * 0.1, v.cx, eyeY - fh * 0.35,
                v.cx + v.eyeDx - fw / 2, eyeY - fh * 0.1));
    }

    private static BasicStroke stroke(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /**
     * Averages each {@code f × f} block of the sRGB canvas, multiplies by {@code exposure} and
     * maps 0..255 to [-1, 1] (clamped).
     */
    static Image downsample(BufferedImage canvas, int f, double exposure) {
        int big = canvas.getWidth();
        int size = big / f;
        int[] argb = canvas.getRGB(0, 0, big, big, null, 0, big);
        float[] out = new float[3 * size * size];
        int plane = size * size;
        double norm = exposure / (f * f);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int r = 0;
                int gr = 0;
                int b = 0;
                for (int dy = 0; dy < f; dy++) {
                    int row = (y * f + dy) * big + x * f;
                    for (int dx = 0; dx < f; dx++) {
                        int c = argb[row + dx];
                        r += (c >> 16) & 0xff;
                        gr += (c >> 8) & 0xff;
                        b += c & 0xff;
                    }
                }
                int i = y * size + x;
                out[i] = toUnit(r * norm);
                out[plane + i] = toUnit(gr * norm);
                out[2 * plane + i] = toUnit(b * norm);
            }
        }
        return new Image(3, size, size, out);
    }

    private static float toUnit(double v255) {
        return (float) Math.max(-1.0, Math.min(1.0, v255 / 127.5 - 1.0));
    }
}
