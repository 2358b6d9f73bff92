package org.atelier.datasets.masks;

/**
 * Draws filled shapes into a row-major {@code boolean[height * width]} hole array.
 * Coordinates are in pixels with pixel {@code (x, y)}'s centre at {@code (x, y)} (the OpenCV
 * convention LaMa's masks are drawn in); a pixel is set when its centre lies in the shape.
 * Hand-written rather than Java2D because Java2D's stroke rasterisation depends on rendering
 * hints and pipeline, while a centre-in-shape test is exact and the same on every JVM.
 */
final class Shapes {
    private static final double EPS = 1e-9;

    private Shapes() {
    }

    /**
     * A thick segment with round ends: every pixel whose centre is within {@code radius} of the
     * segment from {@code (x0, y0)} to {@code (x1, y1)}. This is the shape of OpenCV's
     * {@code cv2.line} with a thickness above 1 (a filled quadrilateral plus a disc at each end),
     * so consecutive segments of a stroke join with a disc at every joint.
     */
    static void capsule(boolean[] hole, int height, int width, double x0, double y0, double x1, double y1,
            double radius) {
        int xa = Math.max(0, (int) Math.ceil(Math.min(x0, x1) - radius));
        int xb = Math.min(width - 1, (int) Math.floor(Math.max(x0, x1) + radius));
        int ya = Math.max(0, (int) Math.ceil(Math.min(y0, y1) - radius));
        int yb = Math.min(height - 1, (int) Math.floor(Math.max(y0, y1) + radius));
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len2 = dx * dx + dy * dy;
        double r2 = radius * radius + EPS;
        for (int y = ya; y <= yb; y++) {
            for (int x = xa; x <= xb; x++) {
                double t = len2 == 0 ? 0 : ((x - x0) * dx + (y - y0) * dy) / len2;
                t = Math.max(0, Math.min(1, t));
                double ex = x - (x0 + t * dx);
                double ey = y - (y0 + t * dy);
                if (ex * ex + ey * ey <= r2) {
                    hole[y * width + x] = true;
                }
            }
        }
    }

    /** Rows {@code [top, top + h)} × columns {@code [left, left + w)}, clipped to the image. */
    static void rect(boolean[] hole, int height, int width, int top, int left, int h, int w) {
        int y0 = Math.max(0, top);
        int y1 = Math.min(height, top + h);
        int x0 = Math.max(0, left);
        int x1 = Math.min(width, left + w);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                hole[y * width + x] = true;
            }
        }
    }
}
