package com.wabilling.support;

/** Thrown by row mappers when a field breaks docs/formats.md; the message is the reject reason. */
public class RejectedRecordException extends RuntimeException {

    public RejectedRecordException(String reason) {
        super(reason, null, false, false); // no stack trace: rejects are expected and frequent
    }
}
