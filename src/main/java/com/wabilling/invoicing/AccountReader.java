package com.wabilling.invoicing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

import com.wabilling.pricing.BillingAccount;

/**
 * The billing accounts in waba_id order. For restart it saves the waba_ids already handed out, not
 * a position: an account added to accounts.csv since the failure is invoiced too.
 */
public class AccountReader extends ItemStreamSupport implements ItemStreamReader<BillingAccount> {

    private static final String DONE_KEY = "done";

    private final List<BillingAccount> accounts;
    private final Set<String> done = new LinkedHashSet<>();
    private int index;

    public AccountReader(List<BillingAccount> accounts) {
        setName("accounts");
        this.accounts = List.copyOf(accounts);
    }

    @Override
    public void open(ExecutionContext context) {
        done.clear();
        if (context.get(getExecutionContextKey(DONE_KEY)) instanceof List<?> saved) {
            saved.forEach(id -> done.add((String) id));
        }
        index = 0;
    }

    @Override
    public BillingAccount read() {
        while (index < accounts.size()) {
            BillingAccount account = accounts.get(index++);
            if (done.add(account.wabaId())) {
                return account;
            }
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.put(getExecutionContextKey(DONE_KEY), new ArrayList<>(done));
    }
}
