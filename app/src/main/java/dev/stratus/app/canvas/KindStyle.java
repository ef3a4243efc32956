package dev.stratus.app.canvas;

import dev.stratus.model.NodeKind;
import dev.stratus.model.NodeKind.Category;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * How each kind of node looks: its Material Design icon, and the style class of its category, which
 * {@code stratus.css} turns into the category's colours ({@code .trigger}, {@code .gateway}, {@code
 * .function}, {@code .service}). The icons are enum constants, so a missing icon fails the build
 * rather than the running studio.
 */
public final class KindStyle {

    private KindStyle() {}

    /** The icon drawn for nodes of {@code kind}. */
    public static Ikon icon(NodeKind kind) {
        return switch (kind) {
            case HTTP_TRIGGER -> MaterialDesignW.WEB;
            case SCHEDULE_TRIGGER -> MaterialDesignC.CLOCK_OUTLINE;
            case QUEUE_TRIGGER -> MaterialDesignT.TRAY_ARROW_DOWN;
            case STORAGE_TRIGGER -> MaterialDesignC.CLOUD_UPLOAD_OUTLINE;
            case STREAM_TRIGGER -> MaterialDesignW.WAVES;
            case TOPIC_TRIGGER -> MaterialDesignB.BULLHORN_OUTLINE;
            case API_GATEWAY -> MaterialDesignA.API;
            case FUNCTION -> MaterialDesignL.LAMBDA;
            case DATABASE -> MaterialDesignD.DATABASE_OUTLINE;
            case BUCKET -> MaterialDesignB.BUCKET_OUTLINE;
            case QUEUE -> MaterialDesignT.TRAY_FULL;
            case TOPIC -> MaterialDesignB.BULLHORN;
            case EMAIL -> MaterialDesignE.EMAIL_OUTLINE;
            case EXTERNAL_API -> MaterialDesignC.CLOUD_OUTLINE;
        };
    }

    /** The style class that colours nodes of {@code category}. */
    public static String styleClass(Category category) {
        return switch (category) {
            case TRIGGER -> "trigger";
            case GATEWAY -> "gateway";
            case FUNCTION -> "function";
            case SERVICE -> "service";
        };
    }
}
