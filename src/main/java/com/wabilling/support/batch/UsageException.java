package com.wabilling.support.batch;

/** Bad usage or configuration: exit code 2 with a message saying what is wrong and what is accepted. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
