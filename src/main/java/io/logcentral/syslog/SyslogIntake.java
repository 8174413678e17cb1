package io.logcentral.syslog;

/**
 * What the TCP and the UDP server both take frames into: the listener's settings, where frames are stored, what is
 * counted, and the limits of a frame and of a batch.
 */
record SyslogIntake(SyslogProperties properties, SyslogSink sink, SyslogMetrics metrics, int maxFrame, int batchSize) {}
