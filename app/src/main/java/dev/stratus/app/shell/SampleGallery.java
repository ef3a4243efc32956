package dev.stratus.app.shell;

import dev.stratus.app.render.PngRenderer;
import dev.stratus.app.samples.Sample;
import dev.stratus.app.samples.SampleCatalog;
import dev.stratus.project.ProjectFileException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * What File → New offers: a card for an empty design and a card per sample, each sample shown with
 * a small picture of its diagram, its title and its summary. Clicking a card selects it; a double
 * click chooses it at once. Pictures are drawn once per catalog and kept.
 */
public final class SampleGallery extends ScrollPane {

    /** A thumbnail's size, pixels. */
    public static final int THUMB_WIDTH = 240;

    public static final int THUMB_HEIGHT = 150;

    private static final Map<String, Image> THUMBNAILS = new HashMap<>();

    /** One card: {@code sample} empty for the empty design. */
    public record Card(Optional<Sample> sample, VBox view, ImageView picture) {}

    private final TilePane tiles = new TilePane();
    private final List<Card> cards;
    private Card selected;

    /** A gallery of {@code catalog}'s samples; {@code chosen} hears a double click. */
    public SampleGallery(SampleCatalog catalog, Consumer<Optional<Sample>> chosen) {
        getStyleClass().add("sample-gallery");
        setId("sample-gallery");
        tiles.setHgap(12);
        tiles.setVgap(12);
        tiles.setPadding(new Insets(12));
        tiles.setPrefColumns(3);
        java.util.ArrayList<Card> all = new java.util.ArrayList<>();
        all.add(card(Optional.empty(), "Empty design", "Start from a blank canvas.", null));
        for (Sample sample : catalog.samples()) {
            all.add(card(Optional.of(sample), sample.title(), sample.summary(), thumbnail(catalog, sample)));
        }
        cards = List.copyOf(all);
        for (Card card : cards) {
            card.view().setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    select(card);
                    if (e.getClickCount() == 2) {
                        chosen.accept(card.sample());
                    }
                }
            });
            tiles.getChildren().add(card.view());
        }
        select(cards.get(0));
        setContent(tiles);
        setFitToWidth(true);
        setPrefViewportWidth(3 * (THUMB_WIDTH + 24) + 24);
        setPrefViewportHeight(2 * (THUMB_HEIGHT + 90) + 24);
    }

    /** Every card: the empty design first, then the samples in the catalog's order. */
    public List<Card> cards() {
        return cards;
    }

    /** The card chosen now: its sample, or empty for the empty design. */
    public Optional<Sample> selection() {
        return selected.sample();
    }

    /** Selects the card of {@code sample}, or the empty design's. */
    public void select(Optional<Sample> sample) {
        cards.stream().filter(c -> c.sample().equals(sample)).findFirst().ifPresent(this::select);
    }

    private void select(Card card) {
        if (selected != null) {
            selected.view().getStyleClass().remove("selected");
        }
        selected = card;
        card.view().getStyleClass().add("selected");
    }

    private static Card card(Optional<Sample> sample, String title, String summary, Image image) {
        ImageView picture = new ImageView(image);
        picture.setFitWidth(THUMB_WIDTH);
        picture.setFitHeight(THUMB_HEIGHT);
        picture.setPreserveRatio(true);
        StackPane frame = new StackPane(picture);
        frame.getStyleClass().add("gallery-thumbnail");
        frame.setMinSize(THUMB_WIDTH, THUMB_HEIGHT);
        frame.setPrefSize(THUMB_WIDTH, THUMB_HEIGHT);
        if (image == null) {
            frame.getChildren().add(new Label("+"));
        }
        Label name = new Label(title);
        name.getStyleClass().add("gallery-title");
        Label text = new Label(summary);
        text.setWrapText(true);
        text.getStyleClass().add("gallery-summary");
        text.setMaxWidth(THUMB_WIDTH);
        text.setPrefHeight(48);
        text.setAlignment(Pos.TOP_LEFT);
        VBox view = new VBox(6, frame, name, text);
        view.setPadding(new Insets(8));
        view.getStyleClass().add("gallery-card");
        view.setId("gallery-" + sample.map(Sample::file).orElse("empty"));
        view.setPrefWidth(THUMB_WIDTH + 16);
        return new Card(sample, view, picture);
    }

    /** The sample's picture, drawn on first use; {@code null} when the sample does not read. */
    static synchronized Image thumbnail(SampleCatalog catalog, Sample sample) {
        return THUMBNAILS.computeIfAbsent(sample.file(), file -> {
            try {
                return PngRenderer.diagramImage(catalog.load(sample), THUMB_WIDTH, THUMB_HEIGHT);
            } catch (ProjectFileException e) {
                return null;
            }
        });
    }
}
