package com.wabilling.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


class TimestampsTest {

    private static final Instant EXPECTED = Instant.parse("2023-06-01T10:15:30Z");

    @ParameterizedTest
    @ValueSource(strings = {"2023-06-01T10:15:30Z", "2023-06-01T12:15:30+02:00", "2023-06-01T07:15:30-03:00",
        "1685614530", "1685614530000"})
    void acceptsEveryFormOfFormatsMd(String value) {
        assertThat(Timestamps.parse("timestamp", value)).isEqualTo(EXPECTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-06-01T10:15:30.250Z", "2023-06-01T12:15:30.25+02:00", "1685614530250"})
    void keepsFractions(String value) {
        assertThat(Timestamps.parse("timestamp", value)).isEqualTo(EXPECTED.plusMillis(250));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-06-01T10:15:30", "2023-06-01 10:15"})
    void rejectsTimestampsWithoutZone(String value) {
        assertThatThrownBy(() -> Timestamps.parse("timestamp", value)).isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining("no time zone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2023-13-01T00:00:00Z", "", "12345678901234567890"})
    void rejectsWhatIsNoTimestamp(String value) {
        assertThatThrownBy(() -> Timestamps.parse("timestamp", value)).isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining("timestamp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-06-01T10:15:30.999Z"})
    void formatsAsUtcWithoutFractions(String value) {
        assertThat(Timestamps.format(Timestamps.parse("t", value))).isEqualTo("2023-06-01T10:15:30Z");
    }
}
