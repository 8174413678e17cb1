package io.logcentral.retention;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The disk guard.
 *
 * @param minFree the free space always kept on the store's disk: sizes and percentages of the disk separated by
 *     commas, the largest wins ({@code 10%,1GB}: 10 % of the disk, at least 1 GiB)
 */
@ConfigurationProperties("logcentral.storage")
record GuardProperties(@DefaultValue("10%,1GB") String minFree) {

    GuardProperties {
        reserve(minFree, 0);
    }

    /** The reserve in bytes on a disk of {@code totalBytes}. */
    long reserveBytes(long totalBytes) {
        return reserve(minFree, totalBytes);
    }

    private static long reserve(String minFree, long totalBytes) {
        try {
            return Arrays.stream(minFree.split(","))
                    .map(String::strip)
                    .mapToLong(part -> part.endsWith("%")
                            ? (long) (totalBytes * Double.parseDouble(part.substring(0, part.length() - 1)) / 100)
                            : DataSize.parse(part.toUpperCase(Locale.ROOT)).toBytes())
                    .max()
                    .orElse(0);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "logcentral.storage.min-free must be sizes or percentages separated by commas: " + minFree, e);
        }
    }
}
