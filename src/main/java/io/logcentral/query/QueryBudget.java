package io.logcentral.query;

import io.logcentral.storage.LogReader;
import java.util.function.Supplier;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;

/**
 * Every read of the query module runs within {@code logcentral.query.timeout}: a scan no index can narrow (a bare
 * substring, exclusions only, an attribute or request id over the whole store) would otherwise hold one of the few
 * reader connections for seconds, and a handful of them would starve every other reader.
 */
@Component
class QueryBudget {

    private final LogReader reader;
    private final QueryProperties limits;

    QueryBudget(LogReader reader, QueryProperties limits) {
        this.reader = reader;
        this.limits = limits;
    }

    <T> T read(Supplier<T> reads) {
        try {
            return reader.within(limits.timeout(), reads);
        } catch (QueryTimeoutException e) {
            throw new QueryTooSlowException(limits.timeout());
        }
    }
}
