package com.wabilling.ops;

import java.nio.file.Path;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command-line side: launcher, job runner and ops actions. */
@Configuration(proxyBeanMethods = false)
public class OpsConfiguration {

    @Bean
    Launcher launcher(ApplicationContext context, JobRepository repository, JobOperator operator,
            @Value("${wa-billing.home:.}") String home) {
        return new Launcher(context, repository, operator, Path.of(home), System.out, System.err);
    }
}
