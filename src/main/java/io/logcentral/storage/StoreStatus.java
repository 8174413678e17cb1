package io.logcentral.storage;

/** Whether the store answers, and how much disk it takes, asked without waiting behind queries. */
public interface StoreStatus {

    boolean isUp();

    /** The store's name in {@code /health} details: {@code sqlite} or {@code postgresql}. */
    String kind();

    /** The bytes the store takes on disk. */
    long sizeBytes();
}
