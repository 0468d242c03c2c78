package com.wabilling.analytics;

import com.wabilling.support.Refusal;

/** A saved pricing_analytics response that is not as Meta sends it: names the file and the JSON path. */
public class MalformedAnalyticsException extends Refusal {

    private final String file;
    private final String path;

    public MalformedAnalyticsException(String file, String path, String problem) {
        super(file + " is not a pricing_analytics response as Meta sends it: at " + path + ": " + problem,
                "fix or remove " + file + " (save Meta's response to GET /<waba_id>?fields=pricing_analytics... as it"
                        + " came), then run the same command again");
        this.file = file;
        this.path = path;
    }

    public String file() {
        return file;
    }

    /** Where in the document, as {@code $.pricing_analytics.data[0].data_points[3].volume}. */
    public String path() {
        return path;
    }
}
