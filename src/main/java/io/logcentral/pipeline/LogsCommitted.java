package io.logcentral.pipeline;

import io.logcentral.storage.NewLog;
import java.util.List;

/**
 * Published on the writer thread right after a batch is committed and its requests were answered: listeners must only
 * hand it on (to a bounded queue of their own), never do slow work or throw.
 *
 * @param firstId the id of the first log; the others follow one by one in the order of {@code logs}
 */
public record LogsCommitted(long firstId, List<NewLog> logs) {

    public long idOf(int index) {
        return firstId + index;
    }
}
