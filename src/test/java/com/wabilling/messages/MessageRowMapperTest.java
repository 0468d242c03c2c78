package com.wabilling.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.wabilling.support.RejectedRecordException;
import com.wabilling.support.csv.CsvFilesReader;
import com.wabilling.support.csv.CsvRow;

class MessageRowMapperTest {

    private static final String HEADER = "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,"
            + "template_name,template_language,timestamp,status,delivered_at,entry_point,meta_conversation_id,meta_category\n";

    @TempDir
    Path dir;

    @Test
    void mapsADeliveredTemplateNormalisingNumberAndTimes() throws IOException {
        ExportedMessage m = map("wamid.1,100,200,+5511987654321,OUTBOUND,template,order_update,pt_BR,"
                + "2023-06-01T09:00:00-03:00,read,1685620860,,conv-1,UTILITY");

        assertThat(m.customerWaId()).isEqualTo("5511987654321");
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2023-06-01T12:00:00Z"));
        assertThat(m.eventAt()).isEqualTo(Instant.parse("2023-06-01T12:01:00Z"));
        assertThat(m.metaCategory()).isEqualTo("utility");
    }

    @Test
    void undeliveredOutboundHasNoEventTime() throws IOException {
        assertThat(map("w2,100,200,5511987654321,outbound,text,,,1685620800,failed,,,,").eventAt()).isNull();
    }

    @Test
    void inboundCountsAtItsTimestampAndKeepsTheEntryPoint() throws IOException {
        ExportedMessage m = map("w3,100,200,5511987654321,inbound,text,,,1685620800000,,,ctwa_ad,,");

        assertThat(m.eventAt()).isEqualTo(Instant.parse("2023-06-01T12:00:00Z"));
        assertThat(m.entryPoint()).isEqualTo("ctwa_ad");
    }

    @Test
    void identicalContentInAnotherWrittenFormIsEqual() throws IOException {
        assertThat(map("w4,100,200,+5511987654321,inbound,text,,,2023-06-01T12:00:00Z,,,,,"))
                .isEqualTo(map("w4,100,200,5511987654321,inbound,text,,,1685620800,,,,,"));
    }

    @Test
    void rejectsBrokenRowsWithTheirReason() throws IOException {
        assertReject(",100,200,5511987654321,inbound,text,,,1685620800,,,,,", "message_id is empty");
        assertReject("w,1x0,200,5511987654321,inbound,text,,,1685620800,,,,,", "waba_id must be digits");
        assertReject("w,100,200,1234567,inbound,text,,,1685620800,,,,,", "E.164");
        assertReject("w,100,200,5511-98765,inbound,text,,,1685620800,,,,,", "E.164");
        assertReject("w,100,200,5511987654321,sideways,text,,,1685620800,,,,,", "direction must be");
        assertReject("w,100,200,5511987654321,inbound,text,,,2023-06-01T12:00:00,,,,,", "no time zone");
        assertReject("w,100,200,5511987654321,inbound,text,,,1685620800,,,facebook,,", "entry_point");
        assertReject("w,100,200,5511987654321,outbound,template,,en,1685620800,read,1685620801,,,", "template_name");
        assertReject("w,100,200,5511987654321,outbound,text,,,1685620800,,,,,", "status is empty");
        assertReject("w,100,200,5511987654321,outbound,text,,,1685620800,seen,,,,", "status must be");
        assertReject("w,100,200,5511987654321,outbound,text,,,1685620800,read,,,,", "delivered_at is empty");
        assertReject("w,100,200,5511987654321,outbound,text,,,1685620800,failed,1685620801,,,", "delivered_at given");
        assertReject("w,100,200", "ragged row");
    }

    @Test
    void aDeliveryStampedUpToFiveMinutesBeforeTheSendTimeIsClockSkewAndCountsAtItsDelivery() throws IOException {
        // the BSP stamps the send in milliseconds, Meta the delivery in whole seconds
        ExportedMessage m = map("skew.1,100,200,5511987654321,outbound,text,,,2023-06-01T10:38:57.733Z,delivered,"
                + "2023-06-01T10:38:57Z,,,");
        assertThat(m.eventAt()).isEqualTo(Instant.parse("2023-06-01T10:38:57Z"));
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2023-06-01T10:38:57.733Z"));

        // 1,685,616,237 s = 2023-06-01T10:43:57Z, exactly 5 minutes after the delivery at 10:38:57
        ExportedMessage edge = map("skew.2,100,200,5511987654321,outbound,text,,,1685616237000,read,"
                + "2023-06-01T10:38:57Z,,,");
        assertThat(edge.eventAt()).isEqualTo(Instant.parse("2023-06-01T10:38:57Z"));
        assertThat(edge.timestamp()).isEqualTo(Instant.parse("2023-06-01T10:43:57Z"));
    }

    @Test
    void aDeliveryMoreThanFiveMinutesBeforeTheSendTimeIsRejected() throws IOException {
        assertReject("skew.4,100,200,5511987654321,outbound,text,,,1685616237001,delivered,2023-06-01T10:38:57Z,,,",
                "delivered_at 2023-06-01T10:38:57Z is more than 5 minutes before timestamp 2023-06-01T10:43:57.001Z");
    }

    @Test
    void rejectsAValueLongerThanItsStoredColumnWhateverTheDirection() throws IOException {
        String ok = "w,100,200,5511987654321,outbound,template,%s,%s,1685620800,read,1685620801,,%s,%s";
        map(String.format(ok, "n".repeat(512), "e".repeat(16), "c".repeat(128), "m".repeat(32)));

        assertReject(String.format(ok, "n".repeat(513), "en", "", ""), "template_name is 513 characters long, at most 512");
        assertReject(String.format(ok, "n", "e".repeat(17), "", ""), "template_language is 17 characters long, at most 16");
        assertReject(String.format(ok, "n", "en", "c".repeat(129), ""), "meta_conversation_id is 129 characters long");
        assertReject(String.format(ok, "n", "en", "", "m".repeat(33)), "meta_category is 33 characters long, at most 32");
        assertReject("w,100,200,5511987654321,inbound," + "t".repeat(33) + ",,,1685620800,,,,,", "type is 33 characters");
        assertReject("w,100,200,5511987654321,inbound,text," + "n".repeat(513) + ",,1685620800,,,,,",
                "template_name is 513 characters long");
    }

    @Test
    void idsAndNamesWithAControlCharacterAreRejectedBlanksAroundThemAreNot() throws IOException {
        assertReject("wamid.a\u0000b,100,200,5511987654321,inbound,text,,,1685620800,,,,,",
                "message_id holds the control character U+0000 at position 8");
        assertReject("w,100,200,5511987654321,outbound,template,order\u0007shipped,en,1685620800,sent,,,,",
                "template_name holds the control character U+0007 at position 6");
        assertReject("w,100,200,5511987654321,outbound,text,,,1685620800,read,1685620801,,conv\u001b1,utility",
                "meta_conversation_id holds the control character U+001B");
        // a tab before a value is a blank like any other: stripped, the id kept
        assertThat(map("\t=1+1,100,200,5511987654321,inbound,text,,,1685620800,,,,,").messageId()).isEqualTo("=1+1");
    }

    @Test
    void aTimeBeforeAMonthBeforeTheFirstPricingRegimeIsRejectedAsABrokenClock() throws IOException {
        assertReject("w,100,200,5511987654321,inbound,text,,,0,,,,,", "timestamp 1970-01-01T00:00:00Z is before"
                + " 2023-05-01T00:00:00Z, a month before the first pricing regime (2023-06-01)");
        assertReject("w,100,200,5511987654321,inbound,text,,,1970-01-01T00:00:00Z,,,,,", "is before 2023-05-01");
        assertReject("w,100,200,5511987654321,outbound,text,,,2023-06-01T10:00:00Z,read,1970-01-01T00:00:00Z,,,",
                "delivered_at 1970-01-01T00:00:00Z is before 2023-05-01");
        assertThat(map("w,100,200,5511987654321,inbound,text,,,2023-05-01T00:00:00Z,,,,,").timestamp())
                .isEqualTo(Instant.parse("2023-05-01T00:00:00Z"));
        assertReject("w,100,200,5511987654321,inbound,text,,,2023-04-30T23:59:59.999Z,,,,,", "is before 2023-05-01");
    }

    private void assertReject(String line, String reason) throws IOException {
        CsvRow row = row(line);
        assertThatThrownBy(() -> MessageRowMapper.map(row)).isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining(reason);
    }

    private ExportedMessage map(String line) throws IOException {
        return MessageRowMapper.map(row(line));
    }

    private CsvRow row(String line) throws IOException {
        Path file = Files.writeString(Files.createTempFile(dir, "m", ".csv"), HEADER + line + "\n");
        CsvFilesReader reader = new CsvFilesReader("m", List.of(file), MessageRowMapper.REQUIRED_COLUMNS);
        reader.open(new ExecutionContext());
        CsvRow row = reader.read();
        reader.close();
        return row;
    }
}
