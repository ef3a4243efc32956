package dev.stratus.app.learn;

import dev.stratus.learn.Concept;
import dev.stratus.learn.Words;
import dev.stratus.model.Provider;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Accordion;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/**
 * The Learn panel: every {@link Concept} as a section with its explanation in the current
 * provider's words, how the providers differ, and a "Show me" button. Show me asks the callback
 * given to the constructor to jump the playback to the concept's next moment in the design; the
 * callback answers {@code null} or empty when it did, or a sentence saying why it cannot (the moment
 * does not happen here, and what change would make it), which the panel shows under the concept.
 *
 * <p>Ids: {@code learn-<concept>} for each section, {@code learn-show-<concept>} for its button and
 * {@code learn-answer-<concept>} for the answer, where {@code <concept>} is {@link Concept#id()}.
 */
public final class LearnPanel extends VBox {

    private final Function<Concept, String> showMe;
    private final Map<Concept, Label> explanations = new EnumMap<>(Concept.class);
    private final Map<Concept, Label> answers = new EnumMap<>(Concept.class);
    private final Label heading = new Label();
    private Provider provider = Provider.AWS;

    /**
     * @param showMe jumps the playback to the concept's next moment and returns {@code null} or
     *     empty, or returns the sentence to show when the concept does not happen in this design
     */
    public LearnPanel(Function<Concept, String> showMe) {
        this.showMe = Objects.requireNonNull(showMe, "showMe");
        getStyleClass().addAll("side-panel", "learn-panel");
        setSpacing(8);
        setPadding(new Insets(8));
        heading.getStyleClass().add("results-subtitle");
        heading.setWrapText(true);
        Accordion sections = new Accordion();
        for (Concept concept : Concept.values()) {
            sections.getPanes().add(section(concept));
        }
        sections.setExpandedPane(sections.getPanes().get(0));
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(heading, scroll);
        setProvider(Provider.AWS);
    }

    /** Explains every concept in {@code provider}'s words, and clears the answers given so far. */
    public void setProvider(Provider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
        Words words = Words.of(provider);
        heading.setText("How serverless works, on " + provider.displayName());
        explanations.forEach((concept, label) -> label.setText(concept.explanation(words)));
        answers.values().forEach(LearnPanel::clear);
    }

    /** The provider whose words the panel uses. */
    public Provider provider() {
        return provider;
    }

    private TitledPane section(Concept concept) {
        Label explanation = wrapped("learn-explanation-" + concept.id());
        explanations.put(concept, explanation);
        Label differences = wrapped("learn-differences-" + concept.id());
        differences.setText(concept.providerDifferences());
        differences.getStyleClass().add("text-muted");
        Label answer = wrapped("learn-answer-" + concept.id());
        answer.getStyleClass().add("chart-note");
        clear(answer);
        answers.put(concept, answer);
        Button show = new Button("Show me");
        show.setId("learn-show-" + concept.id());
        show.setOnAction(e -> show(concept));
        VBox body = new VBox(8, explanation, differences, show, answer);
        body.setPadding(new Insets(4));
        TitledPane pane = new TitledPane(concept.title(), body);
        pane.setId("learn-" + concept.id());
        return pane;
    }

    private void show(Concept concept) {
        String said = showMe.apply(concept);
        Label answer = answers.get(concept);
        if (said == null || said.isBlank()) {
            clear(answer);
        } else {
            answer.setText(said);
            answer.setVisible(true);
            answer.setManaged(true);
        }
    }

    private static void clear(Label answer) {
        answer.setText("");
        answer.setVisible(false);
        answer.setManaged(false);
    }

    private static Label wrapped(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }
}
