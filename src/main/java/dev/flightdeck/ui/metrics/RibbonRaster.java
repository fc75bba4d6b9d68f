package dev.flightdeck.ui.metrics;

import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Every ribbon of a chart filled, pixel column by pixel column, into one reused buffer and handed to the renderer as
 * one picture. Filled as vector polygons, 200 ribbons cost the renderer's rasterizer (Marlin, in software) tens of
 * milliseconds a frame, growing with the series, while it holds the FX thread's next pulse; a column of a ribbon is
 * only a vertical span, so filling it directly costs the pixels it covers and the picture costs the renderer one copy
 * whatever the number of series. Between two points the span follows the straight edges the polygon had, widened to
 * the edges' extent across the column so a steep step stays a visible line; the ends of a span are antialiased by the
 * part of the pixel they cover. Used on the FX thread only, by {@link ChartCanvas}.
 */
final class RibbonRaster {

    private static final PixelFormat<IntBuffer> PREMULTIPLIED = PixelFormat.getIntArgbPreInstance();

    private int width;
    private int height;
    private int[] pixels = new int[0];
    private WritableImage image;
    /** The last column the current ribbon filled. */
    private int drawnUpTo;

    /** Clears the buffer for a chart of this size (in whole pixels), keeping it when the size has not changed. */
    void clear(int chartWidth, int chartHeight) {
        if (chartWidth != width || chartHeight != height || image == null) {
            width = Math.max(1, chartWidth);
            height = Math.max(1, chartHeight);
            pixels = new int[width * height];
            image = new WritableImage(width, height);
        } else {
            Arrays.fill(pixels, 0);
        }
    }

    /**
     * Fills one ribbon over what is already there ("source over"), in {@code colour} at {@code opacity}; the line's
     * coordinates are in the chart's units, {@code scale} pixels each (the screen's output scale).
     */
    void fill(ChartFrame.Line line, Color colour, double opacity, double scale) {
        double alpha = colour.getOpacity() * opacity;
        if (alpha <= 0 || line.columns() == 0) {
            return;
        }
        Ink ink = Ink.of(colour, alpha);
        double[] xs = line.xs();
        double[] tops = line.tops();
        double[] bottoms = line.bottoms();
        drawnUpTo = Integer.MIN_VALUE;
        for (int index = 0; index < line.columns(); index++) {
            if (Double.isNaN(xs[index])) {
                continue;
            }
            double x = xs[index] * scale;
            boolean joinedAfter = index + 1 < line.columns() && !Double.isNaN(xs[index + 1]);
            boolean joinedBefore = index > 0 && !Double.isNaN(xs[index - 1]);
            if (joinedAfter) {
                segment(
                        x,
                        tops[index] * scale,
                        bottoms[index] * scale,
                        xs[index + 1] * scale,
                        tops[index + 1] * scale,
                        bottoms[index + 1] * scale,
                        ink);
            } else {
                // a run's last point takes its own column; a lone point two, as wide as the polygon's rectangle was
                int from = (int) Math.floor(joinedBefore ? x : x - scale);
                for (int column = from; column <= (int) Math.floor(x); column++) {
                    span(column, tops[index] * scale, bottoms[index] * scale, ink);
                }
            }
        }
    }

    /** A series' colour as a premultiplied ARGB pixel, and its alpha (0–255). */
    private record Ink(int pixel, int alpha) {
        static Ink of(Color colour, double alpha) {
            int a = channel(alpha);
            return new Ink(
                    (a << 24)
                            | (channel(colour.getRed() * alpha) << 16)
                            | (channel(colour.getGreen() * alpha) << 8)
                            | channel(colour.getBlue() * alpha),
                    a);
        }
    }

    /** The pixel columns from one point up to (not including) the next: the straight edges between them. */
    private void segment(double x0, double top0, double bottom0, double x1, double top1, double bottom1, Ink ink) {
        int first = (int) Math.floor(x0);
        int last = Math.max(first, (int) Math.floor(x1) - 1);
        double run = Math.max(1e-9, x1 - x0);
        for (int column = first; column <= last; column++) {
            // the edges' extent across this column: from its left to its right side, clamped to the segment
            double left = Math.max(0, Math.min(1, (column - x0) / run));
            double right = Math.max(0, Math.min(1, (column + 1 - x0) / run));
            double topLeft = top0 + (top1 - top0) * left;
            double topRight = top0 + (top1 - top0) * right;
            double bottomLeft = bottom0 + (bottom1 - bottom0) * left;
            double bottomRight = bottom0 + (bottom1 - bottom0) * right;
            span(column, Math.min(topLeft, topRight), Math.max(bottomLeft, bottomRight), ink);
        }
    }

    /**
     * One column from {@code top} to {@code bottom}; the first and last pixel by the part of them it covers. A column
     * is filled once per ribbon (two points in one column would otherwise darken it).
     */
    private void span(int column, double top, double bottom, Ink ink) {
        if (column <= drawnUpTo || column < 0 || column >= width || !(bottom > top)) {
            return;
        }
        drawnUpTo = column;
        int firstRow = Math.max(0, (int) Math.floor(top));
        int lastRow = Math.min(height - 1, (int) Math.ceil(bottom) - 1);
        for (int row = firstRow; row <= lastRow; row++) {
            double coverage = Math.min(bottom, row + 1) - Math.max(top, row);
            int at = row * width + column;
            if (coverage >= 1 && ink.alpha() == 255) {
                pixels[at] = ink.pixel(); // opaque and whole: most of a ribbon's pixels, no blending
            } else if (coverage >= 1) {
                pixels[at] = over(ink.pixel(), ink.alpha(), pixels[at]);
            } else {
                int part = (int) (coverage * 255 + 0.5);
                int source = scaled(ink.pixel(), part);
                pixels[at] = over(source, source >>> 24, pixels[at]);
            }
        }
    }

    /** "Source over" on premultiplied pixels, in integers (this runs for every pixel of every ribbon). */
    private static int over(int source, int sourceAlpha, int under) {
        return source + scaled(under, 255 - sourceAlpha);
    }

    /** Every channel of a premultiplied pixel times {@code factor}/255. */
    private static int scaled(int pixel, int factor) {
        int alpha = times(pixel >>> 24, factor);
        int red = times((pixel >> 16) & 0xff, factor);
        int green = times((pixel >> 8) & 0xff, factor);
        int blue = times(pixel & 0xff, factor);
        return (alpha << 24) | (red << 16) | (green << 8) | blue;
    }

    /** {@code value × factor / 255}, rounded, without a division. */
    private static int times(int value, int factor) {
        int product = value * factor + 128;
        return (product + (product >> 8)) >> 8;
    }

    private static int channel(double value) {
        return Math.min(255, (int) Math.round(value * 255));
    }

    /** The filled ribbons, copied into the picture the canvas draws. */
    WritableImage image() {
        image.getPixelWriter().setPixels(0, 0, width, height, PREMULTIPLIED, pixels, 0, width);
        return image;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }
}
