package io.logcentral.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@LogServerTest
class PageApiTest {

    private static final String WELCOME = "{\"name\":\"logcentral\",\"message\":\"Welcome to logcentral, a central log"
            + " server.\",\"hint\":\"POST /logs with 'Authorization: Token <token>' and a JSON log such as"
            + " {\\\"service\\\":\\\"api\\\",\\\"severity\\\":\\\"ERROR\\\",\\\"message\\\":\\\"payment failed\\\"};"
            + " read them back with GET /logs?service=api&since=1h\",\"endpoints\":[\"POST /logs\",\"GET /logs\","
            + "\"GET /logs/{id}\",\"GET /metrics\",\"GET /health\"]}";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void rootWhenAcceptJsonReturnsTheJsonWelcomeUnchanged() {
        Api.Reply reply = api.get("/").header("Accept", "application/json").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.body()).isEqualTo(WELCOME);
        assertThat(api.get("/").send().body()).isEqualTo(WELCOME);
    }

    @Test
    void rootWhenAcceptHtmlReturnsThePageWithAStrictContentSecurityPolicy() {
        Api.Reply reply = api.get("/")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(reply.body()).contains("<h1>logcentral</h1>", "<script type=\"module\" src=\"/ui/app.js\">");
        assertThat(reply.header("Content-Security-Policy"))
                .contains(
                        "script-src 'self'",
                        "style-src 'self'",
                        "connect-src 'self'",
                        "img-src 'self' data:",
                        "frame-ancestors 'none'",
                        "object-src 'none'",
                        "base-uri 'none'");
    }

    @Test
    void pageHasNoInlineScriptOrStyle() {
        String page = api.get("/").header("Accept", "text/html").send().body();

        assertThat(page).doesNotContain("style=", "<style", "onclick=", "javascript:");
        assertThat(page.replace("<script type=\"module\" src=\"/ui/app.js\"></script>", ""))
                .doesNotContain("<script");
    }

    @Test
    void assetsAndChartLibraryAreServedWithoutAToken() {
        for (String path : new String[] {"/ui/app.js", "/ui/app.css", "/webjars/uplot/dist/uPlot.esm.js"}) {
            Api.Reply reply = api.get(path).send();
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.header("Content-Security-Policy")).as(path).contains("script-src 'self'");
        }
        assertThat(api.get("/ui/app.js").send().contentType()).contains("javascript");
    }

    @Test
    void assetsWhenMissingAnswer404AndOtherPathsStillNeedAToken() {
        assertThat(api.get("/ui/nothing-here.js").send().status()).isEqualTo(404);
        assertThat(api.get("/logs/services").send().status()).isEqualTo(401);
        assertThat(api.post("/ui/app.js", "x").send().status()).isEqualTo(401);
    }
}
