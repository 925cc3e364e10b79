package io.ledgerline.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads and writes Avro records framed as the registry serdes frame them: a zero byte, the 4-byte content id of the
 * writer schema in Apicurio Registry, then the Avro binary body. Records written by Apicurio's serdes read here, and
 * records written here read with theirs; the difference is cost. Each schema is looked up once per process and its
 * datum reader or writer is kept, instead of being rebuilt (with a schema fingerprint) for every record, and
 * {@link #prefetch} resolves every version of the given topics' schemas at start-up, all requests in parallel, so a
 * restarted service does not pay for cold lookups while it takes over its partitions.
 *
 * <p>Writes register the generated class's full schema text (find-or-create, as {@link RegisterSchemas} does), so a
 * reader needs a single request for them. Schemas the serdes registered with references are resolved reference by
 * reference. Thread-safe.
 *
 * <p>Registry failures (unreachable, or a 5xx) surface as {@link UncheckedIOException}: a passing outage, retry.
 * An unknown id, a record type without generated class or bytes that do not decode surface as
 * {@link IllegalStateException}: the record is not ours, set it aside.
 */
public final class RegistryCodec {

    private static final int HEADER = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ConcurrentMap<String, Integer> writeIds = new ConcurrentHashMap<>();
    private final ConcurrentMap<Schema, SpecificDatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();
    /** Lookups in progress or done; a failed one is forgotten so that the next record tries again. */
    private final ConcurrentMap<Integer, CompletableFuture<SpecificDatumReader<Object>>> readers =
            new ConcurrentHashMap<>();
    /** Lookups block on the registry: on virtual threads, never on a caller's lock or a shared pool. */
    private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();

    /** @param registryUrl the registry's v3 API base, e.g. {@code http://127.0.0.1:8085/apis/registry/v3} */
    public RegistryCodec(String registryUrl) {
        this.baseUrl = registryUrl.replaceAll("/+$", "");
    }

    /** True for bytes that carry the registry framing (they may still name a schema this registry doesn't know). */
    public static boolean isFramed(byte[] value) {
        return value != null && value.length >= HEADER && value[0] == 0;
    }

    /**
     * True when the failure is the registry's, passing (unreachable, or a 5xx): retry the record, never set it
     * aside, for skipping a real event would fork its queue's history. Bad bytes never carry this mark.
     */
    public static boolean isOutage(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    /** The record framed for {@code topic}: its schema is registered (or found) as artifact {@code <topic>-value}. */
    public byte[] encode(String topic, SpecificRecord record) {
        int id = writeIds.computeIfAbsent(topic + '\n' + record.getSchema().getFullName(),
                key -> register(topic + "-value", record.getSchema()));
        SpecificDatumWriter<SpecificRecord> writer = writers.computeIfAbsent(record.getSchema(),
                schema -> new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        bytes.write(0);
        bytes.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The generated-class record in the framed bytes, read with the writer's schema into the current one. */
    public Object decode(byte[] value) {
        if (!isFramed(value)) {
            throw new IllegalStateException("not a registry-framed Avro record");
        }
        int id = ByteBuffer.wrap(value, 1, 4).getInt();
        SpecificDatumReader<Object> reader;
        try {
            reader = reader(id).join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(value, HEADER, value.length - HEADER, null));
        } catch (IOException | RuntimeException e) {
            // A body that ends early is an EOFException: bad bytes, not a passing outage, so no IOException cause.
            throw new IllegalStateException("record of schema " + id + " cannot be read: " + e);
        }
    }

    /**
     * Looks up, in parallel, every registered version of the value schema of each topic, so that the first records a
     * service reads are decoded without waiting on the registry. Versions that fail to load are left to be loaded on
     * first use; this never throws.
     */
    public void prefetch(Collection<String> topics) {
        List<CompletableFuture<?>> lookups = new ArrayList<>();
        for (String topic : topics) {
            lookups.add(getAsync("/groups/default/artifacts/" + encode(topic + "-value") + "/versions?limit=100")
                    .thenCompose(versions -> {
                        List<CompletableFuture<?>> each = new ArrayList<>();
                        for (JsonNode version : versions.path("versions")) {
                            each.add(reader(version.path("contentId").asInt()));
                        }
                        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new));
                    })
                    .exceptionally(e -> null));
        }
        CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * {@link #prefetch} on a daemon thread of its own, so that a service's start-up does not wait for it; completes
     * with how long it took.
     */
    public CompletableFuture<Duration> prefetchInBackground(Collection<String> topics) {
        CompletableFuture<Duration> done = new CompletableFuture<>();
        Thread.ofPlatform().name("schema-prefetch").daemon().start(() -> {
            long started = System.nanoTime();
            prefetch(topics);
            done.complete(Duration.ofNanos(System.nanoTime() - started));
        });
        return done;
    }

    /** How many writer schemas are known, for tests and diagnostics. */
    public int knownSchemas() {
        return (int) readers.values().stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
    }

    private CompletableFuture<SpecificDatumReader<Object>> reader(int contentId) {
        CompletableFuture<SpecificDatumReader<Object>> lookup = readers.computeIfAbsent(contentId,
                id -> CompletableFuture.supplyAsync(() -> readerFor(id), lookups));
        lookup.whenComplete((reader, error) -> {
            if (error != null) {
                readers.remove(contentId, lookup);
            }
        });
        return lookup;
    }

    private int register(String artifactId, Schema schema) {
        try {
            return Math.toIntExact(RegisterSchemas.register(http, baseUrl, artifactId, schema.toString()).contentId());
        } catch (RegisterSchemas.RegistrationException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while registering " + artifactId, e));
        }
    }

    private SpecificDatumReader<Object> readerFor(int contentId) {
        Schema writer = writerSchema(contentId);
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null || !SpecificRecord.class.isAssignableFrom(generated)) {
            throw new IllegalStateException("schema " + contentId + " (" + writer.getFullName()
                    + ") has no generated class in this service");
        }
        Schema current = SpecificData.get().getSchema(generated);
        return new SpecificDatumReader<>(writer, current, SpecificData.getForSchema(current));
    }

    /** The content id of the writer schema a framed record names. */
    public static int contentId(byte[] framed) {
        if (!isFramed(framed)) {
            throw new IllegalStateException("not a registry-framed Avro record");
        }
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }

    /** The same record naming another content id (of the same schema, in another registry): the body is unchanged. */
    public static byte[] reframe(byte[] framed, int contentId) {
        byte[] copy = framed.clone();
        ByteBuffer.wrap(copy, 1, 4).putInt(contentId);
        return copy;
    }

    /**
     * Registers (or finds) {@code schema} as a version of artifact {@code <topic>-value}; answers its content id, the
     * id records written with it carry.
     */
    public int registerValueSchema(String topic, Schema schema) {
        return register(topic + "-value", schema);
    }

    /**
     * The schema with this content id, its references parsed first, all fetched in parallel: one self-contained
     * schema, as a writer of records with this id used it.
     */
    public Schema writerSchema(int contentId) {
        Map<String, String> texts = new LinkedHashMap<>();
        collect(get("/ids/contentIds/" + contentId + "/references"), texts);
        Schema.Parser parser = new Schema.Parser();
        texts.values().forEach(parser::parse);
        return parser.parse(getText("/ids/contentIds/" + contentId));
    }

    /** Adds the texts of the referenced schemas, dependencies before the schemas that use them. */
    private void collect(JsonNode references, Map<String, String> texts) {
        Map<String, CompletableFuture<String>> contents = new LinkedHashMap<>();
        Map<String, CompletableFuture<JsonNode>> nested = new LinkedHashMap<>();
        for (JsonNode reference : references) {
            String name = reference.path("name").asText();
            if (texts.containsKey(name) || contents.containsKey(name)) {
                continue;
            }
            String version = "/groups/" + encode(reference.path("groupId").asText("default")) + "/artifacts/"
                    + encode(reference.path("artifactId").asText()) + "/versions/" + encode(reference.path("version").asText());
            contents.put(name, getTextAsync(version + "/content"));
            nested.put(name, getAsync(version + "/references"));
        }
        for (String name : contents.keySet()) {
            collect(nested.get(name).join(), texts);
            texts.putIfAbsent(name, contents.get(name).join());
        }
    }

    private JsonNode get(String path) {
        try {
            return getAsync(path).join();
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
    }

    private String getText(String path) {
        try {
            return getTextAsync(path).join();
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
    }

    private CompletableFuture<JsonNode> getAsync(String path) {
        return getTextAsync(path).thenApply(text -> {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new IllegalStateException("registry answered " + path + " with no JSON: " + e.getMessage(), e);
            }
        });
    }

    private CompletableFuture<String> getTextAsync(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, error) -> {
                    if (error != null) {
                        throw new UncheckedIOException(new IOException("registry unreachable at " + baseUrl + path
                                + ": " + error, error));
                    }
                    if (response.statusCode() / 100 == 4) {
                        throw new IllegalStateException("registry answered HTTP " + response.statusCode() + " to "
                                + path + ": no such schema");
                    }
                    if (response.statusCode() / 100 != 2) {
                        throw new UncheckedIOException(new IOException("registry answered HTTP "
                                + response.statusCode() + " to " + path));
                    }
                    return response.body();
                });
    }

    private static RuntimeException unwrap(RuntimeException e) {
        return e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
