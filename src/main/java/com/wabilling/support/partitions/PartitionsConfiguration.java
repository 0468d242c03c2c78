package com.wabilling.support.partitions;

import javax.sql.DataSource;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Remote partitioning, switched on by {@code WA_BILLING_BROKER_URL} (docs/operations.md, "Workers"). */
@Configuration(proxyBeanMethods = false)
public class PartitionsConfiguration {

    @Bean
    RemotePartitions remotePartitions(JobRepository repository, DataSource dataSource,
            @Value("${wa-billing.broker.url:}") String url, @Value("${wa-billing.broker.user:}") String user,
            @Value("${wa-billing.broker.password:}") String password,
            @Value("${wa-billing.broker.poll-millis:1000}") long pollMillis,
            @Value("${wa-billing.broker.worker-wait-seconds:600}") long waitSeconds) {
        return RemotePartitions.of(url, user, password, pollMillis, waitSeconds, repository, dataSource);
    }
}
