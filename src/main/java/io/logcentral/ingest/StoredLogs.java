package io.logcentral.ingest;

import java.util.Map;

/**
 * What became of the logs of one request: how many were stored, and why each rejected one was not.
 *
 * @param stored logs committed
 * @param rejected by the log's index in the request, the field at fault and the problem
 */
public record StoredLogs(int stored, Map<Integer, String> rejected) {}
