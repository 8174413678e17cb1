package io.logcentral.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details as every answer of ours writes them: with an {@code error} sentence beside {@code detail},
 * since the clients of the systems we replace read {@code error}.
 */
@Component
public class Problems {

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail of(HttpStatus status, String error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, error);
        problem.setProperty("error", error);
        return problem;
    }

    /** For the field of a request that is wrong: names it beside the sentence. */
    public static ProblemDetail forField(HttpStatus status, String field, String error) {
        ProblemDetail problem = of(status, error);
        problem.setProperty("field", field);
        return problem;
    }

    /**
     * Writes a problem outside Spring MVC, as the security filters must.
     *
     * @param path the request's path as the instance, or null for none
     */
    public void write(HttpServletResponse response, ProblemDetail problem, String path) throws IOException {
        if (path != null) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // A path Tomcat let through but java.net.URI cannot read: the problem goes without it.
            }
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
