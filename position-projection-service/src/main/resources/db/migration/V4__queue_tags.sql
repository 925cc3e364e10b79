-- A queue's tags (QueueCreated / QueueConfigured settings), one row each, so that a group of queues (all carrying one
-- tag) is found by an index: joining the least busy queue of a group reads its queues' loads from here.
CREATE TABLE queue_tags (
    queue_id VARCHAR(128) NOT NULL,
    tag      VARCHAR(128) NOT NULL,
    PRIMARY KEY (queue_id, tag)
);
CREATE INDEX queue_tags_by_tag ON queue_tags (tag, queue_id);
