package io.ledgerline.command.store;

import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.command.model.RememberedOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The bytes of one remembered outcome in the idempotency store: a version byte, the 16-byte fingerprint, the decision
 * time, then the outcome. Compact on purpose: at 2,000 commands a second a day is 170 million of them.
 */
final class OutcomeCodec {

    private static final byte VERSION = 1;
    private static final byte ACCEPTED = 'A';
    private static final byte REJECTED = 'R';
    private static final HexFormat HEX = HexFormat.of();

    private OutcomeCodec() {}

    static byte[] key(String queueId, String commandId) {
        // Ids never hold a NUL (FieldLimits), so queueId NUL commandId is unambiguous.
        return (queueId + '\u0000' + commandId).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encode(RememberedOutcome remembered) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.write(HEX.parseHex(remembered.fingerprint()));
            out.writeLong(remembered.decidedAt().toEpochMilli());
            switch (remembered.outcome()) {
                case CommandOutcome.Accepted a -> {
                    out.writeByte(ACCEPTED);
                    out.writeLong(a.firstSequence());
                    out.writeInt((int) (a.lastSequence() - a.firstSequence()));
                    out.writeUTF(a.entryId() == null ? "" : a.entryId());
                    out.writeUTF(a.entryNumber() == null ? "" : a.entryNumber()); // absent in values written before
                    out.writeUTF(a.redirectedTo() == null ? "" : a.redirectedTo()); // the same
                }
                case CommandOutcome.Rejected r -> {
                    out.writeByte(REJECTED);
                    out.writeUTF(r.reason());
                    out.writeUTF(r.detail());
                }
                // A bulk command's queues keep their own state: a repeat is decided again and changes nothing.
                case CommandOutcome.BulkApplied b -> throw new IllegalArgumentException("bulk outcomes are not kept");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static RememberedOutcome decode(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("idempotency store value of unknown version " + version);
            }
            byte[] fingerprint = in.readNBytes(16);
            Instant decidedAt = Instant.ofEpochMilli(in.readLong());
            CommandOutcome outcome = switch (in.readByte()) {
                case ACCEPTED -> {
                    long first = in.readLong();
                    long last = first + in.readInt();
                    String entryId = in.readUTF();
                    String entryNumber = in.available() > 0 ? in.readUTF() : "";
                    String redirectedTo = in.available() > 0 ? in.readUTF() : "";
                    yield new CommandOutcome.Accepted(first, last, entryId.isEmpty() ? null : entryId,
                            entryNumber.isEmpty() ? null : entryNumber, redirectedTo.isEmpty() ? null : redirectedTo);
                }
                case REJECTED -> new CommandOutcome.Rejected(in.readUTF(), in.readUTF());
                default -> throw new IllegalStateException("idempotency store value of unknown outcome kind");
            };
            return new RememberedOutcome(HEX.formatHex(fingerprint), decidedAt, outcome);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
