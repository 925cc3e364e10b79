package io.ledgerline.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The layout of a backup directory: {@code manifest.json} (what was copied, from which topics, with their partitions
 * and settings), {@code topics/<topic>/<partition>.records.gz} (the records of one partition in offset order: key,
 * value, timestamp and headers, byte for byte), {@code schemas/<contentId>.avsc} (each writer schema a record names,
 * self-contained). Topic names are kept without the source's prefix, so a restore may use another.
 */
final class BackupArchive {

    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What of a topic a backup keeps. */
    enum Content {
        /** Every record; values are registry-framed Avro, their schemas kept and their ids mapped on restore. */
        AVRO,
        /** Every record, byte for byte (dead letters: the evidence as it was). */
        BYTES,
        /** Only the topic itself, created empty on restore (checkpoints: they name offsets a restore changes). */
        NONE
    }

    /** One topic copied: its partitions, the settings it had beyond the broker's defaults, records per partition. */
    record TopicCopy(String topic, int partitions, Map<String, String> config, List<Long> records, Content content) {}

    /**
     * @param sourcePrefix the topic prefix of the stack it came from ('' or 'test.')
     * @param schemas      content ids of the writer schemas in {@code schemas/}
     */
    record Manifest(int format, String createdAt, String sourcePrefix, List<TopicCopy> topics, List<Integer> schemas) {}

    /** One record as it was: null key or value stay null. */
    record CopiedRecord(byte[] key, byte[] value, long timestamp, List<Header> headers) {}

    private BackupArchive() {}

    static Path manifest(Path dir) {
        return dir.resolve("manifest.json");
    }

    static Path partitionFile(Path dir, String topic, int partition) {
        return dir.resolve("topics").resolve(topic).resolve(partition + ".records.gz");
    }

    static Path schemaFile(Path dir, int contentId) {
        return dir.resolve("schemas").resolve(contentId + ".avsc");
    }

    static void writeManifest(Path dir, Manifest manifest) throws IOException {
        JSON.writeValue(manifest(dir).toFile(), manifest);
    }

    static Manifest readManifest(Path dir) throws IOException {
        if (!Files.isRegularFile(manifest(dir))) {
            throw new OpsFailure(dir + " holds no backup (no manifest.json)");
        }
        Manifest manifest = JSON.readValue(manifest(dir).toFile(), Manifest.class);
        if (manifest.format() != FORMAT) {
            throw new OpsFailure("backup format " + manifest.format() + " is not " + FORMAT + ", which this tool reads");
        }
        return manifest;
    }

    /** Appends records to one partition's file. */
    static final class RecordWriter implements Closeable {

        private final DataOutputStream out;

        RecordWriter(Path file) throws IOException {
            Files.createDirectories(file.getParent());
            out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file),
                    1 << 16), 1 << 16));
        }

        void write(String key, byte[] value, long timestamp, Iterable<Header> headers) throws IOException {
            bytes(key == null ? null : key.getBytes(StandardCharsets.UTF_8));
            bytes(value);
            out.writeLong(timestamp);
            List<Header> all = new ArrayList<>();
            headers.forEach(all::add);
            out.writeInt(all.size());
            for (Header header : all) {
                out.writeUTF(header.key());
                bytes(header.value());
            }
        }

        private void bytes(byte[] bytes) throws IOException {
            if (bytes == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads one partition's file back, in the order it was written. */
    static final class RecordReader implements Closeable {

        private final DataInputStream in;

        RecordReader(Path file) throws IOException {
            in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                    1 << 16));
        }

        /** The next record, or null at the end. */
        CopiedRecord next() throws IOException {
            int keyLength;
            try {
                keyLength = in.readInt();
            } catch (EOFException end) {
                return null;
            }
            byte[] key = bytes(keyLength);
            byte[] value = bytes(in.readInt());
            long timestamp = in.readLong();
            int count = in.readInt();
            List<Header> headers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                headers.add(new RecordHeader(name, bytes(in.readInt())));
            }
            return new CopiedRecord(key, value, timestamp, headers);
        }

        private byte[] bytes(int length) throws IOException {
            if (length < 0) {
                return null;
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return bytes;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
