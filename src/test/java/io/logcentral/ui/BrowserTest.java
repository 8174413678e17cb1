package io.logcentral.ui;

import io.logcentral.Api;
import io.logcentral.StoreIndependent;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One headless Chromium per test class, started by its first test and closed after its last: starting one costs
 * about a second, and each test opens the page afresh anyway.
 */
@StoreIndependent
abstract class BrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    Api api;
    /** Ten hex digits of this test's own, for names its data does not share with other tests on the shared server. */
    String unique;

    @BeforeEach
    void openBrowser() {
        api = new Api(port);
        if (browser == null) {
            browser = new Browser(port);
        }
        browser.resize(1280, 900);
        unique = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
