package io.edgemesh.common.sqs;

/**
 * A message that can never succeed (unparseable, unknown type, invalid data). It is still reported
 * as a batch item failure, so the queue's redrive policy moves it to the DLQ after its receive count:
 * nothing is dropped silently, and an operator can inspect and replay it.
 */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message) { super(message); }

    public PoisonMessageException(String message, Throwable cause) { super(message, cause); }
}
