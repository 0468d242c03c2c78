package com.wabilling.invoicing;

import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

import com.wabilling.pricing.BillingAccount;

/** The billing accounts in waba_id order; saves how many were handed out, for restart. */
public class AccountReader extends ItemStreamSupport implements ItemStreamReader<BillingAccount> {

    private static final String INDEX_KEY = "index";

    private final List<BillingAccount> accounts;
    private int index;

    public AccountReader(List<BillingAccount> accounts) {
        setName("accounts");
        this.accounts = List.copyOf(accounts);
    }

    @Override
    public void open(ExecutionContext context) {
        index = context.getInt(getExecutionContextKey(INDEX_KEY), 0);
    }

    @Override
    public BillingAccount read() {
        return index < accounts.size() ? accounts.get(index++) : null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(getExecutionContextKey(INDEX_KEY), index);
    }
}
