package io.logcentral.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Time from navigation to the search view's first results and histogram, in Chromium, against a running server (the
 * name keeps it out of the build's tests; run it on demand):
 *
 * <pre>./mvnw -o test -Dtest=FirstPaintMeasurement -Dui.base=http://127.0.0.1:8080 -Dui.token=... [-Dui.runs=7]</pre>
 */
@EnabledIfSystemProperty(named = "ui.base", matches = "https?://.+")
class FirstPaintMeasurement {

    private static final List<String> VIEWS = List.of("#since=15m", "#since=1h", "#since=24h", "#since=7d");

    @Test
    void searchViewFirstPaint() {
        String base = System.getProperty("ui.base");
        int runs = Integer.getInteger("ui.runs", 7);
        try (Browser browser = new Browser(base)) {
            browser.driver.get(base + "/");
            browser.script("sessionStorage.setItem('logcentral.token', arguments[0])", System.getProperty("ui.token"));
            for (String view : VIEWS) {
                List<Double> logs = new ArrayList<>();
                List<Double> chart = new ArrayList<>();
                for (int run = 0; run <= runs; run++) {
                    browser.driver.get("about:blank");
                    browser.driver.get(base + "/" + view);
                    double[] marks = browser.waitFor(d -> marks(browser));
                    if (run > 0) { // the first run warms the server and the browser's cache
                        logs.add(marks[0]);
                        chart.add(marks[1]);
                    }
                }
                System.out.printf(
                        "first paint %-12s results median %6.0f ms (min %4.0f, max %5.0f), histogram median %6.0f ms%n",
                        view, median(logs), min(logs), max(logs), median(chart));
                assertThat(logs).hasSize(runs);
            }
        }
    }

    private static double[] marks(Browser browser) {
        Object logs = browser.script(
                "const m = performance.getEntriesByName('logcentral:logs'); return m.length ? m[0].startTime : null");
        Object chart = browser.script(
                "const m = performance.getEntriesByName('logcentral:chart'); return m.length ? m[0].startTime : null");
        return logs == null || chart == null
                ? null
                : new double[] {((Number) logs).doubleValue(), ((Number) chart).doubleValue()};
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}
