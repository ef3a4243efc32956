package dev.stratus.app.canvas;

import dev.stratus.app.inspector.ProviderWords;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Node;
import dev.stratus.model.Position;
import dev.stratus.model.Provider;
import dev.stratus.model.Queue;
import dev.stratus.model.Service;
import dev.stratus.model.Trigger;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The box that shows one node on the canvas: a rounded box in its category's colours with the
 * kind's icon, the node's name in bold and a small caption naming the kind. There is one subclass
 * per family of kinds (trigger, gateway, function, service), each choosing its caption; create them
 * with {@link #of(Node)}.
 *
 * <p>A view has the style class {@code node-view} plus its category's ({@code trigger}, {@code
 * gateway}, {@code function}, {@code service}) and its JavaFX id is the node's id. It is {@link
 * #WIDTH} x {@link #HEIGHT} canvas units and its layout position is the node's {@link Position}. A
 * {@link CanvasLayer} may add style classes of its own to mark it.
 */
public abstract sealed class NodeView extends Region
        permits NodeView.TriggerView, NodeView.GatewayView, NodeView.FunctionView, NodeView.ServiceView {

    /** Width of every node box, canvas units. */
    public static final double WIDTH = 150;

    /** Height of every node box, canvas units. */
    public static final double HEIGHT = 64;

    /** Side of the coloured square behind the icon. */
    private static final double BADGE = 30;

    /** Radius of the port on the right edge that a person drags from to connect, canvas units. */
    public static final double PORT_RADIUS = 6;

    private final Node node;
    private final Label nameLabel;
    private final Label captionLabel;
    private final HBox content;
    private final VBox text;
    private final Circle port = new Circle(WIDTH, HEIGHT / 2, PORT_RADIUS);

    private NodeView(Node node, String caption) {
        this.node = node;
        setId(node.id());
        getStyleClass().addAll("node-view", KindStyle.styleClass(node.kind().category()));

        FontIcon icon = new FontIcon(KindStyle.icon(node.kind()));
        icon.getStyleClass().add("node-icon");
        StackPane badge = new StackPane(icon);
        badge.getStyleClass().add("node-badge");
        badge.setMinSize(BADGE, BADGE);
        badge.setMaxSize(BADGE, BADGE);

        nameLabel = new Label(displayName(node));
        nameLabel.getStyleClass().add("node-name");
        captionLabel = new Label(caption);
        captionLabel.getStyleClass().add("node-caption");
        VBox text = new VBox(1, nameLabel, captionLabel);
        text.setAlignment(Pos.CENTER_LEFT);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);

        this.text = text;
        content = new HBox(8, badge, text);
        content.setAlignment(Pos.CENTER_LEFT);
        content.setPadding(new Insets(0, 6, 0, 10));
        port.getStyleClass().add("port");
        port.setManaged(false);
        port.setVisible(false);
        getChildren().addAll(content, port);

        setMinSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        // Installed when first pointed at: 500 tooltips made up front slow the opening of a large design.
        setOnMouseEntered(e -> {
            if (getProperties().get(Tooltip.class) == null) {
                Tooltip tip = new Tooltip(displayName(node) + "\n" + node.kind().displayName() + " · " + node.id());
                Tooltip.install(this, tip);
                getProperties().put(Tooltip.class, tip);
            }
        });
    }

    /** The view for {@code node} on AWS, of the family its kind belongs to. */
    public static NodeView of(Node node) {
        return of(node, Provider.AWS);
    }

    /** The view for {@code node}, its caption in {@code provider}'s words ("DynamoDB table", "Action"). */
    public static NodeView of(Node node, Provider provider) {
        NodeView view;
        if (node instanceof Trigger trigger) {
            view = new TriggerView(trigger, provider);
        } else if (node instanceof ApiGateway gateway) {
            view = new GatewayView(gateway, provider);
        } else if (node instanceof FunctionNode function) {
            view = new FunctionView(function, provider);
        } else {
            view = new ServiceView((Service) node, provider);
        }
        view.provider = provider;
        return view;
    }

    private Provider provider = Provider.AWS;

    /** The provider whose words the caption uses. */
    public Provider provider() {
        return provider;
    }

    /** What a node is called on the canvas: its name, or its id when it has none. */
    public static String displayName(Node node) {
        return node.name().isBlank() ? node.id() : node.name();
    }

    /** The node this view shows. */
    public Node node() {
        return node;
    }

    /** The node's id, which is also this view's JavaFX id. */
    public String nodeId() {
        return node.id();
    }

    /**
     * The label that shows the node's name; a long name is broken onto two lines at a hyphen or a
     * similar joint, so its text may hold a newline.
     */
    public Label nameLabel() {
        return nameLabel;
    }

    /** The label under the name that names the kind. */
    public Label captionLabel() {
        return captionLabel;
    }

    /**
     * The small circle on the right edge (style class {@code port}) that a person drags from to
     * connect this node to another; shown only on an editable canvas.
     */
    public Circle port() {
        return port;
    }

    /** Shows or hides the port: a picture of a design has none. */
    void setEditable(boolean editable) {
        port.setVisible(editable);
    }

    /** Puts the box's top-left corner at {@code position}, in canvas units. */
    public void moveTo(Position position) {
        relocate(position.x(), position.y());
    }

    /**
     * The box on the canvas, canvas units: its layout position and fixed size. It changes when the
     * box moves, also while the person drags it: follow {@link #layoutXProperty()} and {@link
     * #layoutYProperty()}.
     */
    public Bounds bounds() {
        return new BoundingBox(getLayoutX(), getLayoutY(), WIDTH, HEIGHT);
    }

    /** The box on the canvas, from its layout position and fixed size. */
    EdgeGeometry.Box box() {
        return new EdgeGeometry.Box(getLayoutX(), getLayoutY(), WIDTH, HEIGHT);
    }

    @Override
    protected void layoutChildren() {
        fitName();
        Insets insets = getInsets();
        layoutInArea(
                content,
                insets.getLeft(),
                insets.getTop(),
                getWidth() - insets.getLeft() - insets.getRight(),
                getHeight() - insets.getTop() - insets.getBottom(),
                0,
                HPos.LEFT,
                VPos.CENTER);
    }

    /** Breaks a long name onto two lines at a joint, now that the font and the room are known. */
    private void fitName() {
        Insets insets = getInsets();
        Insets padding = content.getPadding();
        double room = getWidth()
                - insets.getLeft()
                - insets.getRight()
                - padding.getLeft()
                - padding.getRight()
                - BADGE
                - content.getSpacing()
                - text.getPadding().getLeft()
                - text.getPadding().getRight()
                - nameLabel.getInsets().getLeft()
                - nameLabel.getInsets().getRight();
        // A little slack: a label cuts its text short before the text quite touches its edge.
        String fitted = NameFitter.fit(displayName(node), nameLabel.getFont(), Math.floor(room) - 1);
        if (!fitted.equals(nameLabel.getText())) {
            nameLabel.setText(fitted);
        }
    }

    /** HTTP, schedule, queue, storage, stream and topic triggers: where events enter the design. */
    static final class TriggerView extends NodeView {
        TriggerView(Trigger trigger, Provider provider) {
            super(trigger, ProviderWords.of(provider, trigger.kind()));
        }
    }

    /** The API gateway: its caption names the gateway product. */
    static final class GatewayView extends NodeView {
        GatewayView(ApiGateway gateway, Provider provider) {
            // On AWS the type is the product ("HTTP API", "REST API"); elsewhere the provider's gateway.
            super(
                    gateway,
                    provider == Provider.AWS
                            ? (gateway.type() == ApiGateway.Type.REST ? "REST API" : "HTTP API")
                            : ProviderWords.of(provider, gateway.kind()));
        }
    }

    /** A function: its caption gives its memory size. */
    static final class FunctionView extends NodeView {
        FunctionView(FunctionNode function, Provider provider) {
            super(function, provider.functionWord() + " · " + memory(function.memoryMb()));
        }

        /** 512 MB, 1 GB, 1.5 GB, 1769 MB: gigabytes where they are round, so the caption stays short. */
        static String memory(int megabytes) {
            if (megabytes >= 1024 && megabytes % 512 == 0) {
                int halves = megabytes / 512;
                return (halves % 2 == 0 ? String.valueOf(halves / 2) : (halves / 2) + ".5") + " GB";
            }
            return megabytes + " MB";
        }
    }

    /** A database, bucket, queue, topic, email service or external API. */
    static final class ServiceView extends NodeView {
        ServiceView(Service service, Provider provider) {
            super(service, caption(service, provider));
        }

        private static String caption(Service service, Provider provider) {
            String words = ProviderWords.of(provider, service.kind());
            if (service instanceof Queue queue && queue.type() == Queue.Type.FIFO) {
                return words + " (FIFO)";
            }
            return words;
        }
    }
}
