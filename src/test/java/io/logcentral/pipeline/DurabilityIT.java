package io.logcentral.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The real jar under concurrent single and batch ingest, stopped hard or gracefully mid-load, then started again on
 * the same data: every log that got a 201 must be there, under the id it was given, and only once.
 */
class DurabilityIT {

    private static final Pattern NEXT = Pattern.compile("<https?://[^/]+([^>]+)>; rel=\"next\"");
    private static final int CLIENTS = 8;

    @TempDir
    Path temp;

    @Test
    void killMinus9MidLoadLosesNothingAcknowledged() throws Exception {
        Path data = temp.resolve("data");
        Map<String, Long> acknowledged;
        try (ServerProcess server = ServerProcess.start(data)) {
            acknowledged = underLoad(server.api(), server::kill);
        }
        assertAllStoredOnce(data, acknowledged);
    }

    @Test
    void gracefulStopMidLoadLosesNothingAcknowledged() throws Exception {
        Path data = temp.resolve("data");
        Map<String, Long> acknowledged;
        try (ServerProcess server = ServerProcess.start(data)) {
            acknowledged =
                    underLoad(server.api(), () -> assertThat(server.stop()).isIn(0, 143));
        }
        assertAllStoredOnce(data, acknowledged);
    }

    private interface Ending {
        void end() throws InterruptedException;
    }

    /** Clients send until the server is gone; returns each acknowledged message with its id. */
    private static Map<String, Long> underLoad(Api api, Ending ending) throws InterruptedException {
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        AtomicBoolean stopping = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                for (int request = 0; !stopping.get() || request % 50 != 0; request++) {
                    int size = request % 2 == 0 ? 1 : 100;
                    List<String> messages = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        messages.add("c" + client + "-r" + request + "-i" + i);
                    }
                    if (!send(api, messages, acknowledged, unexpected)) {
                        return;
                    }
                }
            });
            thread.start();
            clients.add(thread);
        }
        Thread.sleep(3000);
        stopping.set(true);
        ending.end();
        for (Thread client : clients) {
            client.join(30_000);
        }
        // Asserted here, after the join: an assertion inside a client thread would only end that thread.
        assertThat(clients).noneMatch(Thread::isAlive);
        assertThat(unexpected).as("answers other than 201 and 503").isEmpty();
        assertThat(acknowledged).hasSizeGreaterThan(1000);
        return acknowledged;
    }

    /** @return false once the server no longer answers */
    private static boolean send(
            Api api, List<String> messages, Map<String, Long> acknowledged, List<String> unexpected) {
        List<String> logs = messages.stream()
                .map(m -> "{\"service\":\"durability\",\"message\":\"" + m + "\"}")
                .toList();
        Api.Reply reply;
        try {
            reply = api.post("/logs", "[" + String.join(",", logs) + "]")
                    .token(ServerProcess.TOKEN)
                    .json()
                    .send();
        } catch (IllegalStateException gone) {
            return false;
        }
        if (reply.status() != 201 && reply.status() != 503) {
            unexpected.add(reply.toString());
        }
        if (reply.status() == 201) {
            JsonNode ids = reply.json().get("ids");
            for (int i = 0; i < messages.size(); i++) {
                acknowledged.put(messages.get(i), ids.get(i).asLong());
            }
        }
        return true;
    }

    private void assertAllStoredOnce(Path data, Map<String, Long> acknowledged) throws Exception {
        try (ServerProcess again = ServerProcess.start(data)) {
            Map<String, Long> stored = new HashMap<>();
            String url = "/logs?service=durability&order=asc&limit=1000";
            while (url != null) {
                Api.Reply page = again.api().get(url).token(ServerProcess.TOKEN).send();
                for (JsonNode log : page.json()) {
                    Long previous = stored.put(
                            log.get("message").asString(), log.get("id").asLong());
                    assertThat(previous).as("stored twice: " + log).isNull();
                }
                String link = page.header("Link");
                Matcher next = link == null ? null : NEXT.matcher(link);
                url = next != null && next.matches() ? next.group(1) : null;
            }
            acknowledged.forEach((message, id) -> assertThat(stored.get(message))
                    .as("acknowledged log %s", message)
                    .isEqualTo(id));
        }
    }
}
