package io.logcentral.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Walks every handler the server maps, with every method and every kind of token, and checks each answer against the
 * scopes that token holds: a handler added without its line in {@link AccessRules} fails here.
 */
@LogServerTest
class AccessWalkTest {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private record Caller(String name, String token, Set<Scope> scopes, boolean bound) {
        Caller(String name, String token, Set<Scope> scopes) {
            this(name, token, scopes, false);
        }
    }

    private static final List<Caller> CALLERS = List.of(
            new Caller("no token", null, Set.of()),
            new Caller("unknown token", "not-a-token-of-this-server-0123456789", Set.of()),
            new Caller("ingest", TestTokens.WRITER, EnumSet.of(Scope.INGEST)),
            new Caller("read", TestTokens.READER, EnumSet.of(Scope.READ)),
            new Caller("admin", TestTokens.ADMIN, EnumSet.allOf(Scope.class)),
            new Caller("bound", TestTokens.REPORTS, EnumSet.of(Scope.INGEST, Scope.READ), true));

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void everyMappedHandlerIsNamedInTheAccessTable() {
        List<String> unnamed = new ArrayList<>();
        mappings().forEach((pattern, methods) -> {
            for (String method : methods) {
                var request = new org.springframework.mock.web.MockHttpServletRequest(method, concrete(pattern));
                if (AccessRules.ruleFor(request).isEmpty()) {
                    unnamed.add(method + " " + pattern);
                }
            }
        });

        assertThat(unnamed).as("handlers without a line in the access table").isEmpty();
    }

    @Test
    void everyMethodOnEveryMappedPathAnswersOnlyWhatTheTokensScopesAllow() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String pattern : mappings().keySet()) {
            String path = concrete(pattern);
            for (String method : METHODS) {
                var probe = new org.springframework.mock.web.MockHttpServletRequest(method, path);
                var known = AccessRules.ruleFor(probe).isPresent();
                var access = AccessRules.accessFor(probe);
                for (Caller caller : CALLERS) {
                    int status;
                    try {
                        status = send(method, path, caller);
                    } catch (IOException e) {
                        throw new AssertionError(method + " " + path + " as " + caller.name(), e);
                    }
                    String call = method + " " + path + " as " + caller.name() + " -> " + status;
                    if (!consistent(known, access, caller, status)) {
                        wrong.add(call);
                    }
                }
            }
        }

        assertThat(wrong).as("answers that do not follow the access table").isEmpty();
    }

    @Test
    void anIngestOnlyTokenReadsNothingWithAnyMethod() throws Exception {
        Caller ingest = CALLERS.get(2);
        for (String path : List.of("/logs?q=password&limit=1", "/logs/1", "/logs/stream", "/logs/stats", "/metrics")) {
            for (String method : List.of("GET", "HEAD", "OPTIONS")) {
                assertThat(send(method, path, ingest)).as(method + " " + path).isIn(403, 405);
            }
        }
    }

    private static boolean consistent(
            boolean knownPath, java.util.Optional<AccessRules.Access> access, Caller caller, int status) {
        boolean unknownToken = caller.token() != null && caller.scopes().isEmpty();
        if (!knownPath) {
            return status == (caller.token() == null || unknownToken ? 401 : 404);
        }
        if (access.isEmpty()) {
            // A method the table does not name on a path it knows.
            return status == (caller.token() == null || unknownToken ? 401 : 405);
        }
        return switch (access.get()) {
            case OPEN -> unknownToken ? status == 401 : status < 400 || status == 404;
            case OWN_CREDENTIALS -> status != 401 && status != 405 && status < 500;
            case INGEST, READ, READ_EVERY_SERVICE, ADMIN -> {
                Scope needed = access.get().scope().orElseThrow();
                if (caller.token() == null || unknownToken) {
                    yield status == 401;
                }
                boolean allowed = caller.scopes().contains(needed)
                        && !(access.get() == AccessRules.Access.READ_EVERY_SERVICE && caller.bound());
                yield allowed ? status != 401 && status != 403 && status < 500 : status == 403;
            }
        };
    }

    /** The status only: a live tail answers its headers and then streams, so the body is not waited for. */
    private int send(String method, String path, Caller caller) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(
                                        "{\"service\":\"walk\",\"message\":\"walking\"}"));
        if (caller.token() != null) {
            request.header("Authorization", "Token " + caller.token());
        }
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    /** Every path pattern a handler mapping serves, with the methods it names (all of them when it names none). */
    private Map<String, Set<String>> mappings() {
        Map<String, Set<String>> mapped = new java.util.TreeMap<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().stream()
                        .map(RequestMethod::name)
                        .forEach(methods::add);
                if (methods.isEmpty()) {
                    methods.addAll(METHODS);
                }
                for (String pattern : info.getPatternValues()) {
                    mapped.computeIfAbsent(pattern, p -> new LinkedHashSet<>()).addAll(methods);
                }
            }
        }
        assertThat(mapped).containsKeys("/logs", "/logs/stream", "/health");
        return mapped;
    }

    /** A path the pattern matches: a number for a variable that takes digits, a word for others. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^/]*\\\\d[^/]*}", "1")
                .replaceAll("\\{[^/]*}", "x")
                .replace("/**", "/x");
    }
}
