package io.logcentral.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** The admin view in a real headless Chromium against the real server: tokens, alerts and storage as an admin. */
@LogServerTest
class AdminPageTest extends BrowserTest {

    @AfterEach
    void pageStaysAccessibleAndClean() {
        assertThat(browser.controlsWithoutAccessibleName()).isEmpty();
        assertThat(browser.consoleErrors())
                .as("console errors, CSP refusals among them")
                .isEmpty();
    }

    @Test
    void createdTokenShowsItsSecretOnceAndRevokingItMakesIt401() {
        String name = "ui-" + unique;
        openAs(TestTokens.ADMIN, "tokens");
        browser.waitFor(d -> browser.find(By.id("tokens-table")).isDisplayed());

        browser.type(By.id("token-name"), name);
        browser.find(By.cssSelector("#token-form input[value=read]")).click();
        browser.find(By.cssSelector("#token-form button[type=submit]")).click();

        String secret =
                browser.waitFor(d -> browser.find(By.id("new-token-secret")).getText());
        assertThat(secret).isNotBlank();
        assertThat(browser.find(By.id("new-token")).getText()).contains("will not be shown again");
        assertThat(browser.find(By.cssSelector("#new-token button")).getAccessibleName())
                .isEqualTo("Copy token");
        WebElement row = browser.waitFor(d -> tokenRow(name));
        assertThat(row.getText()).contains("ingest, read").contains("yes");
        assertThat(status("/logs?limit=1", secret)).isEqualTo(200);

        browser.click(By.cssSelector("#new-token button[aria-label^='Done']"));
        browser.waitFor(d -> !browser.driver.getPageSource().contains(secret));
        assertThat(browser.hash()).isEqualTo("#admin=tokens").doesNotContain(secret);

        tokenRow(name).findElement(By.tagName("button")).click();
        browser.waitFor(d -> d.switchTo().alert()).accept();

        browser.waitFor(d -> d.findElements(tokenRowSelector(name)).isEmpty());
        assertThat(status("/logs?limit=1", secret)).isEqualTo(401);
    }

    @Test
    void webhookChannelAndRuleAddedInThePageAreInTheApi() {
        String channel = "hook-" + unique;
        String rule = "rule-" + unique;
        openAs(TestTokens.ADMIN, "alerts");
        browser.waitFor(d -> browser.find(By.id("channels-table")).isDisplayed());

        browser.type(By.id("channel-name"), channel);
        new Select(browser.find(By.id("channel-type"))).selectByValue("webhook");
        browser.type(By.id("channel-url"), "http://127.0.0.1:9/hook");
        browser.find(By.cssSelector("#channel-form button[type=submit]")).click();
        browser.waitFor(d -> browser.find(By.cssSelector("#channels-table tr[data-channel='" + channel + "']")));

        browser.type(By.id("rule-name"), rule);
        new Select(browser.find(By.id("rule-severity"))).selectByValue("WARNING");
        browser.type(By.id("rule-services"), "payments, checkout");
        browser.type(By.id("rule-q"), "timeout");
        browser.type(By.id("rule-channels"), channel);
        browser.find(By.cssSelector("#rule-form button[type=submit]")).click();
        WebElement row = browser.waitFor(d -> browser.find(ruleRowSelector(rule)));
        assertThat(row.getText()).contains("WARNING and above", "payments, checkout", "timeout", channel);

        JsonNode saved = StreamSupport.stream(
                        api.get("/admin/alerts")
                                .token(TestTokens.ADMIN)
                                .send()
                                .json()
                                .spliterator(),
                        false)
                .filter(r -> r.get("name").asString().equals(rule))
                .findFirst()
                .orElseThrow();
        assertThat(saved.get("min_severity").asString()).isEqualTo("WARNING");
        assertThat(saved.get("q").asString()).isEqualTo("timeout");
        assertThat(saved.get("channels").get(0).asString()).isEqualTo(channel);

        browser.click(By.cssSelector("#rules-table tr[data-rule='" + rule + "'] button[aria-label^='Send a test']"));
        browser.waitFor(d -> browser.find(By.id("alerts-status")).getText().contains("1 notification"));
        browser.waitFor(
                d -> browser.find(By.id("notifications-table")).getText().contains(channel));
        browser.screenshot("admin");
    }

    @Test
    void readOnlyTokenOpeningTheAdminViewSeesItLacksTheAdminScope() {
        browser.open("");
        browser.signInAndWait(TestTokens.READER);

        browser.click(By.id("nav-admin"));

        browser.waitFor(d -> browser.find(By.id("admin-error")).getText().contains("lacks the admin scope"));
        assertThat(browser.hash()).isEqualTo("#admin=tokens");
        assertThat(browser.driver.findElements(By.id("token-form"))).isEmpty();
        assertThat(browser.find(By.id("app-view")).isDisplayed()).isFalse();
        assertThat(browser.consoleErrors())
                .as("the browser reports the refused request itself; nothing else")
                .allMatch(error -> error.contains("/admin/") && error.contains("status of 403"));
    }

    @Test
    void storageViewShowsTheNumberOfLogs() {
        // More logs than other tests send for one service, so this one is among the top services of a shared store.
        List<Map<String, Object>> logs = IntStream.range(0, 1000)
                .mapToObj(i -> Api.log("store-" + unique, i % 2 == 0 ? "INFO" : "ERROR", "stored " + i))
                .toList();
        Api.Reply sent = api.post("/logs", Api.write(logs))
                .token(TestTokens.WRITER)
                .json()
                .send();
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        long before = storedLogs();

        openAs(TestTokens.ADMIN, "storage");

        String shown = browser.waitFor(d -> browser.find(By.id("storage-logs")).getText());
        long onPage = Long.parseLong(shown.replaceAll("\\D", ""));
        assertThat(onPage).isBetween(before, storedLogs());
        assertThat(browser.find(By.id("services-table")).getText()).contains("store-" + unique);
        assertThat(browser.find(By.id("retention-table")).isDisplayed()).isTrue();
    }

    private void openAs(String token, String tab) {
        browser.open("#admin=" + tab);
        browser.signIn(token);
        browser.waitFor(d -> browser.find(By.id("admin-view")).isDisplayed());
    }

    private long storedLogs() {
        return api.get("/admin/storage")
                .token(TestTokens.ADMIN)
                .send()
                .json()
                .get("logs")
                .asLong();
    }

    private int status(String path, String token) {
        return api.get(path).token(token).send().status();
    }

    private WebElement tokenRow(String name) {
        return browser.find(tokenRowSelector(name));
    }

    private static By tokenRowSelector(String name) {
        return By.cssSelector("#tokens-table tr[data-token='" + name + "']");
    }

    private static By ruleRowSelector(String name) {
        return By.cssSelector("#rules-table tr[data-rule='" + name + "']");
    }
}
