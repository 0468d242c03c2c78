package com.wabilling.support.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A functional job test: the whole application on a real database (docs/development.md). Tagged
 * {@value #TAG}: {@code mvn test} leaves these out (the fast lane), {@code mvn -B verify} runs them,
 * on the embedded HSQLDB and again on an embedded PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(JobTest.TAG)
@SpringBootTest
public @interface JobTest {

    String TAG = "job";
}
