package com.wabilling.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.wabilling.support.RejectedRecordException;
import com.wabilling.support.csv.CsvFilesReader;
import com.wabilling.support.csv.CsvRow;

/** docs/formats.md, messages CSV: customer_user_id and sent_via, row by row. */
class UserIdRowsTest {

    private static final String HEADER = "message_id,waba_id,phone_number_id,customer_wa_id,customer_user_id,direction,"
            + "type,template_name,template_language,timestamp,status,delivered_at,sent_via\n";
    private static final String SENT = ",outbound,template,promo,en,2026-03-01T10:00:00Z,delivered,2026-03-01T10:00:05Z,";

    @TempDir
    Path dir;

    @Test
    void aRowNamingTheCustomerByUserIdAloneKeepsTheIdAsWritten() throws IOException {
        ExportedMessage m = map("w1,100,200,,BR.8c1f0aAB12" + SENT);

        assertThat(m.customerWaId()).isNull();
        assertThat(m.customerUserId()).isEqualTo("BR.8c1f0aAB12");
        assertThat(m.customerKey()).isEqualTo("BR.8c1f0aAB12");
        assertThat(UserIds.country(m.customerUserId())).isEqualTo("BR");
    }

    @Test
    void theParentBusinessFormIsAUserIdOfItsCountry() throws IOException {
        ExportedMessage m = map("w1,100,200,+14155550100,US.ENT.4d00ff" + SENT);

        assertThat(m.customerUserId()).isEqualTo("US.ENT.4d00ff");
        assertThat(m.customerWaId()).isEqualTo("14155550100");
        assertThat(UserIds.country("US.ENT.4d00ff")).isEqualTo("US");
        assertThat(UserIds.isUserIdKey("US.ENT.4d00ff")).isTrue();
        assertThat(UserIds.isUserIdKey("14155550100")).isFalse();
    }

    @Test
    void aRowWithNeitherIdIsRejected() throws IOException {
        assertReject("w1,100,200,," + SENT, "a row needs customer_wa_id or customer_user_id");
    }

    @Test
    void aUserIdInCustomerWaIdIsRejectedNotReadAsANumber() throws IOException {
        assertReject("w1,100,200,BR.8c1f0a," + SENT, "user_id_in_wa_id");
        assertReject("w1,100,200,us.ENT.55," + SENT, "user_id_in_wa_id");
        // a number with stray characters stays what it was: not a phone number
        assertReject("w1,100,200,55-11," + SENT, "is not an E.164 number");
    }

    @Test
    void aMalformedUserIdIsRejected() throws IOException {
        assertReject("w1,100,200,,5511987654321" + SENT, "customer_user_id is not a business-scoped user id");
        assertReject("w1,100,200,,BRA.8c1f" + SENT, "customer_user_id is not a business-scoped user id");
        assertReject("w1,100,200,,BR.8c-1f" + SENT, "customer_user_id is not a business-scoped user id");
        assertThat(map("w1,100,200,,BR.ENT." + "a".repeat(128) + SENT).customerUserId()).hasSize(135);
        assertReject("w1,100,200,,BR." + "a".repeat(129) + SENT, "customer_user_id is not a business-scoped user id");
        assertReject("w1,100,200,,BR.ENT." + "a".repeat(129) + SENT, "customer_user_id is 136 characters long");
    }

    @Test
    void sentViaIsCloudApiByDefaultAndOnlyTheMarketingMessagesApiIsKept() throws IOException {
        assertThat(map("w1,100,200,5511987654321," + SENT).sentVia()).isNull();
        assertThat(map("w1,100,200,5511987654321," + SENT + "cloud_api").sentVia()).isNull();
        assertThat(map("w1,100,200,5511987654321," + SENT + "Marketing_Messages_API").sentVia())
                .isEqualTo(ExportedMessage.MARKETING_MESSAGES_API);
        assertReject("w1,100,200,5511987654321," + SENT + "on_premises", "sent_via must be cloud_api,"
                + " marketing_messages_api or empty: 'on_premises'");
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
