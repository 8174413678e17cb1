package io.logcentral.retention;

/** The disk the store lives on, as the guard sees it; a bean, so tests can hand the guard a small disk of their own. */
interface FreeSpace {

    /** Bytes this process may still write. */
    long usableBytes();

    /** The size of the disk. */
    long totalBytes();
}
