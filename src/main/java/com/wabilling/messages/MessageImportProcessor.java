package com.wabilling.messages;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.wabilling.support.csv.CsvRow;
import com.wabilling.support.rejects.Checked;
import com.wabilling.support.rejects.Reject;
import com.wabilling.support.rejects.RejectedRecordException;

/** Validates and normalises one exported message; runs concurrently (it holds no state). */
public class MessageImportProcessor implements ItemProcessor<CsvRow, Checked<ExportedMessage>> {

    @Override
    public Checked<ExportedMessage> process(CsvRow row) {
        try {
            return new Checked.Accepted<>(MessageRowMapper.map(row), row);
        } catch (RejectedRecordException e) {
            return new Checked.Rejected<>(Reject.of(row, e.getMessage()));
        }
    }
}
