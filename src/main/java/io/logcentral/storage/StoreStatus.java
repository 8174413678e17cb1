package io.logcentral.storage;

import java.util.Map;

/** Whether the store answers, and how much disk it takes, asked without waiting behind queries. */
public interface StoreStatus {

    boolean isUp();

    /** The store's name in {@code /health} details: {@code sqlite} or {@code postgresql}. */
    String kind();

    /** The bytes the store takes on disk. */
    long sizeBytes();

    /** The store's own background work, for {@code /health} details: shown so a failing one is seen. */
    default Map<String, Object> maintenance() {
        return Map.of();
    }
}
