package com.wabilling.support.config;

import java.time.Duration;

/** How often long steps print their progress (wa-billing.progress-seconds, default 5). */
public record ProgressInterval(Duration value) {
}
