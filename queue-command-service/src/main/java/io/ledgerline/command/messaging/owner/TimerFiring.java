package io.ledgerline.command.messaging.owner;

import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.command.messaging.ActorSeal;
import io.ledgerline.command.messaging.CommandMapper;
import io.ledgerline.command.model.LotterySeeds;
import io.ledgerline.command.model.QueueBook;
import io.ledgerline.queue.DrawLottery;
import io.ledgerline.queue.QueueCommand;
import io.ledgerline.schemas.RegistryCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends the commands that time calls for (a sleeping queue's wake, ...) onto the commands topic, to the partition of
 * their queue, where they are decided like any other command. Going through the topic keeps one road for every
 * change and leaves each timer's firing on the log; the id the domain gives each timer makes a second firing (after
 * a restart or a rebalance) a repeat that the idempotency window answers without appending.
 */
@ApplicationScoped
public class TimerFiring {

    /** Who the events of a timer name as their actor. */
    public static final String ACTOR = "ledgerline:timer";

    private final String commandsTopic;
    private final CommandMapper commands;
    private final RegistryCodec codec;
    private final Counter fired;
    private final LotterySeeds seeds;
    private final ActorSeal seal;

    public TimerFiring(CommandServiceConfig config, CommandMapper commands, RegistryCodec codec,
                       MeterRegistry registry, LotterySeeds seeds, ActorSeal seal) {
        this.seeds = seeds;
        this.seal = seal;
        this.commandsTopic = config.topics().commands();
        this.commands = commands;
        this.codec = codec;
        this.fired = Counter.builder("ledgerline.command.timers.fired")
                .description("timer commands sent to the commands topic").register(registry);
    }

    /**
     * A lottery's draw is the one timer command the domain cannot complete: the seed is this service's secret. Without
     * a lottery key it goes without one and is refused, and the queue waits for an instance that has the key.
     */
    private QueueCommand withSecrets(QueueCommand command) {
        return command instanceof DrawLottery draw && draw.seed() == null
                ? draw.withSeed(seeds.seedFor(draw.queueId(), draw.lotteryId()).orElse("no lottery key"))
                : command;
    }

    /** Sends, in one transaction, every command of {@code book} due at {@code now}. */
    void fire(QueueBook book, KafkaProducer<String, byte[]> producer, Instant now) {
        List<QueueBook.DueCommand> due = book.due(now);
        if (due.isEmpty()) {
            return;
        }
        producer.beginTransaction();
        try {
            for (QueueBook.DueCommand command : due) {
                var envelope = commands.toAvro(command.timer().commandId(), null, ACTOR, now,
                        withSecrets(command.timer().command()));
                producer.send(new ProducerRecord<>(commandsTopic, command.partition(), envelope.getQueueId(),
                        codec.encode(commandsTopic, envelope),
                        java.util.List.of(seal.header(envelope.getCommandId(), ACTOR))));
            }
            producer.commitTransaction();
        } catch (RuntimeException e) {
            Transactions.abortQuietly(producer, e);
            throw e;
        }
        fired.increment(due.size());
    }
}
