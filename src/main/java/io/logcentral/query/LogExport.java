package io.logcentral.query;

import io.logcentral.storage.LogQuery;
import io.logcentral.storage.LogReader;
import io.logcentral.storage.StoredLog;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams every log a query matches as NDJSON or CSV, read in short keyset chunks: memory stays constant however many
 * logs match, and no read holds SQLite's write-ahead log open for the whole export. Each chunk is one read within the
 * query time budget; the first is read before anything is written, so a query past its budget is still a clean 422.
 */
final class LogExport {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final int CHUNK = 1000;
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String CSV_HEADER =
            "id,timestamp,received_at,service,severity,message,request_id,trace_id,span_id,host,attributes\n";

    private final LogReader reader;
    private final QueryBudget budget;
    private final JsonMapper json;

    LogExport(LogReader reader, QueryBudget budget, JsonMapper json) {
        this.reader = reader;
        this.budget = budget;
        this.json = json;
    }

    /** The export format the client asks for, or null when it wants the JSON page. */
    static MediaType format(List<MediaType> accepted) {
        for (MediaType type : accepted) {
            if (type.isWildcardType() || type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return null;
            }
            if (NDJSON.equalsTypeAndSubtype(type) || CSV.equalsTypeAndSubtype(type)) {
                return NDJSON.equalsTypeAndSubtype(type) ? NDJSON : CSV;
            }
        }
        return null;
    }

    /**
     * @param first the query as the request asked it; its offset applies once
     * @param total the most logs to write: the request's limit, or no bound
     */
    void write(LogQuery first, long total, MediaType format, HttpServletResponse response) throws IOException {
        LogQuery query = first.next(first.after(), (int) Math.min(CHUNK, total), first.offset());
        List<StoredLog> chunk = read(query);
        String file = format == NDJSON ? "logs.ndjson" : "logs.csv";
        response.setContentType(format + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        boolean csv = format == CSV;
        if (csv) {
            writer.write(CSV_HEADER);
        }
        long written = 0;
        while (true) {
            for (StoredLog log : chunk) {
                LogView view = LogView.of(log);
                writer.write(csv ? csvLine(view) : json.writeValueAsString(view) + "\n");
            }
            written += chunk.size();
            if (chunk.size() < query.limit() || written >= total) {
                break;
            }
            StoredLog last = chunk.get(chunk.size() - 1);
            query = first.next(
                    new LogQuery.Position(last.timestamp(), last.id()), (int) Math.min(CHUNK, total - written), 0);
            writer.flush();
            try {
                chunk = read(query);
            } catch (QueryTooSlowException e) {
                throw new ExportCutShortException(written, e);
            }
        }
        writer.flush();
    }

    private List<StoredLog> read(LogQuery query) {
        return budget.read(() -> reader.find(query));
    }

    private static String csvLine(LogView v) {
        return String.join(
                        ",",
                        String.valueOf(v.id()),
                        v.timestamp(),
                        v.receivedAt(),
                        csv(v.service()),
                        v.severity(),
                        csv(v.message()),
                        csv(v.requestId()),
                        csv(v.traceId()),
                        csv(v.spanId()),
                        csv(v.host()),
                        csv(v.attributes()))
                + "\n";
    }

    /**
     * RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. Absent is empty. A cell a
     * spreadsheet would read as a formula (it starts with {@code = + - @}, a tab or a carriage return) gets a leading
     * {@code '} and quotes, as OWASP's CSV injection guidance says: a log message is text anyone could send.
     */
    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        boolean formula = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
        if (!formula && value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return value;
        }
        return '"' + (formula ? "'" : "") + value.replace("\"", "\"\"") + '"';
    }
}
