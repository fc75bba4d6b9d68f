package dev.flightdeck.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The ribbons filled column by column look like the polygons they replace: continuous, broken at gaps, blended. */
@ExtendWith(ApplicationExtension.class)
class RibbonRasterTest {

    @Start
    void start(Stage stage) {
        // the toolkit only: the raster's picture is an image, not a control
    }

    private static ChartFrame.Line line(double[] xs, double[] tops, double thickness) {
        double[] bottoms = new double[tops.length];
        for (int index = 0; index < tops.length; index++) {
            bottoms[index] = tops[index] + thickness;
        }
        return new ChartFrame.Line(0, false, xs, tops, bottoms, xs.length);
    }

    @Test
    void aSteadySeriesIsAThinLineAcrossItsColumnsAndNothingElse() {
        RibbonRaster raster = new RibbonRaster();
        raster.clear(60, 100);
        double[] xs = IntStream.rangeClosed(0, 10).mapToDouble(i -> 10 + 2 * i).toArray();
        double[] tops = IntStream.rangeClosed(0, 10).mapToDouble(i -> 50).toArray();
        raster.fill(line(xs, tops, 2), Color.RED, 1, 1);

        PixelReader pixels = raster.image().getPixelReader();
        for (int column = 10; column <= 30; column++) {
            assertThat(pixels.getColor(column, 50)).as("column %d", column).isEqualTo(Color.RED);
            assertThat(pixels.getColor(column, 51)).isEqualTo(Color.RED);
            assertThat(pixels.getColor(column, 52).getOpacity()).isZero();
            assertThat(pixels.getColor(column, 49).getOpacity()).isZero();
        }
        assertThat(pixels.getColor(9, 50).getOpacity()).isZero();
        assertThat(pixels.getColor(31, 50).getOpacity()).isZero();
    }

    @Test
    void aSteepStepStaysOneUnbrokenLineAndAPartlyCoveredPixelIsPartlyOpaque() {
        RibbonRaster raster = new RibbonRaster();
        raster.clear(40, 100);
        raster.fill(line(new double[] {10, 11, 12}, new double[] {10, 90, 90}, 1.5), Color.BLUE, 1, 1);

        PixelReader pixels = raster.image().getPixelReader();
        assertThat(IntStream.rangeClosed(10, 91)
                        .filter(row -> pixels.getColor(10, row).getOpacity() == 0))
                .as("rows of column 10 left empty between the two levels")
                .isEmpty();
        assertThat(pixels.getColor(11, 91).getOpacity())
                .as("half of row 91 is covered")
                .isCloseTo(0.5, within(0.02));
    }

    @Test
    void aGapBreaksTheRibbonAndItsColumnsStayEmpty() {
        RibbonRaster raster = new RibbonRaster();
        raster.clear(60, 40);
        double nan = Double.NaN;
        raster.fill(
                line(new double[] {5, 6, 7, nan, 30, 31}, new double[] {20, 20, 20, nan, 20, 20}, 2),
                Color.GREEN,
                1,
                1);

        PixelReader pixels = raster.image().getPixelReader();
        assertThat(pixels.getColor(7, 20).getOpacity()).isEqualTo(1);
        assertThat(IntStream.range(8, 30)
                        .filter(column -> pixels.getColor(column, 20).getOpacity() > 0))
                .isEmpty();
        assertThat(pixels.getColor(30, 20).getOpacity()).isEqualTo(1);
    }

    @Test
    void aLaterSeriesIsDrawnOverAnEarlierOneAndALighterOneLetsItShowThrough() {
        RibbonRaster raster = new RibbonRaster();
        raster.clear(30, 30);
        double[] xs = {5, 6, 7, 8, 9};
        double[] tops = {10, 10, 10, 10, 10};
        raster.fill(line(xs, tops, 4), Color.RED, 1, 1);
        raster.fill(line(xs, tops, 4), Color.BLUE, ChartCanvas.RIGHT_AXIS_OPACITY, 1);

        Color mixed = raster.image().getPixelReader().getColor(7, 11);
        assertThat(mixed.getOpacity()).isEqualTo(1);
        assertThat(mixed.getBlue()).isCloseTo(ChartCanvas.RIGHT_AXIS_OPACITY, within(0.01));
        assertThat(mixed.getRed()).isCloseTo(1 - ChartCanvas.RIGHT_AXIS_OPACITY, within(0.01));

        raster.clear(30, 30);
        assertThat(raster.image().getPixelReader().getColor(7, 11).getOpacity())
                .as("cleared for the next frame")
                .isZero();
    }

    @Test
    void onAScaledScreenTheRibbonIsFilledAtTheScreensResolution() {
        RibbonRaster raster = new RibbonRaster();
        raster.clear(80, 80);
        raster.fill(line(new double[] {5, 6, 7, 8}, new double[] {10, 10, 10, 10}, 2), Color.RED, 1, 2);

        PixelReader pixels = raster.image().getPixelReader();
        assertThat(pixels.getColor(10, 20)).isEqualTo(Color.RED);
        assertThat(pixels.getColor(16, 23)).isEqualTo(Color.RED);
        assertThat(pixels.getColor(16, 24).getOpacity()).isZero();
    }
}
