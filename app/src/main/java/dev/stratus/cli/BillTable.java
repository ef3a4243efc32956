package dev.stratus.cli;

import dev.stratus.app.results.Figures;
import dev.stratus.provider.Bill;
import dev.stratus.provider.LineItem;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A bill's line items as an aligned table, so a person can follow the arithmetic. */
final class BillTable {

    private BillTable() {}

    static void print(PrintWriter out, Bill bill) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Item", "Quantity", "Unit", "Unit price (USD)", "Amount (USD)"});
        for (LineItem item : bill.lineItems()) {
            rows.add(new String[] {
                item.description(),
                grouped(item.quantity()),
                item.unit(),
                BigDecimal.valueOf(item.unitPrice()).stripTrailingZeros().toPlainString(),
                String.format(Locale.ROOT, "%,.2f", item.amount())
            });
        }
        rows.add(new String[] {"Total", "", "", "", String.format(Locale.ROOT, "%,.2f", bill.total())});
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            out.println(String.format(
                            Locale.ROOT,
                            "%-" + widths[0] + "s  %" + widths[1] + "s  %-" + widths[2] + "s  %" + widths[3] + "s  %"
                                    + widths[4] + "s",
                            (Object[]) row)
                    .stripTrailing());
        }
    }

    /** A quantity to 12 significant digits. */
    static BigDecimal quantity(double value) {
        return Figures.significant(value);
    }

    private static String grouped(double value) {
        return Figures.quantity(value);
    }
}
