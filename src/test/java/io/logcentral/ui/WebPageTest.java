package io.logcentral.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The web page in a real headless Chromium against the real server: what an operator does with it. */
@LogServerTest
class WebPageTest extends BrowserTest {

    String service;
    String word;

    @BeforeEach
    void setUp() {
        service = "ui-" + unique;
        word = "w" + unique;
    }

    @Test
    void searchShowsMatchingLogsNewestFirstWithHistogramAndFacets() {
        send(log(service, "INFO", "order accepted " + word, 3));
        send(log(service, "ERROR", "payment timeout " + word, 2));
        send(log(service + "-b", "WARNING", "disk slow " + word, 1));
        send(log(service, "INFO", "unrelated message", 1));
        send(background(service, 240));

        browser.open("");
        browser.signInAndWait(TestTokens.READER);
        browser.find(By.tagName("body")).sendKeys("/");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("q");
        search(word);

        browser.waitFor(d -> browser.messages().size() == 3);
        assertThat(browser.messages())
                .containsExactly("disk slow " + word, "payment timeout " + word, "order accepted " + word);
        assertThat(browser.rows().get(1).getAttribute("class")).contains("sev-ERROR");
        browser.waitFor(d ->
                chip("ERROR").getText().contains("1") && chip("INFO").getText().contains("1"));
        browser.waitFor(d -> serviceCount(service).equals("2"));
        assertThat(serviceCount(service + "-b")).isEqualTo("1");
        assertThat(Integer.parseInt(browser.find(By.id("chart")).getAttribute("data-buckets")))
                .isGreaterThan(0);
        assertThat(browser.find(By.cssSelector("#chart canvas")).isDisplayed()).isTrue();

        browser.find(By.id("q")).sendKeys(Keys.ESCAPE);
        browser.waitFor(d -> browser.find(By.id("q")).getAttribute("value").isEmpty()
                && !browser.hash().contains("q="));
        browser.waitFor(d -> Integer.parseInt(serviceCount(service + "-api")) > 0
                && browser.rows().size() >= 100);
        browser.screenshot("search");
        assertEveryVisibleControlHasAnAccessibleName();
        assertThat(browser.consoleErrors())
                .as("console errors, CSP refusals among them")
                .isEmpty();
    }

    @Test
    void clickingAServiceInTheFacetFiltersByIt() {
        send(log(service, "INFO", "from a " + word, 1));
        send(log(service + "-b", "INFO", "from b " + word, 1));
        browser.open("#since=1h&q=" + word);
        browser.signInAndWait(TestTokens.READER);
        browser.waitFor(d -> browser.messages().size() == 2);

        browser.click(By.cssSelector(facetSelector(service + "-b")));

        browser.waitFor(d -> browser.messages().equals(List.of("from b " + word)));
        assertThat(browser.hash()).contains("service=" + service + "-b");
        browser.waitFor(d -> facet(service + "-b").isSelected());
    }

    @Test
    void severityChipFiltersBySeverity() {
        send(log(service, "INFO", "fine " + word, 1));
        send(log(service, "ERROR", "broken " + word, 1));
        browser.open("#q=" + word);
        browser.signInAndWait(TestTokens.READER);
        browser.waitFor(d -> browser.messages().size() == 2);

        browser.click(By.cssSelector(chipSelector("ERROR")));

        browser.waitFor(d -> browser.messages().equals(List.of("broken " + word)));
        browser.waitFor(d -> "true".equals(chip("ERROR").getAttribute("aria-pressed")));
    }

    @Test
    void draggingAcrossTheHistogramZoomsTheTimeRange() {
        Instant now = Instant.now();
        send(logAt(service, "old " + word, now.minus(50, ChronoUnit.MINUTES)));
        send(logAt(service, "recent " + word, now.minus(3, ChronoUnit.MINUTES)));
        browser.open("#since=1h&q=" + word);
        browser.signInAndWait(TestTokens.READER);
        browser.waitFor(d -> browser.messages().size() == 2);
        WebElement plot = browser.waitFor(d -> d.findElement(By.cssSelector("#chart .u-over")));

        int width = plot.getSize().getWidth();
        new Actions(browser.driver)
                .moveToElement(plot, -width / 2 + 2, 0)
                .clickAndHold()
                .moveByOffset(width / 4, 0)
                .moveByOffset(width / 4, 0)
                .release()
                .perform();

        browser.waitFor(d -> browser.messages().equals(List.of("old " + word)));
        assertThat(browser.hash())
                .contains("timestamp_start=", "timestamp_end=")
                .doesNotContain("since=");
        assertThat(browser.driver.findElements(By.cssSelector("#presets [aria-pressed=true]")))
                .isEmpty();
        assertThat(browser.find(By.id("range-start")).getAttribute("value")).isNotEmpty();
    }

    @Test
    void aCustomRangeShowsOnlyLogsInsideItAndTheSyntaxHelpIsOneClickAway() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(logAt(service, "inside " + word, now.minus(2, ChronoUnit.HOURS)));
        send(logAt(service, "outside " + word, now.minus(30, ChronoUnit.MINUTES)));
        browser.open("#since=24h&q=" + word);
        browser.signInAndWait(TestTokens.READER);
        browser.waitFor(d -> browser.messages().size() == 2);

        browser.script(
                "document.getElementById('range-start').value = arguments[0];"
                        + "document.getElementById('range-end').value = arguments[1];",
                local(now.minus(3, ChronoUnit.HOURS)),
                local(now.minus(1, ChronoUnit.HOURS)));
        browser.find(By.cssSelector("#custom-range button[type=submit]")).click();

        browser.waitFor(d -> browser.messages().equals(List.of("inside " + word)));
        assertThat(browser.hash()).contains("timestamp_start=", "timestamp_end=");
        WebElement help = browser.find(By.cssSelector(".help .help-body"));
        assertThat(help.isDisplayed()).isFalse();
        browser.find(By.cssSelector(".help summary")).click();
        browser.waitFor(d -> help.isDisplayed());
        assertThat(help.getText()).contains("\"connection reset\"", "conn*");
    }

    /** What a datetime-local input holds for this instant in the browser's time zone. */
    private String local(Instant at) {
        return (String) browser.script(
                "const d = new Date(arguments[0]);"
                        + " return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 19)",
                at.toString());
    }

    @Test
    void aRowExpandsToEveryFieldAndFiltersByAClickedValue() {
        Map<String, Object> wanted = log(service, "ERROR", "card declined " + word, 2);
        wanted.put("request_id", "req-" + word);
        wanted.put("trace_id", "trace-" + word);
        wanted.put("attributes", Map.of("customer", "c-" + word, "card", Map.of("brand", "visa"), "amount", 42));
        long id = send(wanted).get(0);
        Map<String, Object> other = log(service, "INFO", "card accepted " + word, 1);
        other.put("attributes", Map.of("customer", "someone-else"));
        send(other);
        browser.open("#q=" + word);
        browser.signInAndWait(TestTokens.READER);
        browser.waitFor(d -> browser.messages().size() == 2);

        WebElement row = browser.find(By.cssSelector("#logs li[data-id='" + id + "']"));
        row.findElement(By.className("log-head")).click();

        WebElement details = browser.waitFor(d -> {
            WebElement shown = row.findElement(By.className("log-details"));
            return shown.isDisplayed() ? shown : null;
        });
        assertThat(row.findElement(By.className("log-head")).getAttribute("aria-expanded"))
                .isEqualTo("true");
        String json = details.findElement(By.cssSelector("pre.json")).getText();
        assertThat(Api.json(json).get("attributes").get("card").get("brand").asString())
                .isEqualTo("visa");
        assertThat(Api.json(json).get("id").asLong()).isEqualTo(id);
        assertThat(details.findElement(By.cssSelector("code.curl")).getText())
                .isEqualTo("curl -H \"Authorization: Token $TOKEN\" 'http://127.0.0.1:" + port + "/logs/" + id + "'");
        assertThat(details.findElement(By.cssSelector("tr[data-field='attr.card.brand'] td"))
                        .getText())
                .isEqualTo("visa");
        browser.screenshot("expanded-log");

        details.findElement(By.cssSelector("tr[data-field='attr.customer'] button.filter-by"))
                .click();

        browser.waitFor(d -> browser.messages().equals(List.of("card declined " + word)));
        assertThat(browser.hash()).contains("attr.customer=c-" + word);
        assertThat(browser.find(By.id("active-filters")).getText()).contains("attr.customer = c-" + word);
    }

    @Test
    void aRequestIdIsALinkToEveryLogCarryingIt() {
        Map<String, Object> first = log(service, "INFO", "step one", 2);
        first.put("request_id", "req-" + word);
        Map<String, Object> second = log(service + "-b", "ERROR", "step two", 1);
        second.put("request_id", "req-" + word);
        long id = send(first, second, log(service, "INFO", "no request " + word, 1))
                .get(1);
        browser.open("#q=two&service=" + service + "-b");
        browser.signInAndWait(TestTokens.READER);
        WebElement row = browser.waitFor(d -> d.findElement(By.cssSelector("#logs li[data-id='" + id + "']")));
        row.findElement(By.className("log-head")).click();

        browser.waitFor(d -> row.findElement(By.cssSelector("tr[data-field=request_id] a")))
                .click();

        browser.waitFor(d -> browser.messages().equals(List.of("step two", "step one")));
        assertThat(browser.hash())
                .contains("request_id=req-" + word, "since=all")
                .doesNotContain("q=");
    }

    @Test
    void liveTailShowsNewLogsOnTopAndPausesWhenScrolledAway() {
        send(background(service, 120));
        browser.open("#since=1h&service=" + service + "-api," + service + "-live");
        browser.signInAndWait(TestTokens.READER);
        browser.waitFor(d -> browser.rows().size() >= 20);

        browser.find(By.id("live")).click();
        browser.waitFor(d -> "on".equals(browser.find(By.id("live")).getAttribute("data-state")));
        send(log(service + "-live", "CRITICAL", "arrived live " + word, 0));

        browser.waitFor(d -> browser.messages().get(0).equals("arrived live " + word));
        assertThat(browser.find(By.id("live")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.hash()).contains("live=1");
        browser.screenshot("live-tail");

        browser.script("window.scrollTo(0, 600)");
        browser.waitFor(d -> ((Number) browser.script("return window.scrollY")).intValue() > 0);
        int before = browser.rows().size();
        send(log(service + "-live", "WARNING", "while away " + word, 0));

        WebElement counter = browser.waitFor(d -> {
            WebElement shown = d.findElement(By.id("new-logs"));
            return shown.isDisplayed() ? shown : null;
        });
        assertThat(counter.getText()).startsWith("1 new log");
        assertThat(browser.rows()).hasSize(before);
        counter.click();
        browser.waitFor(d -> browser.messages().get(0).equals("while away " + word));
        assertThat(browser.find(By.id("new-logs")).isDisplayed()).isFalse();
    }

    @Test
    void aCopiedUrlRestoresTheViewAfterSigningIn() {
        send(log(service, "ERROR", "restored " + word, 2), log(service, "INFO", "hidden " + word, 1));
        browser.open("");
        browser.signInAndWait(TestTokens.READER);
        search(word);
        browser.waitFor(d -> browser.messages().size() == 2);
        browser.find(By.cssSelector("#presets [data-since='24h']")).click();
        browser.click(By.cssSelector(chipSelector("ERROR")));
        browser.waitFor(d -> browser.messages().equals(List.of("restored " + word)));
        String url = browser.driver.getCurrentUrl();
        assertThat(url).doesNotContain(TestTokens.READER);

        browser.find(By.id("signout")).click();
        browser.driver.get("about:blank");
        browser.driver.get(url);
        browser.waitFor(d -> d.findElement(By.id("token")).isDisplayed());
        assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
        browser.signInAndWait(TestTokens.READER);

        browser.waitFor(d -> browser.messages().equals(List.of("restored " + word)));
        assertThat(browser.find(By.id("q")).getAttribute("value")).isEqualTo(word);
        assertThat(browser.find(By.cssSelector("#presets [data-since='24h']")).getAttribute("aria-pressed"))
                .isEqualTo("true");
        browser.waitFor(d -> "true".equals(chip("ERROR").getAttribute("aria-pressed")));
    }

    @Test
    void aTokenWithoutReadScopeIsToldWhyItCannotRead() {
        browser.open("");

        browser.signIn(TestTokens.WRITER);

        browser.waitFor(d -> !d.findElement(By.id("signin-error")).getText().isEmpty());
        assertThat(browser.find(By.id("signin-error")).getText()).contains("read scope");
        assertThat(browser.find(By.id("app-view")).isDisplayed()).isFalse();
        assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);

        browser.signIn("not-a-token-of-this-server");
        browser.waitFor(d -> d.findElement(By.id("signin-error")).getText().contains("not known"));
    }

    @Test
    void scrollingToTheEndLoadsTheNextPageByCursor() {
        Map<String, Object>[] many = background(service, 150);
        for (Map<String, Object> log : many) {
            log.put("service", service);
        }
        send(many);
        browser.open("#since=1h&service=" + service);
        browser.signInAndWait(TestTokens.READER);
        browser.waitFor(d -> browser.rows().size() == 100);

        browser.script("window.scrollTo(0, document.body.scrollHeight)");

        browser.waitFor(d -> browser.rows().size() == 150);
        assertThat(browser.rows().stream().map(r -> r.getAttribute("data-id")).distinct())
                .hasSize(150);
    }

    @Test
    void onAPhoneThePageFitsTheScreenAndTheThemeToggles() {
        send(background(service, 30));
        browser.resize(390, 844);
        browser.open("#since=1h&service=" + service + "-api");
        browser.signInAndWait(TestTokens.READER);
        browser.waitFor(d -> browser.rows().size() == 10);

        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);
        String before = (String) browser.script("return getComputedStyle(document.body).backgroundColor");
        browser.find(By.id("theme")).click();
        browser.waitFor(d -> !before.equals(browser.script("return getComputedStyle(document.body).backgroundColor")));
        browser.screenshot("phone");
        assertThat(browser.find(By.id("services")).isDisplayed()).isFalse();
        browser.find(By.id("filters-toggle")).click();
        browser.waitFor(d -> d.findElement(By.id("services")).isDisplayed());
        assertEveryVisibleControlHasAnAccessibleName();
    }

    /** Logs spread over the last hour from three services, mostly INFO, so the histogram has something to show. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] background(String service, int count) {
        String[] severities = {"INFO", "INFO", "INFO", "DEBUG", "INFO", "WARNING", "INFO", "ERROR", "INFO", "DEBUG"};
        String[] services = {"-api", "-checkout", "-payments"};
        String[] messages = {"GET /orders 200", "cache miss for cart", "payment authorised", "retrying upstream call"};
        Map<String, Object>[] logs = new Map[count];
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            int secondsAgo = (int) (3500 * Math.pow((double) i / count, 1.3));
            Map<String, Object> log =
                    log(service + services[i % 3], severities[(i * 7) % 10], messages[i % 4] + " #" + i, 0);
            log.put("timestamp", now.minusSeconds(secondsAgo + 5).toString());
            log.put("request_id", "req-" + (i / 3));
            log.put("attributes", Map.of("user_id", "user" + (i % 17), "region", i % 2 == 0 ? "eu" : "us"));
            logs[i] = log;
        }
        return logs;
    }

    private static Map<String, Object> log(String service, String severity, String message, int secondsAgo) {
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("service", service);
        log.put("severity", severity);
        log.put("message", message);
        log.put("timestamp", Instant.now().minusSeconds(secondsAgo).toString());
        return log;
    }

    private static Map<String, Object> logAt(String service, String message, Instant at) {
        Map<String, Object> log = log(service, "INFO", message, 0);
        log.put("timestamp", at.toString());
        return log;
    }

    @SafeVarargs
    private List<Long> send(Map<String, Object>... logs) {
        Api.Reply reply = api.post("/logs", Api.write(List.of(logs)))
                .token(TestTokens.WRITER)
                .json()
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        List<Long> ids = new ArrayList<>();
        reply.json().get("ids").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    private void assertEveryVisibleControlHasAnAccessibleName() {
        assertThat(browser.controlsWithoutAccessibleName()).isEmpty();
    }

    private void search(String text) {
        browser.type(By.id("q"), text);
        browser.find(By.id("q")).sendKeys(Keys.ENTER);
    }

    private WebElement chip(String severity) {
        return browser.find(By.cssSelector(chipSelector(severity)));
    }

    private static String chipSelector(String severity) {
        return "#severities [data-severity=" + severity + "]";
    }

    private WebElement facet(String name) {
        return browser.find(By.cssSelector(facetSelector(name)));
    }

    private static String facetSelector(String name) {
        return "#services label[data-service='" + name + "'] input";
    }

    private String serviceCount(String name) {
        return browser.find(By.cssSelector("#services label[data-service='" + name + "'] .count"))
                .getText();
    }
}
