package com.wabilling.support.partitions;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.jms.core.JmsTemplate;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Requests to run a partition, as persistent text messages on {@link Broker#QUEUE}: the partition's step and
 * step execution, and its job execution as a property (a worker looks the execution up in the shared job
 * repository; nothing else travels).
 */
public final class PartitionRequests {

    static final String JOB_EXECUTION = "jobExecutionId";

    private final JmsTemplate jms;

    public PartitionRequests(jakarta.jms.ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setDefaultDestinationName(Broker.QUEUE);
    }

    /** A request as a worker reads it. */
    public record Request(long jobExecutionId, StepExecutionRequest step) {
    }

    public void send(StepExecution partition) {
        Request request = new Request(partition.getJobExecutionId(),
                new StepExecutionRequest(partition.getStepName(), partition.getId()));
        jms.send(session -> message(session, request));
    }

    /** The request as a new message of {@code session}. */
    static Message message(Session session, Request request) throws JMSException {
        TextMessage message = session.createTextMessage(request.step().getStepExecutionId() + " "
                + request.step().getStepName());
        message.setLongProperty(JOB_EXECUTION, request.jobExecutionId());
        return message;
    }

    static Request parse(Message message) throws JMSException {
        String text = ((TextMessage) message).getText();
        int space = text.indexOf(' ');
        return new Request(message.getLongProperty(JOB_EXECUTION),
                new StepExecutionRequest(text.substring(space + 1), Long.parseLong(text.substring(0, space))));
    }
}
