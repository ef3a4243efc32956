package com.example.nightlyreport.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TableOutput;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The function 'build-report', exported from Stratus.
 *
 * <p>build-report: timer, NCRONTAB 0 0 2 * * * (UTC)
 */
public class BuildReportFunction {

    /** timer, NCRONTAB 0 0 2 * * * (UTC). */
    @FunctionName("build-report")
    public void timer(
            @TimerTrigger(name = "timerInfo", schedule = "0 0 2 * * *") String timerInfo,
            @TableOutput(name = "ordersTable", tableName = "orders", connection = "AzureWebJobsStorage")
                    OutputBinding<String> ordersTable,
            final ExecutionContext context) {
        String event = Json.object("trigger", "timer", "schedule", "0 0 2 * * *", "timerInfo", timerInfo);
        // Output bindings: ordersTable.setValue(json) sends a message (a table row: JSON with PartitionKey and RowKey) when the function returns.
        context.getLogger().info(handle(event, context));
    }

    /**
     * The function has no code in the design yet: it logs the event and answers with its name and
     * the settings its connections give it. Replace the body with the real work.
     */
    private static String handle(String event, ExecutionContext context) {
        context.getLogger().info("event: " + event);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("ORDERS_TABLE", System.getenv("ORDERS_TABLE"));
        settings.put("REPORT_RECIPIENTS", System.getenv("REPORT_RECIPIENTS"));
        settings.put("REPORT_SENDER", System.getenv("REPORT_SENDER"));
        return Json.object("function", "build-report", "status", "ok", "settings", settings);
    }
}
