package io.logcentral.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.PostgresOnly;
import io.logcentral.ServerProcess;
import io.logcentral.TestDatabases;
import io.logcentral.alert.Receiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Two replicas, two processes of the real jar, on one PostgreSQL database: each sees what the other does. */
@PostgresOnly
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoReplicasIT {

    private static final String ADMIN = "two-replicas-admin-0123456789abcdef";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Cooldown of the burst rule: long enough for a burst, short enough to wait for its summary. */
    private static final Duration BURST_COOLDOWN = Duration.ofSeconds(4);

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofSeconds(2);

    private String url;
    private Receiver hook;
    private ServerProcess first;
    private ServerProcess second;

    @BeforeAll
    void startTwoReplicasOnOneDatabase() throws Exception {
        url = TestDatabases.create();
        hook = Receiver.start();
        Path dir = Files.createDirectories(Path.of("target", "test-data", "replicas-" + UUID.randomUUID()));
        String[] properties = {
            "spring.datasource.url=" + url,
            "spring.datasource.username=postgres",
            "logcentral.tokens.admin.token=" + ADMIN,
            "logcentral.tokens.admin.scopes=ingest,read,admin",
            "logcentral.retention.max-age=36500d",
            // Rules live in the shared database; configuring them on both replicas keeps each replica's rule book
            // current without waiting for a reload.
            "logcentral.channels.hook.type=webhook",
            "logcentral.channels.hook.url=" + hook.url("/hook"),
            "logcentral.alerts.rules.burst.services=burst-svc",
            "logcentral.alerts.rules.burst.min-severity=CRITICAL",
            "logcentral.alerts.rules.burst.channels=hook",
            "logcentral.alerts.rules.burst.cooldown.CRITICAL=" + BURST_COOLDOWN.toSeconds() + "s",
            "logcentral.alerts.rules.many.services=many-svc",
            "logcentral.alerts.rules.many.severities=ERROR",
            "logcentral.alerts.rules.many.threshold=5",
            "logcentral.alerts.rules.many.window=1m",
            "logcentral.alerts.rules.many.channels=hook"
        };
        first = ServerProcess.start(dir.resolve("first"), properties);
        second = ServerProcess.start(dir.resolve("second"), properties);
    }

    @AfterAll
    void stopThem() throws Exception {
        for (ServerProcess replica : new ServerProcess[] {second, first}) {
            if (replica != null) {
                replica.close();
            }
        }
        TestDatabases.drop(url);
        if (hook != null) {
            hook.close();
        }
    }

    private static List<Long> send(ServerProcess replica, String service, int count) {
        StringBuilder logs = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            logs.append(i == 0 ? "" : ",")
                    .append("{\"service\":\"")
                    .append(service)
                    .append("\",\"message\":\"log ")
                    .append(i)
                    .append("\"}");
        }
        Api.Reply reply = replica.api()
                .post("/logs", logs.append(']').toString())
                .token(ADMIN)
                .json()
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        List<Long> ids = new ArrayList<>();
        reply.json().get("ids").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    @Test
    void aBurstSentThroughBothReplicasNotifiesOnceThenSummarisesItOnce() throws Exception {
        int burst = 10;
        long start = System.nanoTime();
        for (int i = 0; i < burst; i++) {
            sendOne(i % 2 == 0 ? first : second, "burst-svc", "CRITICAL", "burst " + i);
        }

        Receiver.Received told = hook.next(r -> ofRule(r, "burst"), WAIT);
        assertThat(told).as("the first of the burst is told").isNotNull();
        assertThat(told.body().get("more").asInt()).isZero();
        Receiver.Received summary = hook.next(r -> ofRule(r, "burst"), BURST_COOLDOWN.plus(WAIT));
        assertThat(summary)
                .as("one notification within the cooldown, then one summary")
                .isNotNull();
        assertThat(summary.atNanos() - start)
                .as("the summary waits for the cooldown, which began after the burst's first log was sent")
                .isGreaterThanOrEqualTo(BURST_COOLDOWN.minusMillis(500).toNanos());
        assertThat(summary.body().get("message").asString())
                .as("the latest held back, by id")
                .isEqualTo("burst " + (burst - 1));
        assertThat(summary.body().get("more").asInt())
                .as("the first, the summary and its 'and N more' account for the whole burst")
                .isEqualTo(burst - 2);
        assertThat(hook.count(r -> ofRule(r, "burst"), BURST_COOLDOWN.plus(QUIET)))
                .as("nothing else of the burst is told")
                .isZero();
    }

    @Test
    void aThresholdCrossedOnlyByBothReplicasTogetherFiresOnce() throws Exception {
        // Threshold 5: each replica alone sees 4 matches, together they see 8.
        for (int i = 0; i < 8; i++) {
            sendOne(i % 2 == 0 ? first : second, "many-svc", "ERROR", "error " + i);
        }

        Receiver.Received fired = hook.next(r -> ofRule(r, "many"), WAIT);
        assertThat(fired).as("more than 5 matches in the window fire").isNotNull();
        assertThat(fired.body().get("message").asString()).startsWith("error ");
        assertThat(hook.count(r -> ofRule(r, "many"), QUIET)).isZero();
    }

    @Test
    void aRuleMadeThroughOneReplicaIsCheckedByTheOther() throws Exception {
        Api.Reply made = first.api()
                .post(
                        "/admin/alerts",
                        "{\"name\":\"made\",\"services\":[\"made-svc\"],\"min_severity\":\"ERROR\","
                                + "\"channels\":[\"hook\"]}")
                .token(ADMIN)
                .json()
                .send();
        assertThat(made.status()).as(made.toString()).isEqualTo(201);

        Receiver.Received told = null;
        long end = System.nanoTime() + WAIT.toNanos();
        while (told == null && System.nanoTime() < end) {
            sendOne(second, "made-svc", "ERROR", "seen by the second");
            told = hook.next(r -> ofRule(r, "made"), Duration.ofSeconds(1));
        }
        assertThat(told)
                .as("the second replica checks the rule made through the first")
                .isNotNull();
    }

    private static boolean ofRule(Receiver.Received received, String rule) {
        return received.body().has("rule")
                && received.body().get("rule").asString().equals(rule);
    }

    private static void sendOne(ServerProcess replica, String service, String severity, String message) {
        Api.Reply reply = replica.api()
                .post(
                        "/logs",
                        "{\"service\":\"" + service + "\",\"severity\":\"" + severity + "\",\"message\":\"" + message
                                + "\"}")
                .token(ADMIN)
                .json()
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    @Test
    void writesThroughBothAreReadThroughBothWithIdsThatNeverRepeat() throws Exception {
        String service = "both-" + UUID.randomUUID();
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (ServerProcess replica : List.of(first, second)) {
            writers.add(CompletableFuture.runAsync(() -> {
                for (int batch = 0; batch < 20; batch++) {
                    ids.addAll(send(replica, service, 50));
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

        assertThat(ids).hasSize(2000).doesNotHaveDuplicates();
        for (ServerProcess replica : List.of(first, second)) {
            JsonNode services = replica.api()
                    .get("/logs/services?since=1h")
                    .token(ADMIN)
                    .send()
                    .json();
            assertThat(services.toString()).contains(service);
            Api.Reply page = replica.api()
                    .get("/logs?service=" + service + "&limit=1000&order=asc")
                    .token(ADMIN)
                    .send();
            assertThat(page.json()).hasSize(1000);
        }
    }

    @Test
    void aTailOnOneReplicaSeesALogSentToTheOther() throws Exception {
        String service = "tail-" + UUID.randomUUID();
        HttpResponse<Stream<String>> stream = CLIENT.sendAsync(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + first.port() + "/logs/stream?service=" + service))
                                .header("Authorization", "Token " + ADMIN)
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);

        long id = send(second, service, 1).get(0);

        try (Stream<String> lines = stream.body()) {
            Iterator<String> it = lines.iterator();
            String seen = CompletableFuture.supplyAsync(() -> {
                        while (it.hasNext()) {
                            String line = it.next();
                            if (line.startsWith("id:")) {
                                return line.substring(3).trim();
                            }
                        }
                        return null;
                    })
                    .get(10, TimeUnit.SECONDS);
            assertThat(seen).isEqualTo(String.valueOf(id));
        }
    }

    @Test
    void aTokenRevokedOnOneReplicaIsRefusedByTheOtherWithinASecond() throws Exception {
        String name = "replica-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = first.api()
                .post("/admin/tokens", "{\"name\":\"" + name + "\",\"scopes\":[\"read\"]}")
                .token(ADMIN)
                .json()
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().get("token").asString();
        awaitStatus(second, secret, 200, Duration.ofSeconds(5));

        assertThat(first.api()
                        .request("DELETE", "/admin/tokens/" + name)
                        .token(ADMIN)
                        .send()
                        .status())
                .isEqualTo(204);

        awaitStatus(second, secret, 401, Duration.ofSeconds(1));
    }

    private static void awaitStatus(ServerProcess replica, String token, int status, Duration within)
            throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        int last;
        do {
            last = replica.api().get("/logs?limit=1").token(token).send().status();
            if (last == status) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < end);
        assertThat(last).as("status within " + within).isEqualTo(status);
    }
}
