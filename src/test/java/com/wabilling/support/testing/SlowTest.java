package com.wabilling.support.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A slow integration test with child JVMs (killed with SIGKILL, stopped with SIGTERM, or the real
 * launcher script): only in {@code mvn -B verify} (docs/development.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(SlowTest.TAG)
public @interface SlowTest {

    String TAG = "slow";
}
