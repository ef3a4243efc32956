package dev.stratus.app.export;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** The list of what an imported template held that the design does not model, one line each. */
public final class ImportReport {

    private ImportReport() {}

    /** Shows the report, owned by {@code owner} when it is showing; nothing when the report is empty. */
    public static void show(Window owner, String templateName, List<String> report) {
        if (report.isEmpty()) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.setTitle("Stratus");
        alert.setHeaderText("Imported " + templateName + "; " + report.size()
                + (report.size() == 1 ? " item is" : " items are") + " not modelled");
        TextArea lines = new TextArea(String.join("\n", report));
        lines.setEditable(false);
        lines.setWrapText(true);
        alert.getDialogPane().setContent(lines);
        alert.getDialogPane().setId("import-report");
        alert.setResizable(true);
        alert.show();
    }
}
