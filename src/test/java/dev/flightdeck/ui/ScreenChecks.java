package dev.flightdeck.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** What a person at the screen would see: texts the skin had to cut, tables that hide rows, and a picture of it. */
public final class ScreenChecks {

    private ScreenChecks() {}

    /**
     * Every visible labeled node (label, button, list or table cell) whose skin draws less than its text: an ellipsis,
     * or lines cut off. Compares the text the skin draws with the node's own text. Looked up on the FX thread.
     */
    public static List<String> clippedTexts(Scene scene) throws Exception {
        return fx(() -> {
            List<String> clipped = new ArrayList<>();
            collect(scene.getRoot(), clipped);
            return clipped;
        });
    }

    private static void collect(Node node, List<String> clipped) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled
                && labeled.getText() != null
                && !labeled.getText().isBlank()
                && labeled.getGraphic() != node) {
            drawnText(labeled)
                    // cut means an ellipsis or lines left off; a live figure the skin has not laid out again yet
                    // ("8.6 MB" drawn while the label already says "8.7 MB") is not a cut
                    .filter(drawn -> !drawn.equals(labeled.getText())
                            && (drawn.contains(labeled.getEllipsisString())
                                    || labeled.getText().startsWith(drawn.strip())))
                    .ifPresent(drawn ->
                            clipped.add(describe(labeled) + " shows '" + drawn + "' of '" + labeled.getText() + "'"));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, clipped);
            }
        }
    }

    /** The text node the labeled skin draws (LabeledText, style class "text"), a direct child of the labeled. */
    private static Optional<String> drawnText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream()
                .filter(child -> child instanceof Text && child.getStyleClass().contains("text"))
                .map(child -> ((Text) child).getText())
                .findFirst();
    }

    private static String describe(Labeled labeled) {
        String id = labeled.getId() != null ? "#" + labeled.getId() : String.join(".", labeled.getStyleClass());
        return labeled.getClass().getSimpleName() + "(" + id + ")";
    }

    /** How many rows of the table are shown whole inside it; a table showing all equals its item count. */
    public static int wholeRowsShown(TableView<?> table) throws Exception {
        return fx(() -> {
            Bounds inside = table.localToScreen(table.getBoundsInLocal());
            return (int) table.lookupAll(".table-row-cell").stream()
                    .filter(Node::isVisible)
                    .map(row -> (TableRow<?>) row)
                    .filter(row -> !row.isEmpty()
                            && row.getIndex() >= 0
                            && row.getIndex() < table.getItems().size())
                    .filter(row -> {
                        Bounds bounds = row.localToScreen(row.getBoundsInLocal());
                        return bounds != null
                                && bounds.getMinY() >= inside.getMinY() - 0.5
                                && bounds.getMaxY() <= inside.getMaxY() + 0.5;
                    })
                    .map(TableRow::getIndex)
                    .distinct()
                    .count();
        });
    }

    /** The scene as a PNG (target/screens or docs/): to be looked at, not compared. */
    public static void snapshot(Scene scene, Path file) throws Exception {
        WritableImage image = fx(() -> scene.snapshot(null));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + file, e);
        }
    }

    public static <T> T fx(Callable<T> lookup) throws Exception {
        try {
            return WaitForAsyncUtils.asyncFx(lookup).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
