package io.logcentral.intake;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.logcentral.ingest.IngestGate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xerial.snappy.Snappy;

/**
 * Loki's protobuf push, snappy-compressed, read field by field as grafana/loki's push.proto numbers them:
 * {@code PushRequest{1: streams}}, {@code Stream{1: labels, 2: entries}},
 * {@code Entry{1: timestamp, 2: line, 3: structuredMetadata}}, {@code LabelPair{1: name, 2: value}}.
 */
final class LokiProtobuf {

    private LokiProtobuf() {}

    static List<LokiEntry> read(byte[] compressed, IngestGate gate) {
        try {
            gate.checkDecodedSize(Snappy.uncompressedLength(compressed));
            byte[] body = Snappy.uncompress(compressed);
            List<LokiEntry> entries = new ArrayList<>();
            CodedInputStream in = CodedInputStream.newInstance(body);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (field(tag) == 1) {
                    stream(in.readBytes().newCodedInput(), entries);
                } else {
                    in.skipField(tag);
                }
            }
            return entries;
        } catch (IOException | ArithmeticException e) {
            throw new UnreadableBodyException("not a snappy-compressed Loki PushRequest: " + e.getMessage());
        }
    }

    private static void stream(CodedInputStream in, List<LokiEntry> entries) throws IOException {
        String labels = "{}";
        List<CodedInputStream> raw = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (field(tag)) {
                case 1 -> labels = in.readStringRequireUtf8();
                case 2 -> raw.add(in.readBytes().newCodedInput());
                default -> in.skipField(tag);
            }
        }
        Map<String, String> parsed = LokiLabels.parse(labels);
        for (CodedInputStream entry : raw) {
            entries.add(entry(entry, parsed));
        }
    }

    private static LokiEntry entry(CodedInputStream in, Map<String, String> labels) throws IOException {
        long nanos = 0;
        String line = "";
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (field(tag)) {
                case 1 -> nanos = timestamp(in.readBytes().newCodedInput());
                case 2 -> line = in.readStringRequireUtf8();
                case 3 -> {
                    String[] pair = pair(in.readBytes().newCodedInput());
                    metadata.put(pair[0], pair[1]);
                }
                default -> in.skipField(tag);
            }
        }
        return new LokiEntry(labels, nanos, line, metadata);
    }

    /** A {@code google.protobuf.Timestamp}: seconds (1) and nanos (2). */
    private static long timestamp(CodedInputStream in) throws IOException {
        long seconds = 0;
        int nanos = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (field(tag)) {
                case 1 -> seconds = in.readInt64();
                case 2 -> nanos = in.readInt32();
                default -> in.skipField(tag);
            }
        }
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
    }

    private static String[] pair(CodedInputStream in) throws IOException {
        String[] pair = {"", ""};
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = field(tag);
            if (field == 1 || field == 2) {
                pair[field - 1] = in.readStringRequireUtf8();
            } else {
                in.skipField(tag);
            }
        }
        return pair;
    }

    private static int field(int tag) {
        return WireFormat.getTagFieldNumber(tag);
    }
}
