package io.ledgerline.ops;

/** Something the operator must fix before the command can run (an unreachable service, a missing queue). */
final class OpsFailure extends RuntimeException {

    OpsFailure(String message) {
        super(message);
    }
}
