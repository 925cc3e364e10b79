// An integrator in Node.js that speaks Ledgerline's Kafka contract (schemas/asyncapi.yaml) with nothing of ours:
// it creates a queue and joins it by writing Avro commands to the commands topic, then reads the join's result and
// the queue's events back.
//   node join-and-read.mjs <bootstrap> <ccompat registry url> <topic prefix> <queueId>
// e.g. node join-and-read.mjs 127.0.0.1:9092 http://127.0.0.1:8085/apis/ccompat/v7 "" my-queue
// Prints one JSON line per fact it established and exits 0; exits 1 with a message on stderr otherwise.
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';

if (process.argv.length !== 6 || !process.argv[5]) {
  console.error('usage: node join-and-read.mjs <bootstrap> <ccompat registry url> <topic prefix: "" or test.> <queueId>');
  process.exit(2);
}
const [bootstrap, registryUrl, prefix, queueId] = process.argv.slice(2);
const topics = {
  commands: `${prefix}ledgerline.queue-commands.v1`,
  results: `${prefix}ledgerline.command-results.v1`,
  events: `${prefix}ledgerline.queue-events.v1`,
};
const say = (fact) => console.log(JSON.stringify(fact));
const fail = (message) => {
  console.error(`join-and-read: ${message}`);
  process.exit(1);
};
// What the run is waiting for, said when it fails or gives up.
let step = `the schema registry at ${registryUrl}`;
const timer = setTimeout(() => fail(`gave up after 30 s waiting for ${step}`), 30_000);
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (error) => fail(`failed waiting for ${step}: ${error?.message ?? error}`));
}

// Schemas come from the registry's Confluent-compatible API, never from local .avsc files: the registry holds the
// contract, and the library resolves the schema's references (other subjects) through the same API.
const registry = new SchemaRegistry({ host: registryUrl });
// The value subject of a topic is <topic>-value (topic-name strategy); its latest version is the writer schema.
const subject = `${topics.commands}-value`;
const schemaId = await registry.getLatestSchemaId(subject);
const commandType = await registry.getSchema(schemaId);
if (commandType.name !== 'ledgerline.queue.v1.QueueCommandEnvelope') {
  fail(`${subject} is ${commandType.name}, not ledgerline.queue.v1.QueueCommandEnvelope`);
}
say({ subject, schemaId, schema: commandType.name });

// kafkajs's own log lines go to stderr, so that stdout carries only the facts.
const kafka = new Kafka({
  clientId: 'ledgerline-example-node',
  brokers: bootstrap.split(','),
  logLevel: logLevel.WARN,
  logCreator: () => ({ label, log }) => console.error(`kafkajs ${label}: ${log.message}`),
});

// Positions taken before sending: everything this run causes comes after them, so a fresh consumer group reads
// neither the whole history nor races the service to the end of the topics.
step = `Kafka at ${bootstrap}`;
const admin = kafka.admin();
await admin.connect();
const startAt = [];
for (const topic of [topics.results, topics.events]) {
  for (const { partition, offset } of await admin.fetchTopicOffsets(topic)) startAt.push({ topic, partition, offset });
}
await admin.disconnect();

// The payload is an Avro union of one record per command. Its branches are all records, which avsc (under the
// library) cannot tell apart by shape, so it takes such a union wrapped: { "<full record name>": { ...fields } }.
// Nullable unions (["null", "string"]) stay bare: null or the value. Fields with a default may be left out, and
// timestamp-millis values are plain numbers of epoch milliseconds.
const command = (name, payload) => ({
  commandId: randomUUID(), // the idempotency key: a fresh one per command, or the service answers the first again
  queueId,
  issuedAt: Date.now(),
  actor: 'example:node', // only a claim: nothing vouches for it, so the events record topic:unauthenticated
  payload: { [`ledgerline.queue.v1.${name}`]: payload },
  requestId: null,
});
const create = command('CreateQueue', { name: `Node example ${queueId}`, capacity: 10, settings: null });
const join = command('JoinQueue', { entryId: `node-${randomUUID()}`, priority: 'NORMAL', joinedAt: Date.now() });

// Union values read back are wrapped the same way: the one key names the branch.
const branch = (union) => {
  const [name] = Object.keys(union);
  return [name.slice(name.lastIndexOf('.') + 1), union[name]];
};
const results = new Map(); // commandId -> [outcome name, outcome fields]
const events = []; // [event type name, envelope], in log order
let done;
const finished = new Promise((resolve) => { done = resolve; });

// readUncommitted: false is read_committed: the service writes results and events in transactions, and a record of
// an aborted one never happened.
const consumer = kafka.consumer({ groupId: `ledgerline-example-node-${randomUUID()}`, readUncommitted: false });
await consumer.connect();
await consumer.subscribe({ topics: [topics.results, topics.events] });
await consumer.run({
  eachMessage: async ({ topic, message }) => {
    const key = message.key?.toString();
    // decode() reads the schema id in the record's framing and fetches that schema (and its references).
    if (topic === topics.results && (key === create.commandId || key === join.commandId)) {
      const [outcome, fields] = branch((await registry.decode(message.value)).outcome);
      results.set(key, [outcome, fields]);
      say({ result: key === join.commandId ? 'JoinQueue' : 'CreateQueue', commandId: key, outcome, ...fields });
    } else if (topic === topics.events && key === queueId) {
      const event = await registry.decode(message.value);
      const [type] = branch(event.payload);
      events.push([type, event]);
      say({ event: type, sequence: event.sequence, actor: event.actor, causationCommandId: event.causationCommandId });
    }
    const joined = results.get(join.commandId);
    if (joined && (joined[0] !== 'CommandAccepted' || events.some(([, e]) => e.causationCommandId === join.commandId))) {
      done();
    }
  },
});
for (const position of startAt) consumer.seek(position);

// The record key is the queue id. kafkajs's default partitioner is the Java client's (murmur2 of the key), so a
// queue's commands land on the partition every other producer uses for that queue, and stay in order there.
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
await producer.connect();
for (const [name, value] of [['CreateQueue', create], ['JoinQueue', join]]) {
  const [sent] = await producer.send({
    topic: topics.commands,
    messages: [{ key: queueId, value: await registry.encode(schemaId, value) }],
  });
  say({ sent: name, commandId: value.commandId, topic: topics.commands, partition: sent.partition, offset: sent.baseOffset });
}
await producer.disconnect();

step = `the result of JoinQueue ${join.commandId} on ${topics.results} and its events on ${topics.events}`
  + ` (a command the service cannot read goes to ${prefix}ledgerline.dead-letter.v1 instead)`;
await finished;
clearTimeout(timer);
await consumer.disconnect();
const [outcome, fields] = results.get(join.commandId);
if (outcome !== 'CommandAccepted') fail(`the join was not accepted: ${outcome} ${JSON.stringify(fields)}`);
const joined = events.find(([, e]) => e.causationCommandId === join.commandId)[1];
say({ join: 'accepted', entryId: fields.entryId, events: events.map(([type]) => type), actor: joined.actor });
process.exit(0);
